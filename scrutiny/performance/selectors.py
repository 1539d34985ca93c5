"""Reads for the performance dashboard, series and tables.

The dashboard runs a fixed number of queries however many indicators and periods there are: indicators,
their measurements and their reported changes are fetched once each, and every comparison (same period
last year, previous period) is matched in memory by the periods' dates.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from . import narrative, periods, rules
from .choices import Frequency, PeriodKind, Unit
from .models import (
    CensusBenchmark,
    FinanceReport,
    Indicator,
    IndicatorNarrative,
    Measurement,
    Objective,
    Period,
    PrintedWorkforcePercentage,
    ReportedChange,
    WorkforceCount,
)


@dataclass
class IndicatorStatus:
    """One row of the dashboard: an indicator with its figure for the period shown and what it is compared
    with. Derived changes exist only where both values are stored; reported changes are the source's words,
    kept apart and labelled with their source, and never turned into values."""

    indicator: Indicator
    period: Period | None
    measurement: Measurement | None
    target: Decimal | None
    last_year: Measurement | None
    previous: Measurement | None
    change_on_last_year: rules.Change | None
    change_on_previous: rules.Change | None
    reported_changes: list[ReportedChange] = field(default_factory=list)
    rag: str | None = None


def _period_sort_key(period: Period):
    return (period.end, period.start)


def indicators_for_panel(panel, *, objective=None):
    """The panel's live indicators in order, each with its measurements and reported changes prefetched."""
    queryset = (
        Indicator.objects.live()
        .filter(panel=panel)
        .select_related("objective")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.select_related("period")),
            Prefetch("reported_changes", queryset=ReportedChange.objects.select_related("period")),
        )
        .order_by("order", "id")
    )
    if objective is not None:
        queryset = queryset.filter(objective=objective)
    return queryset


def indicator_status(indicator: Indicator, period: Period | None = None) -> IndicatorStatus:
    """One dashboard row; `indicator` must come from `indicators_for_panel` (its figures prefetched)."""
    by_key = {(m.period.kind, m.period.start, m.period.end): m for m in indicator.measurements.all()}
    reported = list(indicator.reported_changes.all())
    if period is None:
        candidates = [m.period for m in indicator.measurements.all()] + [c.period for c in reported]
        period = max(candidates, key=_period_sort_key, default=None)
    if period is None:
        return IndicatorStatus(indicator, None, None, None, None, None, None, None, [], None)
    measurement = by_key.get((period.kind, period.start, period.end))
    step = 1 if indicator.frequency == Frequency.MONTHLY else 3
    last_year = by_key.get(periods.same_period_last_year(period).key)
    previous = by_key.get(periods.previous_period(period, step_months=step).key)
    value = measurement.value if measurement else None
    target = rules.target_for(
        target_kind=indicator.target_kind,
        target_value=indicator.target_value,
        msg_average=measurement.msg_average if measurement else None,
        national=measurement.national if measurement else None,
    )
    rating = rules.rag(
        value=value,
        polarity=indicator.polarity,
        target=target,
        last_year=last_year.value if last_year else None,
        last_year_qualifier=last_year.qualifier if last_year else "",
        tolerance_pct=indicator.tolerance_pct,
        unit=indicator.unit,
        text_value=measurement.text_value if measurement else "",
        target_text=indicator.target_text,
    )
    # A qualified value ("over 1 hour") is a bound, not a figure: no change is derived from it.
    exact = measurement is not None and not measurement.qualifier
    return IndicatorStatus(
        indicator=indicator,
        period=period,
        measurement=measurement,
        target=target,
        last_year=last_year,
        previous=previous,
        change_on_last_year=rules.change(value, last_year.value)
        if exact and last_year and not last_year.qualifier
        else None,
        change_on_previous=rules.change(value, previous.value)
        if exact and previous and not previous.qualifier
        else None,
        reported_changes=[c for c in reported if c.period_id == period.pk],
        rag=rating,
    )


