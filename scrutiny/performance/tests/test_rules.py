from datetime import date
from decimal import Decimal as D

import pytest

from scrutiny.performance import rules
from scrutiny.performance.choices import RAG, EthnicGroup, Polarity, StaffCategory, TargetKind, Unit

HIGHER, LOWER, NEITHER = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, Polarity.NEITHER


class TestChange:
    def test_absolute_and_percentage_change(self):
        assert rules.change(76, 90) == rules.Change(absolute=D(-14), percent=D("-15.56"))

    def test_no_change_without_both_values(self):
        assert rules.change(76, None) is None
        assert rules.change(None, 90) is None

    def test_no_percentage_from_zero(self):
        assert rules.change(5, 0) == rules.Change(absolute=D(5), percent=None)


class TestRag:
    @pytest.mark.parametrize(
        ("value", "polarity", "target", "expected"),
        [
            (90, HIGHER, 90, RAG.GREEN),  # met exactly (999 calls: 90% within 10 s, K-2 inclusive)
            (91, HIGHER, 90, RAG.GREEN),
            (86, HIGHER, 90, RAG.AMBER),  # within 5% of 90 (4.5)
            (85.5, HIGHER, 90, RAG.AMBER),  # on the edge of the band
            (85, HIGHER, 90, RAG.RED),
            (76, HIGHER, 90, RAG.RED),  # West Mercia June 2023
            (13, LOWER, 15, RAG.GREEN),  # grade 1 median inside 15 minutes
            (15, LOWER, 15, RAG.GREEN),
            (15.75, LOWER, 15, RAG.AMBER),
            (16, LOWER, 15, RAG.RED),
        ],
    )
    def test_against_a_target_respecting_polarity(self, value, polarity, target, expected):
        assert rules.rag(value=value, polarity=polarity, target=target) == expected

    def test_the_tolerance_is_the_indicators(self):
        assert rules.rag(value=85, polarity=HIGHER, target=90, tolerance_pct=10) == RAG.AMBER
        assert rules.rag(value=89, polarity=HIGHER, target=90, tolerance_pct=0) == RAG.RED

    @pytest.mark.parametrize(
        ("value", "polarity", "last_year", "expected"),
        [
            (38, HIGHER, 59, RAG.RED),  # 101 calls, June 2023 against June 2022
            (60, HIGHER, 59, RAG.GREEN),
            (59, HIGHER, 59, RAG.AMBER),  # no better than last year: not green
            (57, HIGHER, 59, RAG.AMBER),
            (35, LOWER, 60, RAG.GREEN),  # grade 2 median down from an hour
            (62, LOWER, 60, RAG.AMBER),
            (70, LOWER, 60, RAG.RED),
        ],
    )
    def test_without_a_target_against_last_year(self, value, polarity, last_year, expected):
        assert rules.rag(value=value, polarity=polarity, last_year=last_year) == expected

    def test_last_year_printed_as_a_bound_rates_only_when_certainly_better(self):
        # Grade 2 median: 35 minutes in June 2023 against "over 1 hour" in June 2022.
        assert rules.rag(value=35, polarity=LOWER, last_year=60, last_year_qualifier="over") == RAG.GREEN
        assert rules.rag(value=70, polarity=LOWER, last_year=60, last_year_qualifier="over") is None
        assert rules.rag(value=70, polarity=HIGHER, last_year=60, last_year_qualifier="over") is None
        assert rules.rag(value=70, polarity=HIGHER, last_year=60, last_year_qualifier="under") == RAG.GREEN
        assert rules.rag(value=70, polarity=HIGHER, last_year=60, last_year_qualifier="about") is None

    def test_target_wins_over_last_year(self):
        assert rules.rag(value=80, polarity=HIGHER, target=90, last_year=70) == RAG.RED

    def test_unrated_without_target_or_history(self):
        assert rules.rag(value=82, polarity=HIGHER) is None

    def test_unrated_without_a_direction_or_a_value(self):
        assert rules.rag(value=82, polarity=NEITHER, target=80) is None
        assert rules.rag(value=None, polarity=HIGHER, target=80) is None

    def test_text_status_is_green_when_it_matches_the_target_text(self):
        kwargs = {"value": None, "polarity": NEITHER, "unit": Unit.TEXT, "target_text": "Unqualified"}
        assert rules.rag(text_value="  unqualified ", **kwargs) == RAG.GREEN
        assert rules.rag(text_value="Expected January 2024", **kwargs) is None

    def test_target_can_be_the_msg_average_or_national_figure(self):
        assert rules.target_for(target_kind=TargetKind.MSG_AVERAGE, target_value=1, msg_average=12) == D(12)
        assert rules.target_for(target_kind=TargetKind.NATIONAL, national="71.5") == D("71.5")
        assert rules.target_for(target_kind=TargetKind.VALUE, target_value=90) == D(90)
        assert rules.target_for(target_kind=TargetKind.NONE, target_value=90) is None


