"""The officer's working week: building the agenda, publishing it, recording the day and the minutes' life.

These services sit on top of `scrutiny.meetings.services` (one write per entity) and add the workflow's rules:
what publication records and when it must be refused, and the lock on confirmed minutes. Like every service
they validate, save inside a transaction and leave an audit event.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record, object_save, object_tombstone
from scrutiny.documents.choices import PackKind, PaperStatus
from scrutiny.documents.models import Paper, Publication
from scrutiny.documents.packs import pack_build_request
from scrutiny.members.models import Person
from scrutiny.members.services import person_create

from .choices import AttendanceStatus, MeetingStatus, MinutesStatus
from .models import AgendaItem, Meeting, MinuteItem, MinuteItemVersion
from .rules import (
    LONDON,
    clear_days_between,
    latest_publication_date,
    meeting_participation_deadline,
    required_clear_days,
)
from .services import (
    agenda_item_create,
    agenda_item_update,
    attendance_record,
    declaration_record,
    declarations_none_record,
    minute_item_create,
    minute_item_update,
)

PLAIN_NUMBER = re.compile(r"^\d+$")

# Items 1 to 4 of the standard opening business (welcome, substitutes, apologies and declarations, public
# participation) are oral: they need no paper.
ORAL_ITEM_NUMBERS = {"1", "2", "3", "4"}


def london_today() -> date:
    """Today in the UK: an agenda issued at 00.30 BST on the 5th was issued on the 5th."""
    return timezone.localtime(timezone.now(), LONDON).date()


def meeting_day(meeting: Meeting) -> date:
    return timezone.localtime(meeting.start, LONDON).date()


# Agenda ------------------------------------------------------------------------------------------------------


def _live_items(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.live().order_by("order", "id"))


def _renumber(*, acting_user, items: list[AgendaItem]) -> None:
    """Give every item its place in the order (1, 2, 3 …), leaving printed numbers like '5a' alone."""
    for position, item in enumerate(items, start=1):
        changes = {}
        if item.order != position:
            changes["order"] = position
        if PLAIN_NUMBER.match(item.number) and item.number != str(position):
            changes["number"] = str(position)
        if changes:
            agenda_item_update(acting_user=acting_user, item=item, **changes)


def agenda_item_move(*, acting_user, item: AgendaItem, direction: str) -> AgendaItem:
    """Move an item one place up or down the agenda; plainly numbered items are renumbered to their place."""
    if direction not in ("up", "down"):
        raise ValidationError("Say whether to move the item up or down.")
    with transaction.atomic():
        items = _live_items(item.meeting)
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index - 1 if direction == "up" else index + 1
        if not 0 <= target < len(items):
            raise ValidationError(
                _("This item is already at the %(end)s of the agenda.")
                % {"end": _("top") if direction == "up" else _("bottom")}
            )
        items[index], items[target] = items[target], items[index]
        _renumber(acting_user=acting_user, items=items)
    item.refresh_from_db()
    return item


def agenda_item_remove(*, acting_user, item: AgendaItem) -> AgendaItem:
    """Remove an item by tombstone and close the gap in the numbering."""
    with transaction.atomic():
        object_tombstone(
            instance=item,
            acting_user=acting_user,
            verb="agenda_item_delete",
            panel_id=item.meeting.panel_id,
            parents=[item.meeting],
        )
        _renumber(acting_user=acting_user, items=_live_items(item.meeting))
    return item


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The panel's last meeting before this one that was not cancelled: its minutes come up for confirmation."""
    return (
        Meeting.objects.live()
        .filter(panel_id=meeting.panel_id, start__lt=meeting.start)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-start")
        .first()
    )


def standard_items(meeting: Meeting) -> list[dict]:
    """The opening business of every ordinary meeting, worded as West Mercia prints it."""
    deadline = meeting_participation_deadline(meeting)
    participation = _(
        "Members of the public may ask a question or make a statement about an item on this agenda. Write to or "
        "email the contact officer by %(time)s on %(day)s, saying what you want to raise."
    ) % {"time": deadline.strftime("%-I.%M%p").lower().replace(".00", ""), "day": f"{deadline:%A %-d %B %Y}"}
    previous = previous_meeting(meeting)
    if previous is not None:
        minutes = _("To confirm as a correct record the minutes of the meeting held on %(day)s.") % {
            "day": f"{timezone.localtime(previous.start, LONDON):%-d %B %Y}"
        }
    else:
        minutes = _("To confirm as a correct record the minutes of the previous meeting.")
    return [
        {"title": _("Welcome and Introductions"), "description": ""},
        {
            "title": _("Named Substitutes"),
            "description": _("To receive the names of any substitutes attending for members of the panel."),
        },
        {
            "title": _("Apologies and Declarations of Interest"),
            "description": _("To receive apologies for absence and any declarations of interest."),
        },
        {"title": _("Public Participation"), "description": participation},
        {"title": _("Confirmation of the Minutes"), "description": minutes},
    ]


