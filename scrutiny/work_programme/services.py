"""Writes for the work programme app: actions, work programme items, task groups and champion roles.

Every write goes through `object_save`, so it is validated, audited and clears the panel's public pages.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from scrutiny.core.services import object_save

from .choices import ActionStatus, Frequency, ItemCategory
from .models import Action, ChampionRole, TaskGroup, WorkProgrammeItem

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
) -> Action:
    """Record something a minute says someone will do, with its owner and when it is due (a date, or by a
    meeting: the action is then due on the meeting's day)."""
    action = Action(
        panel=panel,
        minute_item=minute_item,
        description=description,
        owner_name=owner_name,
        owner_email=owner_email,
        due_date=due_date,
        due_meeting=due_meeting,
    )
    _check_panel(action)
    return object_save(instance=action, acting_user=acting_user, verb="action_create", panel_id=panel.pk)


def action_update(*, acting_user, action: Action, **fields) -> Action:
    """Change an action's words, owner or due date. A new due date or owner earns a new reminder."""
    for name, value in fields.items():
        setattr(action, name, value)
    if {"due_date", "due_meeting", "owner_email"} & fields.keys():
        action.reminder_sent_at = None
        action.overdue_notice_sent_at = None
    _check_panel(action)
    return object_save(instance=action, acting_user=acting_user, verb="action_update", panel_id=action.panel_id)


def action_complete(
    *, acting_user, action: Action, response: str, responded_on: datetime.date, evidence_paper=None
) -> Action:
    """Close an action with the owner's response, its date and (where there is one) the paper that shows it."""
    if not response.strip():
        raise ValidationError({"response": _("Say what the owner did.")})
    action.status = ActionStatus.DONE
    action.response = response
    action.responded_on = responded_on
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


def task_group_create(*, acting_user, panel, topic: str, scope: str = "", members=(), proposed_at_minute=None):
    """Set up a task group (or deep dive) on a topic, with its members."""
    group = TaskGroup(panel=panel, topic=topic, scope=scope, proposed_at_minute=proposed_at_minute)
    object_save(instance=group, acting_user=acting_user, verb="task_group_create", panel_id=panel.pk)
    if members:
        group.members.set(members)
    return group


def task_group_update(*, acting_user, group: TaskGroup, **fields) -> TaskGroup:
    """Record a task group's progress: its status, scope or findings."""
    for name, value in fields.items():
        setattr(group, name, value)
    return object_save(instance=group, acting_user=acting_user, verb="task_group_update", panel_id=group.panel_id)


def champion_role_create(*, acting_user, panel, person, area: str) -> ChampionRole:
    """Name a member as the panel's champion for an area."""
    if person.panel_id != panel.pk:
        raise ValidationError({"person": _("That person is on another panel.")})
    role = ChampionRole(panel=panel, person=person, area=area)
    return object_save(instance=role, acting_user=acting_user, verb="champion_role_create", panel_id=panel.pk)
