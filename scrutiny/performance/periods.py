"""Reporting periods as panels print them, and the periods they are compared with.

The police financial year runs from 1 April to 31 March, so a quarter belongs to the year it starts in:
Q1 2023/24 is 1 April - 30 June 2023 and Q4 2023/24 is January - March 2024. Labels are what a panel prints:
"Q1 2023/24", "June 2023", "12 months ending June 2023", "2023/24". Parsing also takes the short forms
reports use ("Q1 23/24", "June 23") and refuses a label whose years are not consecutive ("Q1 23/23", a
misprint in West Mercia's Table 1) rather than guessing which year was meant.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .choices import PeriodKind
from .models import Period

FY_START_MONTH = 4  # The police (and local government) financial year starts on 1 April.
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9


class PeriodLabelError(ValueError):
    """A period label that cannot be read; the message says why, in words an officer can act on."""


@dataclass(frozen=True)
class PeriodSpec:
    """A period before (or without) its row: what `Period` stores, computed from a label or a date."""

    kind: str
    start: date
    end: date
    label: str

    @property
    def key(self) -> tuple[str, date, date]:
        return (self.kind, self.start, self.end)


# Building blocks -----------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def financial_year_of(day: date) -> int:
    """The year a financial year starts in: 15 February 2024 is in 2023/24, so 2023."""
    return day.year if day.month >= FY_START_MONTH else day.year - 1


def financial_year_label(start_year: int) -> str:
    """2023 -> "2023/24"."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_year(start_year: int) -> PeriodSpec:
    return PeriodSpec(
        PeriodKind.FINANCIAL_YEAR,
        date(start_year, FY_START_MONTH, 1),
        date(start_year + 1, FY_START_MONTH - 1, 31),
        financial_year_label(start_year),
    )


def quarter(start_year: int, number: int) -> PeriodSpec:
    """Quarter `number` (1-4) of the financial year starting in `start_year`."""
    if number not in (1, 2, 3, 4):
        raise PeriodLabelError(f"A financial year has quarters 1 to 4, not {number}.")
    year, month = _add_months(start_year, FY_START_MONTH, 3 * (number - 1))
    end_year, end_month = _add_months(year, month, 2)
    return PeriodSpec(
        PeriodKind.QUARTER,
        date(year, month, 1),
        _month_end(end_year, end_month),
        f"Q{number} {financial_year_label(start_year)}",
    )


def month(year: int, number: int) -> PeriodSpec:
    return PeriodSpec(
        PeriodKind.MONTH, date(year, number, 1), _month_end(year, number), f"{calendar.month_name[number]} {year}"
    )


def rolling_12_months(end_year: int, end_month: int) -> PeriodSpec:
    """The twelve months ending with `end_month` of `end_year` (ending June 2023: July 2022 - June 2023)."""
    start_year, start_month = _add_months(end_year, end_month, -11)
    return PeriodSpec(
        PeriodKind.ROLLING_12_MONTHS,
        date(start_year, start_month, 1),
        _month_end(end_year, end_month),
        f"12 months ending {calendar.month_name[end_month]} {end_year}",
    )


