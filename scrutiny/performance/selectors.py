"""Reads for the performance dashboard, series and tables.

The dashboard runs a fixed number of queries however many indicators and periods there are: indicators,
their measurements and their reported changes are fetched once each, and every comparison (same period
last year, previous period) is matched in memory by the periods' dates.

The dashboard reads only the rows it shows, so that its time does not grow with the length of the history:
the indicators' query also gives each one's latest period (with a figure, and with a reported change); the
measurements' query then asks for at most three periods per indicator (the period shown, the same period
last year and the previous period: all that `rules.rag` and `rules.change` compare) and the reported
changes' for the period shown. The indicator page, which draws the whole series, prefetches every figure
instead (`indicators_for_panel`); the narrative checker, which needs every period's label, reads the labels
alone (`period_labels`).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast

from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperStatus
from scrutiny.documents.models import Paper, Publication
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import AgendaItem

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
    """One row from an indicator of `indicators_for_panel` (its whole history prefetched), for `period` or
    its latest period with a figure or a reported change."""
    reported = list(indicator.reported_changes.all())
    if period is None:
        candidates = [m.period for m in indicator.measurements.all()] + [c.period for c in reported]
        period = max(candidates, key=_period_sort_key, default=None)
    return _status_for(indicator, period, indicator.measurements.all(), reported)


Key = tuple  # A period's identity, (kind, start, end): the same for a stored period and a computed one.


def _key(period) -> Key:
    return (period.kind, period.start, period.end)


def _comparison_keys(indicator: Indicator, period) -> tuple[Key, Key]:
    """The same period last year and the previous period (a month before for a monthly measure)."""
    step = 1 if indicator.frequency == Frequency.MONTHLY else 3
    return periods.same_period_last_year(period).key, periods.previous_period(period, step_months=step).key


def _status_for(indicator: Indicator, period: Period | None, measurements, reported) -> IndicatorStatus:
    """The row for `period` from the indicator's `measurements` and `reported` changes, which must include
    those of the period itself, of the same period last year and of the previous period (others are ignored)."""
    if period is None:
        return IndicatorStatus(indicator, None, None, None, None, None, None, None, [], None)
    by_key = {_key(m.period): m for m in measurements}
    measurement = by_key.get(_key(period))
    last_year_key, previous_key = _comparison_keys(indicator, period)
    last_year = by_key.get(last_year_key)
    previous = by_key.get(previous_key)
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
        reported_changes=[c for c in reported if _key(c.period) == _key(period)],
        rag=rating,
    )


_LATEST = ("latest_measured", "latest_reported")


def _latest_annotations() -> dict:
    """Each indicator's latest period (by end, then start) with a figure, and with a reported change, as its
    kind, start and end: correlated subqueries in the indicators' own query."""
    annotations = {}
    for prefix, model in zip(_LATEST, (Measurement, ReportedChange), strict=True):
        rows = model.objects.filter(indicator=OuterRef("pk")).order_by("-period__end", "-period__start", "period__kind")
        for part in ("kind", "start", "end"):
            annotations[f"{prefix}_{part}"] = Subquery(rows.values(f"period__{part}")[:1])
    return annotations


def _latest_key(indicator: Indicator) -> Key | None:
    """The later of the indicator's latest measured and latest reported periods; a figure's wins a tie."""
    candidates = [
        (getattr(indicator, f"{p}_kind"), getattr(indicator, f"{p}_start"), getattr(indicator, f"{p}_end"))
        for p in _LATEST
    ]
    return max((c for c in candidates if c[0] is not None), key=lambda c: (c[2], c[1]), default=None)


def _for_pairs(model, wanted: dict[Key, set[int]]):
    """`model`'s rows (measurements or reported changes) for the (period, indicator) pairs wanted, in one
    query: one condition per distinct period, naming the indicators that need it."""
    condition = Q()
    for (kind, start, end), indicator_ids in wanted.items():
        condition |= Q(period__kind=kind, period__start=start, period__end=end, indicator_id__in=sorted(indicator_ids))
    return model.objects.filter(condition).select_related("period").order_by("indicator_id", "period__start", "id")


def dashboard_measurements(wanted: dict[Key, set[int]]):
    """The measurements the dashboard reads: those of the (period, indicator) pairs wanted (one query)."""
    return _for_pairs(Measurement, wanted)


def dashboard_reported_changes(wanted: dict[Key, set[int]]):
    """The reported changes the dashboard reads: those of the (period, indicator) pairs wanted (one query)."""
    return _for_pairs(ReportedChange, wanted)


def _wanted(indicators: list[Indicator], shown: dict[int, Key | None]) -> tuple[dict, dict]:
    """The pairs to read: measurements for the period shown, the same period last year and the previous
    period; reported changes for the period shown only (the source's words are never compared)."""
    measured: dict[Key, set[int]] = {}
    reported: dict[Key, set[int]] = {}
    for indicator in indicators:
        key = shown[indicator.pk]
        if key is None:
            continue
        reported.setdefault(key, set()).add(indicator.pk)
        spec = periods.spec_of(Period(kind=key[0], start=key[1], end=key[2]))
        for wanted in (key, *_comparison_keys(indicator, spec)):
            measured.setdefault(wanted, set()).add(indicator.pk)
    return measured, reported


