"""Reads across people, memberships and offices."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from scrutiny.meetings.choices import AttendanceStatus, MeetingStatus
from scrutiny.meetings.models import Attendance, Meeting

from .choices import MembershipKind, Office
from .models import Membership, OfficeHolder, Person
from .rules import Composition, composition_problems


def memberships_current_on(panel, day: date):
    """The panel's memberships in force on `day`, with person, council and the offices then held."""
    return (
        Membership.objects.current_on(day)
        .filter(panel=panel)
        .select_related("person", "council")
        .prefetch_related(Prefetch("offices", queryset=OfficeHolder.objects.current_on(day), to_attr="offices_held"))
        .order_by("person__sort_name", "person__name")
    )


def composition_on(panel, day: date, memberships=None) -> Composition:
    memberships = list(memberships if memberships is not None else memberships_current_on(panel, day))
    kinds = [m.kind for m in memberships]
    return Composition(
        local_authorities=panel.councils.live().count(),
        appointed_councillors=kinds.count(MembershipKind.APPOINTED),
        co_opted_councillors=kinds.count(MembershipKind.CO_OPTED_COUNCILLOR),
        independent_members=kinds.count(MembershipKind.INDEPENDENT),
    )


def panel_composition_problems(panel, day: date) -> list[str]:
    return composition_problems(composition_on(panel, day))


@dataclass(frozen=True)
class AttendanceRecord:
    """A member's attendance over the meetings held while they were a member."""

    expected: int
    present: int
    apologies_with_substitute: int
    apologies_without_substitute: int
    absent: int

    @property
    def percentage(self) -> int | None:
        """Present over expected, as a whole percentage; None when no meeting was expected."""
        if not self.expected:
            return None
        return round(100 * self.present / self.expected)


# Public pages ----------------------------------------------------------------------------------------------


def memberships_former(panel, day: date):
    """Memberships that had ended by `day`, of people who no longer sit on the panel, latest first.

    A person who left and came back is a current member, not a former one: their earlier terms are on their
    own page.
    """
    current_people = Membership.objects.current_on(day).filter(panel=panel).values("person_id")
    return (
        Membership.objects.live()
        .filter(panel=panel, end_date__lt=day, person__is_deleted=False)
        .exclude(person_id__in=current_people)
        .select_related("person", "council")
        .order_by("-end_date", "person__sort_name", "person__name")
    )


@dataclass(frozen=True)
class MembershipSummary:
    """The panel's current membership at a glance: seats by kind and who holds the offices."""

    appointed_councillors: int
    co_opted_councillors: int
    independent_members: int
    chairman: Membership | None
    vice_chairman: Membership | None

    @property
    def total(self) -> int:
        return self.appointed_councillors + self.co_opted_councillors + self.independent_members


def membership_summary(memberships) -> MembershipSummary:
    """Summarise memberships from `memberships_current_on` (their `offices_held` already fetched): no queries."""
    memberships = list(memberships)
    kinds = [m.kind for m in memberships]

    def holder(office: str) -> Membership | None:
        return next((m for m in memberships if any(o.office == office for o in m.offices_held)), None)

    return MembershipSummary(
        appointed_councillors=kinds.count(MembershipKind.APPOINTED),
        co_opted_councillors=kinds.count(MembershipKind.CO_OPTED_COUNCILLOR),
        independent_members=kinds.count(MembershipKind.INDEPENDENT),
        chairman=holder(Office.CHAIRMAN),
        vice_chairman=holder(Office.VICE_CHAIRMAN),
    )


def person_get_for_public(panel, slug: str) -> Person:
    """A member or former member of the panel; Person.DoesNotExist for anyone else (officers, guests,
    substitutes who never held a seat) and for a tombstoned person."""
    return (
        Person.objects.live()
        .filter(panel=panel, slug=slug)
        .filter(Exists(Membership.objects.live().filter(person=OuterRef("pk"))))
        .get()
    )


def person_memberships(person):
    """Every term the person has served, oldest first, with council and the offices held in each."""
    return (
        Membership.objects.live()
        .filter(person=person)
        .select_related("council")
        .prefetch_related(
            Prefetch("offices", queryset=OfficeHolder.objects.live().order_by("start_date"), to_attr="offices_all")
        )
        .order_by(F("start_date").asc(nulls_first=True), "pk")
    )


class AttendanceOutcome(models.TextChoices):
    """What the record says of a member at one meeting they were expected at."""

    PRESENT = "present", _("Present")
    APOLOGIES_WITH_SUBSTITUTE = "apologies_substituted", _("Apologies, with a substitute")
    APOLOGIES = "apologies", _("Apologies")
    ABSENT = "absent", _("Absent")
    NOT_RECORDED = "not_recorded", _("Not recorded as present or sending apologies")


