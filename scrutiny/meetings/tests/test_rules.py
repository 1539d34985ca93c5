"""Clear days and the public participation deadline (domain rules A-2, A-3, M-4, B-2)."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scrutiny.core.working_days import is_working_day
from scrutiny.meetings.rules import (
    LONDON,
    clear_days_between,
    latest_publication_date,
    participation_deadline,
    required_clear_days,
)
from scrutiny.panels.choices import ClearDaysMode, Nation

WORKING = ClearDaysMode.WORKING_DAYS
CALENDAR = ClearDaysMode.CALENDAR_DAYS
S243 = ClearDaysMode.S243

DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
MODES = st.sampled_from(list(ClearDaysMode))
REQUIRED = st.integers(min_value=1, max_value=10)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)

# Domain rules A-3: meeting -> latest publication, working-day rule (default) and calendar-day rule.
A3_TABLE = [
    (date(2025, 2, 12), date(2025, 2, 4), date(2025, 2, 6)),
    (date(2025, 4, 22), date(2025, 4, 10), date(2025, 4, 16)),
    (date(2025, 5, 6), date(2025, 4, 25), date(2025, 4, 30)),
    (date(2025, 12, 29), date(2025, 12, 17), date(2025, 12, 23)),
    (date(2026, 1, 5), date(2025, 12, 23), date(2025, 12, 30)),
    (date(2020, 2, 5), date(2020, 1, 28), date(2020, 1, 30)),
]
A3_IDS = [row[0].isoformat() for row in A3_TABLE]


def _next_counted_day(day: date, mode: str) -> date:
    """The next day after `day` that counts as a clear day under `mode` (found with the function under test
    on a one-day window, so the helper carries no rule of its own)."""
    candidate = day + timedelta(days=1)
    while clear_days_between(candidate - timedelta(days=1), candidate + timedelta(days=1), mode) == 0:
        candidate += timedelta(days=1)
    return candidate


class TestRequiredClearDays:
    def test_england_requires_five(self):
        assert required_clear_days(Nation.ENGLAND) == 5

    def test_wales_requires_three(self):
        assert required_clear_days(Nation.WALES) == 3

    @pytest.mark.parametrize(("code", "expected"), [("ENG", 5), ("WLS", 3)])
    def test_accepts_the_stored_code(self, code, expected):
        assert required_clear_days(code) == expected

    def test_refuses_an_unknown_nation(self):
        with pytest.raises(ValueError, match="SCT"):
            required_clear_days("SCT")


class TestClearDaysBetween:
    def test_seed_meeting_issued_monday_before_has_five_working_days(self):
        """The seed: issued Monday 11 September 2023 for Tuesday 19 September 2023 meets the rule."""
        clear = clear_days_between(date(2023, 9, 11), date(2023, 9, 19))

        assert clear == 5
        assert clear >= required_clear_days(Nation.ENGLAND)

    def test_seed_meeting_issued_a_day_later_falls_short(self):
        clear = clear_days_between(date(2023, 9, 12), date(2023, 9, 19))

        assert clear == 4
        assert clear < required_clear_days(Nation.ENGLAND)

    def test_working_days_is_the_default_mode(self):
        assert clear_days_between(date(2025, 2, 4), date(2025, 2, 12)) == clear_days_between(
            date(2025, 2, 4), date(2025, 2, 12), WORKING
        )

    @pytest.mark.parametrize(("meeting", "working", "calendar"), A3_TABLE, ids=A3_IDS)
    def test_latest_working_day_publication_leaves_exactly_five(self, meeting, working, calendar):
        assert clear_days_between(working, meeting, WORKING) == 5

    @pytest.mark.parametrize(("meeting", "working", "calendar"), A3_TABLE, ids=A3_IDS)
    def test_latest_calendar_publication_leaves_exactly_five(self, meeting, working, calendar):
        assert clear_days_between(calendar, meeting, CALENDAR) == 5

    @pytest.mark.parametrize(("meeting", "working", "calendar"), A3_TABLE, ids=A3_IDS)
    def test_publishing_on_the_next_working_day_leaves_four(self, meeting, working, calendar):
        assert clear_days_between(_next_counted_day(working, WORKING), meeting, WORKING) == 4

    @pytest.mark.parametrize(("meeting", "working", "calendar"), A3_TABLE, ids=A3_IDS)
    def test_publishing_a_calendar_day_later_leaves_four(self, meeting, working, calendar):
        assert clear_days_between(calendar + timedelta(days=1), meeting, CALENDAR) == 4

    def test_excludes_both_publication_and_meeting_day(self):
        """Publication on Monday for a Wednesday meeting leaves only Tuesday clear."""
        assert clear_days_between(date(2025, 2, 10), date(2025, 2, 12), CALENDAR) == 1

    @pytest.mark.parametrize("mode", list(ClearDaysMode))
    def test_publication_on_or_after_the_meeting_leaves_none(self, mode):
        assert clear_days_between(date(2025, 2, 12), date(2025, 2, 12), mode) == 0
        assert clear_days_between(date(2025, 2, 13), date(2025, 2, 12), mode) == 0

    def test_easter_holidays_do_not_count_as_working_days(self):
        """Thursday 17 to Tuesday 22 April 2025: Good Friday, the weekend and Easter Monday are not clear."""
        assert clear_days_between(date(2025, 4, 17), date(2025, 4, 22), WORKING) == 0

    def test_s243_counts_saturday(self):
        """Friday 7 to Monday 10 February 2025: Saturday counts, Sunday does not."""
        assert clear_days_between(date(2025, 2, 7), date(2025, 2, 10), S243) == 1

    def test_s243_does_not_count_sunday_or_bank_holidays(self):
        """Thursday 17 to Tuesday 22 April 2025: only Saturday 19 counts (not Good Friday, Sunday, Easter
        Monday)."""
        assert clear_days_between(date(2025, 4, 17), date(2025, 4, 22), S243) == 1

    def test_s243_counts_a_full_week_as_six(self):
        assert clear_days_between(date(2025, 2, 2), date(2025, 2, 10), S243) == 6

    def test_refuses_an_unknown_mode(self):
        with pytest.raises(ValueError, match="fortnightly"):
            clear_days_between(date(2025, 2, 1), date(2025, 2, 12), "fortnightly")

    @PROPERTY_SETTINGS
    @given(published=DATES, meeting=DATES)
    def test_calendar_clear_days_are_the_days_strictly_between(self, published, meeting):
        expected = max(0, (meeting - published).days - 1)

        assert clear_days_between(published, meeting, CALENDAR) == expected

    @PROPERTY_SETTINGS
    @given(earlier=DATES, later=DATES, meeting=DATES, mode=MODES)
    def test_publishing_earlier_never_gives_fewer_clear_days(self, earlier, later, meeting, mode):
        assume(earlier <= later)

        assert clear_days_between(earlier, meeting, mode) >= clear_days_between(later, meeting, mode)

    @PROPERTY_SETTINGS
    @given(published=DATES, meeting=DATES, mode=MODES)
    def test_never_more_than_calendar_days(self, published, meeting, mode):
        assert clear_days_between(published, meeting, mode) <= clear_days_between(published, meeting, CALENDAR)


class TestLatestPublicationDate:
    @pytest.mark.parametrize(("meeting", "working", "calendar"), A3_TABLE, ids=A3_IDS)
    def test_working_day_rule_matches_the_table(self, meeting, working, calendar):
        assert latest_publication_date(meeting, 5, WORKING) == working

    @pytest.mark.parametrize(("meeting", "working", "calendar"), A3_TABLE, ids=A3_IDS)
    def test_calendar_day_rule_matches_the_table(self, meeting, working, calendar):
        assert latest_publication_date(meeting, 5, CALENDAR) == calendar

    def test_working_days_is_the_default_mode(self):
        assert latest_publication_date(date(2025, 2, 12), 5) == date(2025, 2, 4)

    def test_seed_meeting_latest_publication_is_the_monday_before(self):
        assert latest_publication_date(date(2023, 9, 19), 5) == date(2023, 9, 11)

    def test_wales_three_days(self):
        """Wednesday 12 February 2025 with three clear working days: Thursday 6 February."""
        assert latest_publication_date(date(2025, 2, 12), 3) == date(2025, 2, 6)

    def test_never_falls_on_a_bank_holiday_weekend_under_the_working_day_rule(self):
        """Before Tuesday 6 May 2025 the fifth clear day is Monday 28 April: publication on Sunday 27th would
        not be open to inspection, so the latest is Friday 25th."""
        latest = latest_publication_date(date(2025, 5, 6), 5, WORKING)

        assert latest == date(2025, 4, 25)
        assert is_working_day(latest)

    def test_s243_skips_back_over_sunday(self):
        """Before Tuesday 22 April 2025 (s243): Sat 19, Thu 17, Wed 16, Tue 15, Mon 14 count; the latest
        publication is therefore Saturday 12 April, not Sunday 13."""
        assert latest_publication_date(date(2025, 4, 22), 5, S243) == date(2025, 4, 12)

    @PROPERTY_SETTINGS
    @given(meeting=DATES, required=REQUIRED, mode=MODES)
    def test_latest_publication_leaves_enough_clear_days(self, meeting, required, mode):
        latest = latest_publication_date(meeting, required, mode)

        assert clear_days_between(latest, meeting, mode) >= required

    @PROPERTY_SETTINGS
    @given(meeting=DATES, required=REQUIRED, mode=MODES)
    def test_publishing_one_counted_day_later_leaves_too_few(self, meeting, required, mode):
        later = _next_counted_day(latest_publication_date(meeting, required, mode), mode)

        assert clear_days_between(later, meeting, mode) < required

    @PROPERTY_SETTINGS
    @given(meeting=DATES, required=REQUIRED)
    def test_working_day_rule_publishes_on_a_working_day(self, meeting, required):
        assert is_working_day(latest_publication_date(meeting, required, WORKING))


class TestParticipationDeadline:
    @pytest.mark.parametrize(
        ("meeting", "deadline_day"),
        [
            (date(2023, 9, 19), date(2023, 9, 18)),
            (date(2020, 2, 5), date(2020, 2, 4)),
            (date(2025, 5, 6), date(2025, 5, 2)),
            (date(2025, 4, 22), date(2025, 4, 17)),
            (date(2026, 1, 5), date(2026, 1, 2)),
            (date(2025, 12, 29), date(2025, 12, 24)),
        ],
    )
    def test_nine_am_london_on_the_working_day_before(self, meeting, deadline_day):
        assert participation_deadline(meeting) == datetime.combine(deadline_day, time(9, 0), tzinfo=LONDON)

    @pytest.mark.parametrize(
        ("working_days_before", "deadline_day"),
        [
            (0, date(2025, 5, 6)),  # the day of the meeting itself
            (1, date(2025, 5, 2)),  # Monday 5 May 2025 is the Early May bank holiday
            (3, date(2025, 4, 30)),
        ],
    )
    def test_a_panel_may_set_its_own_notice_and_time(self, working_days_before, deadline_day):
        deadline = participation_deadline(date(2025, 5, 6), working_days_before=working_days_before, at=time(17, 0))
        assert deadline == datetime.combine(deadline_day, time(17, 0), tzinfo=LONDON)

    def test_uses_british_summer_time(self):
        """9.00am on 18 September 2023 is 8.00am UTC."""
        deadline = participation_deadline(date(2023, 9, 19))

        assert deadline.utcoffset() == timedelta(hours=1)
        assert (deadline.hour, deadline.minute) == (9, 0)

    def test_uses_greenwich_mean_time_in_winter(self):
        assert participation_deadline(date(2020, 2, 5)).utcoffset() == timedelta(0)

    @PROPERTY_SETTINGS
    @given(meeting=DATES)
    def test_is_nine_am_on_the_last_working_day_before_the_meeting(self, meeting):
        deadline = participation_deadline(meeting)
        local = deadline.astimezone(LONDON)

        assert (local.hour, local.minute, local.second) == (9, 0, 0)
        assert local.date() < meeting
        assert is_working_day(local.date())
        between = [local.date() + timedelta(days=n) for n in range(1, (meeting - local.date()).days)]
        assert not any(is_working_day(day) for day in between)
