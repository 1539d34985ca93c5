"""Writes to the plan, indicators, measurements and the finance, workforce and estates figures.

Each service validates, saves through `object_save` (full_clean, transaction, audit event, public pages
invalidated after commit) and is keyword-only. Figures are stored as the source gives them; anything that
can be computed from them is computed by `rules`, never stored.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from scrutiny.core.services import object_save

from . import rules
from .choices import Unit
from .models import (
    ActionTakenOutcome,
    CapitalProject,
    CensusBenchmark,
    EstatesBudgetLine,
    FinanceReport,
    Indicator,
    IndicatorNarrative,
    Measurement,
    Objective,
    OutcomeCount,
    Period,
    Plan,
    PrintedWorkforcePercentage,
    ReportedChange,
    WorkforceCount,
)

NUMBER_FIELDS = ("value", "msg_average", "national")


def _to_decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = str(value)
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise ValidationError({"value": f"{value!r} is not a number."}) from error
    if not number.is_finite():
        raise ValidationError({"value": f"{value!r} is not a number."})
    return number


def _save(instance, *, acting_user, verb: str, panel_id, parents=()):
    return object_save(instance=instance, acting_user=acting_user, verb=verb, panel_id=panel_id, parents=parents)


def _apply(instance, fields: dict):
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


# Plan and indicators -------------------------------------------------------------------------------------


def plan_create(*, acting_user, panel, title: str, starts: date, ends: date) -> Plan:
    """Record the commissioner's Police and Crime Plan (PRSRA 2011 s5), which the panel reviews."""
    return _save(
        Plan(panel=panel, title=title, starts=starts, ends=ends),
        acting_user=acting_user,
        verb="plan_create",
        panel_id=panel.pk,
    )


def objective_create(*, acting_user, plan: Plan, number: int, title: str, title_as_printed: str = "") -> Objective:
    return _save(
        Objective(plan=plan, number=number, title=title, title_as_printed=title_as_printed),
        acting_user=acting_user,
        verb="objective_create",
        panel_id=plan.panel_id,
        parents=[plan],
    )


def indicator_create(*, acting_user, panel, name: str, unit: str, slug: str = "", **fields) -> Indicator:
    """Add an indicator to the panel's set; its slug comes from its name unless given."""
    indicator = Indicator(panel=panel, name=name, unit=unit, slug=slug or slugify(name)[:100], **fields)
    if indicator.objective_id and indicator.objective.plan.panel_id != panel.pk:
        raise ValidationError({"objective": "The objective belongs to another panel's plan."})
    return _save(indicator, acting_user=acting_user, verb="indicator_create", panel_id=panel.pk)


def indicator_update(*, acting_user, indicator: Indicator, **fields) -> Indicator:
    """Change an indicator. Its unit cannot change once it has measurements: they were recorded in it."""
    if "unit" in fields and fields["unit"] != indicator.unit and indicator.measurements.exists():
        raise ValidationError({"unit": "The indicator has measurements recorded in its present unit."})
    _apply(indicator, fields)
    if indicator.objective_id and indicator.objective.plan.panel_id != indicator.panel_id:
        raise ValidationError({"objective": "The objective belongs to another panel's plan."})
    return _save(indicator, acting_user=acting_user, verb="indicator_update", panel_id=indicator.panel_id)


def action_taken_outcomes_set(*, acting_user, panel, codes) -> list[ActionTakenOutcome]:
    """Configure which outcome types count as 'action taken' for the panel (O-2: no statutory definition).
    0 (not yet assigned) and 5 (offender died) are never action taken."""
    wanted = {rules.outcome_code(code) for code in codes}
    if wanted & rules.NEVER_ACTION_TAKEN:
        raise ValidationError({"codes": "Outcomes 0 and 5 never count as action taken."})
    with transaction.atomic():
        panel.action_taken_outcomes.exclude(code__in=wanted).delete()
        existing = set(panel.action_taken_outcomes.values_list("code", flat=True))
        for code in sorted(wanted - existing):
            _save(
                ActionTakenOutcome(panel=panel, code=code),
                acting_user=acting_user,
                verb="action_taken_outcomes_set",
                panel_id=panel.pk,
            )
    return list(panel.action_taken_outcomes.order_by("code"))


# Measurements --------------------------------------------------------------------------------------------