def agenda_standard_items_add(*, acting_user, meeting: Meeting) -> list[AgendaItem]:
    """Put the standard opening items at the top of the agenda, skipping any already there by title.

    The items already on the agenda move down first, so that every item is written once with its final number.
    """
    with transaction.atomic():
        existing = _live_items(meeting)
        titles = {item.title.casefold() for item in existing}
        wanted = [spec for spec in standard_items(meeting) if spec["title"].casefold() not in titles]
        if not wanted:
            return []
        for position, item in enumerate(reversed(existing)):
            place = len(wanted) + len(existing) - position
            changes = {"order": place}
            if PLAIN_NUMBER.match(item.number):
                changes["number"] = str(place)
            if any(getattr(item, name) != value for name, value in changes.items()):
                agenda_item_update(acting_user=acting_user, item=item, **changes)
        return [
            agenda_item_create(acting_user=acting_user, meeting=meeting, number=str(place), order=place, **spec)
            for place, spec in enumerate(wanted, start=1)
        ]


# Publication -------------------------------------------------------------------------------------------------


def _publishable_papers(meeting: Meeting):
    """The papers the public may read: accepted, current (not superseded by a newer version), on a live item,
    not exempt (or since released)."""
    return (
        Paper.objects.live()
        .filter(agenda_item__meeting=meeting, agenda_item__is_deleted=False, status=PaperStatus.ACCEPTED)
        .filter(superseded_by__isnull=True)
        .filter(Q(exempt=False) | Q(released_at__isnull=False))
        .filter(Q(agenda_item__exempt=False) | Q(agenda_item__released_at__isnull=False))
        .select_related("agenda_item")
    )


@dataclass
class PublicationPlan:
    """What publishing now would do: the first issue or a supplement, its papers and its clear days."""

    supplementary: bool
    issue_date: date
    clear_days: int
    required_clear_days: int
    latest_date: date
    papers: list = field(default_factory=list)

    @property
    def short_notice(self) -> bool:
        return self.clear_days < self.required_clear_days


def publication_plan(meeting: Meeting, *, today: date | None = None) -> PublicationPlan:
    """What `agenda_publish` would record if run today; the page shows it before the officer confirms."""
    today = today or london_today()
    panel = meeting.panel
    day = meeting_day(meeting)
    required = required_clear_days(panel.nation)
    earlier = list(meeting.publications.order_by("published_at", "id"))
    papers = list(_publishable_papers(meeting))
    if earlier:
        # A published paper is never changed in place (documents.services.paper_update refuses): a change is a
        # new version, a new paper. So "added or changed since" is exactly "not yet in any publication".
        published = set(
            Publication.papers.through.objects.filter(publication__in=earlier).values_list("paper_id", flat=True)
        )
        papers = [p for p in papers if p.pk not in published]
    return PublicationPlan(
        supplementary=bool(earlier),
        issue_date=today,
        clear_days=clear_days_between(today, day, panel.clear_days_mode),
        required_clear_days=required,
        latest_date=latest_publication_date(day, required, panel.clear_days_mode),
        papers=papers,
    )


