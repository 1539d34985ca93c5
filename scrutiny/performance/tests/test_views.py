"""The public performance pages: dashboard, indicator page, CSV and JSON; filters; query counts."""

import csv
import io
import json
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

from config import urls as site_urls
from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance.choices import Polarity, TargetKind, Unit
from scrutiny.performance.periods import period_get_or_create
from scrutiny.performance.tests.factories import (
    FinanceReportFactory,
    IndicatorFactory,
    IndicatorNarrativeFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ReportedChangeFactory,
)

# The performance routes ahead of the site's own, as config/urls.py mounts them.
urlpatterns = [
    path("", include("scrutiny.performance.urls")),
    *[p for p in site_urls.urlpatterns if getattr(p, "app_name", None) != "performance"],
]
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def panel():
    return PanelFactory(name="Westshire Police and Crime Panel", slug="westshire")


@pytest.fixture
def data(panel):
    """A plan objective with a count falling on last year, a rate with a target, and a reported change."""
    safer = ObjectiveFactory(plan__panel=panel, number=2, title="Building a more secure Westshire")
    victims = ObjectiveFactory(plan=safer.plan, number=1, title="Putting victims first")
    q1, q1_last = period_get_or_create("Q1 2023/24"), period_get_or_create("Q1 2022/23")
    rape = IndicatorFactory(
        panel=panel,
        objective=safer,
        slug="rape-offences",
        name="Volume of rape offences",
        improvement_area="Rape",
        unit=Unit.COUNT,
        polarity=Polarity.LOWER_IS_BETTER,
        data_source="Quarterly Performance report",
        order=1,
    )
    MeasurementFactory(indicator=rape, period=q1_last, value=Decimal("150"))
    MeasurementFactory(indicator=rape, period=period_get_or_create("Q4 2022/23"), value=Decimal("140"))
    MeasurementFactory(indicator=rape, period=q1, value=Decimal("135"))
    satisfaction = IndicatorFactory(
        panel=panel,
        objective=victims,
        slug="victim-satisfaction",
        name="% of victims satisfied with service",
        unit=Unit.PERCENTAGE,
        polarity=Polarity.HIGHER_IS_BETTER,
        target_kind=TargetKind.VALUE,
        target_value=Decimal("80"),
        order=0,
    )
    MeasurementFactory(indicator=satisfaction, period=q1, value=Decimal("70"))
    trc = IndicatorFactory(
        panel=panel, objective=safer, slug="total-recorded-crime", name="Volume of total recorded crime", order=2
    )
    ReportedChangeFactory(indicator=trc, period=q1, change_pct=Decimal("-9"), source="Quarterly Performance report")
    return {"rape": rape, "satisfaction": satisfaction, "trc": trc, "q1": q1, "safer": safer}


class TestDashboard:
    def test_shows_each_objectives_indicators_with_figure_change_target_and_rating(self, client, data):
        response = client.get("/westshire/performance/")
        assert response.status_code == 200
        body = text(response)
        assert "<title>Performance – Westshire Police and Crime Panel – Scrutiny</title>" in body
        assert body.index("Putting victims first") < body.index("Building a more secure Westshire")
        assert 'href="/westshire/performance/rape-offences/"' in body
        assert "135" in body
        assert "down 10% on Q1 2022/23" in body
        assert "RAG rating: </span>Green" in body  # lower is better, and fewer than last year
        assert "RAG rating: </span>Red" in body  # 70% against a target of 80%
        assert "80%" in body

    def test_labels_a_reported_change_with_its_source(self, client, data):
        body = text(client.get("/westshire/performance/"))
        assert "down 9% on the same period last year" in body
        assert ">reported</strong>" in body
        assert "As reported in the Quarterly Performance report" in body

    def test_filters_by_objective(self, client, data):
        body = text(client.get(f"/westshire/performance/?objective={data['safer'].pk}"))
        assert "Volume of rape offences" in body
        assert "victims satisfied" not in body

    def test_filters_by_period(self, client, data):
        q4 = period_get_or_create("Q4 2022/23")
        body = text(client.get(f"/westshire/performance/?period={q4.pk}"))
        assert "140" in body
        assert "No figure for Q4 2022/23" in body

    def test_an_unknown_choice_is_reported_not_a_crash(self, client, data):
        response = client.get("/westshire/performance/?objective=999999")
        assert response.status_code == 200
        assert "Choose an objective from the list." in text(response)

    def test_unknown_panel_is_404(self, client):
        assert client.get("/nowhere/performance/").status_code == 404

    def test_anonymous_page_is_cached(self, client, data):
        first = client.get("/westshire/performance/")
        assert "public" in first["Cache-Control"]

    def test_dashboard_csv_and_json(self, client, data):
        response = client.get("/westshire/performance.csv")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(text(response))))
        by_slug = {row["slug"]: row for row in rows}
        assert by_slug["rape-offences"]["value"] == "135"
        assert by_slug["rape-offences"]["change_on_last_year_pct"] == "-10"
        assert by_slug["rape-offences"]["change_basis"] == "derived"
        assert by_slug["total-recorded-crime"]["change_basis"] == "reported"
        assert by_slug["total-recorded-crime"]["change_source"] == "Quarterly Performance report"
        payload = json.loads(client.get("/westshire/performance.json").content)
        assert {i["slug"] for i in payload["indicators"]} == set(by_slug)
        trc = next(i for i in payload["indicators"] if i["slug"] == "total-recorded-crime")
        assert trc["value"] is None
        assert trc["change_on_last_year_pct"] == "-9"


