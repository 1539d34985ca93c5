"""Writes to meetings, their agenda, attendance, declarations, minutes and votes.

Each service validates, saves in a transaction, records an audit event and touches the meeting, so that
the meeting's `modified` time moves whenever anything on it changes.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from scrutiny.core.models import AuditEvent
from scrutiny.core.services import object_save, object_tombstone
from scrutiny.panels.choices import MinuteNumbering

from .choices import AttendanceStatus, DeclarationsState, VoteKind
from .models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem, Nomination, Vote

# Meetings ------------------------------------------------------------------------------------------------


def _meeting_slug(panel, start: datetime, exclude_pk=None) -> str:
    """The date, with -2, -3 … when the panel already meets that day, so that addresses stay unique."""
    base = timezone.localtime(start).date().isoformat()
    taken = set(
        Meeting.objects.filter(panel=panel, slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def meeting_create(*, acting_user, panel, start: datetime, venue: str, **fields) -> Meeting:
    """Schedule a meeting of the panel."""
    meeting = Meeting(panel=panel, start=start, venue=venue, slug=_meeting_slug(panel, start), **fields)
    return object_save(
        instance=meeting, acting_user=acting_user, verb="meeting_create", panel_id=panel.pk, parents=[panel]
    )


def meeting_update(*, acting_user, meeting: Meeting, **fields) -> Meeting:
    """Change a meeting's details; a new date gives it a new date-based address."""
    # Compare with the stored date, not the instance's: a caller (a form) may already have changed `start`.
    stored = Meeting.objects.filter(pk=meeting.pk).values_list("start", flat=True).first() or meeting.start
    old_date = timezone.localtime(stored).date()
    for name, value in fields.items():
        setattr(meeting, name, value)
    if timezone.localtime(meeting.start).date() != old_date:
        meeting.slug = _meeting_slug(meeting.panel, meeting.start, exclude_pk=meeting.pk)
    return object_save(instance=meeting, acting_user=acting_user, verb="meeting_update", panel_id=meeting.panel_id)


def meeting_delete(*, acting_user, meeting: Meeting) -> Meeting:
    return object_tombstone(instance=meeting, acting_user=acting_user, verb="meeting_delete", panel_id=meeting.panel_id)


# Agenda ---------------------------------------------------------------------------------------------------


def agenda_item_create(*, acting_user, meeting: Meeting, number: str, title: str, **fields) -> AgendaItem:
    """Add an item of business. An exempt item must name its Schedule 12A paragraph and reason."""
    if "order" not in fields:
        last = meeting.agenda_items.aggregate(m=Max("order"))["m"]
        fields["order"] = (last or 0) + 1
    item = AgendaItem(meeting=meeting, number=number, title=title, **fields)
    return object_save(
        instance=item, acting_user=acting_user, verb="agenda_item_create", panel_id=meeting.panel_id, parents=[meeting]
    )


def agenda_item_update(*, acting_user, item: AgendaItem, **fields) -> AgendaItem:
    for name, value in fields.items():
        setattr(item, name, value)
    return object_save(
        instance=item,
        acting_user=acting_user,
        verb="agenda_item_update",
        panel_id=item.meeting.panel_id,
        parents=[item.meeting],
    )


def agenda_item_release(*, acting_user, item: AgendaItem) -> AgendaItem:
    """Release an exempt item: the public interest in keeping it exempt no longer outweighs disclosure
    (LGA 1972 Sch 12A para 10). The item becomes public and the release is audited."""
    if not item.exempt:
        raise ValidationError("Only an exempt item can be released.")
    if item.released_at:
        raise ValidationError("This item has already been released.")
    item.released_at = timezone.now()
    return object_save(
        instance=item,
        acting_user=acting_user,
        verb="agenda_item_release",
        action=AuditEvent.Action.RELEASE,
        panel_id=item.meeting.panel_id,
        parents=[item.meeting],
    )


def agenda_item_delete(*, acting_user, item: AgendaItem) -> AgendaItem:
    return object_tombstone(
        instance=item,
        acting_user=acting_user,
        verb="agenda_item_delete",
        panel_id=item.meeting.panel_id,
        parents=[item.meeting],
    )


# Attendance and declarations -------------------------------------------------------------------------------


def attendance_record(*, acting_user, meeting: Meeting, person, status: str, **fields) -> Attendance:
    """Record one person's attendance; recording again replaces what was recorded before.

    Rules on who may attend or substitute are checked by `meeting_checks`, which warns: the record
    shows what happened, even where it broke a rule.
    """
    if person.panel_id != meeting.panel_id:
        raise ValidationError("This person belongs to another panel.")
    attendance = meeting.attendances.live().filter(person=person).first() or Attendance(meeting=meeting, person=person)
    attendance.status = status
    for name, value in fields.items():
        setattr(attendance, name, value)
    if status != AttendanceStatus.SUBSTITUTE:
        attendance.substitute_for = None
    if not attendance.order:
        last = meeting.attendances.aggregate(m=Max("order"))["m"]
        attendance.order = (last or 0) + 1
    return object_save(
        instance=attendance,
        acting_user=acting_user,
        verb="attendance_record",
        panel_id=meeting.panel_id,
        parents=[meeting],
    )


