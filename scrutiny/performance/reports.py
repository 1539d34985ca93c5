"""The Annual Budget Metrics report, generated from the performance data as a paper on an agenda item.

Its table has the shape of the budget metrics report panels receive (the West Mercia September 2023 paper's
Table 1): plan objective, improvement area, KPI, data source and the update for the latest period. The
update is the indicator's narrative: the officer's edited text where there is one, else the stored draft,
else a draft made from the figures now. Stored words are checked against the figures, and every number
they give that the data do not is listed in the paper's warnings for the officer.

The report is stored as a `Paper` (source "generated") whose sections hold Markdown like any written paper,
so agenda packs, search and later versions treat it as one. Its standalone HTML and PDF (WeasyPrint) are
rendered from that paper, so what is printed is what was stored, edits included. They end with an appendix,
"Trends": for each indicator in the paper's table with two or more figures, the trend chart its public page
draws (`charts.indicator_trend_chart`, the same bytes for the same figures) and the figures as a table.
"""

import re
from dataclasses import dataclass

from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from weasyprint import HTML

from scrutiny.core.services import object_save
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.documents.markdown import render_markdown
from scrutiny.documents.models import Paper
from scrutiny.documents.text import paper_text

from . import selectors
from .charts import indicator_trend_chart, indicator_trend_points, trend_description
from .models import IndicatorNarrative, Period
from .narrative import value_text, words_for

SECTIONS = [
    ("recommendation", _("Recommendation")),
    ("background", _("Background")),
    ("body", ""),
    ("risk_implications", _("Risk Management Implications")),
    ("financial_implications", _("Financial Implications")),
    ("legal_implications", _("Legal Implications")),
    ("equality_implications", _("Equality Implications")),
]


@dataclass(frozen=True)
class MetricsRow:
    """One row of the table."""

    objective: str
    improvement_area: str
    kpi: str
    data_source: str
    update: str
    problems: tuple[str, ...] = ()


