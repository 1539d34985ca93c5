"""The words that go with a figure: drafted from the data, and checked against it once someone edits them.

The register follows the update column of a budget metrics report (the figure, the period, and the change on
the same period last year), in our own short sentences:

    Q1 2023/24: 1,234 offences, down 9% on Q1 2022/23 (1,356).
    The force reported a 9% fall on the same period last year (Quarterly Performance report).
    10% of offences had action taken in Q1 2023/24, up from 8% in Q1 2022/23.

A reported change (one the source gives without the values behind it) is said to be reported, with its
source, and never turned into values. The checker reads an edited text for every number (percentages,
counts, amounts such as £1.373m, periods such as Q1 2023/24 or June 2023) and flags each one the stored data
do not give, so a mistyped figure or period does not reach a published paper.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .choices import Comparison, TargetKind, Unit
from .rules import change

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# Formatting --------------------------------------------------------------------------------------------------


def _round(value: Decimal, places: int = 0) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain(value: Decimal, max_places: int = 1) -> str:
    """1234 -> '1,234'; 12.5 -> '12.5'; 12.50 -> '12.5'; at most `max_places` decimals."""
    value = _round(Decimal(value), max_places)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.{max_places}f}".rstrip("0").rstrip(".")


def format_value(value, unit: str, qualifier: str = "", short: bool = False) -> str:
    """A value as panels print it: 1,234; 76%; 13 minutes; £1.373m (pounds from a million up)."""
    if value is None:
        return _("no figure")
    value = Decimal(value)
    if unit == Unit.PERCENTAGE:
        text = f"{_plain(value)}%"
    elif unit == Unit.MINUTES:
        text = _plain(value) if short else (_("1 minute") if value == 1 else _("%s minutes") % _plain(value))
    elif unit == Unit.POUNDS:
        if abs(value) >= 1_000_000:
            millions = value / 1_000_000
            text = f"£{_plain(millions, 1)}m" if short else f"£{_round(millions, 3)}m"
        else:
            text = f"£{_plain(value, 2)}"
    else:
        text = _plain(value)
    return f"{qualifier} {text}" if qualifier else text


def format_pct(change: Decimal) -> str:
    """A change's size as a percentage: whole numbers, one decimal when under 1%."""
    size = abs(Decimal(change))
    if size and size < 1:
        return f"{_plain(size, 1)}%"
    return f"{_plain(size, 0)}%"


def points_text(points: Decimal) -> str:
    """A difference between two percentages: '1 percentage point', '14 percentage points'."""
    size = _plain(abs(Decimal(points)))
    return _("1 percentage point") if size == "1" else _("%s percentage points") % size


def pct_change(current, previous) -> Decimal | None:
    """Percentage change from `previous` to `current` (the rules' own); None when there is nothing to compare."""
    result = change(current, previous)
    return None if result is None else result.percent


# Drafting ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One period's figure."""

    period: str
    value: Decimal | None
    text_value: str = ""
    qualifier: str = ""


@dataclass(frozen=True)
class Reported:
    """A change the source reports without its values."""

    period: str
    change_pct: Decimal
    compared_with: str = Comparison.SAME_PERIOD_LAST_YEAR
    source: str = ""


@dataclass(frozen=True)
class NarrativeData:
    """What one indicator's narrative for one period is drafted from, and checked against.

    `noun` names what a count counts ('offences'); `rate_subject` turns a percentage into an outcome rate
    ('offences had action taken'). `periods` are the other period labels the series holds; `numbers` are
    numbers the text may use that are not figures (those in the indicator's own name: '999 calls')."""

    unit: str
    current: Figure | None
    previous: Figure | None = None
    reported: Reported | None = None
    noun: str = ""
    rate_subject: str = ""
    periods: tuple[str, ...] = ()
    numbers: tuple[Decimal, ...] = ()
    amounts: tuple[Decimal, ...] = field(default=())


def _with_noun(data: NarrativeData, figure: Figure) -> str:
    text = format_value(figure.value, data.unit, figure.qualifier)
    if data.noun and data.unit == Unit.COUNT:
        text = f"{text} {data.noun}"
    return text