def declarations_none_record(*, acting_user, meeting: Meeting) -> Meeting:
    """Record that no member declared an interest: a fact, not an absence of rows."""
    if meeting.declarations.live().exists():
        raise ValidationError("Declarations are recorded for this meeting; withdraw them first.")
    meeting.declarations_state = DeclarationsState.NONE
    return object_save(
        instance=meeting, acting_user=acting_user, verb="declarations_none_record", panel_id=meeting.panel_id
    )


def declaration_record(*, acting_user, meeting: Meeting, person, kind: str, description: str, agenda_item=None):
    """Record a declaration of interest, on an item where one is named."""
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That item is on another meeting's agenda.")
    with transaction.atomic():
        declaration = object_save(
            instance=Declaration(
                meeting=meeting, person=person, kind=kind, description=description, agenda_item=agenda_item
            ),
            acting_user=acting_user,
            verb="declaration_record",
            panel_id=meeting.panel_id,
            parents=[meeting],
        )
        if meeting.declarations_state != DeclarationsState.RECORDED:
            meeting.declarations_state = DeclarationsState.RECORDED
            object_save(instance=meeting, acting_user=acting_user, verb="declaration_record", panel_id=meeting.panel_id)
    return declaration


# Minutes ---------------------------------------------------------------------------------------------------


def next_minute_number(meeting: Meeting) -> tuple[int, str]:
    """The next minute number and its printed label under the panel's numbering scheme.

    Continuous numbering runs on across meetings (West Mercia's 472-485, then 486); per-meeting numbering
    restarts at 1; per-year numbering restarts each calendar year and prints as 23/45.
    """
    panel = meeting.panel
    live = MinuteItem.objects.live().filter(meeting__panel=panel, meeting__is_deleted=False)
    year = timezone.localtime(meeting.start).year
    if panel.minute_numbering == MinuteNumbering.PER_MEETING:
        highest = live.filter(meeting=meeting).aggregate(m=Max("number"))["m"]
        number = (highest or 0) + 1
        return number, str(number)
    if panel.minute_numbering == MinuteNumbering.PER_YEAR:
        highest = live.filter(meeting__start__year=year).aggregate(m=Max("number"))["m"]
        number = (highest or 0) + 1
        return number, f"{year % 100:02d}/{number}"
    earlier = live.filter(meeting__start__lte=meeting.start)
    highest = earlier.aggregate(m=Max("number"))["m"]
    number = (highest + 1) if highest is not None else panel.first_minute_number
    return number, str(number)


def minute_item_create(*, acting_user, meeting: Meeting, title: str, number: int | None = None, **fields) -> MinuteItem:
    """Add a minute, numbered by the panel's scheme unless the number is given (as when loading records)."""
    given_label = fields.pop("label", None)
    if number is None:
        if given_label:
            raise ValidationError("Give the minute's number with its printed label.")
        number, label = next_minute_number(meeting)
    else:
        label = given_label or str(number)
    if "order" not in fields:
        last = meeting.minute_items.aggregate(m=Max("order"))["m"]
        fields["order"] = (last or 0) + 1
    agenda_item = fields.get("agenda_item")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That item is on another meeting's agenda.")
    item = MinuteItem(meeting=meeting, number=number, label=label, title=title, **fields)
    return object_save(
        instance=item, acting_user=acting_user, verb="minute_item_create", panel_id=meeting.panel_id, parents=[meeting]
    )


def minute_item_update(*, acting_user, item: MinuteItem, **fields) -> MinuteItem:
    for name, value in fields.items():
        setattr(item, name, value)
    return object_save(
        instance=item,
        acting_user=acting_user,
        verb="minute_item_update",
        panel_id=item.meeting.panel_id,
        parents=[item.meeting],
    )


def vote_record(
    *, acting_user, meeting: Meeting, kind: str, result: str, nominees=(), elected=None, minute_item=None, **fields
) -> Vote:
    """Record an election (nominees, who was elected) or a vote on a motion, with counts where recorded."""
    if kind == VoteKind.ELECTION and elected is not None and elected not in nominees:
        raise ValidationError("The person elected must be among the nominees.")
    with transaction.atomic():
        vote = object_save(
            instance=Vote(meeting=meeting, kind=kind, result=result, minute_item=minute_item, **fields),
            acting_user=acting_user,
            verb="vote_record",
            panel_id=meeting.panel_id,
            parents=[meeting],
        )
        for person in nominees:
            object_save(
                instance=Nomination(vote=vote, person=person, elected=person == elected),
                acting_user=acting_user,
                verb="vote_record",
                panel_id=meeting.panel_id,
            )
    return vote
