"""The access-to-information rules for meetings: clear days and the public participation deadline.

Rules that judge what happened report; they never refuse to record it.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from scrutiny.core.working_days import is_bank_holiday, is_working_day, previous_working_day
from scrutiny.panels.choices import ClearDaysMode, Nation

LONDON = ZoneInfo("Europe/London")

# LGA 1972 s100B(1) as amended by SI 2002/715: five clear days in England; Wales kept three
# (Local Government and Elections (Wales) Act 2021 Sch 4).
CLEAR_DAYS = {Nation.ENGLAND: 5, Nation.WALES: 3}

# Public participation closes at 9.00am on the working day before the meeting (West Mercia's standing
# orders, printed on every agenda): the default of every panel's own setting.
PARTICIPATION_DEADLINE_TIME = time(9, 0)


def required_clear_days(nation: str) -> int:
    """Clear days an agenda must be open to inspection before the meeting (s100B LGA 1972)."""
    return CLEAR_DAYS[Nation(nation)]


def _counts(day: date, mode: str) -> bool:
    """Whether `day` counts as a clear day under the panel's chosen reading.

    Statute and case law leave weekends unsettled (R v Herefordshire Justices (1820) only fixes that the day
    of publication and the day of the meeting are excluded). The default reads conservatively: working
    days only. The s243 LGA 1972 reading disregards Sundays and bank holidays; the plain reading counts
    every calendar day.
    """
    if mode == ClearDaysMode.WORKING_DAYS:
        return is_working_day(day)
    if mode == ClearDaysMode.S243:
        return day.weekday() != 6 and not is_bank_holiday(day)
    if mode == ClearDaysMode.CALENDAR_DAYS:
        return True
    raise ValueError(f"Unknown clear-days mode: {mode!r}")


def clear_days_between(published: date, meeting: date, mode: str = ClearDaysMode.WORKING_DAYS) -> int:
    """The clear days between publication and the meeting, both days excluded (R v Herefordshire Justices).

    Publication on or after the meeting day leaves no clear days.
    """
    count = 0
    day = published + timedelta(days=1)
    while day < meeting:
        if _counts(day, mode):
            count += 1
        day += timedelta(days=1)
    return count


def latest_publication_date(meeting: date, required: int, mode: str = ClearDaysMode.WORKING_DAYS) -> date:
    """The last day on which the agenda can be published and still leave `required` clear days.

    Publication falls on a day that counts under the mode: under the working-days reading an agenda put up on a
    Sunday is not open to inspection until Monday, so the latest publication before Tuesday 6 May 2025 is
    Friday 25 April, not Sunday 27 April (domain rules A-3; `get_nth_working_day(meeting, -6)`).
    """
    counted = 0
    day = meeting - timedelta(days=1)
    while counted < required:
        if _counts(day, mode):
            counted += 1
        day -= timedelta(days=1)
    while not _counts(day, mode):
        day -= timedelta(days=1)
    return day


def participation_deadline(
    meeting: date, *, working_days_before: int = 1, at: time = PARTICIPATION_DEADLINE_TIME
) -> datetime:
    """When public questions and statements close, Europe/London: by default West Mercia's 9.00am on the
    working day before the meeting (18 September 2023 for the 19th). A panel sets its own notice in
    working days (0: the day of the meeting) and time."""
    day = meeting
    for _ in range(working_days_before):
        day = previous_working_day(day)
    return datetime.combine(day, at, tzinfo=LONDON)


def meeting_participation_deadline(meeting) -> datetime:
    """The participation deadline of a Meeting under its panel's own notice and time."""
    panel = meeting.panel
    return participation_deadline(
        timezone.localtime(meeting.start).date(),
        working_days_before=panel.participation_notice_days,
        at=panel.participation_deadline_time,
    )
