"""Reads of meetings for the public pages and feeds.

Exempt business (LGA 1972 s100A(4) and Sch 12A) is stripped here, before anything reaches a template: an
exempt agenda item that has not been released is read from the database by its number, title and paragraph
only, and the minutes linked to it by number and title only, so no template can show what it never
receives. `AgendaItem.objects.public()` and `MinuteItem.objects.public()` decide what is public; the
withheld rows are read as their complement, so the two can never disagree.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import ExtractYear

from scrutiny.members.choices import Office
from scrutiny.members.models import Membership

from .checks import meeting_compliance
from .choices import AttendanceStatus, MeetingStatus, VoteKind
from .models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem, Nomination, Vote

# Lists -------------------------------------------------------------------------------------------------------

LIST_FIELDS = ("id", "panel_id", "slug", "start", "status", "kind", "venue", "is_deleted")


def meeting_years(panel) -> list[int]:
    """The years (in UK time) in which the panel has meetings on record, latest first."""
    return list(
        Meeting.objects.live()
        .filter(panel=panel)
        .annotate(year=ExtractYear("start"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def meetings_in_year(panel, year: int):
    """The panel's meetings in `year`, in date order, each with `has_minutes`."""
    return (
        Meeting.objects.in_year(year)
        .filter(panel=panel)
        .annotate(has_minutes=Exists(MinuteItem.objects.live().filter(meeting=OuterRef("pk"))))
        .only(*LIST_FIELDS)
        .order_by("start")
    )


def meeting_next(panel) -> Meeting | None:
    """The next meeting that has not been cancelled."""
    return (
        Meeting.objects.upcoming()
        .filter(panel=panel)
        .exclude(status=MeetingStatus.CANCELLED)
        .only(*LIST_FIELDS)
        .first()
    )


def meetings_latest_with_minutes(panel, limit: int = 3) -> list[Meeting]:
    """The most recent meetings whose minutes are on record."""
    return list(
        Meeting.objects.past()
        .filter(panel=panel)
        .filter(Exists(MinuteItem.objects.live().filter(meeting=OuterRef("pk"))))
        .only(*LIST_FIELDS)[:limit]
    )


# One meeting, as the public may see it -----------------------------------------------------------------------


@dataclass(frozen=True)
class PublicAgendaItem:
    """An item of business as the public sees it. `withheld` items carry no description or reason."""

    number: str
    title: str
    description: str = ""
    page_range: str = ""
    exempt: bool = False
    exempt_paragraph: int | None = None
    exempt_reason: str = ""
    released_at: datetime | None = None

    @property
    def withheld(self) -> bool:
        return self.exempt and self.released_at is None


@dataclass(frozen=True)
class PublicNominee:
    name: str
    person_slug: str
    elected: bool
    votes: int | None


@dataclass(frozen=True)
class PublicVote:
    kind: str
    office: str
    motion: str
    result: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    nominees: list[PublicNominee] = field(default_factory=list)

    @property
    def is_election(self) -> bool:
        return self.kind == VoteKind.ELECTION

    @property
    def elected(self) -> list[PublicNominee]:
        return [n for n in self.nominees if n.elected]

    @property
    def has_counts(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.votes_against, self.abstentions))


@dataclass(frozen=True)
class PublicMinute:
    """A minute as the public sees it. A `withheld` minute (on exempt business) has only number and title."""

    number: int
    label: str
    title: str
    text: str = ""
    resolutions: str = ""
    withheld: bool = False
    exempt_paragraph: int | None = None
    agenda_number: str = ""
    votes: list[PublicVote] = field(default_factory=list)
    version: int = 1  # above 1: corrected after confirmation (the earlier wording is kept, and audited)

    @property
    def anchor(self) -> str:
        return f"minute-{self.number}"

    @property
    def corrected(self) -> bool:
        return self.version > 1


@dataclass(frozen=True)
class PublicAttendee:
    name: str
    person_slug: str = ""
    role: str = ""
    substitute_for: str = ""
    substitute_for_council: str = ""


@dataclass(frozen=True)
class PublicDeclaration:
    name: str
    person_slug: str
    kind: str
    description: str
    agenda_number: str = ""
    agenda_title: str = ""