def _reported_sentence(reported: Reported) -> str:
    direction = _("rise") if reported.change_pct > 0 else _("fall")
    compared = Comparison(reported.compared_with).label if reported.compared_with in Comparison.values else ""
    if reported.change_pct == 0:
        text = _("The force reported no change on %(compared)s") % {"compared": compared}
    else:
        text = _("The force reported a %(size)s %(direction)s on %(compared)s") % {
            "size": format_pct(reported.change_pct),
            "direction": direction,
            "compared": compared,
        }
    if reported.source:
        text += f" ({reported.source})"
    return text + "."


def _change_clause(data: NarrativeData) -> str:
    """', down 9% on Q1 2022/23 (1,356)' — empty when there is no comparable figure."""
    current, previous = data.current, data.previous
    if previous is None or previous.value is None or current.value is None:
        return ""
    if current.qualifier or previous.qualifier:
        # 'over 1 hour' is a bound, not a figure: say what it was, derive no change from it.
        return _(", against %(previous)s in %(period)s") % {
            "previous": format_value(previous.value, data.unit, previous.qualifier),
            "period": previous.period,
        }
    if data.unit == Unit.PERCENTAGE:
        points = Decimal(current.value) - Decimal(previous.value)
        if _round(points, 1) == 0:
            return _(", no change on %(period)s") % {"period": previous.period}
        return _(", %(direction)s %(size)s on %(period)s (%(previous)s)") % {
            "direction": _("up") if points > 0 else _("down"),
            "size": points_text(points),
            "period": previous.period,
            "previous": format_value(previous.value, data.unit, previous.qualifier),
        }
    change = pct_change(current.value, previous.value)
    if change is None:
        return _(", against %(previous)s in %(period)s") % {
            "previous": format_value(previous.value, data.unit, previous.qualifier),
            "period": previous.period,
        }
    if Decimal(current.value) == Decimal(previous.value):
        return _(", no change on %(period)s") % {"period": previous.period}
    return _(", %(direction)s %(size)s on %(period)s (%(previous)s)") % {
        "direction": _("up") if change > 0 else _("down"),
        "size": format_pct(change),
        "period": previous.period,
        "previous": format_value(previous.value, data.unit, previous.qualifier),
    }


def draft(data: NarrativeData) -> str:
    """The drafted narrative for one indicator and period (see the module docstring for the register)."""
    current = data.current
    if current is None or (current.value is None and not current.text_value):
        if data.reported is not None:
            return _reported_sentence(data.reported)
        return _("No figure has been reported yet.")
    if data.unit == Unit.TEXT or current.value is None:
        return f"{current.period}: {current.text_value}."
    if data.rate_subject and data.unit == Unit.PERCENTAGE:
        text = _("%(value)s of %(subject)s in %(period)s") % {
            "value": format_value(current.value, data.unit, current.qualifier),
            "subject": data.rate_subject,
            "period": current.period,
        }
        previous = data.previous
        if previous is not None and previous.value is not None:
            points = Decimal(current.value) - Decimal(previous.value)
            if _round(points, 1) == 0:
                text += _(", the same as in %(period)s") % {"period": previous.period}
            else:
                text += _(", %(direction)s from %(previous)s in %(period)s") % {
                    "direction": _("up") if points > 0 else _("down"),
                    "previous": format_value(previous.value, data.unit, previous.qualifier),
                    "period": previous.period,
                }
        text += "."
    else:
        text = f"{current.period}: {_with_noun(data, current)}{_change_clause(data)}."
    if data.reported is not None and (data.previous is None or data.previous.value is None):
        text += " " + _reported_sentence(data.reported)
    return text


# Checking ----------------------------------------------------------------------------------------------------

_MONTH_NAMES = "|".join(MONTHS + [m[:3] for m in MONTHS if len(m) > 3] + ["Sept"])
QUARTER_RE = re.compile(r"\bQ([1-4])\s*(?:(\d{4})|(\d{2}))\s*[/-]\s*(\d{2})\b", re.IGNORECASE)
MONTH_RE = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{4}}|\d{{2}})\b", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(20\d{2})\s*/\s*(\d{2})\b")
AMOUNT_RE = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m|million|k)?\b", re.IGNORECASE)
PERCENT_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|per\s?cent\b|percentage points?\b|pp\b)", re.IGNORECASE)
NUMBER_RE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?![\w])")
QUARTER_ONLY_RE = re.compile(r"\bQ[1-4]\b", re.IGNORECASE)
MULTIPLIERS = {"bn": 10**9, "billion": 10**9, "m": 10**6, "million": 10**6, "k": 10**3}


