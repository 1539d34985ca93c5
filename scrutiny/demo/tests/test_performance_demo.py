"""West Mercia's performance figures, loaded after the demo, against the September 2023 papers."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.apps import apps

from scrutiny.demo.performance import PerformanceDemoError, performance_demo_load
from scrutiny.performance import selectors
from scrutiny.performance.choices import RAG
from scrutiny.performance.models import Objective, Plan, ReportedChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo):
    """load_demo_data loads the performance figures too; loading them again finds nothing to do."""
    assert performance_demo_load() is False
    return demo


def _rows(panel):
    return {row.indicator.slug: row for row in selectors.performance_dashboard(panel)}


class TestPerformanceDemo:
    def test_needs_the_demo_panel(self):
        with pytest.raises(PerformanceDemoError):
            performance_demo_load()

    def test_the_plan_and_its_four_objectives(self, loaded):
        plan = Plan.objects.get(panel=loaded)
        assert plan.title == "Safer West Mercia Plan 2021-2025"
        assert list(Objective.objects.filter(plan=plan).values_list("title", flat=True)) == [
            "Putting victims and survivors first",
            "Building a more secure West Mercia",
            "Reassuring West Mercia's communities",
            "Reforming West Mercia",
        ]
        assert loaded.indicators.count() == 1 + 7 * 3 + 10

    def test_reported_changes_are_shown_as_reported(self, loaded):
        rows = _rows(loaded)
        expected = {
            "trc": -9,
            "violence-with-injury": -3,
            "rape": -10,
            "robbery": -10,
            "residential-burglary": 1,
            "vehicle-crime": -7,
            "domestic-abuse": -7,
        }
        for stem, change in expected.items():
            row = rows[f"{stem}-volume"]
            assert row.period.label == "Q1 2023/24"
            assert row.measurement is None
            assert row.change_on_last_year is None
            assert [(c.change_pct, c.compared_with) for c in row.reported_changes] == [(D(change), "last_year")]
        trc = ReportedChange.objects.get(indicator__slug="trc-volume")
        assert (trc.period.label, trc.period_label_as_printed) == ("Q1 2023/24", "Q1 23/23")

    def test_action_taken_rates_and_empty_charge_rates(self, loaded):
        rows = _rows(loaded)
        rates = {"trc": 10, "violence-with-injury": 12, "rape": 11, "robbery": 8}
        rates |= {"residential-burglary": 6, "vehicle-crime": 3, "domestic-abuse": 9}
        for stem, rate in rates.items():
            assert rows[f"{stem}-action-taken-rate"].measurement.value == D(rate)
            assert rows[f"{stem}-charge-summons-rate"].measurement is None
        assert rows["trc-action-taken-rate"].indicator.name == "TRC - action taken rate"
        assert set(loaded.action_taken_outcomes.values_list("code", flat=True)) == {
            "1", "1A", "2", "3", "4", "6", "7", "8"
        }  # fmt: skip

    def test_calls_and_response_times(self, loaded):
        rows = _rows(loaded)
        calls = rows["calls-999-within-10-seconds"]
        assert (calls.period.label, calls.measurement.value, calls.last_year.value) == ("June 2023", 76, 90)
        assert calls.change_on_last_year.absolute == D(-14)
        assert calls.rag == RAG.RED  # against the 90% national standard
        assert (rows["calls-101-within-30-seconds"].last_year.value, rows["calls-101-within-30-seconds"].rag) == (
            59,
            RAG.RED,
        )
        grade_1 = rows["grade-1-median-response-time"]
        assert (grade_1.measurement.value, grade_1.last_year, grade_1.rag) == (13, None, None)
        grade_2 = rows["grade-2-median-response-time"]
        assert (grade_2.last_year.value, grade_2.last_year.qualifier) == (60, "over")
        assert grade_2.change_on_last_year is None  # "over 1 hour" is a bound
        assert grade_2.rag == RAG.GREEN
        visibility = rows["visibility"]
        assert (visibility.period.label, visibility.measurement.value, visibility.previous.value) == (
            "12 months ending June 2023",
            18,
            20,
        )
        assert rows["public-confidence"].measurement.value == 82
        vfm = rows["vfm-conclusion"]
        assert (vfm.measurement.text_value, vfm.rag) == ("Expected January 2024", None)

    def test_finance_computes_1374_beside_the_printed_1373(self, loaded):
        report, figures = selectors.finance_latest(loaded)
        assert (report.approved_budget, report.revised_budget, report.projected_overspend) == (
            D("277.068"),
            D("277.016"),
            D("2.379"),
        )
        variance, shortfall = figures
        assert (variance.computed, variance.printed, variance.agrees) == (D("1.374"), D("1.373"), False)
        assert (shortfall.computed, shortfall.printed, shortfall.agrees) == (D("1.154"), D("1.154"), True)

    def test_workforce_discrepancies_are_exactly_the_two(self, loaded):
        table = selectors.workforce_table(loaded)
        assert len(table) == 16
        found = [(c.as_of, c.row, c.computed_pct, c.printed_pct) for c in selectors.workforce_discrepancies(loaded)]
        assert found == [
            (date(2021, 4, 1), "police_officer", D("2.89"), D("2.86")),
            (date(2021, 4, 1), "special", D("1.71"), D("1.17")),
        ]
        by = {(c.as_of.year, c.row): c for c in table}
        assert (by[2023, "police_officer"].bame, by[2023, "police_officer"].headcount) == (82, 2484)
        assert (by[2023, "total"].bame, by[2023, "total"].headcount, by[2023, "total"].computed_pct) == (
            156,
            4634,
            D("3.37"),
        )
        assert [c.census_year for c in selectors.census_comparison(loaded)] == [2011, 2021, 2021, 2021]

    def test_estates_as_printed(self, loaded):
        lines = loaded.estates_budget_lines.filter(financial_year="2023/24")
        assert [(line.line, line.group, line.amount, line.is_total) for line in lines] == [
            ("Total Estates Budget", "", D("12958859"), True),
            ("Planned Programme Budget - Revenue", "", D("1062921"), False),
            ("Masterplan", "Capital Budget", D("8940000"), False),
            ("Planned Programme Capital", "Capital Budget", D("1596000"), False),
            ("Local Policing Estates Transformation", "Capital Budget", D("1491000"), False),
        ]
        assert loaded.estates_budget_lines.get(financial_year="2022/23", is_total=True).amount == D("9800880")
        projects = {p.name: p for p in loaded.capital_projects.all()}
        assert projects["Firearms training unit (FTU)"].budget == D("16740000")
        assert projects["Firearms training unit (FTU)"].location == "Hindlip HQ"
        redditch = projects["Redditch police and fire station"]
        assert (redditch.budget, redditch.budget_qualifier, redditch.milestones) == (
            D("20000000"),
            "circa",
            "Completion October 2024.",
        )

    def test_idempotent(self, loaded):
        counts = {m.__name__: m.objects.count() for m in apps.get_app_config("performance").get_models()}
        assert performance_demo_load() is False
        assert {m.__name__: m.objects.count() for m in apps.get_app_config("performance").get_models()} == counts