def performance_dashboard(panel, *, objective=None, period: Period | None = None) -> list[IndicatorStatus]:
    """Every indicator of the panel (optionally of one objective) with its figure for `period`, or for the
    latest period that has a figure or a reported change. Three queries, whatever the size."""
    return [indicator_status(indicator, period) for indicator in indicators_for_panel(panel, objective=objective)]


_status = indicator_status  # The name the staff pages first used.


def objective_choices(panel) -> list[Objective]:
    """The objectives of the panel's live plans, latest plan first (the dashboard's filter); one query."""
    return list(
        Objective.objects.live()
        .filter(plan__panel=panel, plan__is_deleted=False)
        .select_related("plan")
        .order_by("-plan__starts", "number")
    )


def period_choices(panel) -> list[Period]:
    """Every period in which one of the panel's live indicators has a figure, latest first; one query."""
    return list(
        Period.objects.filter(measurements__indicator__panel=panel, measurements__indicator__is_deleted=False)
        .distinct()
        .order_by("-end", "kind")
    )


def measurements_recent(panel, *, limit: int = 25) -> list[Measurement]:
    """The panel's figures most recently recorded or changed, for the staff pages; one query."""
    return list(
        Measurement.objects.filter(indicator__panel=panel, indicator__is_deleted=False)
        .select_related("indicator", "period")
        .order_by("-modified", "-id")[:limit]
    )


@dataclass(frozen=True)
class SeriesPoint:
    period: Period
    value: Decimal | None
    text_value: str
    qualifier: str
    msg_average: Decimal | None
    national: Decimal | None
    note: str


def indicator_get(panel, slug: str) -> Indicator | None:
    return Indicator.objects.live().filter(panel=panel, slug=slug).select_related("objective").first()


def indicator_series(indicator: Indicator, *, kind: str | None = None) -> list[SeriesPoint]:
    """The indicator's measurements in period order (for charts, CSV and JSON); one query."""
    measurements = indicator.measurements.select_related("period").order_by("period__start", "period__end")
    if kind:
        measurements = measurements.filter(period__kind=kind)
    return [
        SeriesPoint(m.period, m.value, m.text_value, m.qualifier, m.msg_average, m.national, m.note)
        for m in measurements
    ]


def outcome_counts_by_group(panel, period: Period) -> dict[str, dict[str, int]]:
    """{crime group: {outcome code: count}} for a period."""
    result: dict[str, dict[str, int]] = {}
    for row in panel.outcome_counts.filter(period=period).only("crime_group", "outcome_code", "count"):
        result.setdefault(row.crime_group, {})[row.outcome_code] = row.count
    return result


def outcome_rates(panel, period: Period) -> dict[str, dict[str, Decimal | None]]:
    """Action-taken and charge/summons rates (0-1) per crime group, with the panel's configured set."""
    configured = set(panel.action_taken_outcomes.values_list("code", flat=True)) or None
    return {
        group: {
            "action_taken_rate": rules.action_taken_rate(counts, action_taken=configured),
            "charge_summons_rate": rules.charge_summons_rate(counts),
        }
        for group, counts in outcome_counts_by_group(panel, period).items()
    }


def finance_latest(panel) -> tuple[FinanceReport | None, list[rules.ComputedFigure]]:
    report = FinanceReport.objects.filter(panel=panel).select_related("period").order_by("-period__end").first()
    return report, rules.finance_figures(report) if report else []


def workforce_table(panel) -> list[rules.WorkforceCell]:
    """The representation table for every date counted, with the printed percentages beside it."""
    printed = {
        (p.as_of, p.row): p.printed_pct
        for p in PrintedWorkforcePercentage.objects.filter(panel=panel).only("as_of", "row", "printed_pct")
    }
    counts = WorkforceCount.objects.filter(panel=panel).values_list("as_of", "category", "ethnic_group", "count")
    return rules.workforce_table(list(counts), printed)


def workforce_discrepancies(panel) -> list[rules.WorkforceCell]:
    return rules.workforce_discrepancies(workforce_table(panel))


