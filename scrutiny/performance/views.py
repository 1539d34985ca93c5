"""The public performance pages: the dashboard, a page per indicator, their figures as CSV and JSON, and
the Annual Budget Metrics reports published with an agenda, as PDF and HTML.

Thin: parse the filters, call the selectors, render. Anonymous responses go through the page cache. The
pages run a fixed number of queries however many indicators and periods there are (the selectors fetch
indicators, measurements and reported changes once each; everything else is matched in memory).
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from scrutiny.core.cache import public_page
from scrutiny.panels.models import Panel

from . import selectors
from .charts import indicator_trend_chart
from .choices import RAG, Comparison, Unit
from .models import IndicatorNarrative, Objective, Period
from .narrative import (
    ChangeText,
    change_on_last_year,
    format_value,
    target_text,
    value_text,
    words_for,
)
from .reports import budget_metrics_html, budget_metrics_pdf

RAG_TAGS = {"green": "govuk-tag--green", "amber": "govuk-tag--yellow", "red": "govuk-tag--red"}


def _panel(panel_slug: str) -> Panel:
    return get_object_or_404(Panel.objects.live().only("id", "name", "slug"), slug=panel_slug)


@dataclass
class Row:
    """A dashboard row in words, as the dashboard and the indicator page show it."""

    status: selectors.IndicatorStatus
    value: str
    change: ChangeText | None
    target: str
    rag_label: str
    rag_class: str

    @property
    def indicator(self):
        return self.status.indicator


def row_for(status) -> Row:
    rag = status.rag or ""
    return Row(
        status=status,
        value=value_text(status.measurement, status.indicator.unit),
        change=change_on_last_year(status),
        target=target_text(status),
        rag_label=RAG(rag).label if rag in RAG.values else _("Not rated"),
        rag_class=RAG_TAGS.get(rag, "govuk-tag--grey"),
    )


@dataclass
class Filters:
    """The dashboard's GET form: its choices, what was chosen, and what could not be understood."""

    objectives: list[Objective]
    periods: list[Period]
    objective: Objective | None
    period: Period | None
    errors: list[str]


def _filters(request, panel) -> Filters:
    """The GET form's choices and what was chosen (two queries, in the selectors). An unknown choice is
    reported, not a 404: the form stays usable without JavaScript."""
    objectives = selectors.objective_choices(panel)
    periods = selectors.period_choices(panel)
    errors = []
    objective = period = None
    chosen = request.GET.get("objective", "")
    if chosen:
        objective = next((o for o in objectives if str(o.pk) == chosen), None)
        if objective is None:
            errors.append(_("Choose an objective from the list."))
    chosen = request.GET.get("period", "")
    if chosen:
        period = next((p for p in periods if str(p.pk) == chosen), None)
        if period is None:
            errors.append(_("Choose a period from the list."))
    return Filters(objectives, periods, objective, period, errors)


def _grouped(rows: list[Row]) -> list[tuple[Objective | None, list[Row]]]:
    """Rows under their objectives, in the plan's order; indicators without an objective last."""
    groups: dict[int | None, tuple[Objective | None, list[Row]]] = {}
    for row in rows:
        objective = row.indicator.objective
        key = objective.pk if objective else None
        groups.setdefault(key, (objective, []))[1].append(row)
    return sorted(groups.values(), key=lambda g: (g[0] is None, g[0].number if g[0] else 0))


def _dashboard_rows(request, panel) -> tuple[Filters, list[Row]]:
    filters = _filters(request, panel)
    statuses = selectors.performance_dashboard(panel, objective=filters.objective, period=filters.period)
    return filters, [row_for(status) for status in statuses]


@public_page
def dashboard(request, panel_slug):
    panel = _panel(panel_slug)
    filters, rows = _dashboard_rows(request, panel)
    query = request.GET.urlencode()
    return render(
        request,
        "performance/dashboard.html",
        {"panel": panel, "filters": filters, "groups": _grouped(rows), "rows": rows, "query": query},
    )


