"""What lies ahead of the demo's September 2023 meeting: the meeting of 17 November 2023 that the work
programme plans, the 2024/25 precept cycle with its statutory dates, and one meeting, dated from the day
the demo is loaded, that takes questions from the public.

Each loader is idempotent and writes through the services, with no acting user (the audit trail says
"system"); the precept year is opened by `precept_start`, with nothing recorded in it, since the pack
records no step of it.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from scrutiny.core.working_days import is_working_day
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import Meeting
from scrutiny.meetings.rules import participation_deadline
from scrutiny.meetings.services import agenda_item_create, meeting_create
from scrutiny.panels.models import Panel
from scrutiny.work_programme.models import PreceptProcess
from scrutiny.work_programme.participation import participation_window
from scrutiny.work_programme.statutory_services import precept_start

from . import west_mercia as wm

LONDON = ZoneInfo("Europe/London")


def _panel() -> Panel:
    return Panel.objects.get(slug=wm.PANEL_SLUG)


def _agenda_write(*, acting_user, meeting: Meeting, agenda, descriptions=None) -> None:
    descriptions = descriptions or {}
    for fact in agenda:
        agenda_item_create(
            acting_user=acting_user,
            meeting=meeting,
            number=fact.number,
            title=fact.title,
            description=descriptions.get(fact.number, fact.description),
        )


# 17 November 2023 -------------------------------------------------------------------------------------------


def demo_november_load(*, acting_user=None) -> Meeting:
    """The meeting of 17 November 2023 as the work programme plans it: scheduled, its agenda not yet issued.
    Returns the meeting, created unless the panel already holds one that day."""
    panel = _panel()
    existing = Meeting.objects.live().filter(panel=panel, slug=wm.NOVEMBER["date"].isoformat()).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        meeting = meeting_create(
            acting_user=acting_user,
            panel=panel,
            start=datetime.combine(wm.NOVEMBER["date"], wm.NOVEMBER["time"], tzinfo=LONDON),
            venue=wm.NOVEMBER["venue"],
            status=MeetingStatus.SCHEDULED,
            contact_officer=panel.contact_officer,
            notes=wm.NOVEMBER["notes"],
        )
        _agenda_write(acting_user=acting_user, meeting=meeting, agenda=wm.NOVEMBER_AGENDA)
    return meeting


# The 2024/25 precept ----------------------------------------------------------------------------------------


def demo_precept_load(*, acting_user=None) -> PreceptProcess:
    """The precept process for 2024/25, opened with nothing recorded, so that every statutory date of the
    cycle (statutory.precept_deadline_list) shows as due. Returns the process, created unless it exists."""
    panel = _panel()
    existing = PreceptProcess.objects.live().filter(panel=panel, precept_year=wm.PRECEPT_YEAR).first()
    if existing is not None:
        return existing
    return precept_start(acting_user=acting_user, panel=panel, precept_year=wm.PRECEPT_YEAR, notes=wm.PRECEPT_NOTES)


# A meeting open for questions -------------------------------------------------------------------------------


def _christmas_break(day: date) -> bool:
    return (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 3)


def upcoming_meeting_day(today: date) -> date:
    """The first Tuesday at least four weeks after `today` that is a working day outside the Christmas break
    (no panel meets between 20 December and 3 January)."""
    day = today + timedelta(weeks=wm.UPCOMING["weeks_ahead"])
    day += timedelta(days=(wm.UPCOMING["weekday"] - day.weekday()) % 7)
    while not is_working_day(day) or _christmas_break(day):
        day += timedelta(weeks=1)
    return day


def meeting_open_for_questions(panel: Panel, *, now: datetime | None = None) -> Meeting | None:
    """The panel's next meeting that still takes questions from the public, if any."""
    now = now or timezone.now()
    meetings = Meeting.objects.live().filter(panel=panel, start__gt=now).exclude(status=MeetingStatus.CANCELLED)
    for meeting in meetings.order_by("start"):
        if participation_window(meeting, now=now).is_open:
            return meeting
    return None


def demo_upcoming_meeting_load(*, acting_user=None, now: datetime | None = None) -> Meeting | None:
    """A scheduled meeting with a published agenda that takes questions from the public.

    Nothing is written while the panel has a meeting still open for questions (so loading twice adds one
    meeting, and a demo loaded again after that meeting has gone by gains a new one). Returns the meeting
    created, or None.
    """
    now = now or timezone.now()
    panel = _panel()
    if meeting_open_for_questions(panel, now=now) is not None:
        return None
    today = timezone.localtime(now).date()
    day = upcoming_meeting_day(today)
    deadline = participation_deadline(
        day, working_days_before=panel.participation_notice_days, at=panel.participation_deadline_time
    )
    participation = wm.UPCOMING_PARTICIPATION.format(
        deadline=f"{deadline:%-I.%M%p}".lower() + f" on {deadline:%A %-d %B %Y}"
    )
    with transaction.atomic():
        meeting = meeting_create(
            acting_user=acting_user,
            panel=panel,
            start=datetime.combine(day, wm.UPCOMING["time"], tzinfo=LONDON),
            venue=wm.UPCOMING["venue"],
            status=MeetingStatus.SCHEDULED,
            date_of_issue=today,
            contact_officer=panel.contact_officer,
            notes=wm.UPCOMING["notes"],
        )
        _agenda_write(
            acting_user=acting_user,
            meeting=meeting,
            agenda=wm.UPCOMING_AGENDA,
            descriptions={"4": participation},
        )
    return meeting