def agenda_publish(*, acting_user, meeting: Meeting, urgency_reason: str = "", today: date | None = None):
    """Publish the agenda (LGA 1972 s100B): record the date of issue and what went out, and when.

    The first publication fixes the date of issue. Fewer clear days than the rule requires is allowed only
    with a recorded reason for the urgency, which the public meeting page shows. Publishing again issues a
    supplementary agenda listing only the papers added or changed since; earlier records are never rewritten.
    Each publication queues the build of its own pack (see `documents.tasks.pack_build_run`).
    """
    plan = publication_plan(meeting, today=today)
    urgency_reason = urgency_reason.strip()
    if plan.short_notice and not urgency_reason:
        raise ValidationError(
            {
                "urgency_reason": _(
                    "Published today the agenda gives %(clear)s clear days; %(required)s are required. "
                    "Give the reason the meeting cannot wait."
                )
                % {"clear": plan.clear_days, "required": plan.required_clear_days}
            }
        )
    if plan.supplementary and not plan.papers:
        raise ValidationError(_("No paper has been added or changed since the agenda was last published."))
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."))
    with transaction.atomic():
        if not plan.supplementary:
            meeting.date_of_issue = plan.issue_date
            if plan.short_notice:
                meeting.urgency_reason = urgency_reason
            object_save(instance=meeting, acting_user=acting_user, verb="agenda_publish", panel_id=meeting.panel_id)
        publication = Publication(
            meeting=meeting,
            supplementary=plan.supplementary,
            published_at=timezone.now(),
            # The day the issue is dated, as the meeting's date of issue is for the first: `today` when given
            # (an agenda recorded after the event), so a supplement's front sheet prints its own day of issue.
            date_of_issue=plan.issue_date,
            published_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            clear_days=plan.clear_days,
            required_clear_days=plan.required_clear_days,
            urgency_reason=urgency_reason if plan.short_notice else "",
        )
        publication.full_clean()
        publication.save()
        publication.papers.set(plan.papers)
        audit_record(
            acting_user=acting_user,
            verb="agenda_publish_supplementary" if plan.supplementary else "agenda_publish",
            action=AuditEvent.Action.CREATE,
            instance=publication,
            panel_id=meeting.panel_id,
            changes={
                "papers": [None, [p.pk for p in plan.papers]],
                "clear_days": [None, plan.clear_days],
                **({"urgency_reason": [None, urgency_reason]} if plan.short_notice else {}),
            },
        )
        # Its pack is built after commit and linked to it when done: the agenda pack of the first issue, a
        # supplementary pack of only the new papers for a later one (the published pack is never rebuilt).
        pack_build_request(
            meeting=meeting,
            kind=PackKind.SUPPLEMENTARY if plan.supplementary else PackKind.PUBLIC,
            acting_user=acting_user,
            publication=publication,
        )
    return publication


# The day itself ----------------------------------------------------------------------------------------------


@dataclass
class MemberAttendance:
    """One current member's row on the record-the-day form."""

    membership: object
    status: str
    substitute: object = None
    council: object = None


@dataclass
class AlsoAttended:
    name: str
    role_as_written: str = ""


@dataclass
class DeclarationRow:
    person: object
    kind: str
    description: str
    agenda_item: object = None


def meeting_day_record(
    *,
    acting_user,
    meeting: Meeting,
    members: list[MemberAttendance],
    also_attended: list[AlsoAttended] = (),
    declarations: list[DeclarationRow] = (),
    no_declarations: bool = False,
):
    """Record who came, who stood in for whom, who else attended, and the declarations, in one go.

    A substitute no longer named for a member is withdrawn (tombstoned), so that saving the form again records
    what the officer now says happened. Rules on substitutes are judged by `meeting_checks`, never refused.
    """
    if no_declarations and declarations:
        raise ValidationError(_("Either record the declarations or say there were none, not both."))
    with transaction.atomic():
        named_substitutes = set()
        for row in members:
            attendance_record(acting_user=acting_user, meeting=meeting, person=row.membership.person, status=row.status)
            if row.substitute is not None:
                if row.substitute.pk == row.membership.person_id:
                    raise ValidationError(_("%(name)s cannot substitute for themselves.") % {"name": row.substitute})
                named_substitutes.add(row.substitute.pk)
                attendance_record(
                    acting_user=acting_user,
                    meeting=meeting,
                    person=row.substitute,
                    status=AttendanceStatus.SUBSTITUTE,
                    substitute_for=row.membership,
                    council=row.council,
                )
        stale = (
            meeting.attendances.live()
            .filter(status=AttendanceStatus.SUBSTITUTE)
            .exclude(person_id__in=named_substitutes)
        )
        for attendance in stale:
            object_tombstone(
                instance=attendance,
                acting_user=acting_user,
                verb="attendance_withdraw",
                panel_id=meeting.panel_id,
                parents=[meeting],
            )
        for row in also_attended:
            person = Person.objects.live().filter(
                panel_id=meeting.panel_id, name__iexact=row.name.strip()
            ).first() or person_create(acting_user=acting_user, panel=meeting.panel, name=row.name.strip())
            attendance_record(
                acting_user=acting_user,
                meeting=meeting,
                person=person,
                status=AttendanceStatus.IN_ATTENDANCE,
                role_as_written=row.role_as_written,
            )
        for row in declarations:
            declaration_record(
                acting_user=acting_user,
                meeting=meeting,
                person=row.person,
                kind=row.kind,
                description=row.description,
                agenda_item=row.agenda_item,
            )
        if no_declarations:
            declarations_none_record(acting_user=acting_user, meeting=meeting)
    return meeting


# Minutes -----------------------------------------------------------------------------------------------------


def _refuse_if_confirmed(meeting: Meeting) -> None:
    if meeting.minutes_status == MinutesStatus.CONFIRMED:
        raise ValidationError(
            _("These minutes were confirmed as a correct record; change them only by a recorded correction.")
        )


