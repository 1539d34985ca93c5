"""The Annual Budget Metrics report: generated as a paper, rendered to HTML and PDF."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.meetings.tests.factories import AgendaItemFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance.choices import Polarity, Unit
from scrutiny.performance.models import IndicatorNarrative
from scrutiny.performance.periods import period_get_or_create
from scrutiny.performance.reports import (
    budget_metrics_html,
    budget_metrics_paper_generate,
    budget_metrics_pdf,
    budget_metrics_rows,
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