def _indicator_status(panel, indicator_slug):
    """The indicator, its measurements and reported changes (three queries), and its latest figures."""
    indicator = selectors.indicators_for_panel(panel).filter(slug=indicator_slug).first()
    if indicator is None:
        raise Http404
    return selectors.indicator_status(indicator)


def _words(panel, status, series):
    """The words for the latest figure (see `narrative.words_for`): one query for the stored narrative, one
    for the finance report when the indicator is a £ one without figures of its own."""
    stored = None
    if status.period is not None:
        stored = IndicatorNarrative.objects.filter(indicator=status.indicator, period=status.period).first()
    finance_report = None
    if status.indicator.unit == Unit.POUNDS and status.measurement is None:
        finance_report, _figures = selectors.finance_latest(panel)
    return words_for(status, stored=stored, finance_report=finance_report, periods=[m.period.label for m in series])


@public_page
def indicator_detail(request, panel_slug, indicator_slug):
    panel = _panel(panel_slug)
    status = _indicator_status(panel, indicator_slug)
    series = selectors.trend_series(status)
    indicator = status.indicator
    chart = indicator_trend_chart(status, series)
    words = _words(panel, status, series)
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "panel": panel,
            "row": row_for(status),
            "indicator": indicator,
            "series": [
                (
                    m,
                    value_text(m, indicator.unit),
                    format_value(m.msg_average, indicator.unit) if m.msg_average is not None else "",
                    format_value(m.national, indicator.unit) if m.national is not None else "",
                )
                for m in series
            ],
            "reported_changes": sorted(
                status.indicator.reported_changes.all(), key=lambda c: (c.period.start, c.period.end)
            ),
            "chart": chart,
            "words": words,
            "has_values": any(m.value is not None for m in series),
            "show": {
                "msg_average": any(m.msg_average is not None for m in series),
                "national": any(m.national is not None for m in series),
                "note": any(m.note or m.source for m in series),
            },
        },
    )


# CSV and JSON ------------------------------------------------------------------------------------------------


def _plain(value) -> str:
    """A stored decimal as plain digits without trailing zeros (1234.000 -> '1234'); '' for none."""
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f")


SERIES_FIELDS = [
    "period",
    "period_kind",
    "period_start",
    "period_end",
    "value",
    "text_value",
    "qualifier",
    "unit",
    "msg_average",
    "national",
    "source",
    "note",
]
DASHBOARD_FIELDS = [
    "objective",
    "improvement_area",
    "indicator",
    "slug",
    "unit",
    "data_source",
    "period",
    "value",
    "text_value",
    "qualifier",
    "last_year_period",
    "last_year_value",
    "change_on_last_year_pct",
    "change_basis",
    "change_source",
    "target",
    "rag",
]


def _series_records(indicator, measurements) -> list[dict]:
    return [
        {
            "period": m.period.label,
            "period_kind": m.period.kind,
            "period_start": m.period.start.isoformat(),
            "period_end": m.period.end.isoformat(),
            "value": _plain(m.value),
            "text_value": m.text_value,
            "qualifier": m.qualifier,
            "unit": indicator.unit,
            "msg_average": _plain(m.msg_average),
            "national": _plain(m.national),
            "source": m.source,
            "note": m.note,
        }
        for m in measurements
    ]


