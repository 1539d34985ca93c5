"""Loading the West Mercia demo through the services, and the demo officer who signs in to it.

Everything the demo holds is written by the same services an officer's edits go through (with no acting
user, so the audit trail says "system"), in one transaction: the demo is either wholly there or not there
at all, which is what lets a second load see the panel and stop. Three writes go round the services, each
explained where it is made: the time the July meeting ended, the demo officer's account and role
(accounts has no services yet), and the 2024/25 precept process, opened with nothing recorded
(schedule.py: the statutory services start a process only with the PCC's notification); all are audited
all the same. The extensions (`_demo_extensions_load`) also run when the demo is already there, each adding
only what is missing: the meeting taking public questions is dated from the day of the load.
"""

import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from scrutiny.accounts.choices import Role
from scrutiny.accounts.models import PanelRole, User
from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record
from scrutiny.meetings.choices import MeetingStatus, VoteKind, VoteResult
from scrutiny.meetings.models import Meeting
from scrutiny.meetings.services import (
    agenda_item_create,
    attendance_record,
    declarations_none_record,
    meeting_create,
    minute_item_create,
    vote_record,
)
from scrutiny.members.choices import DatePrecision, MembershipKind
from scrutiny.members.services import membership_create, membership_end, office_assign, person_create
from scrutiny.panels.choices import MinuteNumbering, Nation
from scrutiny.panels.models import Panel
from scrutiny.panels.services import council_create, panel_create, panel_update

from . import west_mercia as wm

LONDON = ZoneInfo("Europe/London")

DEMO_USERNAME = "demo-officer"
PASSWORD_ENV = "DEMO_PASSWORD"


class DemoConflict(Exception):
    """A panel with the demo's slug exists but is not the demo: loading would mix the two."""


@dataclass
class DemoLoad:
    """What a load did: `loaded` is False when the demo was already there. `upcoming_added` is the meeting
    open for public questions that this load added (a demo loaded again after that meeting's deadline gains
    a new one), or None."""

    panel: Panel
    loaded: bool
    july: Meeting
    september: Meeting
    officer: User
    upcoming_added: Meeting | None = None


# The demo officer's password -----------------------------------------------------------------------------


def demo_password_path() -> Path:
    """Where a generated password is kept (var/ is never committed); settings may move it, as tests do."""
    return Path(getattr(settings, "DEMO_PASSWORD_FILE", Path(settings.BASE_DIR) / "var" / "demo-password"))


def demo_password_get() -> str | None:
    """The demo officer's password: DEMO_PASSWORD from the environment, else the one stored on first load."""
    from_env = os.environ.get(PASSWORD_ENV, "").strip()
    if from_env:
        return from_env
    path = demo_password_path()
    if path.exists():
        return path.read_text().strip() or None
    return None


def _demo_password_ensure() -> str:
    """The password to use, generating and storing one (readable by this user only) when none is set."""
    password = demo_password_get()
    if password:
        return password
    password = secrets.token_urlsafe(18)
    path = demo_password_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


def demo_officer_ensure(panel: Panel) -> User:
    """The demo's scrutiny officer, with the current demo password; changes nothing when all is in place."""
    password = _demo_password_ensure()
    user, created = User.objects.get_or_create(
        username=DEMO_USERNAME, defaults={"first_name": "Demo", "last_name": "Officer"}
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    role, role_created = PanelRole.objects.get_or_create(user=user, panel=panel, role=Role.SCRUTINY_OFFICER)
    if role_created:
        # accounts has no service for roles yet; the grant is audited all the same.
        audit_record(
            acting_user=None, verb="load_demo_data", action=AuditEvent.Action.CREATE, instance=role, panel_id=panel.pk
        )
    return user


# The demo itself -----------------------------------------------------------------------------------------


def _at(day, at) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON)


def west_mercia_demo_is_complete(panel: Panel) -> bool:
    """Whether the panel holds everything the demo loads.

    Tombstones count: an officer who edits or deletes demo records leaves rows behind, so a played-with demo
    is still the demo, and later additions do not matter either.
    """
    july = panel.meetings.filter(slug=wm.JULY["date"].isoformat()).first()
    september = panel.meetings.filter(slug=wm.SEPTEMBER["date"].isoformat()).first()
    if july is None or september is None:
        return False
    numbers = set(july.minute_items.values_list("number", flat=True))
    people = set(panel.people.values_list("name", flat=True))
    expected_people = {m.name for m in wm.MEMBERS} | {r.name for r in wm.RETIRED_MEMBERS}
    return (
        {m.number for m in wm.JULY_MINUTES} <= numbers
        and expected_people <= people
        and september.agenda_items.count() >= len(wm.SEPTEMBER_AGENDA)
        and july.attendances.count() >= len(wm.JULY_ATTENDANCE)
    )


