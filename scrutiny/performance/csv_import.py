"""Importing measurements from a CSV file: all or nothing.

Contract. The file is UTF-8 (a byte-order mark is allowed) with a header row naming the columns
`indicator` (the indicator's slug), `period` (a label: "Q1 2023/24", "June 2023", "12 months ending June
2023", "2023/24"), `value`, `msg_average`, `national` and `note`; `msg_average`, `national` and `note` may be
left out. A text-status indicator takes its text in `value`.

Pipeline: read the rows (`parse`), check every row (`check`) and, only when no row has a problem, store all
of them in one transaction through `measurement_record` (`store`). A file with any problem is refused as a
whole, with every problem listed by row and column, and nothing (not even a period) is stored.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from . import periods
from .choices import Unit
from .models import Indicator, Measurement
from .services import measurement_problems, measurement_record

REQUIRED_COLUMNS = ("indicator", "period", "value")
OPTIONAL_COLUMNS = ("msg_average", "national", "note")
NUMBER_COLUMNS = ("value", "msg_average", "national")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: `row` is the file's line number (the header is row 1), 0 for the file."""

    row: int
    column: str
    message: str

    def __str__(self):
        where = f"row {self.row}, column {self.column}" if self.row else f"column {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class MeasurementRow:
    """A row as read, before it is checked."""

    row: int
    indicator: str
    period: str
    value: str
    msg_average: str
    national: str
    note: str


@dataclass(frozen=True)
class CheckedRow:
    """A row that passed every check, ready to store."""

    row: int
    indicator: Indicator
    period: periods.PeriodSpec
    value: Decimal | None
    text_value: str
    msg_average: Decimal | None
    national: Decimal | None
    note: str


class MeasurementImportError(Exception):
    """The file was refused; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    @property
    def total(self) -> int:
        return self.created + self.updated


def parse(text: str) -> tuple[list[MeasurementRow], list[Problem]]:
    """Read the file's rows; a missing required column is a problem of the whole file."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        return [], [Problem(0, column, "This column is missing from the header row.") for column in missing]
    reader.fieldnames = header
    rows = []
    for record in reader:
        cells = {k: (v or "").strip() for k, v in record.items() if k is not None and isinstance(v, str)}
        if not any(cells.values()):
            continue
        rows.append(
            MeasurementRow(
                row=reader.line_num,
                **{column: cells.get(column, "") for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)},
            )
        )
    if not rows:
        return [], [Problem(0, "indicator", "The file has no rows of measurements.")]
    return rows, []


def check(panel, rows: list[MeasurementRow]) -> tuple[list[CheckedRow], list[Problem]]:
    """Every problem of every row (two queries: the panel's indicators, nothing else)."""
    indicators = {i.slug: i for i in Indicator.objects.live().filter(panel=panel)}
    problems: list[Problem] = []
    checked: list[CheckedRow] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        row_problems = []
        indicator = indicators.get(row.indicator)
        if indicator is None:
            row_problems.append(Problem(row.row, "indicator", f"No indicator {row.indicator!r} on this panel."))
        try:
            spec = periods.parse_period_label(row.period)
        except periods.PeriodLabelError as error:
            spec = None
            row_problems.append(Problem(row.row, "period", str(error)))
        if indicator is not None and spec is not None:
            key = (indicator.pk, spec.key)
            if key in seen:
                row_problems.append(
                    Problem(row.row, "period", f"{row.indicator} for {spec.label} is already in row {seen[key]}.")
                )
            else:
                seen[key] = row.row
        numbers = {}
        for column in NUMBER_COLUMNS:
            text = getattr(row, column)
            if column == "value" and indicator is not None and indicator.unit == Unit.TEXT:
                continue
            numbers[column] = None
            if text:
                try:
                    numbers[column] = Decimal(text.replace(",", "").removesuffix("%").strip())
                    if not numbers[column].is_finite():
                        raise ValueError
                except (ArithmeticError, ValueError):
                    row_problems.append(Problem(row.row, column, f"{text!r} is not a number."))
                    numbers[column] = text  # Keep the bad text, so it is not also reported as missing.
        if indicator is not None:
            text_value = row.value if indicator.unit == Unit.TEXT else ""
            fields = {c: v for c, v in numbers.items() if not isinstance(v, str)}
            for column, message in measurement_problems(indicator, text_value=text_value, **fields).items():
                if column in NUMBER_COLUMNS and isinstance(numbers.get(column), str):
                    continue
                row_problems.append(Problem(row.row, "value" if column == "text_value" else column, message))
            if not row_problems:
                checked.append(
                    CheckedRow(
                        row=row.row,
                        indicator=indicator,
                        period=spec,
                        value=numbers.get("value"),
                        text_value=text_value,
                        msg_average=numbers["msg_average"],
                        national=numbers["national"],
                        note=row.note,
                    )
                )
        problems.extend(row_problems)
    return checked, problems


def store(rows: list[CheckedRow], *, acting_user) -> ImportResult:
    """Store every checked row in one transaction: one failing row undoes them all."""
    created = updated = 0
    with transaction.atomic():
        for row in rows:
            period = periods.period_get_or_create(row.period)
            exists = Measurement.objects.filter(indicator=row.indicator, period=period).exists()
            try:
                measurement_record(
                    acting_user=acting_user,
                    indicator=row.indicator,
                    period=period,
                    value=row.value,
                    text_value=row.text_value,
                    msg_average=row.msg_average,
                    national=row.national,
                    note=row.note,
                    source="CSV import",
                )
            except ValidationError as error:
                problems = [Problem(row.row, column, " ".join(m)) for column, m in error.message_dict.items()]
                raise MeasurementImportError(problems) from error
            updated, created = (updated + 1, created) if exists else (updated, created + 1)
    return ImportResult(created=created, updated=updated)


def measurements_import(*, acting_user, panel, text: str) -> ImportResult:
    """Import a CSV of measurements for the panel, or raise MeasurementImportError listing every problem."""
    rows, problems = parse(text)
    if not problems:
        checked, problems = check(panel, rows)
    if problems:
        raise MeasurementImportError(problems)
    return store(checked, acting_user=acting_user)