@dataclass(frozen=True)
class Problem:
    """A number in the text that the data do not give."""

    found: str
    message: str
    start: int
    end: int


def _century(two: str) -> int:
    return 2000 + int(two)


def _month_label(name: str, year: str) -> str:
    full = next(m for m in MONTHS if m.lower().startswith(name.lower()[:3]))
    return f"{full} {year if len(year) == 4 else _century(year)}"


def _quarter_label(q: str, long_year: str | None, short_year: str | None, end: str) -> str:
    start = int(long_year) if long_year else _century(short_year)
    return f"Q{q} {start}/{end}"


def periods_in(text: str) -> list[tuple[str, int, int]]:
    """Every period in `text`, normalised ('Q1 23/24' -> 'Q1 2023/24', 'June 23' -> 'June 2023'), with spans."""
    found = []
    for m in QUARTER_RE.finditer(text):
        found.append((_quarter_label(m.group(1), m.group(2), m.group(3), m.group(4)), m.start(), m.end()))
    for m in MONTH_RE.finditer(text):
        found.append((_month_label(m.group(1), m.group(2)), m.start(), m.end()))
    taken = [(s, e) for _, s, e in found]
    for m in YEAR_RE.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            found.append((f"{m.group(1)}/{m.group(2)}", m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def _known_periods(labels) -> set[str]:
    """The labels and every period named inside them ('12 months ending June 2023' names June 2023), with the
    financial years they fall in, so '2023/24' is allowed wherever Q1 2023/24 is."""
    known = set()
    for label in labels:
        if not label:
            continue
        known.add(label)
        for period, _s, _e in periods_in(label):
            known.add(period)
            if period.startswith("Q"):
                known.add(period.split(" ", 1)[1])
            elif " " in period:
                month, year = period.split(" ")
                start = int(year) if MONTHS.index(month) >= 3 else int(year) - 1
                known.add(f"{start}/{str(start + 1)[-2:]}")
    return known


@dataclass(frozen=True)
class Facts:
    """The figures a text about one indicator may use."""

    periods: frozenset[str]
    percentages: tuple[Decimal, ...]
    counts: tuple[Decimal, ...]
    amounts: tuple[Decimal, ...]
    changes: tuple[Decimal, ...] = ()  # signed: per cent, or percentage points for a percentage


def facts_for(data: NarrativeData) -> Facts:
    """Everything `data` says, as the checker compares it: percentages, counts, amounts and periods."""
    percentages, counts, amounts, changes = [], list(data.numbers), list(data.amounts), []
    figures = [f for f in (data.current, data.previous) if f is not None and f.value is not None]
    labels = [f.period for f in (data.current, data.previous) if f is not None] + list(data.periods)
    for figure in figures:
        value = Decimal(figure.value)
        {Unit.PERCENTAGE: percentages, Unit.POUNDS: amounts}.get(data.unit, counts).append(value)
    if len(figures) == 2 and not any(f.qualifier for f in figures):
        current, previous = (Decimal(f.value) for f in figures)
        if data.unit == Unit.PERCENTAGE:
            changes.append(current - previous)
        else:
            change = pct_change(current, previous)
            if change is not None:
                changes.append(change)
            (amounts if data.unit == Unit.POUNDS else counts).append(abs(current - previous))
    if data.reported is not None:
        changes.append(Decimal(data.reported.change_pct))
        labels.append(data.reported.period)
    return Facts(
        periods=frozenset(_known_periods(labels)),
        percentages=tuple(percentages),
        counts=tuple(counts),
        amounts=tuple(amounts),
        changes=tuple(changes),
    )


def _parse_number(text: str) -> tuple[Decimal, Decimal]:
    """The number written, and half a unit of its last digit (what rounding to that digit allows)."""
    digits = text.replace(",", "")
    value = Decimal(digits)
    places = len(digits.split(".")[1]) if "." in digits else 0
    return value, Decimal(5).scaleb(-places - 1)


def _matches(value: Decimal, tolerance: Decimal, known) -> bool:
    return any(abs(Decimal(k) - value) <= tolerance for k in known)


def _known_list(values, unit: str) -> str:
    shown = sorted({format_value(v, unit) for v in values})
    return ", ".join(shown) if shown else _("none")


def check(text: str, facts: Facts) -> list[Problem]:
    """Every number in `text` that `facts` do not give: a figure, percentage, amount or period.

    A written number matches a stored one when it is that number rounded to the digits written (76% for
    76.4%; £1.373m for £1,373,412). Numbers that are part of a period or an amount are read as such."""
    problems: list[Problem] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for label, start, end in periods_in(text):
        taken.append((start, end))
        if label not in facts.periods:
            known = sorted(p for p in facts.periods if p[:1] == label[:1]) or sorted(facts.periods)
            problems.append(
                Problem(
                    text[start:end],
                    _("“%(found)s” is not a period of these figures (they cover %(known)s).")
                    % {"found": text[start:end], "known": ", ".join(known)},
                    start,
                    end,
                )
            )
    for m in AMOUNT_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        value, tolerance = _parse_number(m.group(1))
        multiplier = MULTIPLIERS.get((m.group(2) or "").lower(), 1)
        if not _matches(value * multiplier, tolerance * multiplier, facts.amounts):
            problems.append(
                Problem(
                    m.group(0),
                    _("“%(found)s” is not an amount in the data (%(known)s).")
                    % {"found": m.group(0).strip(), "known": _known_list(facts.amounts, Unit.POUNDS)},
                    m.start(),
                    m.end(),
                )
            )
    for m in PERCENT_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        value, tolerance = _parse_number(m.group(1))
        if _matches(value, tolerance, facts.percentages):
            continue
        changes = [c for c in facts.changes if abs(abs(c) - value) <= tolerance]
        if not changes:
            known = list(facts.percentages) + [abs(c) for c in facts.changes]
            problems.append(
                Problem(
                    m.group(0),
                    _("“%(found)s” is not a percentage in the data (%(known)s).")
                    % {"found": m.group(0).strip(), "known": _known_list(known, Unit.PERCENTAGE)},
                    m.start(),
                    m.end(),
                )
            )
            continue
        said = _direction(text, m.start(), m.end())
        if said and all((c > 0) != (said == "up") for c in changes if c):
            actual = _("a rise") if changes[0] > 0 else _("a fall")
            problems.append(
                Problem(
                    m.group(0),
                    _("“%(found)s” is given as %(said)s, but the data show %(actual)s.")
                    % {
                        "found": m.group(0).strip(),
                        "said": _("a rise") if said == "up" else _("a fall"),
                        "actual": actual,
                    },
                    m.start(),
                    m.end(),
                )
            )
    for m in QUARTER_ONLY_RE.finditer(text):  # 'Q1' alone names a quarter, not a figure
        taken.append((m.start(), m.end()))
    years = {int(y) for label in facts.periods for y in re.findall(r"\b(20\d{2})\b", label)}
    for m in NUMBER_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value, tolerance = _parse_number(m.group(1))
        if re.fullmatch(r"20\d{2}", m.group(1)) and (int(value) in years or _matches(value, 0, facts.counts)):
            continue  # a year the figures cover
        if not _matches(value, tolerance, facts.counts):
            problems.append(
                Problem(
                    m.group(0),
                    _("“%(found)s” is not a figure in the data (%(known)s).")
                    % {"found": m.group(0), "known": _known_list(facts.counts, Unit.COUNT)},
                    m.start(),
                    m.end(),
                )
            )
    return sorted(problems, key=lambda p: p.start)


UP_RE = re.compile(r"\b(up|rise|rises|rose|risen|increase|increased|increases|higher|more)\b", re.IGNORECASE)
DOWN_RE = re.compile(
    r"\b(down|fall|falls|fell|fallen|reduction|reduced|decrease|decreased|decline|declined|lower|fewer|less)\b",
    re.IGNORECASE,
)


def _direction(text: str, start: int, end: int) -> str:
    """'up' or 'down' for the direction word nearest a change's figure, within its clause; '' for none."""
    clause_start = max(text.rfind(mark, 0, start) for mark in (".", ";", ",")) + 1
    clause_end = min((i for i in (text.find(mark, end) for mark in (".", ";", ",")) if i != -1), default=len(text))
    best = ("", len(text))
    for pattern, name in ((UP_RE, "up"), (DOWN_RE, "down")):
        for word in pattern.finditer(text, clause_start, clause_end):
            distance = start - word.end() if word.end() <= start else word.start() - end
            if distance < best[1]:
                best = (name, distance)
    return best[0]


def numbers_in_name(*texts: str) -> tuple[Decimal, ...]:
    """Numbers an indicator's own name uses ('% of 999 calls answered within 10 seconds'): not figures."""
    found = []
    for text in texts:
        for m in NUMBER_RE.finditer(text or ""):
            found.append(_parse_number(m.group(1))[0])
    return tuple(found)


# From the dashboard's figures --------------------------------------------------------------------------------

COUNTED_NOUN_RE = re.compile(r"^(?:volume of|number of)\s+(.+?(?:offences|crimes|calls|incidents))$", re.IGNORECASE)
ACTION_TAKEN_RE = re.compile(r"action taken", re.IGNORECASE)
CHARGE_RE = re.compile(r"charge|summons|outcome 1\b", re.IGNORECASE)


def noun_for(name: str) -> str:
    """'Volume of rape offences' counts 'rape offences'; names that do not say what they count give no noun."""
    match = COUNTED_NOUN_RE.match(name.strip())
    return match.group(1).lower() if match else ""


def rate_subject_for(indicator) -> str:
    """An outcome-rate indicator reads as '10% of offences had action taken'. The force reports the total
    'action taken' rate where the agreed measure is outcome 1/1A, so the words say what the figure is."""
    if ACTION_TAKEN_RE.search(indicator.name):
        return _("offences had action taken")
    if CHARGE_RE.search(indicator.name):
        return _("offences were charged or summonsed")
    return ""


def _figure(measurement) -> Figure | None:
    if measurement is None:
        return None
    return Figure(measurement.period.label, measurement.value, measurement.text_value, measurement.qualifier)


def narrative_data_for(status, periods=()) -> NarrativeData:
    """The narrative's inputs from a dashboard row (`selectors.IndicatorStatus`); `periods` are the labels
    of the indicator's series, which an edited text may also name."""
    indicator = status.indicator
    previous = status.last_year if status.measurement is not None else None
    reported = next(
        (c for c in status.reported_changes if c.compared_with == Comparison.SAME_PERIOD_LAST_YEAR),
        status.reported_changes[0] if status.reported_changes else None,
    )
    return NarrativeData(
        unit=indicator.unit,
        current=_figure(status.measurement),
        previous=_figure(previous),
        reported=Reported(
            reported.period.label,
            reported.change_pct,
            reported.compared_with,
            reported.source,
        )
        if reported is not None
        else None,
        noun=noun_for(indicator.name),
        rate_subject=rate_subject_for(indicator),
        # A source's own name ('Table 1 (Panel, 19 September 2023)') may be quoted: its numbers are not figures.
        periods=tuple(periods)
        + ((status.period.label,) if status.period else ())
        + tuple(c.source for c in status.reported_changes),
        numbers=numbers_in_name(
            indicator.name,
            indicator.improvement_area,
            indicator.target_text,
            *(c.source for c in status.reported_changes),
        )
        + ((Decimal(indicator.target_value),) if indicator.target_value is not None else ()),
    )


@dataclass(frozen=True)
class ChangeText:
    """The change on last year as the dashboard shows it; `reported` when the source gave only the change."""

    text: str
    reported: bool = False
    source: str = ""


def change_on_last_year(status) -> ChangeText | None:
    """'down 9% on Q1 2022/23' (derived from two stored values), or the source's reported change."""
    unit = status.indicator.unit
    derived = status.change_on_last_year
    if derived is not None and status.last_year is not None:
        period = status.last_year.period.label
        if unit == Unit.PERCENTAGE:
            if _round(derived.absolute, 1) == 0:
                return ChangeText(_("no change on %(period)s") % {"period": period})
            return ChangeText(
                _("%(direction)s %(size)s on %(period)s")
                % {
                    "direction": _("up") if derived.absolute > 0 else _("down"),
                    "size": points_text(derived.absolute),
                    "period": period,
                }
            )
        if derived.absolute == 0:
            return ChangeText(_("no change on %(period)s") % {"period": period})
        if derived.percent is None:
            return None
        return ChangeText(
            _("%(direction)s %(size)s on %(period)s")
            % {
                "direction": _("up") if derived.percent > 0 else _("down"),
                "size": format_pct(derived.percent),
                "period": period,
            }
        )
    last_year = status.last_year
    if derived is None and status.measurement is not None and last_year is not None and last_year.value is not None:
        # A bound ('over 1 hour') on either side: quote it, derive nothing from it.
        return ChangeText(
            _("against %(previous)s in %(period)s")
            % {"previous": format_value(last_year.value, unit, last_year.qualifier), "period": last_year.period.label}
        )
    for reported in status.reported_changes:
        if reported.compared_with == Comparison.SAME_PERIOD_LAST_YEAR:
            if reported.change_pct == 0:
                text = _("no change on the same period last year")
            else:
                text = _("%(direction)s %(size)s on the same period last year") % {
                    "direction": _("up") if reported.change_pct > 0 else _("down"),
                    "size": format_pct(reported.change_pct),
                }
            return ChangeText(text, reported=True, source=reported.source)
    return None


def value_text(measurement, unit: str) -> str:
    """The figure as printed, with its qualifier ('over 60 minutes'), or the text status."""
    if measurement is None:
        return ""
    if measurement.value is None:
        return measurement.text_value
    return format_value(measurement.value, unit, measurement.qualifier)


def target_text(status) -> str:
    """What the figure is judged against, in words."""
    indicator = status.indicator
    if indicator.target_kind == TargetKind.NONE:
        return indicator.target_text
    if status.target is None:
        return TargetKind(indicator.target_kind).label
    shown = format_value(status.target, indicator.unit)
    if indicator.target_kind == TargetKind.MSG_AVERAGE:
        return _("Most similar group average: %(value)s") % {"value": shown}
    if indicator.target_kind == TargetKind.NATIONAL:
        return _("National figure: %(value)s") % {"value": shown}
    return shown


# Finance -------------------------------------------------------------------------------------------------------

MILLION = Decimal(1_000_000)


def _m(value) -> str:
    """£ millions as a finance report prints them: £1.373m."""
    return f"£{_round(Decimal(value), 3)}m"


def finance_narrative(report, *, savings: bool) -> str:
    """The budget position (or, with `savings`, the savings plan) from a finance report, in £ millions.

    The year-to-date variance and the savings shortfall are computed from the profile and the spend; where
    the report printed a different figure, both are given."""
    period = report.period.label
    if savings:
        parts = []
        if report.savings_target is not None:
            parts.append(
                _("Savings target for %(year)s: %(target)s.")
                % {"year": report.financial_year, "target": _m(report.savings_target)}
            )
        if report.savings_profiled is not None and report.savings_achieved is not None:
            shortfall = report.savings_profiled - report.savings_achieved
            text = _(
                "By the end of %(period)s, %(achieved)s achieved against %(profiled)s profiled, a shortfall of %(gap)s"
            ) % {
                "period": period,
                "achieved": _m(report.savings_achieved),
                "profiled": _m(report.savings_profiled),
                "gap": _m(shortfall),
            }
            if report.savings_shortfall_printed is not None and report.savings_shortfall_printed != shortfall:
                text += _(" (the report printed %(printed)s)") % {"printed": _m(report.savings_shortfall_printed)}
            parts.append(text + ".")
        shares = [
            (report.savings_in_place_pct, _("in place")),
            (report.savings_on_track_pct, _("on track")),
            (report.savings_unachievable_pct, _("identified as unachievable")),
        ]
        shown = [f"{_plain(pct)}% {words}" for pct, words in shares if pct is not None]
        if shown:
            parts.append(_("Of the savings: %(shares)s.") % {"shares": ", ".join(shown)})
        return " ".join(parts) or _("No savings figures have been reported yet.")
    parts = []
    if report.revised_budget is not None and report.revised_budget != report.approved_budget:
        parts.append(
            _("Budget for %(year)s: %(approved)s approved, revised to %(revised)s.")
            % {
                "year": report.financial_year,
                "approved": _m(report.approved_budget),
                "revised": _m(report.revised_budget),
            }
        )
    else:
        parts.append(
            _("Budget for %(year)s: %(approved)s.")
            % {"year": report.financial_year, "approved": _m(report.approved_budget)}
        )
    if report.ytd_profile is not None and report.ytd_spend is not None:
        variance = report.ytd_profile - report.ytd_spend
        text = _("Spend to the end of %(period)s: %(spend)s against a profile of %(profile)s, %(gap)s %(side)s") % {
            "period": period,
            "spend": _m(report.ytd_spend),
            "profile": _m(report.ytd_profile),
            "gap": _m(abs(variance)),
            "side": _("under") if variance >= 0 else _("over"),
        }
        if report.ytd_underspend_printed is not None and report.ytd_underspend_printed != variance:
            text += _(" (the report printed %(printed)s)") % {"printed": _m(report.ytd_underspend_printed)}
        parts.append(text + ".")
    if report.projected_overspend is not None:
        over = report.projected_overspend
        parts.append(
            _("Projected for the year: %(amount)s %(side)s budget.")
            % {"amount": _m(abs(over)), "side": _("over") if over >= 0 else _("under")}
        )
    return " ".join(parts)


def finance_facts(report) -> Facts:
    """What a text about a finance report may use: its amounts (in pounds), percentages and periods."""
    amounts = []
    for name in (
        "approved_budget",
        "revised_budget",
        "ytd_profile",
        "ytd_spend",
        "ytd_underspend_printed",
        "projected_overspend",
        "savings_target",
        "savings_profiled",
        "savings_achieved",
        "savings_shortfall_printed",
    ):
        value = getattr(report, name)
        if value is not None:
            amounts.append(abs(value) * MILLION)
    if report.ytd_profile is not None and report.ytd_spend is not None:
        amounts.append(abs(report.ytd_profile - report.ytd_spend) * MILLION)
    if report.savings_profiled is not None and report.savings_achieved is not None:
        amounts.append(abs(report.savings_profiled - report.savings_achieved) * MILLION)
    percentages = [
        p
        for p in (report.savings_in_place_pct, report.savings_on_track_pct, report.savings_unachievable_pct)
        if p is not None
    ]
    end = report.period.end
    month_end = f"{MONTHS[end.month - 1]} {end.year}"  # 'to the end of June 2023' is the end of Q1
    return Facts(
        periods=frozenset(_known_periods([report.period.label, report.financial_year, report.source, month_end])),
        percentages=tuple(percentages),
        counts=numbers_in_name(report.source),
        amounts=tuple(amounts),
    )


def is_savings(indicator) -> bool:
    """The savings-plan indicator reads the savings lines of the finance report; other £ indicators its budget."""
    return "saving" in indicator.name.lower()


@dataclass(frozen=True)
class Words:
    """An indicator's words for a period: the text shown, whether edited, and what the checker found in it."""

    text: str
    edited: bool = False
    problems: tuple[Problem, ...] = ()


def words_for(status, *, stored=None, finance_report=None, periods=()) -> Words:
    """The words for a dashboard row: the officer's edited text, else the stored draft, else a draft made
    now; stored words are checked against the figures. A £ indicator without figures of its own (the
    budget and savings KPIs) is drafted from the finance report."""
    finance = status.indicator.unit == Unit.POUNDS and status.measurement is None and finance_report is not None
    if finance:
        facts = finance_facts(finance_report)
        drafted = finance_narrative(finance_report, savings=is_savings(status.indicator))
    else:
        data = narrative_data_for(status, periods=periods)
        facts = facts_for(data)
        drafted = draft(data)
    if stored is not None and stored.edited.strip():
        return Words(stored.edited, edited=True, problems=tuple(check(stored.edited, facts)))
    if stored is not None and stored.drafted.strip():
        return Words(stored.drafted, problems=tuple(check(stored.drafted, facts)))
    return Words(drafted)