def west_mercia_demo_load(*, acting_user=None) -> DemoLoad:
    """Load the West Mercia demo, or do nothing when it is already loaded.

    Raises DemoConflict when a panel with the demo's slug exists but does not hold the demo.
    """
    panel = Panel.objects.filter(slug=wm.PANEL_SLUG).first()
    if panel is not None:
        if not west_mercia_demo_is_complete(panel):
            raise DemoConflict(
                f"A panel with the slug {wm.PANEL_SLUG!r} exists but does not hold the complete demo; "
                "load the demo into a fresh database."
            )
        with transaction.atomic():
            officer = demo_officer_ensure(panel)
            upcoming = _demo_extensions_load(acting_user=acting_user)
        return DemoLoad(
            panel=panel,
            loaded=False,
            july=panel.meetings.get(slug=wm.JULY["date"].isoformat()),
            september=panel.meetings.get(slug=wm.SEPTEMBER["date"].isoformat()),
            officer=officer,
            upcoming_added=upcoming,
        )
    with transaction.atomic():
        panel, july, september = _west_mercia_write(acting_user=acting_user)
        officer = demo_officer_ensure(panel)
        upcoming = _demo_extensions_load(acting_user=acting_user)
    return DemoLoad(panel=panel, loaded=True, july=july, september=september, officer=officer, upcoming_added=upcoming)


def demo_pack_build_request(meeting):
    """Queue the public agenda pack of `meeting` for the worker, unless one is built or on its way."""
    from scrutiny.documents.choices import BuildStatus, PackKind
    from scrutiny.documents.packs import pack_build_request

    wanted = (BuildStatus.QUEUED, BuildStatus.RUNNING, BuildStatus.DONE)
    if meeting.pack_builds.filter(kind=PackKind.PUBLIC, status__in=wanted).exists():
        return None
    with transaction.atomic():
        return pack_build_request(meeting=meeting, kind=PackKind.PUBLIC, acting_user=None)


def _demo_extensions_load(*, acting_user) -> Meeting | None:
    """The parts of the demo that later features add (each idempotent, so a database that already holds
    the core demo gains them on the next run). Returns the meeting open for questions, if one was added."""
    from .minutes_paper import demo_minutes_paper_load
    from .papers import demo_papers_load
    from .performance import performance_demo_load
    from .schedule import demo_november_load, demo_precept_load, demo_upcoming_meeting_load
    from .work_programme import work_programme_demo_load

    performance_demo_load(acting_user=acting_user)
    # Before the work programme, whose 17 November 2023 rows attach to that meeting.
    demo_november_load(acting_user=acting_user)
    work_programme_demo_load(acting_user=acting_user)
    demo_minutes_paper_load(acting_user=acting_user)
    demo_papers_load(acting_user=acting_user)
    demo_precept_load(acting_user=acting_user)
    return demo_upcoming_meeting_load(acting_user=acting_user)


def _west_mercia_write(*, acting_user):
    user = acting_user
    panel = panel_create(
        acting_user=user,
        nation=Nation.ENGLAND,
        minute_numbering=MinuteNumbering.CONTINUOUS,
        **wm.PANEL,
    )
    councils = {name: council_create(acting_user=user, panel=panel, name=name) for name in wm.COUNCILS}

    people = {}
    for fact in (*wm.OFFICERS, *wm.SUBSTITUTES):
        people[fact.key] = person_create(
            acting_user=user,
            panel=panel,
            name=fact.name,
            title=fact.title,
            role_title=fact.role_title,
            email=fact.email,
            phone=fact.phone,
        )
    for fact in wm.MEMBERS:
        people[fact.key] = person_create(acting_user=user, panel=panel, name=fact.name, title=fact.title)
    for fact in wm.RETIRED_MEMBERS:
        people[fact.key] = person_create(acting_user=user, panel=panel, name=fact.name, title="Cllr")

    panel = panel_update(
        acting_user=user, panel=panel, host_council=councils[wm.HOST_COUNCIL], contact_officer=people["morris"]
    )

    # Members whose start is not recorded; the co-opted members are seated at minute 478, below.
    memberships = {}
    for fact in wm.MEMBERS:
        if fact.co_opted_at_478:
            continue
        memberships[fact.key] = membership_create(
            acting_user=user,
            person=people[fact.key],
            kind=fact.kind,
            council=councils[fact.council] if fact.council else None,
            label_as_printed=fact.label,
            notes=fact.notes,
        )
    for fact in wm.RETIRED_MEMBERS:
        membership = membership_create(
            acting_user=user,
            person=people[fact.key],
            kind=MembershipKind.APPOINTED,
            start_date=fact.start_date,
            start_precision=fact.start_precision,
            notes=fact.notes,
        )
        memberships[fact.key] = membership_end(
            acting_user=user, membership=membership, end_date=wm.RETIRED_END_DATE, reason=fact.reason
        )

    july = _july_write(user=user, panel=panel, people=people, councils=councils, memberships=memberships)
    september = _september_write(user=user, panel=panel, people=people)
    return panel, july, september


