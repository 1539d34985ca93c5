"""The Annual Budget Metrics report: generated as a paper, rendered to HTML and PDF."""

import io
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.documents.models import Paper
from scrutiny.meetings.tests.factories import AgendaItemFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance.choices import Polarity, TargetKind, Unit
from scrutiny.performance.models import IndicatorNarrative, Measurement
from scrutiny.performance.periods import period_get_or_create
from scrutiny.performance.reports import (
    MetricsRow,
    _first_table,
    budget_metrics_html,
    budget_metrics_paper_generate,
    budget_metrics_pdf,
    budget_metrics_rows,
    budget_metrics_trends,
    metrics_table_markdown,
)
from scrutiny.performance.tests.factories import (
    IndicatorFactory,
    IndicatorNarrativeFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ReportedChangeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_panel():
    """Two objectives, three KPIs: a count with last year's figure, a reported change, an edited narrative."""
    panel = PanelFactory(name="Westshire Police and Crime Panel", slug="westshire")
    secure = ObjectiveFactory(plan__panel=panel, number=2, title="Building a more secure Westshire")
    victims = ObjectiveFactory(plan=secure.plan, number=1, title="Putting victims and survivors first")
    q1, q1_last = period_get_or_create("Q1 2023/24"), period_get_or_create("Q1 2022/23")
    robbery = IndicatorFactory(
        panel=panel,
        objective=secure,
        improvement_area="Robbery",
        name="Volume of robbery offences",
        data_source="Quarterly Performance report",
        unit=Unit.COUNT,
        polarity=Polarity.LOWER_IS_BETTER,
    )
    MeasurementFactory(indicator=robbery, period=q1_last, value=Decimal("100"))
    MeasurementFactory(indicator=robbery, period=q1, value=Decimal("90"))
    trc = IndicatorFactory(
        panel=panel,
        objective=secure,
        improvement_area="Total Recorded Crime (TRC)",
        name="Volume of Total Recorded Crime",
        data_source="Quarterly Performance report",
        unit=Unit.COUNT,
    )
    ReportedChangeFactory(indicator=trc, period=q1, change_pct=Decimal("-9"))
    satisfaction = IndicatorFactory(
        panel=panel,
        objective=victims,
        improvement_area="Victim satisfaction",
        name="% of victims satisfied with service",
        data_source="Quarterly Performance report",
    )
    MeasurementFactory(indicator=satisfaction, period=q1, value=Decimal("81"))
    IndicatorNarrativeFactory(
        indicator=satisfaction, period=q1, drafted="Q1 2023/24: 81%.", edited="Targets were met | bar one."
    )
    item = AgendaItemFactory(meeting__panel=panel, title="2023/24 Annual Budget Metrics Report")
    return panel, item


class TestRows:
    def test_follow_the_plan_and_use_the_narrative(self, small_panel):
        panel, _item = small_panel
        rows = budget_metrics_rows(panel)
        assert [row.kpi for row in rows] == [
            "% of victims satisfied with service",
            "Volume of robbery offences",
            "Volume of Total Recorded Crime",
        ]
        assert rows[0].update == "Targets were met | bar one."  # edited wins
        assert rows[0].problems == ()
        assert rows[1].update == "Q1 2023/24: 90 robbery offences, down 10% on Q1 2022/23 (100)."
        assert rows[2].update == (
            "The force reported a 9% fall on the same period last year (Quarterly Performance report)."
        )


class TestGenerate:
    def test_a_generated_paper_on_the_agenda_item_recorded_and_printable(self, small_panel):
        """GIVEN a small panel's KPIs WHEN the report is generated THEN it is a generated paper on the item,
        audited as budget_metrics_paper_generate, and its PDF carries the title and a KPI row."""
        _panel, item = small_panel
        paper = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        paper.refresh_from_db()
        assert paper.agenda_item == item
        assert paper.source == PaperSource.GENERATED
        assert paper.status == PaperStatus.ACCEPTED
        assert paper.title == "2023/24 Annual Budget Metrics Report"
        assert (
            "| Plan objective | Improvement area | Key performance indicator | Data source | Q1 2023/24 update |"
            in (paper.body)
        )
        assert "Targets were met \\| bar one." in paper.body
        assert "Volume of robbery offences" in paper.text
        assert AuditEvent.objects.filter(verb="budget_metrics_paper_generate").count() == 1

        html = budget_metrics_html(paper)
        assert "<title>2023/24 Annual Budget Metrics Report</title>" in html
        assert "<th>Plan objective</th>" in html
        assert "<td>Targets were met | bar one.</td>" in html

        reader = PdfReader(io.BytesIO(budget_metrics_pdf(paper)))
        assert reader.metadata.title == "2023/24 Annual Budget Metrics Report"
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        assert "2023/24 ANNUAL BUDGET METRICS REPORT" in text
        assert "Volume of robbery offences" in text
        assert "down 10% on Q1 2022/23" in text

    def test_a_second_generation_is_a_further_paper(self, small_panel):
        _panel, item = small_panel
        first = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        second = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        assert second.order == first.order + 1


class TestWarnings:
    def test_an_edited_update_that_contradicts_the_figures_is_flagged(self, small_panel):
        _panel, item = small_panel
        narrative = IndicatorNarrative.objects.get()
        narrative.edited = "In Q2 2023/24, 18% of victims were satisfied."
        narrative.save()
        paper = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        assert len(paper.warnings) == 2
        assert paper.warnings[0].startswith("% of victims satisfied with service: “Q2 2023/24” is not a period")
        assert "“18%” is not a percentage in the data (81%)" in paper.warnings[1]


def _svg(html: str, chart_id: str) -> str:
    """The chart `chart_id` as it appears in a page or a report."""
    match = re.search(rf'<svg [^>]*aria-labelledby="{chart_id}-title.*?</svg>', html, re.DOTALL)
    assert match, f"no chart {chart_id}"
    return match.group(0)


def _pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), len(reader.pages)