class TestOutcomes:
    def test_outcome_groups(self):
        assert rules.outcome_group(16) == "evidential_difficulties"
        assert rules.outcome_group("1a") == "charge"

    def test_unknown_outcome_code_refused(self):
        with pytest.raises(ValueError, match="not a Home Office outcome"):
            rules.outcome_code("23")

    def test_total_excludes_type_0(self):
        assert rules.total_outcomes({0: 50, 1: 10, 18: 90}) == 100

    def test_o2_worked_example(self):
        assert rules.action_taken_rate({1: 10, 8: 5, 18: 80, 16: 5}) == D("0.15")

    def test_o2_outcome_5_and_22_are_not_action_taken_by_default(self):
        assert rules.action_taken_rate({4: 3, 5: 2, 22: 5, 18: 90}, include_22=False) == D("0.03")

    def test_o2_outcome_22_when_included(self):
        assert rules.action_taken_rate({4: 3, 5: 2, 22: 5, 18: 90}, include_22=True) == D("0.08")

    def test_type_0_never_changes_the_denominator(self):
        assert rules.action_taken_rate({0: 500, 1: 10, 8: 5, 18: 80, 16: 5}) == D("0.15")

    def test_a_configured_set_replaces_the_default_but_never_counts_5(self):
        counts = {1: 10, 8: 5, 5: 5, 18: 80}
        assert rules.action_taken_rate(counts, action_taken={"1", "5"}) == D("0.10")

    def test_charge_summons_rate_is_1_and_1a(self):
        assert rules.charge_summons_rate({1: 6, "1A": 2, 8: 5, 18: 87}) == D("0.08")

    def test_1a_on_top_of_1_from_the_alternate_offence_file_is_a_double_count(self):
        with pytest.raises(rules.DoubleCountError, match="double count"):
            rules.charge_summons_rate({1: 6, "1A": 2, 18: 92}, one_a_within_one=True)

    def test_no_rate_without_outcomes(self):
        assert rules.action_taken_rate({0: 10}) is None

    def test_as_percentage(self):
        assert rules.as_percentage(D("0.15")) == D("15.0")


class TestFinance:
    def test_ytd_variance_is_profile_less_spend(self):
        assert rules.ytd_variance(D("80.328"), D("78.954")) == D("1.374")

    def test_savings_shortfall(self):
        assert rules.savings_shortfall(D("6.682"), D("5.528")) == D("1.154")

    def test_computed_beside_printed(self):
        class Report:
            ytd_profile, ytd_spend, ytd_underspend_printed = D("80.328"), D("78.954"), D("1.373")
            savings_profiled, savings_achieved, savings_shortfall_printed = D("6.682"), D("5.528"), D("1.154")

        variance, shortfall = rules.finance_figures(Report)
        assert (variance.computed, variance.printed, variance.agrees) == (D("1.374"), D("1.373"), False)
        assert (shortfall.computed, shortfall.agrees) == (D("1.154"), True)