def spec_of(period: Period | PeriodSpec) -> PeriodSpec:
    """A stored period as a spec (its label rebuilt from its dates, so that comparisons ignore spelling)."""
    if isinstance(period, PeriodSpec):
        return period
    kind, start, end = period.kind, period.start, period.end
    if kind == PeriodKind.MONTH:
        return month(start.year, start.month)
    if kind == PeriodKind.QUARTER:
        return quarter(financial_year_of(start), (start.month - FY_START_MONTH) % 12 // 3 + 1)
    if kind == PeriodKind.ROLLING_12_MONTHS:
        return rolling_12_months(end.year, end.month)
    if kind == PeriodKind.FINANCIAL_YEAR:
        return financial_year(start.year)
    raise ValueError(f"Unknown period kind {kind!r}.")


# Comparisons ---------------------------------------------------------------------------------------------


def same_period_last_year(period: Period | PeriodSpec) -> PeriodSpec:
    """Q1 2023/24 -> Q1 2022/23; June 2023 -> June 2022; 12 months ending June 2023 -> ... June 2022."""
    spec = spec_of(period)
    if spec.kind == PeriodKind.MONTH:
        return month(spec.start.year - 1, spec.start.month)
    if spec.kind == PeriodKind.QUARTER:
        return quarter(financial_year_of(spec.start) - 1, int(spec.label[1]))
    if spec.kind == PeriodKind.ROLLING_12_MONTHS:
        return rolling_12_months(spec.end.year - 1, spec.end.month)
    return financial_year(spec.start.year - 1)


def previous_period(period: Period | PeriodSpec, *, step_months: int | None = None) -> PeriodSpec:
    """The period reported before this one: the month before, the quarter before (Q4 2022/23 before Q1
    2023/24), the year before. A rolling twelve months moves on by its reporting step: three months when it
    is reported quarterly (the seed's "previous quarter" for 12 months ending June 2023 is the 12 months
    ending March 2023), one when monthly."""
    spec = spec_of(period)
    if spec.kind == PeriodKind.MONTH:
        return month(*_add_months(spec.start.year, spec.start.month, -1))
    if spec.kind == PeriodKind.QUARTER:
        number = int(spec.label[1])
        fy = financial_year_of(spec.start)
        return quarter(fy - 1, 4) if number == 1 else quarter(fy, number - 1)
    if spec.kind == PeriodKind.ROLLING_12_MONTHS:
        return rolling_12_months(*_add_months(spec.end.year, spec.end.month, -(step_months or 3)))
    return financial_year(spec.start.year - 1)


# Labels --------------------------------------------------------------------------------------------------

_YEAR_PAIR = r"(?P<y1>\d{4}|\d{2})\s*[/-]\s*(?P<y2>\d{4}|\d{2})"
_MONTH_YEAR = r"(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4}|\d{2})"
_QUARTER_RE = re.compile(rf"^(?:q|quarter\s*)(?P<q>\d)\s+(?:fy\s*)?{_YEAR_PAIR}$", re.IGNORECASE)
_YEAR_RE = re.compile(rf"^(?:fy\s*)?{_YEAR_PAIR}$", re.IGNORECASE)
_ROLLING_RE = re.compile(rf"^(?:the\s+)?(?:12|twelve)\s+months\s+(?:ending|to)\s+{_MONTH_YEAR}$", re.IGNORECASE)
_MONTH_RE = re.compile(rf"^{_MONTH_YEAR}$", re.IGNORECASE)


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _financial_year_start(label: str, y1: str, y2: str) -> int:
    start = _full_year(y1)
    second = int(y2) if len(y2) == 4 else (start // 100) * 100 + int(y2)
    if len(y2) == 2 and start % 100 == 99 and int(y2) == 0:
        second = start + 1
    if second != start + 1:
        raise PeriodLabelError(
            f"{label!r}: the years of a financial year must be consecutive "
            f"(e.g. {financial_year_label(start)}), not {y1}/{y2}."
        )
    return start


def _month_number(label: str, name: str) -> int:
    number = MONTHS.get(name.lower())
    if number is None:
        raise PeriodLabelError(f"{label!r}: {name!r} is not a month.")
    return number


def parse_period_label(label: str) -> PeriodSpec:
    """Read a label as panels print it; raise PeriodLabelError saying what is wrong."""
    text = " ".join(str(label or "").split())
    if not text:
        raise PeriodLabelError("A period is required (e.g. 'Q1 2023/24', 'June 2023').")
    if match := _QUARTER_RE.match(text):
        return quarter(_financial_year_start(text, match["y1"], match["y2"]), int(match["q"]))
    if match := _YEAR_RE.match(text):
        return financial_year(_financial_year_start(text, match["y1"], match["y2"]))
    if match := _ROLLING_RE.match(text):
        return rolling_12_months(_full_year(match["year"]), _month_number(text, match["month"]))
    if match := _MONTH_RE.match(text):
        return month(_full_year(match["year"]), _month_number(text, match["month"]))
    raise PeriodLabelError(
        f"{text!r} is not a period label: use 'Q1 2023/24', 'June 2023', '12 months ending June 2023' or '2023/24'."
    )


def period_get_or_create(period: str | PeriodSpec) -> Period:
    """The stored period for a label or spec, created the first time (periods are shared by every panel)."""
    spec = parse_period_label(period) if isinstance(period, str) else period
    row, _ = Period.objects.get_or_create(
        kind=spec.kind, start=spec.start, end=spec.end, defaults={"label": spec.label}
    )
    return row