@pytest.fixture
def trend_panel(small_panel):
    """The small panel, with a third quarter of robbery figures and a target of its own."""
    panel, item = small_panel
    robbery = panel.indicators.get(name="Volume of robbery offences")
    robbery.slug, robbery.target_kind, robbery.target_value = "robbery", TargetKind.VALUE, Decimal("95")
    robbery.save()
    MeasurementFactory(indicator=robbery, period=period_get_or_create("Q4 2022/23"), value=Decimal("97"))
    return panel, item, robbery


class TestTrends:
    @pytest.mark.urls("scrutiny.performance.tests.test_views")
    def test_the_reports_chart_is_the_indicator_pages(self, client, trend_panel):
        """GIVEN an indicator with three quarters and a target WHEN the report is generated THEN its HTML has
        the same SVG, byte for byte, as the indicator's public page, and its figures as a table."""
        _panel, item, _robbery = trend_panel
        paper = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        html = budget_metrics_html(paper)
        cache.clear()
        page = client.get("/westshire/performance/robbery/").content.decode()
        assert _svg(html, "chart-robbery") == _svg(page, "chart-robbery")
        assert "Target 95" in _svg(html, "chart-robbery")
        assert "<h2>Trends</h2>" in html
        assert '<tr><th scope="row">Q4 2022/23</th><td>97</td></tr>' in html

    def test_only_indicators_with_two_figures_in_the_tables_order(self, trend_panel):
        _panel, item, _robbery = trend_panel
        paper = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        # One figure (satisfaction) or none (TRC, a reported change only): no chart.
        assert [t.name for t in budget_metrics_trends(paper)] == ["Volume of robbery offences"]
        trend = budget_metrics_trends(paper)[0]
        assert [label for label, _shown in trend.figures] == ["Q1 2022/23", "Q4 2022/23", "Q1 2023/24"]
        assert trend.description.startswith("From 100 in Q1 2022/23 to 90 in Q1 2023/24.")

    def test_a_row_removed_by_the_officer_has_no_chart(self, trend_panel):
        _panel, item, _robbery = trend_panel
        paper = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        paper.body = "\n".join(line for line in paper.body.splitlines() if "robbery" not in line)
        assert budget_metrics_trends(paper) == []
        assert "Trends" not in budget_metrics_html(paper)

    def test_the_series_ends_at_the_chosen_period(self, trend_panel):
        """GIVEN figures up to Q1 2023/24 WHEN the report is generated for Q4 2022/23 THEN the chart and table
        end at Q4 2022/23 (the period is read back from the update column's heading)."""
        _panel, item, _robbery = trend_panel
        paper = budget_metrics_paper_generate(
            acting_user=None, agenda_item=item, financial_year="2022/23", period=period_get_or_create("Q4 2022/23")
        )
        assert "Q4 2022/23 update |" in paper.body
        (trend,) = budget_metrics_trends(paper)
        assert [label for label, _shown in trend.figures] == ["Q1 2022/23", "Q4 2022/23"]
        assert "Q1 2023/24" not in trend.chart

    def test_the_pdf_has_the_charts_tagged(self, trend_panel):
        """GIVEN a report with one chart THEN its PDF has the appendix (a page more than without it) and the
        chart is a tagged Figure named by the SVG's title."""
        _panel, item, robbery = trend_panel
        paper = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        pdf = budget_metrics_pdf(paper)
        text, pages = _pdf_text(pdf)
        assert "Trends" in text
        assert "Volume of robbery offences: figures by period" in text
        reader = PdfReader(io.BytesIO(pdf))
        alts = []

        def walk(node):
            node = node.get_object()
            if isinstance(node, list):
                for child in node:
                    walk(child)
            elif isinstance(node, dict):
                if node.get("/S") == "/Figure":
                    alts.append(str(node.get("/Alt")))
                if "/K" in node:
                    walk(node["/K"])

        walk(reader.trailer["/Root"]["/StructTreeRoot"])
        assert alts == ["Volume of robbery offences, by period"]

        Measurement.objects.filter(indicator=robbery).exclude(period__label="Q1 2023/24").delete()
        text, fewer = _pdf_text(budget_metrics_pdf(paper))
        assert "Trends" not in text
        assert fewer < pages

    def test_an_escaped_name_is_found_in_the_table(self):
        rows = [MetricsRow("Safer | streets", "Area", "Calls *answered* [999] | <10s", "Source", "Up")]
        header, cells = _first_table("Intro\n\n" + metrics_table_markdown(rows, update_heading="Q1 2023/24 update"))
        assert header[-1] == "Q1 2023/24 update"
        assert cells == [["Safer | streets", "Area", "Calls *answered* [999] | <10s", "Source", "Up"]]