def measurement_problems(
    indicator: Indicator, *, value=None, text_value="", msg_average=None, national=None, unit=None
):
    """What is wrong with a measurement for `indicator`, as {field: message}; empty when nothing is.

    Shared by `measurement_record`, the CSV import and the API, so that each refuses the same things.
    """
    problems: dict[str, str] = {}
    if unit and unit != indicator.unit:
        problems["unit"] = (
            f"The indicator {indicator.slug!r} is measured in {indicator.get_unit_display().lower()}, not {unit!r}."
        )
    if indicator.unit == Unit.TEXT:
        if value not in (None, ""):
            problems["value"] = f"The indicator {indicator.slug!r} is a text status: give text, not a number."
        elif not text_value:
            problems["text_value"] = "A text status is required."
        return problems
    if text_value:
        problems["text_value"] = f"The indicator {indicator.slug!r} takes a number, not text."
    numbers = {"value": value, "msg_average": msg_average, "national": national}
    for field, number in numbers.items():
        if number is None or number == "":
            continue
        try:
            number = _to_decimal(number)
        except ValidationError:
            problems[field] = f"{number!r} is not a number."
            continue
        if indicator.unit == Unit.PERCENTAGE and not Decimal(0) <= number <= Decimal(100):
            problems[field] = f"A percentage is between 0 and 100, not {number}."
        elif indicator.unit in (Unit.COUNT, Unit.MINUTES) and number < 0:
            what = "count" if indicator.unit == Unit.COUNT else "time"
            problems[field] = f"A {what} cannot be negative ({number})."
        elif indicator.unit == Unit.COUNT and number != number.to_integral_value():
            problems[field] = f"A count is a whole number, not {number}."
    if value in (None, "") and not problems:
        problems["value"] = "A value is required."
    return problems


def measurement_record(
    *,
    acting_user,
    indicator: Indicator,
    period: Period,
    value=None,
    text_value: str = "",
    msg_average=None,
    national=None,
    qualifier: str = "",
    source: str = "",
    note: str = "",
    unit: str | None = None,
) -> Measurement:
    """Record an indicator's figure for a period, replacing the one recorded before (one per period).

    Refuses a percentage outside 0-100, a negative count or time, text for a numeric indicator (or a number
    for a text status) and a unit other than the indicator's.
    """
    problems = measurement_problems(
        indicator, value=value, text_value=text_value, msg_average=msg_average, national=national, unit=unit
    )
    if problems:
        raise ValidationError(problems)
    measurement = Measurement.objects.filter(indicator=indicator, period=period).first() or Measurement(
        indicator=indicator, period=period
    )
    _apply(
        measurement,
        {
            "value": _to_decimal(value),
            "text_value": text_value or "",
            "msg_average": _to_decimal(msg_average),
            "national": _to_decimal(national),
            "qualifier": qualifier or "",
            "source": source or "",
            "note": note or "",
        },
    )
    return _save(
        measurement,
        acting_user=acting_user,
        verb="measurement_record",
        panel_id=indicator.panel_id,
        parents=[indicator],
    )


def reported_change_record(
    *,
    acting_user,
    indicator: Indicator,
    period: Period,
    change_pct,
    compared_with: str,
    source: str,
    period_label_as_printed: str = "",
) -> ReportedChange:
    """Record a change the source states without the values behind it ("a 9% reduction"), as stated.

    One per indicator, period and comparison; recording it again replaces it.
    """
    change = ReportedChange.objects.filter(indicator=indicator, period=period, compared_with=compared_with).first()
    change = change or ReportedChange(indicator=indicator, period=period, compared_with=compared_with)
    _apply(
        change,
        {"change_pct": _to_decimal(change_pct), "source": source, "period_label_as_printed": period_label_as_printed},
    )
    return _save(
        change, acting_user=acting_user, verb="reported_change_record", panel_id=indicator.panel_id, parents=[indicator]
    )


def indicator_narrative_save(
    *, acting_user, indicator: Indicator, period: Period, drafted: str, edited: str
) -> IndicatorNarrative:
    """Keep the officer's words for an indicator's figure in a period, with the draft they started from.

    Text that is the draft itself (whitespace aside) is not an edit: the draft goes on following the data
    until someone changes the words. Blank text goes back to the draft. Who saved it is kept either way.
    """
    drafted, edited = (drafted or "").strip(), (edited or "").strip()
    if " ".join(edited.split()) == " ".join(drafted.split()):
        edited = ""
    if not drafted and not edited:
        raise ValidationError({"edited": "Enter the narrative."})
    narrative = IndicatorNarrative.objects.filter(indicator=indicator, period=period).first()
    narrative = narrative or IndicatorNarrative(indicator=indicator, period=period)
    editor = acting_user if getattr(acting_user, "is_authenticated", False) else None
    _apply(narrative, {"drafted": drafted or edited, "edited": edited, "edited_by": editor})
    return _save(
        narrative,
        acting_user=acting_user,
        verb="indicator_narrative_save",
        panel_id=indicator.panel_id,
        parents=[indicator],
    )


