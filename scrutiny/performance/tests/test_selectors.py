from datetime import date
from decimal import Decimal as D

import pytest

from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance import periods, selectors
from scrutiny.performance.choices import RAG, EthnicGroup, Frequency, Polarity, StaffCategory, TargetKind, Unit

from .factories import (
    ActionTakenOutcomeFactory,
    CensusBenchmarkFactory,
    FinanceReportFactory,
    IndicatorFactory,
    IndicatorNarrativeFactory,
    MeasurementFactory,
    ObjectiveFactory,
    OutcomeCountFactory,
    PlanFactory,
    PrintedWorkforcePercentageFactory,
    ReportedChangeFactory,
    WorkforceCountFactory,
)

pytestmark = pytest.mark.django_db


def period(label):
    return periods.period_get_or_create(label)


class TestDashboard:
    def test_derived_changes_on_last_year_and_previous_period(self):
        indicator = IndicatorFactory(unit=Unit.PERCENTAGE, polarity=Polarity.HIGHER_IS_BETTER)
        MeasurementFactory(indicator=indicator, period=period("June 2022"), value=90)
        MeasurementFactory(indicator=indicator, period=period("May 2023"), value=80)
        MeasurementFactory(indicator=indicator, period=period("June 2023"), value=76)
        indicator.frequency = Frequency.MONTHLY
        indicator.save()
        [row] = selectors.performance_dashboard(indicator.panel)
        assert row.period.label == "June 2023"
        assert (row.measurement.value, row.last_year.value, row.previous.value) == (D(76), D(90), D(80))
        assert row.change_on_last_year.absolute == D(-14)
        assert row.change_on_previous.absolute == D(-4)
        assert row.rag == RAG.RED  # no target: worse than last year by more than 5%

    def test_no_change_derived_where_a_value_is_missing(self):
        indicator = IndicatorFactory(unit=Unit.MINUTES, polarity=Polarity.LOWER_IS_BETTER)
        MeasurementFactory(indicator=indicator, period=period("June 2023"), value=13)
        [row] = selectors.performance_dashboard(indicator.panel)
        assert (row.last_year, row.change_on_last_year, row.change_on_previous, row.rag) == (None, None, None, None)

    def test_a_qualified_value_is_a_bound_not_a_figure(self):
        indicator = IndicatorFactory(unit=Unit.MINUTES, polarity=Polarity.LOWER_IS_BETTER)
        MeasurementFactory(indicator=indicator, period=period("June 2022"), value=60, qualifier="over")
        MeasurementFactory(indicator=indicator, period=period("June 2023"), value=35)
        [row] = selectors.performance_dashboard(indicator.panel)
        assert row.last_year.qualifier == "over"
        assert row.change_on_last_year is None
        assert row.rag == RAG.GREEN  # 35 is better than "over 60" all the same

    def test_reported_changes_are_shown_as_reported_never_as_derived(self):
        indicator = IndicatorFactory(unit=Unit.COUNT, polarity=Polarity.LOWER_IS_BETTER)
        q1 = period("Q1 2023/24")
        ReportedChangeFactory(indicator=indicator, period=q1, change_pct=D(-9), source="Table 1")
        [row] = selectors.performance_dashboard(indicator.panel)
        assert row.period == q1
        assert row.measurement is None
        assert row.change_on_last_year is None
        assert row.last_year is None
        assert [(c.change_pct, c.source, c.compared_with) for c in row.reported_changes] == [
            (D(-9), "Table 1", "last_year")
        ]
        assert row.rag is None

    def test_target_and_rag_with_a_target(self):
        indicator = IndicatorFactory(
            unit=Unit.PERCENTAGE,
            polarity=Polarity.HIGHER_IS_BETTER,
            target_kind=TargetKind.VALUE,
            target_value=D(90),
        )
        MeasurementFactory(indicator=indicator, period=period("Q1 2023/24"), value=D("86"))
        [row] = selectors.performance_dashboard(indicator.panel)
        assert (row.target, row.rag) == (D(90), RAG.AMBER)

    def test_msg_average_target(self):
        indicator = IndicatorFactory(polarity=Polarity.HIGHER_IS_BETTER, target_kind=TargetKind.MSG_AVERAGE)
        MeasurementFactory(indicator=indicator, period=period("Q1 2023/24"), value=D(10), msg_average=D(12))
        [row] = selectors.performance_dashboard(indicator.panel)
        assert (row.target, row.rag) == (D(12), RAG.RED)

    def test_filters_by_objective_and_period(self):
        panel = PanelFactory()
        objective = ObjectiveFactory(plan=PlanFactory(panel=panel))
        mine = IndicatorFactory(panel=panel, objective=objective)
        IndicatorFactory(panel=panel)
        IndicatorFactory()  # another panel's
        MeasurementFactory(indicator=mine, period=period("Q4 2022/23"), value=1)
        MeasurementFactory(indicator=mine, period=period("Q1 2023/24"), value=2)
        rows = selectors.performance_dashboard(panel, objective=objective, period=period("Q4 2022/23"))
        assert [(r.indicator, r.measurement.value) for r in rows] == [(mine, D(1))]
        assert len(selectors.performance_dashboard(panel)) == 2

    def test_deleted_indicators_are_left_out(self):
        indicator = IndicatorFactory(is_deleted=True)
        assert selectors.performance_dashboard(indicator.panel) == []

    @staticmethod
    def _build(panel, indicators, quarters):
        labels = [periods.quarter(2018 + q // 4, q % 4 + 1) for q in range(quarters)]
        stored = [periods.period_get_or_create(spec) for spec in labels]
        for n in range(indicators):
            indicator = IndicatorFactory(panel=panel, polarity=Polarity.HIGHER_IS_BETTER)
            for i, p in enumerate(stored):
                MeasurementFactory(indicator=indicator, period=p, value=n + i)
            ReportedChangeFactory(indicator=indicator, period=stored[-1])

    @pytest.mark.parametrize(("indicators", "quarters"), [(2, 2), (12, 16)])
    def test_query_count_is_constant_as_indicators_and_periods_grow(
        self, django_assert_num_queries, indicators, quarters
    ):
        panel = PanelFactory()
        self._build(panel, indicators, quarters)
        with django_assert_num_queries(3):
            rows = selectors.performance_dashboard(panel)
            assert all(r.change_on_last_year is not None or quarters < 5 for r in rows)
            assert all(r.reported_changes for r in rows)
        assert len(rows) == indicators


class TestDashboardReadsOnlyWhatItShows:
    """The dashboard reads the figures it compares, not the whole history (the indicator page reads that)."""

    @staticmethod
    def _counting(monkeypatch) -> list[int]:
        """Record how many measurements each dashboard read returns."""
        counts: list[int] = []
        original = selectors.dashboard_measurements

        def counted(wanted):
            rows = list(original(wanted))
            counts.append(len(rows))
            return rows

        monkeypatch.setattr(selectors, "dashboard_measurements", counted)
        return counts

    # With 3 quarters there is no same quarter last year: the latest and the previous quarter only.
    @pytest.mark.parametrize(("quarters", "read"), [(3, 8), (6, 12), (24, 12)])
    def test_measurements_read_do_not_grow_with_the_history(self, monkeypatch, quarters, read):
        """GIVEN 4 indicators with `quarters` quarters of figures WHEN the dashboard is read THEN it reads
        the latest quarter, the quarter before and the same quarter last year of each: 12 rows at most."""
        panel = PanelFactory()
        TestDashboard._build(panel, indicators=4, quarters=quarters)
        counts = self._counting(monkeypatch)
        rows = selectors.performance_dashboard(panel)
        assert counts == [read]
        assert {r.period.label for r in rows} == {
            periods.quarter(2018 + (quarters - 1) // 4, (quarters - 1) % 4 + 1).label
        }

    def test_a_chosen_period_reads_its_comparisons_only(self, monkeypatch):
        panel = PanelFactory()
        TestDashboard._build(panel, indicators=3, quarters=20)
        counts = self._counting(monkeypatch)
        [row, *_] = selectors.performance_dashboard(panel, period=period("Q1 2020/21"))
        assert counts == [9]
        assert (row.last_year.period.label, row.previous.period.label) == ("Q1 2019/20", "Q4 2019/20")

    def test_the_same_rows_as_from_the_whole_history(self):
        """GIVEN monthly, quarterly and rolling figures, a reported change later than any figure, a qualified
        value and an indicator with nothing WHEN the dashboard is read, for the latest and for a chosen period,
        THEN every row is the one `indicator_status` makes from the whole prefetched history."""
        panel = PanelFactory()
        monthly = IndicatorFactory(panel=panel, frequency=Frequency.MONTHLY, unit=Unit.PERCENTAGE)
        for label, value in (("May 2022", 70), ("June 2022", 72), ("May 2023", 74), ("June 2023", 71)):
            MeasurementFactory(indicator=monthly, period=period(label), value=value)
        rolling = IndicatorFactory(panel=panel, unit=Unit.COUNT, polarity=Polarity.LOWER_IS_BETTER)
        for label, value in (
            ("12 months ending June 2022", 900),
            ("12 months ending March 2023", 870),
            ("12 months ending June 2023", 850),
        ):
            MeasurementFactory(indicator=rolling, period=period(label), value=value)
        reported = IndicatorFactory(panel=panel, unit=Unit.COUNT)
        MeasurementFactory(indicator=reported, period=period("Q4 2022/23"), value=10)
        ReportedChangeFactory(indicator=reported, period=period("Q1 2023/24"), change_pct=D("-5"))
        qualified = IndicatorFactory(panel=panel, unit=Unit.MINUTES, target_kind=TargetKind.VALUE, target_value=60)
        MeasurementFactory(indicator=qualified, period=period("Q1 2022/23"), value=50)
        MeasurementFactory(indicator=qualified, period=period("Q1 2023/24"), value=60, qualifier="over")
        IndicatorFactory(panel=panel)

        def fields(row):
            return (
                row.indicator.pk,
                row.period and row.period.pk,
                row.measurement and row.measurement.pk,
                row.last_year and row.last_year.pk,
                row.previous and row.previous.pk,
                row.target,
                row.change_on_last_year,
                row.change_on_previous,
                [c.pk for c in row.reported_changes],
                row.rag,
            )

        for chosen in (None, period("Q1 2023/24"), period("June 2023")):
            expected = [selectors.indicator_status(i, chosen) for i in selectors.indicators_for_panel(panel)]
            assert [fields(r) for r in selectors.performance_dashboard(panel, period=chosen)] == [
                fields(r) for r in expected
            ]
        latest = {r.indicator: r for r in selectors.performance_dashboard(panel)}
        assert latest[reported].period.label == "Q1 2023/24"
        assert latest[reported].measurement is None
        assert latest[monthly].previous.period.label == "May 2023"
        assert latest[rolling].previous.period.label == "12 months ending March 2023"


class TestSeries:
    def test_series_in_period_order_in_one_query(self, django_assert_num_queries):
        indicator = IndicatorFactory()
        for label, value in (("Q2 2023/24", 3), ("Q4 2022/23", 1), ("Q1 2023/24", 2)):
            MeasurementFactory(indicator=indicator, period=period(label), value=value)
        with django_assert_num_queries(1):
            series = selectors.indicator_series(indicator)
            assert [(p.period.label, p.value) for p in series] == [
                ("Q4 2022/23", D(1)),
                ("Q1 2023/24", D(2)),
                ("Q2 2023/24", D(3)),
            ]


class TestWorkforceSelectors:
    def test_table_and_discrepancies_from_stored_rows(self):
        panel = PanelFactory()
        as_of = date(2021, 4, 1)
        for category, bame, white in ((StaffCategory.SPECIAL, 2, 115), (StaffCategory.POLICE_OFFICER, 66, 2221)):
            WorkforceCountFactory(
                panel=panel, as_of=as_of, category=category, ethnic_group=EthnicGroup.BAME, count=bame
            )
            WorkforceCountFactory(
                panel=panel, as_of=as_of, category=category, ethnic_group=EthnicGroup.WHITE, count=white
            )
        PrintedWorkforcePercentageFactory(panel=panel, as_of=as_of, row="special", printed_pct=D("1.17"))
        PrintedWorkforcePercentageFactory(panel=panel, as_of=as_of, row="police_officer", printed_pct=D("2.89"))
        [wrong] = selectors.workforce_discrepancies(panel)
        assert (wrong.row, wrong.computed_pct, wrong.printed_pct) == ("special", D("1.71"), D("1.17"))
        CensusBenchmarkFactory(panel=panel, census_year=2011, minority_ethnic_pct=D("3.8"))
        [comparison] = selectors.census_comparison(panel)
        assert comparison.census_year == 2011


class TestOutcomeRates:
    def test_rates_per_crime_group_with_the_panels_set(self):
        panel = PanelFactory()
        q1 = period("Q1 2023/24")
        for code, count in (("0", 40), ("1", 10), ("8", 5), ("22", 5), ("18", 80)):
            OutcomeCountFactory(panel=panel, period=q1, crime_group="Robbery", outcome_code=code, count=count)
        assert selectors.outcome_rates(panel, q1) == {
            "Robbery": {"action_taken_rate": D("0.15"), "charge_summons_rate": D("0.1")}
        }
        for code in ("1", "22"):
            ActionTakenOutcomeFactory(panel=panel, code=code)  # the panel's own set: 8 out, 22 in
        assert selectors.outcome_rates(panel, q1)["Robbery"]["action_taken_rate"] == D("0.15")  # (10 + 5) / 100
        panel.action_taken_outcomes.filter(code="22").delete()
        assert selectors.outcome_rates(panel, q1)["Robbery"]["action_taken_rate"] == D("0.1")

    def test_periods_with_figures(self):
        indicator = IndicatorFactory()
        MeasurementFactory(indicator=indicator, period=period("Q1 2023/24"))
        MeasurementFactory(indicator=indicator, period=period("June 2023"))
        assert [p.label for p in selectors.periods_with_figures(indicator.panel)] == ["Q1 2023/24"]


class TestChoices:
    def test_objectives_of_live_plans_latest_plan_first(self):
        panel = PanelFactory()
        old = ObjectiveFactory(plan__panel=panel, plan__starts=date(2017, 4, 1), number=1)
        new_two = ObjectiveFactory(plan__panel=panel, plan__starts=date(2021, 4, 1), number=2)
        new_one = ObjectiveFactory(plan=new_two.plan, number=1)
        ObjectiveFactory(plan__panel=panel, plan__is_deleted=True)
        ObjectiveFactory(plan=new_two.plan, number=3, is_deleted=True)
        ObjectiveFactory()  # another panel's
        assert selectors.objective_choices(panel) == [new_one, new_two, old]

    def test_periods_with_a_live_indicators_figure_latest_first(self):
        panel = PanelFactory()
        indicator = IndicatorFactory(panel=panel)
        MeasurementFactory(indicator=indicator, period=period("Q1 2023/24"))
        MeasurementFactory(indicator=IndicatorFactory(panel=panel), period=period("Q1 2023/24"))
        MeasurementFactory(indicator=indicator, period=period("2022/23"))
        MeasurementFactory(indicator=IndicatorFactory(panel=panel, is_deleted=True), period=period("Q2 2023/24"))
        MeasurementFactory(period=period("Q3 2023/24"))  # another panel's
        assert [p.label for p in selectors.period_choices(panel)] == ["Q1 2023/24", "2022/23"]


class TestNarrativeRows:
    def test_each_indicator_with_a_figure_its_draft_and_stored_words_checked(self):
        panel = PanelFactory()
        rape = IndicatorFactory(panel=panel, name="Volume of rape offences", unit=Unit.COUNT, order=1)
        MeasurementFactory(indicator=rape, period=period("Q1 2022/23"), value=150)
        q1 = period("Q1 2023/24")
        MeasurementFactory(indicator=rape, period=q1, value=135)
        IndicatorNarrativeFactory(indicator=rape, period=q1, drafted="Old.", edited="Q1 2023/24: 153 offences.")
        IndicatorFactory(panel=panel, order=2)  # no figure: nothing to narrate
        [row] = selectors.narrative_rows(panel)
        assert row.period == q1
        assert row.drafted == "Q1 2023/24: 135 rape offences, down 10% on Q1 2022/23 (150)."
        assert row.words.edited
        assert [p.found for p in row.words.problems] == ["153"]

    def test_a_chosen_period_leaves_out_indicators_without_a_figure_for_it(self):
        panel = PanelFactory()
        a, b = IndicatorFactory(panel=panel, order=1), IndicatorFactory(panel=panel, order=2)
        MeasurementFactory(indicator=a, period=period("Q1 2023/24"), value=50)
        MeasurementFactory(indicator=b, period=period("Q2 2023/24"), value=60)
        rows = selectors.narrative_rows(panel, period=period("Q1 2023/24"))
        assert [r.indicator for r in rows] == [a]

    def test_a_pound_indicator_with_only_a_reported_change_is_drafted_from_the_finance_report(self):
        panel = PanelFactory()
        q1 = period("Q1 2023/24")
        budget = IndicatorFactory(panel=panel, name="Budget", unit=Unit.POUNDS)
        ReportedChangeFactory(indicator=budget, period=q1)
        FinanceReportFactory(panel=panel, period=q1)
        row = selectors.narrative_row_get(panel, indicator_slug=budget.slug, period_id=q1.pk)
        assert row.drafted.startswith("Budget for 2023/24: £277.068m.")
        assert row.words.text == row.drafted

    def test_none_without_a_figure_or_reported_change(self):
        indicator = IndicatorFactory()
        assert (
            selectors.narrative_row_get(
                indicator.panel, indicator_slug=indicator.slug, period_id=period("Q1 2023/24").pk
            )
            is None
        )


class TestIndicatorTrends:
    def test_as_they_stood_at_the_end_of_a_period(self):
        """GIVEN quarterly figures up to Q2 2023/24 and a later monthly one WHEN the trends are read until Q1
        2023/24 THEN each series ends by 30 June 2023, and an indicator whose figures all come later has none."""
        panel = PanelFactory()
        quarterly = IndicatorFactory(panel=panel, order=0)
        for label, value in (("Q4 2022/23", 1), ("Q1 2023/24", 2), ("Q2 2023/24", 3)):
            MeasurementFactory(indicator=quarterly, period=periods.period_get_or_create(label), value=D(value))
        MeasurementFactory(indicator=quarterly, period=periods.period_get_or_create("October 2023"), value=D(4))
        later = IndicatorFactory(panel=panel, order=1)
        MeasurementFactory(indicator=later, period=periods.period_get_or_create("Q2 2023/24"), value=D(5))
        q1 = periods.period_get_or_create("Q1 2023/24")

        indicators = list(selectors.indicators_for_panel(panel))
        (first, first_series), (second, second_series) = selectors.indicator_trends(indicators, until=q1)
        assert first.period == q1
        assert [m.period.label for m in first_series] == ["Q4 2022/23", "Q1 2023/24"]
        assert second.period is None
        assert second_series == []

        (now, now_series), _later = selectors.indicator_trends(indicators)
        assert now.period.label == "October 2023"  # the latest figure's kind, as on the indicator page
        assert [m.period.label for m in now_series] == ["October 2023"]