def _july_write(*, user, panel, people, councils, memberships) -> Meeting:
    day = wm.JULY["date"]
    meeting = meeting_create(
        acting_user=user,
        panel=panel,
        start=_at(day, wm.JULY["time"]),
        venue=wm.JULY["venue"],
        status=MeetingStatus.HELD,
        ended_at=wm.JULY["ended_at"],
        contact_officer=people["morris"],
        notes=wm.JULY["notes"],
    )
    agenda = {
        number: agenda_item_create(acting_user=user, meeting=meeting, number=number, title=title)
        for number, title in wm.JULY_AGENDA
    }
    minutes = {
        fact.number: minute_item_create(
            acting_user=user,
            meeting=meeting,
            number=fact.number,
            title=fact.title,
            agenda_item=agenda[fact.agenda_number],
            text=fact.text,
            resolutions=fact.resolutions,
        )
        for fact in wm.JULY_MINUTES
    }

    for election in wm.ELECTIONS:
        vote = vote_record(
            acting_user=user,
            meeting=meeting,
            kind=VoteKind.ELECTION,
            office=election.office,
            result=VoteResult.ELECTED,
            nominees=[people[key] for key in election.nominees],
            elected=people[election.elected],
            minute_item=minutes[election.minute],
        )
        office_assign(
            acting_user=user,
            membership=memberships[election.elected],
            office=election.office,
            title_as_printed=election.title_as_printed,
            start_date=day,
            term_ends=election.term_ends,
            term_ends_precision=DatePrecision.MONTH,
            elected_at=vote,
        )

    co_option = minutes[wm.CO_OPTION_MINUTE]
    vote_record(
        acting_user=user,
        meeting=meeting,
        kind=VoteKind.MOTION,
        motion=wm.CO_OPTION_MOTION,
        result=wm.CO_OPTION_RESULT,
        minute_item=co_option,
    )
    for fact in wm.MEMBERS:
        if fact.co_opted_at_478:
            memberships[fact.key] = membership_create(
                acting_user=user,
                person=people[fact.key],
                kind=fact.kind,
                council=councils[fact.council],
                start_date=day,
                start_minute=co_option,
                label_as_printed=fact.label,
                notes=fact.notes,
            )

    for fact in wm.JULY_ATTENDANCE:
        extra = {}
        if fact.substitute_for:
            extra = {"substitute_for": memberships[fact.substitute_for], "council": councils[fact.council]}
        attendance_record(
            acting_user=user,
            meeting=meeting,
            person=people[fact.key],
            status=fact.status,
            role_as_written=fact.role_as_written,
            **extra,
        )
    return declarations_none_record(acting_user=user, meeting=meeting)


def _september_write(*, user, panel, people) -> Meeting:
    meeting = meeting_create(
        acting_user=user,
        panel=panel,
        start=_at(wm.SEPTEMBER["date"], wm.SEPTEMBER["time"]),
        venue=wm.SEPTEMBER["venue"],
        status=MeetingStatus.SCHEDULED,
        date_of_issue=wm.SEPTEMBER["date_of_issue"],
        contact_officer=people["morris"],
    )
    for fact in wm.SEPTEMBER_AGENDA:
        page_start, page_end = fact.pages or (None, None)
        agenda_item_create(
            acting_user=user,
            meeting=meeting,
            number=fact.number,
            title=fact.title,
            description=fact.description,
            page_start=page_start,
            page_end=page_end,
        )
    return meeting