# Outcomes, finance, workforce ----------------------------------------------------------------------------


def outcome_counts_record(*, acting_user, panel, period: Period, crime_group: str, counts: dict) -> list[OutcomeCount]:
    """Record a crime group's counts by Home Office outcome type for a period, in one transaction."""
    errors = {}
    normalised = {}
    for code, count in counts.items():
        try:
            normalised[rules.outcome_code(code)] = int(count)
        except (TypeError, ValueError) as error:
            errors[str(code)] = str(error)
            continue
        if normalised[rules.outcome_code(code)] < 0:
            errors[str(code)] = f"A count cannot be negative ({count})."
    if errors:
        raise ValidationError(errors)
    saved = []
    with transaction.atomic():
        for code, count in normalised.items():
            row = OutcomeCount.objects.filter(
                panel=panel, period=period, crime_group=crime_group, outcome_code=code
            ).first() or OutcomeCount(panel=panel, period=period, crime_group=crime_group, outcome_code=code)
            row.count = count
            saved.append(_save(row, acting_user=acting_user, verb="outcome_counts_record", panel_id=panel.pk))
    return saved


def finance_report_record(*, acting_user, panel, period: Period, financial_year: str, **fields) -> FinanceReport:
    """Record the budget position at a period end (£m), with the printed figures that can be computed
    (ytd underspend, savings shortfall) kept as printed so that a disagreement shows."""
    report = FinanceReport.objects.filter(panel=panel, period=period).first() or FinanceReport(
        panel=panel, period=period
    )
    _apply(report, {"financial_year": financial_year, **fields})
    return _save(report, acting_user=acting_user, verb="finance_report_record", panel_id=panel.pk)


def workforce_counts_record(*, acting_user, panel, as_of: date, counts: dict) -> list[WorkforceCount]:
    """Record headcounts at a date: {category: {ethnic_group: count}}, in one transaction."""
    saved = []
    with transaction.atomic():
        for category, groups in counts.items():
            for group, count in groups.items():
                row = WorkforceCount.objects.filter(
                    panel=panel, as_of=as_of, category=category, ethnic_group=group
                ).first() or WorkforceCount(panel=panel, as_of=as_of, category=category, ethnic_group=group)
                row.count = count
                saved.append(_save(row, acting_user=acting_user, verb="workforce_counts_record", panel_id=panel.pk))
    return saved


def printed_workforce_percentage_record(
    *, acting_user, panel, as_of: date, row: str, printed_pct, source: str
) -> PrintedWorkforcePercentage:
    """Keep a percentage as printed, to show where it disagrees with the counts."""
    if row not in rules.WORKFORCE_ROWS:
        raise ValidationError({"row": f"Unknown row {row!r}: one of {', '.join(rules.WORKFORCE_ROWS)}."})
    printed = PrintedWorkforcePercentage.objects.filter(panel=panel, as_of=as_of, row=row).first()
    printed = printed or PrintedWorkforcePercentage(panel=panel, as_of=as_of, row=row)
    _apply(printed, {"printed_pct": _to_decimal(printed_pct), "source": source})
    return _save(printed, acting_user=acting_user, verb="printed_workforce_percentage_record", panel_id=panel.pk)


def census_benchmark_record(*, acting_user, panel, census_year: int, minority_ethnic_pct) -> CensusBenchmark:
    benchmark = CensusBenchmark.objects.filter(panel=panel, census_year=census_year).first()
    benchmark = benchmark or CensusBenchmark(panel=panel, census_year=census_year)
    benchmark.minority_ethnic_pct = _to_decimal(minority_ethnic_pct)
    return _save(benchmark, acting_user=acting_user, verb="census_benchmark_record", panel_id=panel.pk)


# Estates -------------------------------------------------------------------------------------------------


def estates_budget_line_create(
    *, acting_user, panel, financial_year: str, line: str, amount, order: int = 0, group: str = "", is_total=False
) -> EstatesBudgetLine:
    """A line of the estates budget table as printed (its lines are not the parts of its total)."""
    return _save(
        EstatesBudgetLine(
            panel=panel,
            financial_year=financial_year,
            line=line,
            amount=_to_decimal(amount),
            order=order,
            group=group,
            is_total=is_total,
        ),
        acting_user=acting_user,
        verb="estates_budget_line_create",
        panel_id=panel.pk,
    )


def capital_project_create(*, acting_user, panel, name: str, **fields) -> CapitalProject:
    return _save(
        CapitalProject(panel=panel, name=name, **fields),
        acting_user=acting_user,
        verb="capital_project_create",
        panel_id=panel.pk,
    )
