"""What can be computed from stored figures: changes, RAG ratings, outcome rates, finance variances and the
workforce representation table. Pure functions: no queries, no writes; the selectors feed them.

Sources are named beside each rule (domain-rules.md Part C and D; the West Mercia September 2023 papers).
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .choices import RAG, EthnicGroup, Polarity, StaffCategory, TargetKind, Unit

HUNDRED = Decimal(100)
DEFAULT_TOLERANCE_PCT = Decimal(5)


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Rounded as reports round (2.885 -> 2.89), not banker's rounding."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# Changes -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """The change from `previous` to `current`: absolute, and as a percentage of `previous` (None from 0)."""

    absolute: Decimal
    percent: Decimal | None


def change(current, previous) -> Change | None:
    """None unless both values are there: a change is derived only from two stored values."""
    current, previous = _dec(current), _dec(previous)
    if current is None or previous is None:
        return None
    absolute = current - previous
    percent = None if previous == 0 else round_half_up(absolute / abs(previous) * HUNDRED, 2)
    return Change(absolute=absolute, percent=percent)


# RAG -----------------------------------------------------------------------------------------------------


def target_for(*, target_kind: str, target_value=None, msg_average=None, national=None) -> Decimal | None:
    """The figure an indicator is judged against: its own value, or the MSG average or national figure of the
    same period (the MSG average includes the force itself, domain-rules K-1)."""
    if target_kind == TargetKind.VALUE:
        return _dec(target_value)
    if target_kind == TargetKind.MSG_AVERAGE:
        return _dec(msg_average)
    if target_kind == TargetKind.NATIONAL:
        return _dec(national)
    return None


# How a printed qualifier bounds the true value: "over 1 hour" means more than 60 minutes.
BOUND_QUALIFIERS = {
    "over": "above",
    "more than": "above",
    "above": "above",
    "at least": "above",
    "under": "below",
    "less than": "below",
    "below": "below",
    "at most": "below",
}


def _is_better(value: Decimal, reference: Decimal, polarity: str) -> bool:
    return value > reference if polarity == Polarity.HIGHER_IS_BETTER else value < reference


def rag(
    *,
    value,
    polarity: str,
    target=None,
    last_year=None,
    tolerance_pct=DEFAULT_TOLERANCE_PCT,
    unit: str | None = None,
    text_value: str = "",
    target_text: str = "",
    last_year_qualifier: str = "",
) -> str | None:
    """Red, amber or green for a value; None when there is nothing to judge it by.

    * A text status is green when it matches the target text (case and spacing aside), otherwise unrated.
    * With a target: green when met (at or above it when higher is better, at or below when lower is better);
      amber when within `tolerance_pct` (relative, default 5%) of it; red otherwise.
    * Without a target: green when better than the same period last year, amber within the tolerance of
      last year's value, red otherwise.
    * Last year's value printed as a bound ("over 1 hour", `last_year_qualifier`) rates green only when the
      value is certainly better (35 minutes against "over 60"); otherwise it cannot be rated.
    * No target and no history, or an indicator with no better direction: unrated. There is no national
      rule for RAG ratings; this is the panel practice the issue describes.
    """
    if unit == Unit.TEXT:
        if target_text and " ".join(text_value.split()).casefold() == " ".join(target_text.split()).casefold():
            return RAG.GREEN
        return None
    value, target, last_year = _dec(value), _dec(target), _dec(last_year)
    if value is None or polarity not in (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER):
        return None
    if target is not None:
        reference = target
        if value == target or _is_better(value, target, polarity):
            return RAG.GREEN
    elif last_year is not None and last_year_qualifier:
        bound = BOUND_QUALIFIERS.get(last_year_qualifier.strip().lower())
        certainly_better = (bound == "above" and polarity == Polarity.LOWER_IS_BETTER and value <= last_year) or (
            bound == "below" and polarity == Polarity.HIGHER_IS_BETTER and value >= last_year
        )
        return RAG.GREEN if certainly_better else None
    elif last_year is not None:
        reference = last_year
        if _is_better(value, last_year, polarity):
            return RAG.GREEN
    else:
        return None
    tolerance = abs(reference) * _dec(tolerance_pct if tolerance_pct is not None else DEFAULT_TOLERANCE_PCT) / HUNDRED
    return RAG.AMBER if abs(value - reference) <= tolerance else RAG.RED


# Outcome rates (domain-rules O-1, O-2) --------------------------------------------------------------------

# Home Office outcome groups (outcomes framework since April 2013). 1A, 2A and 3A are the alternate-offence
# subsets; 0 is "not yet assigned an outcome".
CHARGE = frozenset({"1", "1A"})
OOCD_FORMAL = frozenset({"2", "3", "6", "7"})
OOCD_INFORMAL = frozenset({"8"})
TIC = frozenset({"4"})
DIVERSIONARY = frozenset({"22"})
# There is no statutory definition of "action taken" (O-2): this default is charge/summons, cautions, TIC,
# penalty notice, cannabis/khat warning and community resolution; a panel may configure its own set.
DEFAULT_ACTION_TAKEN = CHARGE | OOCD_FORMAL | OOCD_INFORMAL | TIC
NEVER_ACTION_TAKEN = frozenset({"0", "5"})  # not yet assigned; offender died
NOT_ASSIGNED = "0"
OUTCOME_CODES = frozenset({str(n) for n in range(23)} | {"1A", "2A", "3A"})

OUTCOME_GROUPS = {
    "0": "not_assigned",
    "1": "charge",
    "1A": "charge",
    "2": "oocd_formal",
    "2A": "oocd_formal",
    "3": "oocd_formal",
    "3A": "oocd_formal",
    "4": "tic",
    "5": "prosecution_prevented",
    "6": "oocd_formal",
    "7": "oocd_formal",
    "8": "oocd_informal",
    "9": "not_in_public_interest",
    "10": "not_in_public_interest",
    "11": "prosecution_prevented",
    "12": "prosecution_prevented",
    "13": "prosecution_prevented",
    "14": "evidential_difficulties",
    "15": "evidential_difficulties",
    "16": "evidential_difficulties",
    "17": "prosecution_prevented",
    "18": "investigation_complete",
    "19": "fraud",
    "20": "transferred",
    "21": "not_in_public_interest",
    "22": "diversionary",
}


class DoubleCountError(ValueError):
    """1A counted on top of 1 where the source already counts it within 1 (the alternate-offence file)."""


def outcome_code(code) -> str:
    """1 -> "1"; " 1a" -> "1A"; refuses a code the outcomes framework does not have."""
    text = str(code).strip().upper()
    if text not in OUTCOME_CODES:
        raise ValueError(f"{code!r} is not a Home Office outcome type (0-22, 1A, 2A, 3A).")
    return text


def outcome_group(code) -> str:
    return OUTCOME_GROUPS[outcome_code(code)]


def _counts(counts: Mapping) -> dict[str, int]:
    normalised: dict[str, int] = defaultdict(int)
    for code, count in counts.items():
        normalised[outcome_code(code)] += int(count)
    return normalised


def total_outcomes(counts: Mapping) -> int:
    """Every crime with an outcome: type 0 (not yet assigned) is never in a denominator."""
    return sum(count for code, count in _counts(counts).items() if code != NOT_ASSIGNED)


def _rate(counts: Mapping, codes: Iterable[str], one_a_within_one: bool) -> Decimal | None:
    normalised = _counts(counts)
    codes = {outcome_code(c) for c in codes} - NEVER_ACTION_TAKEN
    if one_a_within_one and "1A" in codes and normalised.get("1") and normalised.get("1A"):
        raise DoubleCountError("1A is already counted within 1 in this source: adding it would double count.")
    denominator = total_outcomes(normalised)
    if denominator == 0:
        return None
    return Decimal(sum(normalised.get(c, 0) for c in codes)) / Decimal(denominator)


def action_taken_rate(
    counts: Mapping, *, action_taken: Iterable | None = None, include_22: bool = False, one_a_within_one=False
) -> Decimal | None:
    """The share (0-1) of crimes with an outcome whose outcome counts as action taken (O-2).

    `counts` maps outcome code to count. `action_taken` is the panel's configured set (default
    {1, 1A, 2, 3, 4, 6, 7, 8}); `include_22` adds diversionary outcome 22. 0 and 5 never count as action
    taken, and 0 is never in the denominator. None when no crime has an outcome.
    """
    codes = set(DEFAULT_ACTION_TAKEN if action_taken is None else action_taken)
    if include_22:
        codes |= DIVERSIONARY
    return _rate(counts, codes, one_a_within_one)


def charge_summons_rate(counts: Mapping, *, one_a_within_one=False) -> Decimal | None:
    """The share (0-1) charged or summonsed (outcomes 1 and 1A), the budget KPI West Mercia agreed."""
    return _rate(counts, CHARGE, one_a_within_one)


def as_percentage(rate: Decimal | None, places: int = 1) -> Decimal | None:
    return None if rate is None else round_half_up(rate * HUNDRED, places)


# Finance -------------------------------------------------------------------------------------------------


def ytd_variance(profile, spend) -> Decimal | None:
    """Year-to-date variance, positive for an underspend: profiled budget less spend (80.328 - 78.954 =
    1.374, where West Mercia's Table 1 printed 1.373)."""
    profile, spend = _dec(profile), _dec(spend)
    return None if profile is None or spend is None else profile - spend


def savings_shortfall(profiled, achieved) -> Decimal | None:
    """Savings profiled to date less savings achieved (6.682 - 5.528 = 1.154)."""
    profiled, achieved = _dec(profiled), _dec(achieved)
    return None if profiled is None or achieved is None else profiled - achieved


@dataclass(frozen=True)
class ComputedFigure:
    """A computed figure beside the one the source printed."""

    name: str
    computed: Decimal | None
    printed: Decimal | None

    @property
    def agrees(self) -> bool | None:
        if self.computed is None or self.printed is None:
            return None
        return self.computed == self.printed


def finance_figures(report) -> list[ComputedFigure]:
    """The finance report's computed values, each beside its printed value."""
    return [
        ComputedFigure(
            "ytd_variance", ytd_variance(report.ytd_profile, report.ytd_spend), report.ytd_underspend_printed
        ),
        ComputedFigure(
            "savings_shortfall",
            savings_shortfall(report.savings_profiled, report.savings_achieved),
            report.savings_shortfall_printed,
        ),
    ]


# Workforce representation --------------------------------------------------------------------------------

# The rows of West Mercia's DEI table: PCSOs are counted with police staff.
WORKFORCE_ROWS = {
    "police_officer": {StaffCategory.POLICE_OFFICER},
    "police_staff_inc_pcso": {StaffCategory.POLICE_STAFF, StaffCategory.PCSO},
    "special": {StaffCategory.SPECIAL},
    "total": set(StaffCategory),
}


@dataclass(frozen=True)
class WorkforceCell:
    """One cell of the representation table: BAME share of headcount (not-stated included in the headcount,
    as the report computes it), beside the printed percentage where there is one."""

    as_of: date
    row: str
    bame: int
    headcount: int
    computed_pct: Decimal | None
    printed_pct: Decimal | None

    @property
    def agrees(self) -> bool | None:
        if self.computed_pct is None or self.printed_pct is None:
            return None
        return self.computed_pct == round_half_up(self.printed_pct, 2)


def workforce_table(counts: Iterable, printed: Mapping | None = None) -> list[WorkforceCell]:
    """Every (date, row) cell computed from counts.

    `counts`: (as_of, category, ethnic_group, count) tuples or objects with those attributes;
    `printed`: {(as_of, row): printed percentage}.
    """
    printed = printed or {}
    bame: dict[tuple, int] = defaultdict(int)
    headcount: dict[tuple, int] = defaultdict(int)
    dates = set()
    for item in counts:
        if isinstance(item, tuple):
            as_of, category, group, count = item
        else:
            as_of, category, group, count = item.as_of, item.category, item.ethnic_group, item.count
        dates.add(as_of)
        for row, categories in WORKFORCE_ROWS.items():
            if category in categories:
                headcount[as_of, row] += count
                if group == EthnicGroup.BAME:
                    bame[as_of, row] += count
    cells = []
    for as_of in sorted(dates):
        for row in WORKFORCE_ROWS:
            total = headcount[as_of, row]
            pct = round_half_up(Decimal(bame[as_of, row]) / Decimal(total) * HUNDRED, 2) if total else None
            cells.append(WorkforceCell(as_of, row, bame[as_of, row], total, pct, _dec(printed.get((as_of, row)))))
    return cells


def workforce_discrepancies(cells: Iterable[WorkforceCell]) -> list[WorkforceCell]:
    """The cells whose printed percentage disagrees with the counts."""
    return [cell for cell in cells if cell.agrees is False]


@dataclass(frozen=True)
class CensusComparison:
    as_of: date
    workforce_pct: Decimal
    census_year: int
    census_pct: Decimal

    @property
    def gap_points(self) -> Decimal:
        """Percentage points below (negative) or above the population's minority ethnic share."""
        return self.workforce_pct - self.census_pct


def census_comparison(cells: Iterable[WorkforceCell], benchmarks: Mapping[int, Decimal]) -> list[CensusComparison]:
    """Each date's total BAME share against the latest census taken by then (April 2023 against 2021)."""
    result = []
    for cell in cells:
        if cell.row != "total" or cell.computed_pct is None:
            continue
        years = [year for year in benchmarks if year <= cell.as_of.year]
        if years:
            year = max(years)
            result.append(CensusComparison(cell.as_of, cell.computed_pct, year, _dec(benchmarks[year])))
    return result


# Comparators and service standards (domain-rules K-1, K-2) ------------------------------------------------

MSG_MAX_PEERS = 7  # Each force has up to seven most similar forces (Home Office MSG).
CALL_999_WITHIN_SECONDS = 10
CALL_999_TARGET_SHARE = Decimal("0.90")  # 90% of 999 calls answered within 10 seconds (national standard).


def msg_average(force_rate, peers: Iterable) -> Decimal:
    """The MSG average includes the force being compared: sum of rates / number of forces (K-1)."""
    peers = [_dec(p) for p in peers]
    if len(peers) > MSG_MAX_PEERS:
        raise ValueError(f"A most similar group has at most {MSG_MAX_PEERS} peer forces, not {len(peers)}.")
    rates = [_dec(force_rate), *peers]
    return sum(rates, Decimal(0)) / len(rates)


def meets_999_standard(*, answered_within_10s: int, total: int) -> bool:
    """At least 90% of 999 calls answered within 10 seconds; the threshold is inclusive (K-2)."""
    return total > 0 and Decimal(answered_within_10s) / Decimal(total) >= CALL_999_TARGET_SHARE