def minute_item_draft(*, acting_user, meeting: Meeting, title: str, **fields) -> MinuteItem:
    """Add a minute to draft minutes, numbered by the panel's scheme (`next_minute_number`)."""
    _refuse_if_confirmed(meeting)
    return minute_item_create(acting_user=acting_user, meeting=meeting, title=title, **fields)


def minute_item_edit(*, acting_user, item: MinuteItem, **fields) -> MinuteItem:
    """Change a draft minute. Confirmed minutes are locked: they change only by `minute_item_correct`."""
    _refuse_if_confirmed(item.meeting)
    if fields.get("agenda_item") is not None and fields["agenda_item"].meeting_id != item.meeting_id:
        raise ValidationError("That item is on another meeting's agenda.")
    return minute_item_update(acting_user=acting_user, item=item, **fields)


def minutes_confirm(*, meeting: Meeting, at_meeting: Meeting, acting_user) -> Meeting:
    """Record that a later meeting confirmed these minutes as a correct record; they are locked from then."""
    _refuse_if_confirmed(meeting)
    if at_meeting.panel_id != meeting.panel_id or at_meeting.is_deleted:
        raise ValidationError(_("Choose one of this panel's meetings."))
    if at_meeting.start <= meeting.start:
        raise ValidationError(_("Minutes are confirmed at a later meeting."))
    if not meeting.minute_items.live().exists():
        raise ValidationError(_("There are no minutes to confirm."))
    meeting.minutes_status = MinutesStatus.CONFIRMED
    meeting.minutes_confirmed_at = timezone.now()
    meeting.minutes_confirmed_at_meeting = at_meeting
    return object_save(instance=meeting, acting_user=acting_user, verb="minutes_confirm", panel_id=meeting.panel_id)


def minute_item_correct(
    *,
    item: MinuteItem,
    reason: str,
    acting_user,
    title: str | None = None,
    text: str | None = None,
    resolutions: str | None = None,
) -> MinuteItem:
    """Correct a confirmed minute: the old wording is kept as a version, the new one is marked corrected."""
    if item.meeting.minutes_status != MinutesStatus.CONFIRMED:
        raise ValidationError(_("These minutes are still a draft: change them directly."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the correction.")})
    new = {"title": title, "text": text, "resolutions": resolutions}
    new = {name: value for name, value in new.items() if value is not None and value != getattr(item, name)}
    if not new:
        raise ValidationError(_("Nothing was changed."))
    with transaction.atomic():
        MinuteItemVersion.objects.create(
            minute_item=item,
            version=item.version,
            title=item.title,
            text=item.text,
            resolutions=item.resolutions,
            replaced_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            reason=reason.strip(),
        )
        for name, value in new.items():
            setattr(item, name, value)
        item.version += 1
        object_save(
            instance=item,
            acting_user=acting_user,
            verb="minute_item_correct",
            panel_id=item.meeting.panel_id,
            parents=[item.meeting],
        )
    return item


# Before publication ------------------------------------------------------------------------------------------


def publication_checklist(meeting: Meeting, items: list[AgendaItem], *, today: date | None = None) -> list[str]:
    """What still stands between the agenda and a lawful, complete publication. `items` carry `live_papers`."""
    problems = []
    for item in items:
        papers = item.live_papers
        if not papers and item.number not in ORAL_ITEM_NUMBERS:
            problems.append(
                _("Item %(number)s, %(title)s, has no paper.") % {"number": item.number, "title": item.title}
            )
        for paper in papers:
            if paper.status != PaperStatus.ACCEPTED:
                problems.append(
                    _("The paper “%(paper)s” on item %(number)s is not yet accepted (%(status)s).")
                    % {"paper": paper.title, "number": item.number, "status": paper.get_status_display().lower()}
                )
    if meeting.date_of_issue is None:
        problems.append(_("The agenda has not been published: there is no date of issue."))
        plan = publication_plan(meeting, today=today)
        if plan.short_notice:
            problems.append(
                _(
                    "Published today, the agenda would give %(clear)s clear days; %(required)s are required. "
                    "The last day to publish with full notice was %(latest)s."
                )
                % {
                    "clear": plan.clear_days,
                    "required": plan.required_clear_days,
                    "latest": f"{plan.latest_date:%A %-d %B %Y}",
                }
            )
    else:
        panel = meeting.panel
        required = required_clear_days(panel.nation)
        clear = clear_days_between(meeting.date_of_issue, meeting_day(meeting), panel.clear_days_mode)
        if clear < required:
            problems.append(
                _("The agenda was issued %(clear)s clear days before the meeting; %(required)s are required.")
                % {"clear": clear, "required": required}
            )
    return problems