class TestIndicatorPage:
    def test_shows_chart_table_and_narrative(self, client, data):
        response = client.get("/westshire/performance/rape-offences/")
        assert response.status_code == 200
        body = text(response)
        assert '<h1 class="govuk-heading-xl">Volume of rape offences</h1>' in body
        assert "Q1 2023/24: 135 rape offences, down 10% on Q1 2022/23 (150)." in body
        start, end = body.index("<svg"), body.index("</svg>") + len("</svg>")
        svg = ElementTree.fromstring(body[start:end])
        assert svg.get("role") == "img"
        assert "Quarterly" not in body[start:end]  # the chart holds figures, not prose
        for label in ("Q1 2022/23", "Q4 2022/23", "Q1 2023/24"):
            assert f'<th scope="row" class="govuk-table__header">{label}</th>' in body

    def test_an_edited_narrative_is_shown(self, client, data):
        IndicatorNarrativeFactory(indicator=data["rape"], period=data["q1"], drafted="Draft.", edited="Edited words.")
        body = text(client.get("/westshire/performance/rape-offences/"))
        assert "Edited words." in body
        assert "edited by the panel" in body

    def test_reported_change_only(self, client, data):
        body = text(client.get("/westshire/performance/total-recorded-crime/"))
        assert "The force reported a 9% fall on the same period last year (Quarterly Performance report)." in body
        assert "<svg" not in body

    def test_deleted_or_unknown_indicator_is_404(self, client, data):
        data["rape"].is_deleted = True
        data["rape"].save()
        assert client.get("/westshire/performance/rape-offences/").status_code == 404
        assert client.get("/westshire/performance/nothing/").status_code == 404

    def test_series_csv_and_json(self, client, data):
        rows = list(csv.DictReader(io.StringIO(text(client.get("/westshire/performance/rape-offences.csv")))))
        assert [(r["period"], r["value"]) for r in rows] == [
            ("Q1 2022/23", "150"),
            ("Q4 2022/23", "140"),
            ("Q1 2023/24", "135"),
        ]
        payload = json.loads(client.get("/westshire/performance/total-recorded-crime.json").content)
        assert payload["series"] == []
        assert payload["reported_changes"][0]["change_pct"] == "-9"
        assert client.get("/westshire/performance/rape-offences.xml").status_code == 404


def _grow(panel, objective, indicators: int, periods: int):
    for n in range(indicators):
        indicator = IndicatorFactory(panel=panel, objective=objective, unit=Unit.COUNT)
        for q in range(periods):
            period = period_get_or_create(f"Q{q % 4 + 1} {2019 + q // 4}/{(20 + q // 4) % 100:02d}")
            MeasurementFactory(indicator=indicator, period=period, value=Decimal(100 + n + q))
        ReportedChangeFactory(indicator=indicator, period=period)
        IndicatorNarrativeFactory(indicator=indicator, period=period)


class TestFinanceIndicator:
    def test_a_pound_indicator_without_figures_reads_the_finance_report(self, client, panel):
        IndicatorFactory(
            panel=panel,
            slug="financial-outturn",
            name="Financial Outturn is within the agreed Budget.",
            unit=Unit.POUNDS,
        )
        FinanceReportFactory(panel=panel, period=period_get_or_create("Q1 2023/24"))
        body = text(client.get("/westshire/performance/financial-outturn/"))
        assert "Spend to the end of Q1 2023/24: £78.954m against a profile of £80.328m, £1.374m under." in body


class TestSignedIn:
    def test_signed_in_users_see_the_page_uncached(self, client, data):
        client.force_login(UserFactory())
        response = client.get("/westshire/performance/")
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


class TestQueryCounts:
    """The pages' queries do not grow with indicators x periods."""

    @staticmethod
    def _queries(client, url) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    @pytest.mark.parametrize("url", ["/westshire/performance/", "/westshire/performance.csv"])
    def test_dashboard_constant(self, client, panel, url):
        objective = ObjectiveFactory(plan__panel=panel)
        _grow(panel, objective, indicators=2, periods=2)
        small = self._queries(client, url)
        _grow(panel, objective, indicators=6, periods=8)
        assert self._queries(client, url) == small

    def test_indicator_page_constant(self, client, panel):
        objective = ObjectiveFactory(plan__panel=panel)
        _grow(panel, objective, indicators=1, periods=2)
        small = panel.indicators.get()
        big = IndicatorFactory(panel=panel, unit=Unit.COUNT)
        for q in range(12):
            period = period_get_or_create(f"Q{q % 4 + 1} {2019 + q // 4}/{(20 + q // 4) % 100:02d}")
            MeasurementFactory(indicator=big, period=period, value=Decimal(q))
        for fmt in ("/", ".csv", ".json"):
            assert self._queries(client, f"/westshire/performance/{small.slug}{fmt}") == self._queries(
                client, f"/westshire/performance/{big.slug}{fmt}"
            )

    def test_dashboard_query_budget(self, client, data):
        # Panel, objectives, periods (the filter's choices), then indicators, measurements and reported changes.
        assert self._queries(client, "/westshire/performance/") == 6
