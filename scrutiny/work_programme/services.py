"""Writes for the work programme app: actions, recommendations, work programme items, task groups and
champion roles.

Every write goes through `object_save` (or `object_tombstone`), so it is validated, audited and clears the
panel's public pages.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from scrutiny.core.cache import panel_pages_invalidate
from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record, object_save, object_tombstone
from scrutiny.documents.uploads import DOCX, PDF, CheckedUpload, upload_check

from .choices import ActionStatus, Frequency, ItemCategory, TaskGroupStatus
from .models import Action, ChampionRole, Recommendation, TaskGroup, WorkProgrammeItem
from .statutory_services import recommendation_record
from .statutory_services import recommendation_respond as recommendation_respond  # the staff pages' one door

# The regular items a panel takes at its meetings (West Mercia's work programme 2023/24, "Regular items").
REGULAR_ITEMS = [
    ("performance-report", "Police & Crime Plan Activity and Performance Monitoring Report", Frequency.EVERY_MEETING),
    (
        "budget-monitoring",
        "Quarterly budget monitoring (including key performance indicators)",
        Frequency.EVERY_MEETING,
    ),
    ("work-programme", "Work Programme", Frequency.EVERY_MEETING),
    ("complaints-annual-report", "Annual Report on Complaints", Frequency.ANNUALLY),
]


def _check_panel(action: Action) -> None:
    if action.due_meeting_id and action.due_meeting.panel_id != action.panel_id:
        raise ValidationError({"due_meeting": _("That meeting is another panel's.")})
    if action.minute_item_id and action.minute_item.meeting.panel_id != action.panel_id:
        raise ValidationError({"minute_item": _("That minute is another panel's.")})
    if action.evidence_paper_id and action.evidence_paper.agenda_item.meeting.panel_id != action.panel_id:
        raise ValidationError({"evidence_paper": _("That paper is another panel's.")})


# The stored name says what the file is, whatever the uploader called it: the content was judged, not the name.
EVIDENCE_EXTENSIONS = {PDF: ".pdf", DOCX: ".docx"}


def _evidence_checked(uploaded) -> CheckedUpload | None:
    """An evidence upload checked as a paper's would be (type by content, size, damage, zip bombs), or already
    checked by the form. Nothing is stored until every check has passed."""
    if uploaded is None:
        return None
    return uploaded if isinstance(uploaded, CheckedUpload) else upload_check(uploaded)


def _evidence_store(action: Action, checked: CheckedUpload | None) -> None:
    if checked is None:
        return
    stem = checked.original_name.rsplit(".", 1)[0] if "." in checked.original_name else checked.original_name
    name = f"{slugify(stem)[:150] or 'evidence'}{EVIDENCE_EXTENSIONS.get(checked.content_type, '')}"
    action.evidence_file.save(name, ContentFile(checked.content), save=False)


def _action_save(*, acting_user, action: Action, checked: CheckedUpload | None, verb: str) -> Action:
    """Validate, then store the evidence file (if any), then save: a refused action leaves no file behind."""
    _check_panel(action)
    if action.evidence_paper_id and (checked is not None or action.evidence_file):
        raise ValidationError({"evidence_paper": _("Give either a paper or a file in evidence, not both.")})
    action.full_clean()
    with transaction.atomic():
        _evidence_store(action, checked)
        return object_save(instance=action, acting_user=acting_user, verb=verb, panel_id=action.panel_id)


def action_create(
    *,
    acting_user,
    panel,
    description: str,
    owner_name: str,
    owner_email: str = "",
    minute_item=None,
    due_date: datetime.date | None = None,
    due_meeting=None,
    status: str = ActionStatus.OPEN,
    response: str = "",
    responded_on: datetime.date | None = None,
    evidence_paper=None,
    evidence_upload=None,
) -> Action:
    """Record something a minute says someone will do, with its owner and when it is due (a date, or by a
    meeting: the action is then due on the meeting's day). An action recorded late may already have its
    response and evidence: a paper to the panel, or a file (`evidence_upload`, checked like a paper)."""
    checked = _evidence_checked(evidence_upload)
    action = Action(
        panel=panel,
        minute_item=minute_item,
        description=description,
        owner_name=owner_name,
        owner_email=owner_email,
        due_date=due_date,
        due_meeting=due_meeting,
        status=status,
        response=response,
        responded_on=responded_on,
        evidence_paper=evidence_paper,
    )
    return _action_save(acting_user=acting_user, action=action, checked=checked, verb="action_create")


def action_update(
    *, acting_user, action: Action, evidence_upload=None, evidence_file_remove: bool = False, **fields
) -> Action:
    """Change an action: its words, owner, due date, status, response or evidence. A new due date or owner
    earns a new reminder. A new evidence file replaces the old one on the action (the old file is kept in
    storage, as the audit trail names it)."""
    checked = _evidence_checked(evidence_upload)
    for name, value in fields.items():
        setattr(action, name, value)
    if evidence_file_remove or checked is not None:
        action.evidence_file = ""
    if {"due_date", "due_meeting", "owner_email"} & fields.keys():
        action.reminder_sent_at = None
        action.overdue_notice_sent_at = None
    return _action_save(acting_user=acting_user, action=action, checked=checked, verb="action_update")


def action_complete(
    *, acting_user, action: Action, response: str, responded_on: datetime.date, evidence_paper=None
) -> Action:
    """Close an action with the owner's response, its date and (where there is one) the paper that shows it."""
    if not response.strip():
        raise ValidationError({"response": _("Say what the owner did.")})
    action.status = ActionStatus.DONE
    action.response = response
    action.responded_on = responded_on
    if evidence_paper is not None:  # closing without naming a paper keeps the evidence already recorded
        action.evidence_paper = evidence_paper
    return object_save(instance=action, acting_user=acting_user, verb="action_complete", panel_id=action.panel_id)


def action_drop(*, acting_user, action: Action, reason: str = "") -> Action:
    """Close an action that will not be done (overtaken by events, or the panel no longer wants it)."""
    action.status = ActionStatus.DROPPED
    if reason:
        action.response = reason
    return object_save(instance=action, acting_user=acting_user, verb="action_drop", panel_id=action.panel_id)


def work_programme_item_create(
    *, acting_user, panel, area: str, category: str, topic: str = "", meeting=None, planned_label: str = "", **fields
) -> WorkProgrammeItem:
    """Add an item to the work programme, for a meeting, a month label ('February 2024') or to be confirmed."""
    if meeting is not None and meeting.panel_id != panel.pk:
        raise ValidationError({"meeting": _("That meeting is another panel's.")})
    if "order" not in fields:
        fields["order"] = (WorkProgrammeItem.objects.filter(panel=panel).aggregate(m=Max("order"))["m"] or 0) + 1
    item = WorkProgrammeItem(
        panel=panel,
        meeting=meeting,
        planned_label=planned_label,
        area=area,
        topic=topic or slugify(area)[:100],
        category=category,
        **fields,
    )
    return object_save(instance=item, acting_user=acting_user, verb="work_programme_item_create", panel_id=panel.pk)


def work_programme_item_update(*, acting_user, item: WorkProgrammeItem, **fields) -> WorkProgrammeItem:
    """Change an item (its meeting, notes, recorded date of last report …)."""
    for name, value in fields.items():
        setattr(item, name, value)
    return object_save(
        instance=item, acting_user=acting_user, verb="work_programme_item_update", panel_id=item.panel_id
    )


def work_programme_item_drop(*, acting_user, item: WorkProgrammeItem, dropped: bool = True) -> WorkProgrammeItem:
    """Drop a regular item for its meeting (kept, marked dropped, so that proposing again does not bring it
    back), or restore it."""
    item.dropped = dropped
    return object_save(instance=item, acting_user=acting_user, verb="work_programme_item_drop", panel_id=item.panel_id)


def _annual_due(meeting, topic: str) -> bool:
    """An annual item is proposed when no meeting of the panel in the year before this one took it."""
    since = meeting.start - datetime.timedelta(days=365)
    return (
        not WorkProgrammeItem.objects.live()
        .filter(
            panel_id=meeting.panel_id,
            topic=topic,
            meeting__start__gt=since,
            meeting__start__lt=meeting.start,
            dropped=False,
        )
        .exists()
    )


def work_programme_propose(*, acting_user, meeting) -> list[WorkProgrammeItem]:
    """Propose the regular items for a scheduled meeting: those due (every meeting; annual ones once a year)
    and not yet on its programme. A dropped item counts as there, so the officer's choice stands."""
    with transaction.atomic():
        present = set(WorkProgrammeItem.objects.live().filter(meeting=meeting).values_list("topic", flat=True))
        created = []
        for topic, area, frequency in REGULAR_ITEMS:
            if topic in present:
                continue
            if frequency == Frequency.ANNUALLY and not _annual_due(meeting, topic):
                continue
            created.append(
                work_programme_item_create(
                    acting_user=acting_user,
                    panel=meeting.panel,
                    meeting=meeting,
                    area=area,
                    topic=topic,
                    category=ItemCategory.REGULAR,
                    frequency=frequency,
                )
            )
    return created


def _check_members(panel, members) -> list:
    members = list(members)
    if any(person.panel_id != panel.pk for person in members):
        raise ValidationError({"members": _("One of those people is on another panel.")})
    return members


def _members_set(*, acting_user, group: TaskGroup, members: list, verb: str) -> None:
    """Set a task group's members and audit the change (the audit of the group's own fields cannot see it)."""
    before = sorted(group.members.values_list("pk", flat=True))
    after = sorted(person.pk for person in members)
    if before == after:
        return
    group.members.set(members)
    audit_record(
        acting_user=acting_user,
        verb=verb,
        action=AuditEvent.Action.UPDATE,
        instance=group,
        panel_id=group.panel_id,
        changes={"members": [before, after]},
    )
    transaction.on_commit(lambda: panel_pages_invalidate(group.panel_id))


def task_group_create(
    *,
    acting_user,
    panel,
    topic: str,
    scope: str = "",
    members=(),
    proposed_at_minute=None,
    status: str = TaskGroupStatus.PROPOSED,
    findings: str = "",
) -> TaskGroup:
    """Set up a task group (or deep dive) on a topic, with its members."""
    members = _check_members(panel, members)
    if proposed_at_minute is not None and proposed_at_minute.meeting.panel_id != panel.pk:
        raise ValidationError({"proposed_at_minute": _("That minute is another panel's.")})
    group = TaskGroup(
        panel=panel, topic=topic, scope=scope, status=status, findings=findings, proposed_at_minute=proposed_at_minute
    )
    with transaction.atomic():
        object_save(instance=group, acting_user=acting_user, verb="task_group_create", panel_id=panel.pk)
        _members_set(acting_user=acting_user, group=group, members=members, verb="task_group_members_set")
    return group


def task_group_update(*, acting_user, group: TaskGroup, members=None, **fields) -> TaskGroup:
    """Record a task group's progress: its status, scope, findings or members (`members`, when given, is the
    whole new list)."""
    if members is not None:
        members = _check_members(group.panel, members)
    for name, value in fields.items():
        setattr(group, name, value)
    with transaction.atomic():
        object_save(instance=group, acting_user=acting_user, verb="task_group_update", panel_id=group.panel_id)
        if members is not None:
            _members_set(acting_user=acting_user, group=group, members=members, verb="task_group_members_set")
    return group


def champion_role_create(*, acting_user, panel, person, area: str) -> ChampionRole:
    """Name a member as the panel's champion for an area."""
    if person.panel_id != panel.pk:
        raise ValidationError({"person": _("That person is on another panel.")})
    role = ChampionRole(panel=panel, person=person, area=area)
    return object_save(instance=role, acting_user=acting_user, verb="champion_role_create", panel_id=panel.pk)


def champion_role_remove(*, acting_user, role: ChampionRole) -> ChampionRole:
    """End a champion role. The row stays as a tombstone, so the record shows who championed what."""
    return object_tombstone(instance=role, acting_user=acting_user, verb="champion_role_remove", panel_id=role.panel_id)


# ---------------------------------------------------------------- recommendations


def _check_minute(panel_id, minute_item) -> None:
    if minute_item is not None and minute_item.meeting.panel_id != panel_id:
        raise ValidationError({"minute_item": _("That minute is another panel's.")})


def recommendation_create(
    *,
    acting_user,
    panel,
    subject: str,
    text: str,
    made_on: datetime.date,
    minute_item=None,
    response_due: datetime.date | None = None,
) -> Recommendation:
    """Record a formal recommendation of the panel to the PCC, at the minute that made it. `response_due` only
    where statute sets a deadline for the PCC's response (see `statutory_services.recommendation_record`)."""
    _check_minute(panel.pk, minute_item)
    return recommendation_record(
        acting_user=acting_user,
        panel=panel,
        subject=subject,
        text=text,
        made_on=made_on,
        minute_item=minute_item,
        response_due=response_due,
    )


RECOMMENDATION_FIELDS = {"subject", "text", "made_on", "minute_item", "response_due"}


def recommendation_update(*, acting_user, recommendation: Recommendation, **fields) -> Recommendation:
    """Correct a recommendation's words, subject, date, minute or response deadline. The PCC's response is
    recorded with `recommendation_respond`, which checks it."""
    unknown = fields.keys() - RECOMMENDATION_FIELDS
    if unknown:
        raise TypeError(f"recommendation_update cannot change {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(recommendation, name, value)
    _check_minute(recommendation.panel_id, recommendation.minute_item)
    if recommendation.responded_on and recommendation.made_on and recommendation.responded_on < recommendation.made_on:
        raise ValidationError({"made_on": _("The recommendation cannot come after the PCC's response to it.")})
    return object_save(
        instance=recommendation,
        acting_user=acting_user,
        verb="recommendation_update",
        panel_id=recommendation.panel_id,
    )