def performance_dashboard(panel, *, objective=None, period: Period | None = None) -> list[IndicatorStatus]:
    """Every indicator of the panel (optionally of one objective) with its figure for `period`, or for the
    latest period that has a figure or a reported change. Three queries, whatever the size, reading at most
    three measurements and one period's reported changes per indicator, however long the history."""
    indicators = Indicator.objects.live().filter(panel=panel).select_related("objective").order_by("order", "id")
    if objective is not None:
        indicators = indicators.filter(objective=objective)
    if period is None:
        indicators = indicators.annotate(**_latest_annotations())
    indicators = list(indicators)
    shown = {i.pk: _key(period) if period is not None else _latest_key(i) for i in indicators}
    measured, reported = _wanted(indicators, shown)
    measurements: dict[int, list[Measurement]] = {}
    changes: dict[int, list[ReportedChange]] = {}
    if measured:
        for m in dashboard_measurements(measured):
            measurements.setdefault(m.indicator_id, []).append(m)
        for c in dashboard_reported_changes(reported):
            changes.setdefault(c.indicator_id, []).append(c)
    statuses = []
    for indicator in indicators:
        key = shown[indicator.pk]
        mine, theirs = measurements.get(indicator.pk, []), changes.get(indicator.pk, [])
        row_period = period
        if row_period is None and key is not None:
            # The stored period itself, from the figure or the reported change that made it the latest.
            row_period = next((x.period for x in [*mine, *theirs] if _key(x.period) == key), None)
        statuses.append(_status_for(indicator, row_period, mine, theirs))
    return statuses


_status = indicator_status  # The name the staff pages first used.


def trend_series(status: IndicatorStatus, *, until: Period | None = None) -> list[Measurement]:
    """The measurements an indicator's trend chart draws, oldest first, from its prefetched measurements (see
    `indicators_for_panel`): those of the kind of the period shown (quarters with quarters), ending no later
    than `until`, if given. The indicator page and the report's appendix both use this, so that the same
    figures give the same chart."""
    measurements = sorted(status.indicator.measurements.all(), key=lambda m: (m.period.start, m.period.end))
    if until is not None:
        measurements = [m for m in measurements if m.period.end <= until.end]
    if status.period is not None:
        measurements = [m for m in measurements if m.period.kind == status.period.kind]
    return measurements


def indicator_trends(indicators, *, until: Period | None = None) -> list[tuple[IndicatorStatus, list[Measurement]]]:
    """Each indicator of `indicators_for_panel` (its whole history prefetched: three queries for any number
    of indicators), with its status and its trend series (`trend_series`) as they stood at the end of `until`
    (default: as they stand now, as on the indicator page): the period shown is the latest with a figure or
    a reported change ending by then. No further query."""
    trends = []
    for indicator in indicators:
        if until is None:
            status = indicator_status(indicator)
        else:
            candidates = [m.period for m in indicator.measurements.all()]
            candidates += [c.period for c in indicator.reported_changes.all()]
            shown = max((p for p in candidates if p.end <= until.end), key=_period_sort_key, default=None)
            # No figure by then: an empty status (`indicator_status` would take the latest instead).
            status = indicator_status(indicator, shown) if shown else _status_for(indicator, None, [], [])
        trends.append((status, trend_series(status, until=until)))
    return trends


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


def period_labels(panel) -> dict[int, list[tuple[str, str]]]:
    """{indicator id: [(period kind, label)]} of every figure of the panel's live indicators, oldest first:
    the periods the narrative checker knows. One query of pairs, not of measurements."""
    labels: dict[int, list[tuple[str, str]]] = {}
    rows = (
        Measurement.objects.filter(indicator__panel=panel, indicator__is_deleted=False)
        .order_by("indicator_id", "period__start", "period__end")
        .values_list("indicator_id", "period__kind", "period__label")
    )
    for indicator_id, kind, label in rows:
        labels.setdefault(indicator_id, []).append((kind, label))
    return labels


def _series_labels(status: IndicatorStatus, labels: list[tuple[str, str]] | None = None) -> list[str]:
    """The labels of the indicator's figures of the same kind as the period shown, as the public page passes
    them to the checker: from `labels` (see `period_labels`), else from the prefetched measurements."""
    if labels is None:
        labels = [(m.period.kind, m.period.label) for m in status.indicator.measurements.all()]
    return [label for kind, label in labels if kind == status.period.kind]


