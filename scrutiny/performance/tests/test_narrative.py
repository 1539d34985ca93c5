from decimal import Decimal

import pytest

from scrutiny.performance.choices import Comparison, Unit
from scrutiny.performance.narrative import (
    Figure,
    NarrativeData,
    Reported,
    check,
    draft,
    facts_for,
    finance_facts,
    finance_narrative,
    format_value,
    numbers_in_name,
    periods_in,
    rate_subject_for,
)

Q1 = "Q1 2023/24"
Q1_LAST = "Q1 2022/23"


def _count(current, previous, **kwargs):
    return NarrativeData(
        unit=Unit.COUNT, current=Figure(Q1, Decimal(current)), previous=Figure(Q1_LAST, Decimal(previous)), **kwargs
    )


class TestFormatValue:
    @pytest.mark.parametrize(
        ("value", "unit", "expected"),
        [
            ("1234", Unit.COUNT, "1,234"),
            ("76", Unit.PERCENTAGE, "76%"),
            ("76.50", Unit.PERCENTAGE, "76.5%"),
            ("13", Unit.MINUTES, "13 minutes"),
            ("1373000", Unit.POUNDS, "£1.373m"),
            ("222000", Unit.POUNDS, "£222,000"),
        ],
    )
    def test_as_panels_print_it(self, value, unit, expected):
        assert format_value(Decimal(value), unit) == expected

    def test_qualifier(self):
        assert format_value(Decimal("60"), Unit.MINUTES, "over") == "over 60 minutes"


class TestDraft:
    def test_fall(self):
        assert (
            draft(_count(1234, 1356, noun="offences")) == "Q1 2023/24: 1,234 offences, down 9% on Q1 2022/23 (1,356)."
        )

    def test_rise(self):
        assert draft(_count(1010, 1000)) == "Q1 2023/24: 1,010, up 1% on Q1 2022/23 (1,000)."

    def test_no_change(self):
        assert draft(_count(500, 500, noun="offences")) == "Q1 2023/24: 500 offences, no change on Q1 2022/23."

    def test_percentage_in_points(self):
        data = NarrativeData(
            unit=Unit.PERCENTAGE,
            current=Figure("June 2023", Decimal("76")),
            previous=Figure("June 2022", Decimal("90")),
        )
        assert draft(data) == "June 2023: 76%, down 14 percentage points on June 2022 (90%)."

    def test_no_comparison(self):
        data = NarrativeData(unit=Unit.MINUTES, current=Figure("June 2023", Decimal("13")))
        assert draft(data) == "June 2023: 13 minutes."

    def test_reported_change_without_values(self):
        data = NarrativeData(
            unit=Unit.COUNT,
            current=None,
            reported=Reported(Q1, Decimal("-9"), Comparison.SAME_PERIOD_LAST_YEAR, "Quarterly Performance report"),
        )
        assert draft(data) == (
            "The force reported a 9% fall on the same period last year (Quarterly Performance report)."
        )

    def test_reported_change_after_a_value_without_comparator(self):
        data = NarrativeData(
            unit=Unit.COUNT,
            current=Figure(Q1, Decimal("1234")),
            reported=Reported(Q1, Decimal("3"), Comparison.SAME_PERIOD_LAST_YEAR, "Quarterly Performance report"),
        )
        assert draft(data) == (
            "Q1 2023/24: 1,234. The force reported a 3% rise on the same period last year "
            "(Quarterly Performance report)."
        )

    def test_rate(self):
        data = NarrativeData(
            unit=Unit.PERCENTAGE, current=Figure(Q1, Decimal("10")), rate_subject="offences had action taken"
        )
        assert draft(data) == "10% of offences had action taken in Q1 2023/24."

    def test_rate_with_last_year(self):
        data = NarrativeData(
            unit=Unit.PERCENTAGE,
            current=Figure(Q1, Decimal("10")),
            previous=Figure(Q1_LAST, Decimal("12")),
            rate_subject="offences had action taken",
        )
        assert draft(data) == "10% of offences had action taken in Q1 2023/24, down from 12% in Q1 2022/23."

    def test_text_status(self):
        data = NarrativeData(unit=Unit.TEXT, current=Figure("2023/24", None, text_value="Delivered"))
        assert draft(data) == "2023/24: Delivered."

    def test_nothing_reported(self):
        assert draft(NarrativeData(unit=Unit.COUNT, current=None)) == "No figure has been reported yet."


class TestPeriodsIn:
    def test_normalises_the_forms_panels_print(self):
        found = [label for label, _s, _e in periods_in("Q1 23/24, June 23, Q2 2022/23, 2023/24 and Sept 2023")]
        assert found == ["Q1 2023/24", "June 2023", "Q2 2022/23", "2023/24", "September 2023"]