# The DEI appendix counts (April 2020-2023): {year: {category: (bame, not stated, white)}}.
COUNTS = {
    2020: {
        "police_officer": (52, 15, 2147),
        "pcso": (6, 3, 219),
        "police_staff": (51, 85, 1679),
        "special": (1, 5, 99),
    },
    2021: {
        "police_officer": (66, 21, 2200),
        "pcso": (6, 3, 202),
        "police_staff": (49, 89, 1681),
        "special": (2, 5, 110),
    },
    2022: {
        "police_officer": (73, 24, 2257),
        "pcso": (4, 4, 201),
        "police_staff": (58, 90, 1751),
        "special": (2, 2, 77),
    },
    2023: {
        "police_officer": (82, 30, 2372),
        "pcso": (6, 3, 185),
        "police_staff": (66, 79, 1742),
        "special": (2, 1, 66),
    },
}
PRINTED = {
    2020: ("2.35", "2.79", "0.95", "2.52"),
    2021: ("2.86", "2.71", "1.17", "2.77"),
    2022: ("3.10", "2.94", "2.47", "3.02"),
    2023: ("3.30", "3.46", "2.90", "3.37"),
}
ROWS = ("police_officer", "police_staff_inc_pcso", "special", "total")


def _counts():
    groups = (EthnicGroup.BAME, EthnicGroup.NOT_STATED, EthnicGroup.WHITE)
    for year, categories in COUNTS.items():
        for category, numbers in categories.items():
            for group, count in zip(groups, numbers, strict=True):
                yield (date(year, 4, 1), StaffCategory(category), group, count)


def _printed():
    return {(date(y, 4, 1), row): D(p) for y, values in PRINTED.items() for row, p in zip(ROWS, values, strict=True)}


class TestWorkforce:
    def test_the_table_covers_four_years_and_four_rows(self):
        cells = rules.workforce_table(_counts(), _printed())
        assert len(cells) == 16
        by = {(c.as_of.year, c.row): c for c in cells}
        assert (by[2023, "police_officer"].bame, by[2023, "police_officer"].headcount) == (82, 2484)
        assert by[2023, "police_officer"].computed_pct == D("3.30")
        assert (by[2023, "total"].bame, by[2023, "total"].headcount, by[2023, "total"].computed_pct) == (
            156,
            4634,
            D("3.37"),
        )
        assert (by[2020, "police_staff_inc_pcso"].bame, by[2020, "police_staff_inc_pcso"].headcount) == (57, 2043)

    def test_exactly_the_two_printed_discrepancies(self):
        found = rules.workforce_discrepancies(rules.workforce_table(_counts(), _printed()))
        assert [(c.as_of, c.row, c.bame, c.headcount, c.computed_pct, c.printed_pct) for c in found] == [
            (date(2021, 4, 1), "police_officer", 66, 2287, D("2.89"), D("2.86")),
            (date(2021, 4, 1), "special", 2, 117, D("1.71"), D("1.17")),
        ]

    def test_the_other_fourteen_cells_agree(self):
        cells = rules.workforce_table(_counts(), _printed())
        assert sum(1 for c in cells if c.agrees) == 14

    def test_census_comparison_uses_the_latest_census_by_then(self):
        cells = rules.workforce_table(_counts(), _printed())
        comparisons = rules.census_comparison(cells, {2011: D("3.8"), 2021: D("5.8")})
        assert [(c.as_of.year, c.census_year, c.gap_points) for c in comparisons] == [
            (2020, 2011, D("-1.28")),
            (2021, 2021, D("-3.03")),
            (2022, 2021, D("-2.78")),
            (2023, 2021, D("-2.43")),
        ]


class TestComparators:
    def test_msg_average_includes_the_force(self):
        assert rules.msg_average(10, [8, 12, 9, 11, 10, 6, 14]) == D(10)

    def test_msg_has_at_most_seven_peers(self):
        with pytest.raises(ValueError, match="at most 7"):
            rules.msg_average(10, [1] * 8)

    def test_999_standard_is_inclusive(self):
        assert rules.meets_999_standard(answered_within_10s=8999, total=10000) is False
        assert rules.meets_999_standard(answered_within_10s=9000, total=10000) is True