def census_comparison(panel) -> list[rules.CensusComparison]:
    benchmarks = dict(CensusBenchmark.objects.filter(panel=panel).values_list("census_year", "minority_ethnic_pct"))
    return rules.census_comparison(workforce_table(panel), benchmarks)


def periods_with_figures(panel, *, kind: str = PeriodKind.QUARTER):
    """Periods of `kind` in which any of the panel's indicators has a measurement (for a period picker)."""
    return Period.objects.filter(kind=kind, measurements__indicator__panel=panel).distinct().order_by("-start")


# Narratives ----------------------------------------------------------------------------------------------


@dataclass
class NarrativeRow:
    """An indicator's words for one period, as the officer edits them: the draft made from the data now, the
    stored narrative (if any), the words shown (edited, else stored draft, else the draft) and the facts
    that the checker compares any text with."""

    status: IndicatorStatus
    stored: IndicatorNarrative | None
    drafted: str
    facts: narrative.Facts
    words: narrative.Words

    @property
    def indicator(self) -> Indicator:
        return self.status.indicator

    @property
    def period(self) -> Period:
        return self.status.period


def _series_labels(status: IndicatorStatus) -> list[str]:
    """The labels of the indicator's figures of the same kind as the period shown, as the public page passes
    them to the checker (from the prefetched measurements)."""
    return [m.period.label for m in status.indicator.measurements.all() if m.period.kind == status.period.kind]


def _narrative_row(status: IndicatorStatus, stored, finance_report) -> NarrativeRow:
    if status.indicator.unit == Unit.POUNDS and status.measurement is None and finance_report is not None:
        # The budget and savings indicators are drafted from the finance report (as `narrative.words_for`).
        facts = narrative.finance_facts(finance_report)
        drafted = narrative.finance_narrative(finance_report, savings=narrative.is_savings(status.indicator))
    else:
        data = narrative.narrative_data_for(status, periods=_series_labels(status))
        facts = narrative.facts_for(data)
        drafted = narrative.draft(data)
    words = narrative.words_for(status, stored=stored, finance_report=finance_report, periods=_series_labels(status))
    return NarrativeRow(status=status, stored=stored, drafted=drafted, facts=facts, words=words)


def _finance_report_if_needed(panel, statuses) -> FinanceReport | None:
    """The latest finance report, read only when a £ indicator has no figures of its own (one query then)."""
    if any(s.indicator.unit == Unit.POUNDS and s.measurement is None for s in statuses):
        return finance_latest(panel)[0]
    return None


def narrative_rows(panel, *, period: Period | None = None) -> list[NarrativeRow]:
    """Every indicator that has a figure or a reported change for `period` (or, without one, for its latest
    period), with its narrative. A fixed number of queries: indicators, measurements, reported changes, the
    stored narratives and (when a £ indicator needs it) the finance report."""
    statuses = [s for s in performance_dashboard(panel, period=period) if s.measurement or s.reported_changes]
    stored = {
        (n.indicator_id, n.period_id): n
        for n in IndicatorNarrative.objects.filter(indicator__panel=panel, indicator__is_deleted=False).select_related(
            "edited_by"
        )
    }
    finance_report = _finance_report_if_needed(panel, statuses)
    return [
        _narrative_row(status, stored.get((status.indicator.pk, status.period.pk)), finance_report)
        for status in statuses
    ]


def narrative_row_get(panel, *, indicator_slug: str, period_id: int) -> NarrativeRow | None:
    """One indicator's narrative for one period, or None when the indicator has neither a figure nor a
    reported change for it (there is nothing to say)."""
    indicator = indicators_for_panel(panel).filter(slug=indicator_slug).first()
    period = Period.objects.filter(pk=period_id).first()
    if indicator is None or period is None:
        return None
    status = indicator_status(indicator, period)
    if status.measurement is None and not status.reported_changes:
        return None
    stored = IndicatorNarrative.objects.filter(indicator=indicator, period=period).select_related("edited_by").first()
    return _narrative_row(status, stored, _finance_report_if_needed(panel, [status]))