@dataclass(frozen=True)
class ExpectedMeeting:
    """One meeting held while the person was a member, and what the record says of them there."""

    meeting: object
    outcome: str
    substitute: Person | None = None

    @property
    def outcome_label(self) -> str:
        return AttendanceOutcome(self.outcome).label


def _held_meetings_q(now):
    """Held meetings: marked held, or in the past and not cancelled (the status is often left unchanged)."""
    return Q(status=MeetingStatus.HELD) | (Q(start__lt=now) & ~Q(status=MeetingStatus.CANCELLED))


def _within_memberships_q(memberships) -> Q | None:
    """Meetings on a day within any of the memberships; None where one membership has no bounds at all.

    A membership without a start date counts from the first recorded meeting, that is, it has no lower bound.
    """
    within = None
    for membership in memberships:
        bounds = {}
        if membership.start_date:
            bounds["start__date__gte"] = membership.start_date
        if membership.end_date:
            bounds["start__date__lte"] = membership.end_date
        if not bounds:
            return None
        within = Q(**bounds) if within is None else within | Q(**bounds)
    return within


def member_attendance(person, memberships=None) -> list[ExpectedMeeting]:
    """The meetings held while `person` was a member and whose attendance is recorded, latest first, each with
    its outcome. Three queries at
    most (two when `memberships` is given), however long the member's service."""
    memberships = (
        list(memberships) if memberships is not None else list(Membership.objects.live().filter(person=person))
    )
    if not memberships:
        return []
    # Only meetings whose attendance is recorded: a held meeting whose minutes are not yet in says nothing
    # about who came, and must not count against anyone.
    recorded = Attendance.objects.filter(meeting=OuterRef("pk"), is_deleted=False)
    meetings = (
        Meeting.objects.live()
        .filter(panel_id=person.panel_id)
        .filter(_held_meetings_q(timezone.now()))
        .filter(Exists(recorded))
    )
    within = _within_memberships_q(memberships)
    if within is not None:
        meetings = meetings.filter(within)
    meetings = meetings.only("id", "panel_id", "slug", "start", "status", "kind").order_by("-start")
    membership_ids = [m.pk for m in memberships]
    attendances = (
        Attendance.objects.live()
        .filter(meeting__in=meetings.values("pk"))
        .filter(Q(person=person) | Q(status=AttendanceStatus.SUBSTITUTE, substitute_for_id__in=membership_ids))
        .select_related("person")
    )
    own: dict[int, str] = {}
    substitutes: dict[int, Person] = {}
    for attendance in attendances:
        if attendance.person_id == person.pk:
            own[attendance.meeting_id] = attendance.status
        else:
            substitutes.setdefault(attendance.meeting_id, attendance.person)

    rows = []
    for meeting in list(meetings):
        status = own.get(meeting.pk)
        substitute = None
        if status == AttendanceStatus.PRESENT:
            outcome = AttendanceOutcome.PRESENT
        elif status == AttendanceStatus.APOLOGIES and meeting.pk in substitutes:
            outcome, substitute = AttendanceOutcome.APOLOGIES_WITH_SUBSTITUTE, substitutes[meeting.pk]
        elif status == AttendanceStatus.APOLOGIES:
            outcome = AttendanceOutcome.APOLOGIES
        elif status == AttendanceStatus.ABSENT:
            outcome = AttendanceOutcome.ABSENT
        else:
            outcome = AttendanceOutcome.NOT_RECORDED
        rows.append(ExpectedMeeting(meeting=meeting, outcome=outcome, substitute=substitute))
    return rows


def attendance_record_from(rows: list[ExpectedMeeting]) -> AttendanceRecord:
    """Count the outcomes. `absent` includes meetings where the record has the member neither present nor
    sending apologies (an absence the minutes imply by leaving the name out)."""
    outcomes = [row.outcome for row in rows]
    return AttendanceRecord(
        expected=len(outcomes),
        present=outcomes.count(AttendanceOutcome.PRESENT),
        apologies_with_substitute=outcomes.count(AttendanceOutcome.APOLOGIES_WITH_SUBSTITUTE),
        apologies_without_substitute=outcomes.count(AttendanceOutcome.APOLOGIES),
        absent=outcomes.count(AttendanceOutcome.ABSENT) + outcomes.count(AttendanceOutcome.NOT_RECORDED),
    )


def member_attendance_record(person, memberships=None) -> AttendanceRecord:
    """A member's attendance over the meetings held while they were a member, in a constant number of queries."""
    return attendance_record_from(member_attendance(person, memberships))