@dataclass(frozen=True)
class PublicMeeting:
    """Everything the public meeting page shows, with exempt business already stripped."""

    meeting: Meeting
    contact_officer: object
    compliance: dict
    agenda: list[PublicAgendaItem]
    present: list[PublicAttendee]
    substitutes: list[PublicAttendee]
    apologies: list[PublicAttendee]
    absent: list[PublicAttendee]
    also_attended: list[PublicAttendee]
    declarations_state: str
    declarations: list[PublicDeclaration]
    minutes: list[PublicMinute]
    other_votes: list[PublicVote]

    @property
    def has_attendance(self) -> bool:
        return bool(self.present or self.substitutes or self.apologies or self.absent or self.also_attended)


def _office_label(value: str) -> str:
    try:
        return str(Office(value).label)
    except ValueError:
        return value


def _public_agenda(meeting) -> list[PublicAgendaItem]:
    public = AgendaItem.objects.public().filter(meeting=meeting)
    withheld = (
        AgendaItem.objects.live()
        .filter(meeting=meeting)
        .exclude(pk__in=public.values("pk"))
        .only("id", "meeting_id", "order", "number", "title", "exempt", "exempt_paragraph", "released_at")
    )
    items = sorted([*public, *withheld], key=lambda item: (item.order, item.pk))
    public_ids = {item.pk for item in public}
    result = []
    for item in items:
        if item.pk in public_ids:
            result.append(
                PublicAgendaItem(
                    number=item.number,
                    title=item.title,
                    description=item.description,
                    page_range=item.page_range,
                    exempt=item.exempt,
                    exempt_paragraph=item.exempt_paragraph,
                    exempt_reason=item.exempt_reason if item.exempt else "",
                    released_at=item.released_at,
                )
            )
        else:
            result.append(
                PublicAgendaItem(
                    number=item.number, title=item.title, exempt=True, exempt_paragraph=item.exempt_paragraph
                )
            )
    return result


def _public_votes(meeting, member_ids: set[int]) -> list[tuple[int | None, PublicVote]]:
    """Votes on public minutes or on no minute; a vote minuted under exempt business is withheld with it."""
    votes = (
        Vote.objects.live()
        .filter(meeting=meeting)
        .filter(Q(minute_item__isnull=True) | Q(minute_item__in=MinuteItem.objects.public().filter(meeting=meeting)))
        .prefetch_related(
            Prefetch("nominations", queryset=Nomination.objects.live().select_related("person").order_by("id"))
        )
    )
    result = []
    for vote in votes:
        nominees = [
            PublicNominee(
                name=n.person.display_name,
                person_slug=n.person.slug if n.person_id in member_ids else "",
                elected=n.elected,
                votes=n.votes,
            )
            for n in vote.nominations.all()
        ]
        result.append(
            (
                vote.minute_item_id,
                PublicVote(
                    kind=vote.kind,
                    office=_office_label(vote.office),
                    motion=vote.motion,
                    result=vote.get_result_display(),
                    votes_for=vote.votes_for,
                    votes_against=vote.votes_against,
                    abstentions=vote.abstentions,
                    nominees=nominees,
                ),
            )
        )
    return result


def _public_minutes(meeting, member_ids: set[int]) -> tuple[list[PublicMinute], list[PublicVote]]:
    public = list(MinuteItem.objects.public().filter(meeting=meeting).select_related("agenda_item"))
    withheld = list(
        MinuteItem.objects.live()
        .filter(meeting=meeting)
        .exclude(pk__in=MinuteItem.objects.public().filter(meeting=meeting).values("pk"))
        .select_related("agenda_item")
        .only(
            "id",
            "meeting_id",
            "order",
            "number",
            "label",
            "title",
            "agenda_item__number",
            "agenda_item__exempt_paragraph",
        )
    )
    public_ids = {m.pk for m in public}
    votes_by_minute: dict[int | None, list[PublicVote]] = {}
    for minute_id, vote in _public_votes(meeting, member_ids):
        votes_by_minute.setdefault(minute_id, []).append(vote)

    minutes = []
    for minute in sorted([*public, *withheld], key=lambda m: (m.order, m.number)):
        agenda_number = minute.agenda_item.number if minute.agenda_item_id else ""
        if minute.pk in public_ids:
            minutes.append(
                PublicMinute(
                    number=minute.number,
                    label=minute.label,
                    title=minute.title,
                    text=minute.text,
                    resolutions=minute.resolutions,
                    agenda_number=agenda_number,
                    votes=votes_by_minute.get(minute.pk, []),
                    version=minute.version,
                )
            )
        else:
            minutes.append(
                PublicMinute(
                    number=minute.number,
                    label=minute.label,
                    title=minute.title,
                    withheld=True,
                    exempt_paragraph=minute.agenda_item.exempt_paragraph,
                    agenda_number=agenda_number,
                )
            )
    return minutes, votes_by_minute.get(None, [])