def _dashboard_record(row: Row) -> dict:
    status = row.status
    indicator = status.indicator
    measurement = status.measurement
    derived = status.change_on_last_year
    reported = next((c for c in status.reported_changes if c.compared_with == Comparison.SAME_PERIOD_LAST_YEAR), None)
    if derived is not None and derived.percent is not None:
        change, basis, source = _plain(derived.percent), "derived", ""
    elif derived is None and reported is not None:
        change, basis, source = _plain(reported.change_pct), "reported", reported.source
    else:
        change, basis, source = "", "", ""
    return {
        "objective": indicator.objective.title if indicator.objective else "",
        "improvement_area": indicator.improvement_area,
        "indicator": indicator.name,
        "slug": indicator.slug,
        "unit": indicator.unit,
        "data_source": indicator.data_source,
        "period": status.period.label if status.period else "",
        "value": _plain(measurement.value) if measurement else "",
        "text_value": measurement.text_value if measurement else "",
        "qualifier": measurement.qualifier if measurement else "",
        "last_year_period": status.last_year.period.label if status.last_year else "",
        "last_year_value": _plain(status.last_year.value) if status.last_year else "",
        "change_on_last_year_pct": change,
        "change_basis": basis,
        "change_source": source,
        "target": _plain(status.target),
        "rag": status.rag or "",
    }


def _csv_response(records: list[dict], fields: list[str], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(records)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _nulls(records: list[dict]) -> list[dict]:
    """In JSON a missing figure is null, not an empty string (CSV has no null)."""
    return [{key: (None if value == "" else value) for key, value in record.items()} for record in records]


def _json_response(payload: dict) -> JsonResponse:
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 2})


@public_page
def indicator_data(request, panel_slug, indicator_slug, fmt):
    panel = _panel(panel_slug)
    status = _indicator_status(panel, indicator_slug)
    indicator = status.indicator
    measurements = sorted(indicator.measurements.all(), key=lambda m: (m.period.start, m.period.end, m.period.kind))
    records = _series_records(indicator, measurements)
    if fmt == "csv":
        return _csv_response(records, SERIES_FIELDS, f"{panel.slug}-{indicator.slug}.csv")
    reported = sorted(indicator.reported_changes.all(), key=lambda c: (c.period.start, c.period.end))
    return _json_response(
        {
            "panel": panel.slug,
            "indicator": {
                "slug": indicator.slug,
                "name": indicator.name,
                "objective": indicator.objective.title if indicator.objective else None,
                "improvement_area": indicator.improvement_area,
                "unit": indicator.unit,
                "polarity": indicator.polarity,
                "data_source": indicator.data_source,
                "target_kind": indicator.target_kind,
                "target_value": _plain(indicator.target_value) or None,
                "target_text": indicator.target_text,
            },
            "series": _nulls(records),
            "reported_changes": [
                {
                    "period": c.period.label,
                    "period_as_printed": c.period_label_as_printed,
                    "change_pct": _plain(c.change_pct),
                    "compared_with": c.compared_with,
                    "source": c.source,
                }
                for c in reported
            ],
        }
    )


@public_page
def dashboard_data(request, panel_slug, fmt):
    panel = _panel(panel_slug)
    filters, rows = _dashboard_rows(request, panel)
    if filters.errors:
        raise Http404
    records = [_dashboard_record(row) for row in rows]
    if fmt == "csv":
        return _csv_response(records, DASHBOARD_FIELDS, f"{panel.slug}-performance.csv")
    return _json_response({"panel": panel.slug, "indicators": _nulls(records)})


def report_response(paper, fmt: str) -> HttpResponse:
    """The report as its PDF or its standalone HTML, shown in the browser."""
    if fmt == "pdf":
        response = HttpResponse(budget_metrics_pdf(paper), content_type="application/pdf")
    else:
        response = HttpResponse(budget_metrics_html(paper), content_type="text/html; charset=utf-8")
    meeting = paper.agenda_item.meeting
    filename = f"{meeting.panel.slug}-{meeting.slug}-budget-metrics-{paper.pk}.{fmt}"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
@public_page
def report_download(request, panel_slug, paper_id, fmt):
    """A generated Annual Budget Metrics report as PDF or HTML, once it has gone out with the agenda; an
    exempt one never (not found, as if it did not exist)."""
    panel = _panel(panel_slug)
    paper = selectors.budget_metrics_paper_get(panel, paper_id, public=True)
    if paper is None:
        raise Http404
    return report_response(paper, fmt)
