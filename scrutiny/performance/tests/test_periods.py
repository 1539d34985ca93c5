from datetime import date

import pytest

from scrutiny.performance import periods
from scrutiny.performance.choices import PeriodKind
from scrutiny.performance.models import Period


class TestQuarters:
    def test_q1_is_april_to_june(self):
        q1 = periods.quarter(2023, 1)
        assert (q1.kind, q1.start, q1.end, q1.label) == (
            PeriodKind.QUARTER,
            date(2023, 4, 1),
            date(2023, 6, 30),
            "Q1 2023/24",
        )

    def test_q4_is_january_to_march_of_the_next_calendar_year(self):
        q4 = periods.quarter(2023, 4)
        assert (q4.start, q4.end, q4.label) == (date(2024, 1, 1), date(2024, 3, 31), "Q4 2023/24")

    def test_q3_is_october_to_december(self):
        assert (periods.quarter(2023, 3).start, periods.quarter(2023, 3).end) == (date(2023, 10, 1), date(2023, 12, 31))

    def test_there_is_no_fifth_quarter(self):
        with pytest.raises(periods.PeriodLabelError, match="quarters 1 to 4"):
            periods.quarter(2023, 5)

    def test_a_date_in_february_belongs_to_the_financial_year_before(self):
        assert periods.financial_year_of(date(2024, 2, 15)) == 2023
        assert periods.financial_year_of(date(2024, 4, 1)) == 2024

    def test_the_year_2099_100_wraps(self):
        assert periods.financial_year_label(2099) == "2099/00"
        assert periods.parse_period_label("Q1 2099/00").start == date(2099, 4, 1)


class TestLabels:
    @pytest.mark.parametrize(
        ("label", "kind", "start", "end", "canonical"),
        [
            ("Q1 2023/24", PeriodKind.QUARTER, date(2023, 4, 1), date(2023, 6, 30), "Q1 2023/24"),
            ("Q1 23/24", PeriodKind.QUARTER, date(2023, 4, 1), date(2023, 6, 30), "Q1 2023/24"),
            ("q4  2023-24", PeriodKind.QUARTER, date(2024, 1, 1), date(2024, 3, 31), "Q4 2023/24"),
            ("Quarter 2 2023/2024", PeriodKind.QUARTER, date(2023, 7, 1), date(2023, 9, 30), "Q2 2023/24"),
            ("June 2023", PeriodKind.MONTH, date(2023, 6, 1), date(2023, 6, 30), "June 2023"),
            ("June 23", PeriodKind.MONTH, date(2023, 6, 1), date(2023, 6, 30), "June 2023"),
            ("Feb 2024", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
            (
                "12 months ending June 23",
                PeriodKind.ROLLING_12_MONTHS,
                date(2022, 7, 1),
                date(2023, 6, 30),
                "12 months ending June 2023",
            ),
            ("2023/24", PeriodKind.FINANCIAL_YEAR, date(2023, 4, 1), date(2024, 3, 31), "2023/24"),
        ],
    )
    def test_labels_as_panels_print_them(self, label, kind, start, end, canonical):
        spec = periods.parse_period_label(label)
        assert (spec.kind, spec.start, spec.end, spec.label) == (kind, start, end, canonical)

    def test_years_that_are_not_consecutive_are_refused_with_a_clear_message(self):
        with pytest.raises(periods.PeriodLabelError, match="must be consecutive"):
            periods.parse_period_label("Q1 23/23")

    @pytest.mark.parametrize("label", ["", "Q1", "Smarch 2023", "Q1 2023/26", "next quarter"])
    def test_unreadable_labels_are_refused(self, label):
        with pytest.raises(periods.PeriodLabelError):
            periods.parse_period_label(label)


class TestComparisons:
    def test_same_period_last_year_for_each_kind(self):
        assert periods.same_period_last_year(periods.quarter(2023, 1)).label == "Q1 2022/23"
        assert periods.same_period_last_year(periods.quarter(2023, 4)).label == "Q4 2022/23"
        assert periods.same_period_last_year(periods.month(2023, 6)).label == "June 2022"
        assert periods.same_period_last_year(periods.rolling_12_months(2023, 6)).label == "12 months ending June 2022"
        assert periods.same_period_last_year(periods.financial_year(2023)).label == "2022/23"

    def test_the_quarter_before_q1_is_q4_of_the_previous_financial_year(self):
        previous = periods.previous_period(periods.quarter(2023, 1))
        assert (previous.label, previous.start, previous.end) == ("Q4 2022/23", date(2023, 1, 1), date(2023, 3, 31))
        assert periods.previous_period(periods.quarter(2023, 4)).label == "Q3 2023/24"

    def test_the_month_before_january_is_december(self):
        assert periods.previous_period(periods.month(2024, 1)).label == "December 2023"

    def test_a_rolling_year_reported_quarterly_moves_back_three_months(self):
        spec = periods.rolling_12_months(2023, 6)
        assert periods.previous_period(spec).label == "12 months ending March 2023"
        assert periods.previous_period(spec, step_months=1).label == "12 months ending May 2023"


@pytest.mark.django_db
class TestPeriodRows:
    def test_get_or_create_makes_one_row_per_period(self):
        first = periods.period_get_or_create("Q1 23/24")
        second = periods.period_get_or_create("Q1 2023/24")
        assert first.pk == second.pk
        assert first.label == "Q1 2023/24"
        assert Period.objects.count() == 1

    def test_a_stored_period_compares_like_its_spec(self):
        stored = periods.period_get_or_create("Q1 2023/24")
        assert periods.same_period_last_year(stored).key == periods.quarter(2022, 1).key