def _attendees(meeting, member_ids: set[int]) -> dict[str, list[PublicAttendee]]:
    groups: dict[str, list[PublicAttendee]] = {status: [] for status in AttendanceStatus.values}
    attendances = (
        Attendance.objects.live()
        .filter(meeting=meeting)
        .select_related("person", "council", "substitute_for__person", "substitute_for__council")
        .order_by("order", "id")
    )
    for attendance in attendances:
        person = attendance.person
        substitute_for, council = "", ""
        if attendance.substitute_for_id:
            substitute_for = attendance.substitute_for.person.name
            council_obj = attendance.substitute_for.council or attendance.council
            council = council_obj.name if council_obj else ""
        groups[attendance.status].append(
            PublicAttendee(
                name=person.display_name,
                person_slug=person.slug if person.pk in member_ids else "",
                role=attendance.role_as_written
                or (person.role_title if attendance.status == AttendanceStatus.IN_ATTENDANCE else ""),
                substitute_for=substitute_for,
                substitute_for_council=council,
            )
        )
    return groups


def _declarations(meeting, member_ids: set[int]) -> list[PublicDeclaration]:
    declarations = (
        Declaration.objects.live()
        .filter(meeting=meeting)
        .select_related("person", "agenda_item")
        .only(
            "id",
            "meeting_id",
            "kind",
            "description",
            "person__id",
            "person__title",
            "person__name",
            "person__slug",
            "agenda_item__id",
            "agenda_item__number",
            "agenda_item__title",
        )
    )
    return [
        PublicDeclaration(
            name=d.person.display_name,
            person_slug=d.person.slug if d.person_id in member_ids else "",
            kind=d.get_kind_display(),
            description=d.description,
            agenda_number=d.agenda_item.number if d.agenda_item_id else "",
            agenda_title=d.agenda_item.title if d.agenda_item_id else "",
        )
        for d in declarations
    ]


def meeting_get_for_public(panel, slug: str) -> PublicMeeting:
    """One meeting of the panel as the public may see it. Raises Meeting.DoesNotExist (also when tombstoned).

    A fixed number of queries, however long the agenda, the minutes or the attendance list.
    """
    meeting = (
        Meeting.objects.live()
        .filter(panel=panel, slug=slug)
        .select_related("panel", "contact_officer", "panel__contact_officer")
        .get()
    )
    member_ids = set(Membership.objects.live().filter(panel=panel).order_by().values_list("person_id", flat=True))
    minutes, other_votes = _public_minutes(meeting, member_ids)
    groups = _attendees(meeting, member_ids)
    return PublicMeeting(
        meeting=meeting,
        contact_officer=meeting.contact_officer or meeting.panel.contact_officer,
        compliance=meeting_compliance(meeting),
        agenda=_public_agenda(meeting),
        present=groups[AttendanceStatus.PRESENT],
        substitutes=groups[AttendanceStatus.SUBSTITUTE],
        apologies=groups[AttendanceStatus.APOLOGIES],
        absent=groups[AttendanceStatus.ABSENT],
        also_attended=groups[AttendanceStatus.IN_ATTENDANCE],
        declarations_state=meeting.declarations_state,
        declarations=_declarations(meeting, member_ids),
        minutes=minutes,
        other_votes=other_votes,
    )


# The calendar feed ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarMeeting:
    """A meeting for the iCalendar feed: the agenda by number and title only (never descriptions)."""

    meeting: Meeting
    agenda: list[PublicAgendaItem]


def meetings_for_calendar(panel) -> list[CalendarMeeting]:
    """Every live meeting of the panel (cancelled ones too, so calendars can show the cancellation)."""
    titles_only = AgendaItem.objects.live().only(
        "id", "meeting_id", "order", "number", "title", "exempt", "exempt_paragraph", "released_at"
    )
    meetings = (
        Meeting.objects.live()
        .filter(panel=panel)
        .prefetch_related(Prefetch("agenda_items", queryset=titles_only.order_by("order", "id"), to_attr="agenda"))
        .order_by("start")
    )
    return [
        CalendarMeeting(
            meeting=meeting,
            agenda=[
                PublicAgendaItem(
                    number=item.number,
                    title=item.title,
                    exempt=item.exempt,
                    exempt_paragraph=item.exempt_paragraph,
                    released_at=item.released_at,
                )
                for item in meeting.agenda
            ],
        )
        for meeting in meetings
    ]
