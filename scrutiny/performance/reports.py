"""The Annual Budget Metrics report, generated from the performance data as a paper on an agenda item.

Its table has the shape of the budget metrics report panels receive (the West Mercia September 2023 paper's
Table 1): plan objective, improvement area, KPI, data source and the update for the latest period. The
update is the indicator's narrative: the officer's edited text where there is one, else the stored draft,
else a draft made from the figures now. Stored words are checked against the figures, and every number
they give that the data do not is listed in the paper's warnings for the officer.

The report is stored as a `Paper` (source "generated") whose sections hold Markdown like any written paper,
so agenda packs, search and later versions treat it as one. Its standalone HTML and PDF (WeasyPrint) are
rendered from that paper, so what is printed is what was stored, edits included.
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
from .models import IndicatorNarrative
from .narrative import words_for

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


def budget_metrics_html(paper: Paper) -> str:
    """The paper as one standalone, printable HTML document (the source of the PDF)."""
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
        },
    )


def budget_metrics_pdf(paper: Paper) -> bytes:
    """The paper as a tagged PDF, from its HTML."""
    return HTML(string=budget_metrics_html(paper), base_url=".").write_pdf(pdf_variant="pdf/ua-1")
