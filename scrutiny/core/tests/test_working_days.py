"""Bank holidays and working days in England and Wales (domain rules B-1 and B-2)."""

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny.core.working_days import is_bank_holiday, is_working_day, previous_working_day

DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)

BANK_HOLIDAYS = {
    2025: [
        date(2025, 1, 1),
        date(2025, 4, 18),
        date(2025, 4, 21),
        date(2025, 5, 5),
        date(2025, 5, 26),
        date(2025, 8, 25),
        date(2025, 12, 25),
        date(2025, 12, 26),
    ],
    2026: [
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 28),  # Boxing Day (observed)
    ],
    2027: [
        date(2027, 1, 1),
        date(2027, 3, 26),
        date(2027, 3, 29),
        date(2027, 5, 3),
        date(2027, 5, 31),
        date(2027, 8, 30),
        date(2027, 12, 25),
        date(2027, 12, 26),
        date(2027, 12, 27),  # Christmas Day (observed)
        date(2027, 12, 28),  # Boxing Day (observed)
    ],
}


def _year_days(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


class TestIsBankHoliday:
    @pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
    def test_lists_exactly_the_year_of_england_and_wales(self, year):
        found = [day for day in _year_days(year) if is_bank_holiday(day)]

        assert found == BANK_HOLIDAYS[year]

    def test_easter_monday_is_a_bank_holiday_in_england(self):
        assert is_bank_holiday(date(2025, 4, 21))

    def test_the_library_without_a_subdivision_misses_easter_monday(self):
        """The pitfall the ENG subdivision avoids (rule B-1): UK-wide dates omit Easter Monday."""
        assert date(2025, 4, 21) not in holidays.UnitedKingdom(years=2025)

    @pytest.mark.parametrize(
        "day",
        [date(2020, 5, 8), date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8)],
        ids=["ve-day", "spring-2022", "platinum-jubilee", "state-funeral", "coronation"],
    )
    def test_one_off_days_are_bank_holidays(self, day):
        assert is_bank_holiday(day)

    def test_an_ordinary_weekday_is_not(self):
        assert not is_bank_holiday(date(2025, 4, 22))


class TestIsWorkingDay:
    def test_easter_monday_is_not_a_working_day(self):
        assert not is_working_day(date(2025, 4, 21))

    def test_the_day_after_easter_monday_is(self):
        assert is_working_day(date(2025, 4, 22))

    @pytest.mark.parametrize("day", [date(2025, 2, 8), date(2025, 2, 9)], ids=["saturday", "sunday"])
    def test_weekends_are_not_working_days(self, day):
        assert not is_working_day(day)

    def test_counts_eight_working_days_over_christmas_2026(self):
        """Rule B-1: 21 December 2026 to 4 January 2027 inclusive holds 8 working days."""
        days = [date(2026, 12, 21) + timedelta(days=n) for n in range(15)]

        assert sum(is_working_day(day) for day in days) == 8

    @PROPERTY_SETTINGS
    @given(day=DATES)
    def test_agrees_with_the_library_helper(self, day):
        calendar = holidays.UnitedKingdom(subdiv="ENG", years=day.year)

        assert is_working_day(day) == calendar.is_working_day(day)


class TestPreviousWorkingDay:
    @pytest.mark.parametrize(
        ("meeting", "expected"),
        [
            (date(2020, 2, 5), date(2020, 2, 4)),
            (date(2023, 9, 19), date(2023, 9, 18)),
            (date(2025, 5, 6), date(2025, 5, 2)),
            (date(2025, 4, 22), date(2025, 4, 17)),
            (date(2026, 1, 5), date(2026, 1, 2)),
            (date(2025, 12, 29), date(2025, 12, 24)),
        ],
    )
    def test_steps_back_over_weekends_and_bank_holidays(self, meeting, expected):
        assert previous_working_day(meeting) == expected

    def test_a_working_day_is_not_its_own_previous_working_day(self):
        assert previous_working_day(date(2025, 2, 12)) == date(2025, 2, 11)

    @PROPERTY_SETTINGS
    @given(day=DATES)
    def test_is_the_nearest_earlier_working_day(self, day):
        previous = previous_working_day(day)

        assert previous < day
        assert is_working_day(previous)
        between = [previous + timedelta(days=n) for n in range(1, (day - previous).days)]
        assert not any(is_working_day(d) for d in between)