def _narrative_row(status: IndicatorStatus, stored, finance_report, labels=None) -> NarrativeRow:
    if status.indicator.unit == Unit.POUNDS and status.measurement is None and finance_report is not None:
        # The budget and savings indicators are drafted from the finance report (as `narrative.words_for`).
        facts = narrative.finance_facts(finance_report)
        drafted = narrative.finance_narrative(finance_report, savings=narrative.is_savings(status.indicator))
    else:
        data = narrative.narrative_data_for(status, periods=_series_labels(status, labels))
        facts = narrative.facts_for(data)
        drafted = narrative.draft(data)
    words = narrative.words_for(
        status, stored=stored, finance_report=finance_report, periods=_series_labels(status, labels)
    )
    return NarrativeRow(status=status, stored=stored, drafted=drafted, facts=facts, words=words)


def _finance_report_if_needed(panel, statuses) -> FinanceReport | None:
    """The latest finance report, read only when a £ indicator has no figures of its own (one query then)."""
    if any(s.indicator.unit == Unit.POUNDS and s.measurement is None for s in statuses):
        return finance_latest(panel)[0]
    return None


def narrative_rows(panel, *, period: Period | None = None) -> list[NarrativeRow]:
    """Every indicator that has a figure or a reported change for `period` (or, without one, for its latest
    period), with its narrative. A fixed number of queries: indicators, measurements, reported changes, the
    periods' labels, the stored narratives and (when a £ indicator needs it) the finance report."""
    statuses = [s for s in performance_dashboard(panel, period=period) if s.measurement or s.reported_changes]
    stored = {
        (n.indicator_id, n.period_id): n
        for n in IndicatorNarrative.objects.filter(indicator__panel=panel, indicator__is_deleted=False).select_related(
            "edited_by"
        )
    }
    finance_report = _finance_report_if_needed(panel, statuses)
    labels = period_labels(panel)
    return [
        _narrative_row(
            status,
            stored.get((status.indicator.pk, status.period.pk)),
            finance_report,
            labels.get(status.indicator.pk, []),
        )
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


# The Annual Budget Metrics report ------------------------------------------------------------------------

BUDGET_METRICS_VERB = "budget_metrics_paper_generate"


def agenda_items_for_reports(panel):
    """The agenda items a report may be generated on: those of the panel's scheduled meetings, in meeting
    and agenda order (a queryset, for a form's choices)."""
    return (
        AgendaItem.objects.live()
        .filter(meeting__panel=panel, meeting__status=MeetingStatus.SCHEDULED, meeting__is_deleted=False)
        .select_related("meeting")
        .order_by("meeting__start", "order", "id")
    )


def periods_with_any_figures(panel):
    """Every period, of any kind, in which one of the panel's live indicators has a figure, latest first (a
    queryset, for a form's choices; `period_choices` as a list)."""
    return (
        Period.objects.filter(measurements__indicator__panel=panel, measurements__indicator__is_deleted=False)
        .distinct()
        .order_by("-end", "kind")
    )


def _budget_metrics_marker():
    """True for a paper that `reports.budget_metrics_paper_generate` made. The audit trail, which is never
    edited, names the service that created each paper: unlike the title, it does not change when the paper
    is edited, nor with the language it was generated in."""
    return Exists(
        AuditEvent.objects.filter(
            verb=BUDGET_METRICS_VERB,
            action=AuditEvent.Action.CREATE,
            content_type=ContentType.objects.get_for_model(Paper),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
    )


def _budget_metrics_papers(panel):
    return (
        Paper.objects.live()
        .filter(
            agenda_item__meeting__panel=panel,
            agenda_item__is_deleted=False,
            agenda_item__meeting__is_deleted=False,
        )
        .filter(_budget_metrics_marker())
        .select_related("agenda_item__meeting")
    )


def _published():
    """The paper went out in one of its meeting's publications (the agenda or a supplement)."""
    return Exists(Publication.papers.through.objects.filter(paper_id=OuterRef("pk")))


def _public(queryset):
    """Only what the public may read: published, accepted, and neither the paper nor its item exempt (unless
    released, LGA 1972 Sch 12A para 10), as the agenda's publication decides (`meetings.workflow`)."""
    return (
        queryset.filter(_published(), status=PaperStatus.ACCEPTED)
        .filter(Q(exempt=False) | Q(released_at__isnull=False))
        .filter(Q(agenda_item__exempt=False) | Q(agenda_item__released_at__isnull=False))
    )


def budget_metrics_papers(panel, *, limit: int = 20) -> list[Paper]:
    """The reports generated for the panel, newest first, each marked `published`; one query."""
    return list(_budget_metrics_papers(panel).annotate(published=_published()).order_by("-created", "-id")[:limit])


def budget_metrics_paper_get(panel, paper_id: int, *, public: bool) -> Paper | None:
    """One generated report of the panel: any, for the panel's staff; for the public only a published one
    that is not exempt. None when there is no such report."""
    queryset = _budget_metrics_papers(panel).select_related("agenda_item__meeting__panel").filter(pk=paper_id)
    return (_public(queryset) if public else queryset).first()


def budget_metrics_paper_is_public(paper: Paper) -> bool:
    """Whether a paper of `budget_metrics_papers` may be read on its public address (no query)."""
    item = paper.agenda_item
    return bool(paper.published) and paper.status == PaperStatus.ACCEPTED and paper.is_public and item.is_public