class TestCheck:
    def test_passes_the_drafted_text(self):
        for data in (
            _count(1234, 1356, noun="offences"),
            _count(500, 500),
            NarrativeData(
                unit=Unit.PERCENTAGE,
                current=Figure(Q1, Decimal("10")),
                previous=Figure(Q1_LAST, Decimal("12")),
                rate_subject="offences had action taken",
            ),
            NarrativeData(
                unit=Unit.COUNT,
                current=None,
                reported=Reported(Q1, Decimal("-9"), Comparison.SAME_PERIOD_LAST_YEAR, "Quarterly Performance report"),
            ),
        ):
            assert check(draft(data), facts_for(data)) == []

    def test_catches_a_wrong_percentage(self):
        data = _count(1234, 1356, noun="offences")
        problems = check("Q1 2023/24: 1,234 offences, down 12% on Q1 2022/23.", facts_for(data))
        assert [p.found for p in problems] == ["12%"]
        assert "9%" in problems[0].message

    def test_catches_a_wrong_period(self):
        data = _count(1234, 1356)
        problems = check("There were 1,234 offences in Q2 2023/24, down 9%.", facts_for(data))
        assert [p.found for p in problems] == ["Q2 2023/24"]
        assert "Q1 2023/24" in problems[0].message

    def test_catches_a_wrong_count(self):
        problems = check("Q1 2023/24: 1,243 offences.", facts_for(_count(1234, 1356)))
        assert [p.found for p in problems] == ["1,243"]

    def test_catches_a_wrong_amount_and_allows_rounding(self):
        data = NarrativeData(
            unit=Unit.POUNDS,
            current=Figure("June 2023", Decimal("1373412")),
            previous=Figure("June 2022", Decimal("1000000")),
        )
        assert check("An underspend of £1.373m (£1.4m) to June 2023.", facts_for(data)) == []
        assert [p.found for p in check("An underspend of £1.374m.", facts_for(data))] == ["£1.374m"]

    def test_accepts_the_seeds_short_forms_and_rounding(self):
        data = NarrativeData(
            unit=Unit.PERCENTAGE,
            current=Figure("June 2023", Decimal("76.4")),
            previous=Figure("June 2022", Decimal("90")),
            periods=("12 months ending June 2023",),
            numbers=numbers_in_name("% of 999 calls answered within 10 seconds"),
        )
        text = "In June 23, 76% of 999 calls were answered within 10 seconds, below June 22 (90%), in 2023/24."
        assert check(text, facts_for(data)) == []


class TestQualified:
    def test_a_bound_is_quoted_not_compared(self):
        data = NarrativeData(
            unit=Unit.MINUTES,
            current=Figure("June 2023", Decimal("35")),
            previous=Figure("June 2022", Decimal("60"), qualifier="over"),
        )
        text = draft(data)
        assert text == "June 2023: 35 minutes, against over 60 minutes in June 2022."
        assert check(text, facts_for(data)) == []
        assert [p.found for p in check("June 2023: 35 minutes, down 42% on June 2022.", facts_for(data))] == ["42%"]


class TestDirection:
    def test_catches_a_fall_given_as_a_rise(self):
        data = _count(1234, 1356)
        problems = check("Q1 2023/24: 1,234, a 9% increase on Q1 2022/23.", facts_for(data))
        assert [p.found for p in problems] == ["9%"]
        assert "the data show a fall" in problems[0].message
        assert check("Offences fell by 9% in Q1 2023/24.", facts_for(data)) == []

    def test_reported_change_direction(self):
        data = NarrativeData(unit=Unit.COUNT, current=None, reported=Reported(Q1, Decimal("-9")))
        assert check("There has been a 9% reduction in Q1 23/24.", facts_for(data)) == []
        assert [p.found for p in check("Crime rose 9% in Q1 23/24.", facts_for(data))] == ["9%"]


class TestFinance:
    @pytest.fixture
    def report(self):
        from datetime import date
        from types import SimpleNamespace

        return SimpleNamespace(
            period=SimpleNamespace(label=Q1, end=date(2023, 6, 30)),
            financial_year="2023/24",
            approved_budget=Decimal("277.068"),
            revised_budget=Decimal("277.016"),
            ytd_profile=Decimal("80.328"),
            ytd_spend=Decimal("78.954"),
            ytd_underspend_printed=Decimal("1.373"),
            projected_overspend=Decimal("2.379"),
            savings_target=Decimal("12.092"),
            savings_profiled=Decimal("6.682"),
            savings_achieved=Decimal("5.528"),
            savings_shortfall_printed=Decimal("1.154"),
            savings_in_place_pct=Decimal("33"),
            savings_on_track_pct=Decimal("47"),
            savings_unachievable_pct=Decimal("7"),
            source="Q1 Money Matters",
        )

    def test_budget_position_with_the_printed_figure_where_it_differs(self, report):
        assert finance_narrative(report, savings=False) == (
            "Budget for 2023/24: £277.068m approved, revised to £277.016m. Spend to the end of Q1 2023/24: "
            "£78.954m against a profile of £80.328m, £1.374m under (the report printed £1.373m). "
            "Projected for the year: £2.379m over budget."
        )

    def test_savings(self, report):
        assert finance_narrative(report, savings=True) == (
            "Savings target for 2023/24: £12.092m. By the end of Q1 2023/24, £5.528m achieved against £6.682m "
            "profiled, a shortfall of £1.154m. Of the savings: 33% in place, 47% on track, 7% identified as "
            "unachievable."
        )

    def test_check_amounts(self, report):
        facts = finance_facts(report)
        for savings in (False, True):
            assert check(finance_narrative(report, savings=savings), facts) == []
        text = "Net spend to the end of June 2023 was £78.954m against £80.328m, a £1.373m underspend."
        assert check(text, facts) == []
        problems = check("The projected overspend is £2.397m for 2023/24.", facts)
        assert [p.found for p in problems] == ["£2.397m"]
        assert "£2.379m" in problems[0].message


class TestRateSubject:
    @pytest.mark.parametrize(
        ("name", "subject"),
        [
            ("TRC - action taken rate", "offences had action taken"),
            ("Rape - charge/summons rate (outcome 1 & 1A)", "offences were charged or summonsed"),
            ("% of victims satisfied with service", ""),
        ],
    )
    def test_from_the_name(self, name, subject):
        from types import SimpleNamespace

        assert rate_subject_for(SimpleNamespace(name=name)) == subject