def budget_metrics_rows(panel, *, period=None) -> list[MetricsRow]:
    """Every live indicator of the panel in plan order, with its update for `period` (default: each
    indicator's latest figure, as the report gives June for monthly measures and the quarter for others)."""
    statuses = selectors.performance_dashboard(panel, period=period)
    wanted = {(s.indicator.pk, s.period.pk) for s in statuses if s.period is not None}
    stored = {
        (n.indicator_id, n.period_id): n
        for n in IndicatorNarrative.objects.filter(indicator__panel=panel, period__in={p for _i, p in wanted})
        if (n.indicator_id, n.period_id) in wanted
    }
    statuses.sort(
        key=lambda s: (
            s.indicator.objective is None,
            s.indicator.objective.number if s.indicator.objective else 0,
            s.indicator.order,
            s.indicator.pk,
        )
    )
    finance_report, _figures = selectors.finance_latest(panel)
    labels = selectors.period_labels(panel)
    rows = []
    for status in statuses:
        indicator = status.indicator
        words = words_for(
            status,
            stored=stored.get((indicator.pk, status.period.pk)) if status.period else None,
            finance_report=finance_report,
            periods=[label for _kind, label in labels.get(indicator.pk, [])],
        )
        rows.append(
            MetricsRow(
                objective=indicator.objective.title if indicator.objective else "",
                improvement_area=indicator.improvement_area,
                kpi=indicator.name,
                data_source=indicator.data_source,
                update=" ".join(words.text.split()),
                problems=tuple(f"{indicator.name}: {p.message}" for p in words.problems),
            )
        )
    return rows


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped, Markdown markers left as words."""
    text = " ".join((text or "").split())
    return re.sub(r"([|\\*_`<>\[\]])", r"\\\1", text) or "–"


def metrics_table_markdown(rows: list[MetricsRow], *, update_heading: str) -> str:
    """The table in Markdown. Each row names its objective and improvement area, so that it reads alone
    (a screen reader, a search hit, a copied row), where the printed report leaves repeats blank."""
    lines = [
        f"| {_('Plan objective')} | {_('Improvement area')} | {_('Key performance indicator')} | "
        f"{_('Data source')} | {update_heading} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = (row.objective, row.improvement_area, row.kpi, row.data_source, row.update)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def _update_heading(panel, period) -> tuple[str, str]:
    """'Q1 2023/24 update' after the latest quarter with figures (or the chosen period)."""
    if period is None:
        period = selectors.periods_with_figures(panel).first()
    label = period.label if period else ""
    return label, (_("%(period)s update") % {"period": label}) if label else _("Update")


def budget_metrics_paper_generate(*, acting_user, agenda_item, financial_year: str, period=None) -> Paper:
    """Generate the report on `agenda_item` as a new paper (source "generated"), and record it.

    `financial_year` is the budget year the KPIs were agreed for ('2023/24'); `period` the one the update
    column is for (default: each indicator's latest figure). The officer generates it, so it starts
    accepted; the words can then be edited like any paper's before the agenda is published."""
    meeting = agenda_item.meeting
    panel = meeting.panel
    label, update_heading = _update_heading(panel, period)
    rows = budget_metrics_rows(panel, period=period)
    background = "\n\n".join(
        [
            _(
                "This report gives the panel the key performance indicators (KPIs) that the Police and Crime "
                "Commissioner and the Chief Constable agreed when the %(year)s budget was set, with the latest "
                "position on each."
            )
            % {"year": financial_year},
            _(
                "The updates are drafted from the figures the panel holds, each compared with the same period "
                "the year before; where the force reported a change without its figures, the update says so and "
                "names the source."
            ),
        ]
    )
    body = "\n\n".join(
        [
            "## " + _("%(year)s budget KPIs") % {"year": financial_year},
            _("Table 1: the %(year)s budget KPIs%(at)s.")
            % {"year": financial_year, "at": (_(", updated for %(period)s") % {"period": label}) if label else ""},
            metrics_table_markdown(rows, update_heading=update_heading),
        ]
    )
    last = agenda_item.papers.aggregate(m=Max("order"))["m"]
    paper = Paper(
        agenda_item=agenda_item,
        order=(last or 0) + 1,
        title=_("%(year)s Annual Budget Metrics Report") % {"year": financial_year},
        source=PaperSource.GENERATED,
        status=PaperStatus.ACCEPTED,
        accepted_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        accepted_at=timezone.now(),
        recommendation=_("Members of the panel are invited to consider this report."),
        background=background,
        body=body,
        risk_implications=_("None."),
        financial_implications=_("None."),
        legal_implications=_("None."),
        equality_implications=_("None."),
        # For the officer, before the agenda goes out: figures in the words that the data do not give.
        warnings=[problem for row in rows for problem in row.problems],
    )
    if agenda_item.exempt:
        paper.exempt = True
        paper.exempt_paragraph = agenda_item.exempt_paragraph
        paper.exempt_reason = agenda_item.exempt_reason
    paper.text = paper_text(paper, files=[])
    return object_save(
        instance=paper,
        acting_user=acting_user,
        verb=selectors.BUDGET_METRICS_VERB,
        panel_id=panel.pk,
        parents=[meeting],
    )


def _shift_headings(html: str) -> str:
    """Markdown headings start at h2; under the report's h1 title and h2 section headings they go one down."""
    return re.sub(r"<(/?)h([2-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _unescape_cell(text: str) -> str:
    """A Markdown table cell as text: the inverse of `_cell` (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", text.strip())


def _first_table(markdown: str) -> tuple[list[str], list[list[str]]]:
    """The header cells and the rows of cells of the first Markdown table in `markdown` (Table 1)."""
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.strip().startswith("|"):
            lines.append(line.strip())
        elif lines:
            break
    rows = [[_unescape_cell(c) for c in re.split(r"(?<!\\)\|", line.strip("|"))] for line in lines]
    rows = [row for row in rows if not all(re.fullmatch(r":?-+:?", c) for c in row)]  # the delimiter row
    return (rows[0], rows[1:]) if rows else ([], [])


def _update_period(heading: str, periods: list[Period]) -> Period | None:
    """The period the update column is for, read back from its heading ('Q1 2023/24 update'): the period of
    `periods` whose label the heading contains (the longest, so 'Q1 2023/24' rather than '2023/24')."""
    found = [p for p in periods if p.label and re.search(rf"(?<![\w/]){re.escape(p.label)}(?![\w/])", heading)]
    return max(found, key=lambda p: (len(p.label), p.end, p.start), default=None)


@dataclass(frozen=True)
class Trend:
    """One indicator's part of the appendix: its chart, the trend in words and its figures by period."""

    name: str
    chart: str
    description: str
    figures: list[tuple[str, str]]


def budget_metrics_trends(paper: Paper) -> list[Trend]:
    """The appendix: each indicator named in the paper's table (in the table's order) that has two or more
    figures, with the chart its public page draws.

    The paper records what it was generated for only in its words, so both are read back from them: the
    indicators from the table's KPI column (the panel's live indicators of that name; a row the officer
    removed has no chart, an indicator renamed since is not found), the period from the update column's
    heading. Each series ends at that period's end, as the update column saw it, so a report on an earlier
    quarter does not chart later ones. The heading does not say whether that period was chosen or was the
    latest quarter (the default, where a monthly measure's update may be a later month): a month after the
    quarter is then not charted. A heading that names no period with figures (edited, or a panel without
    figures: 'Update') leaves each series whole, as its page draws it. The figures are those stored now,
    so a figure revised since generation is charted as revised. Three queries: indicators, all their
    measurements, all their reported changes.
    """
    panel = paper.agenda_item.meeting.panel
    header, rows = _first_table(paper.body or "")
    kpi_column = 2  # plan objective, improvement area, KPI, data source, update
    names = [row[kpi_column] for row in rows if len(row) > kpi_column]
    if not names:
        return []
    indicators = list(selectors.indicators_for_panel(panel))
    periods = {m.period.pk: m.period for i in indicators for m in i.measurements.all()}
    until = _update_period(header[-1], list(periods.values())) if header else None
    by_name: dict[str, list] = {}
    for status, series in selectors.indicator_trends(indicators, until=until):
        by_name.setdefault(" ".join(status.indicator.name.split()), []).append((status, series))
    trends = []
    for name in names:
        candidates = by_name.get(name)
        if not candidates:
            continue
        status, series = candidates.pop(0)  # two indicators of one name: one row each, in order
        if sum(m.value is not None for m in series) < 2:
            continue
        unit = status.indicator.unit
        trends.append(
            Trend(
                name=status.indicator.name,
                chart=indicator_trend_chart(status, series),
                description=trend_description(indicator_trend_points(series), unit),
                figures=[(m.period.label, value_text(m, unit)) for m in series],
            )
        )
    return trends


def budget_metrics_html(paper: Paper) -> str:
    """The paper as one standalone, printable HTML document (the source of the PDF), with the trends
    appendix (`budget_metrics_trends`)."""
    meeting = paper.agenda_item.meeting
    sections = []
    for name, heading in SECTIONS:
        text = getattr(paper, name)
        if text and text.strip():
            sections.append({"heading": heading, "html": _shift_headings(render_markdown(text))})
    return render_to_string(
        "performance/report.html",
        {
            "paper": paper,
            "panel": meeting.panel,
            "day_label": timezone.localtime(meeting.start).strftime("%-d %B %Y").upper(),
            "sections": sections,
            "trends": budget_metrics_trends(paper),
        },
    )


def budget_metrics_pdf(paper: Paper) -> bytes:
    """The paper as a tagged PDF, from its HTML."""
    return HTML(string=budget_metrics_html(paper), base_url=".").write_pdf(pdf_variant="pdf/ua-1")