def _grow_panel(panel, objective, count: int) -> None:
    for _ in range(count):
        indicator = IndicatorFactory(panel=panel, objective=objective, unit=Unit.COUNT)
        for label in ("Q2 2022/23", "Q3 2022/23", "Q4 2022/23", "Q1 2023/24"):
            MeasurementFactory(indicator=indicator, period=period_get_or_create(label), value=Decimal(len(label)))


class TestQueryCounts:
    @staticmethod
    def _html_queries(paper_pk: int) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as context:
            html = budget_metrics_html(Paper.objects.get(pk=paper_pk))  # as a download would: the stored paper
        return len(context.captured_queries), html

    def test_report_html_constant_as_indicators_grow(self):
        """GIVEN a report on 3 indicators and one on 12 THEN their HTML (with a chart each) takes the same
        number of queries."""
        panel = PanelFactory(slug="growing")
        objective = ObjectiveFactory(plan__panel=panel)
        item = AgendaItemFactory(meeting__panel=panel)
        _grow_panel(panel, objective, 3)
        small = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        _grow_panel(panel, objective, 9)
        big = budget_metrics_paper_generate(acting_user=None, agenda_item=item, financial_year="2023/24")
        small_queries, small_html = self._html_queries(small.pk)
        big_queries, big_html = self._html_queries(big.pk)
        assert small_html.count('class="scrutiny-chart"') == 3
        assert big_html.count('class="scrutiny-chart"') == 12
        assert big_queries == small_queries
        # The paper, its item, meeting and panel, then indicators, measurements and reported changes.
        assert small_queries == 7
