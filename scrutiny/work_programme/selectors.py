"""Reads for the work programme app: the action tracker (overdue is derived, never stored) and the work
programme with each item's date of last report, derived from the panel's meetings where the database holds
them."""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from scrutiny.documents.models import Paper
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import AgendaItem, Meeting, MinuteItem
from scrutiny.members.models import Membership, Person

from .choices import ActionStatus, RecommendationResponse
from .models import Action, ChampionRole, Recommendation, TaskGroup, WorkProgrammeItem

# An action raised in an exempt minute (one whose agenda item is exempt and not released) stays private.
PUBLIC_ACTION = (
    Q(minute_item__isnull=True)
    | Q(minute_item__agenda_item__isnull=True)
    | Q(minute_item__agenda_item__exempt=False)
    | Q(minute_item__agenda_item__released_at__isnull=False)
)


def actions_for_panel(panel, *, public: bool = False) -> QuerySet[Action]:
    """The panel's live actions, each with `due_on`: its due date, else its due meeting's day."""
    actions = (
        Action.objects.live()
        .filter(panel=panel)
        .annotate(due_on=Coalesce("due_date", TruncDate("due_meeting__start")))
        .select_related(
            "minute_item__meeting", "minute_item__agenda_item", "due_meeting", "evidence_paper__agenda_item__meeting"
        )
        .order_by("due_on", "id")
    )
    if public:
        actions = actions.filter(PUBLIC_ACTION)
    return actions


def _evidence_strip(action: Action) -> None:
    """For the public: a paper in evidence only while it is public itself (an exempt paper stays private)."""
    paper = action.evidence_paper
    if paper is not None and (paper.is_deleted or not paper.is_public or paper.agenda_item.is_deleted):
        action.evidence_paper = None


def action_get_for_public(panel, action_id: int) -> Action:
    """One action the public may see (raised in public business, live), or Action.DoesNotExist."""
    return Action.objects.live().filter(PUBLIC_ACTION).get(panel=panel, pk=action_id)


def actions_overdue(panel=None, *, today: datetime.date | None = None) -> QuerySet[Action]:
    """Open actions whose due day has passed (the due meeting's day counts as the due date)."""
    today = today or timezone.localdate()
    actions = Action.objects.live().filter(status=ActionStatus.OPEN)
    if panel is not None:
        actions = actions.filter(panel=panel)
    return actions.annotate(due_on=Coalesce("due_date", TruncDate("due_meeting__start"))).filter(due_on__lt=today)


def action_is_overdue(action: Action, *, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    due_on = getattr(action, "due_on", None)
    if due_on is None:
        due_on = action.due_date or (timezone.localdate(action.due_meeting.start) if action.due_meeting else None)
    return action.status == ActionStatus.OPEN and due_on is not None and due_on < today


@dataclass
class ActionTracker:
    open: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    closed: list = field(default_factory=list)
    by_owner: dict = field(default_factory=dict)


def action_tracker(panel, *, public: bool = False, today: datetime.date | None = None) -> ActionTracker:
    """The panel's actions sorted for the tracker: open (overdue among them, flagged), closed, and the open
    ones by owner. `public` leaves out actions from exempt minutes."""
    tracker = ActionTracker()
    by_owner = defaultdict(list)
    for action in actions_for_panel(panel, public=public):
        action.overdue = action_is_overdue(action, today=today)
        if public:
            _evidence_strip(action)
        if action.status == ActionStatus.OPEN:
            tracker.open.append(action)
            by_owner[action.owner_name].append(action)
            if action.overdue:
                tracker.overdue.append(action)
        else:
            tracker.closed.append(action)
    tracker.by_owner = dict(sorted(by_owner.items()))
    return tracker


def actions_raised_at(meeting, *, public: bool = True) -> list[Action]:
    """The actions a meeting's minutes raised, in minute order (for the meeting's page)."""
    actions = (
        Action.objects.live()
        .filter(minute_item__meeting=meeting)
        .annotate(due_on=Coalesce("due_date", TruncDate("due_meeting__start")))
        .select_related("minute_item", "due_meeting", "evidence_paper__agenda_item__meeting")
        .order_by("minute_item__order", "minute_item__number", "id")
    )
    if public:
        actions = actions.filter(PUBLIC_ACTION)
    result = list(actions)
    for action in result:
        action.overdue = action_is_overdue(action)
        if public:
            _evidence_strip(action)
    return result


# ---------------------------------------------------------------- choices for the staff forms


def minute_items_for_panel(panel) -> QuerySet[MinuteItem]:
    """The panel's minutes, newest meeting first, for choosing where an action or recommendation was raised."""
    return (
        MinuteItem.objects.live()
        .filter(meeting__panel=panel, meeting__is_deleted=False)
        .select_related("meeting", "agenda_item")
        .order_by("-meeting__start", "order", "number")
    )


def papers_for_panel(panel) -> QuerySet[Paper]:
    """The panel's papers, newest meeting first, for choosing a paper in evidence."""
    return (
        Paper.objects.live()
        .filter(
            agenda_item__meeting__panel=panel, agenda_item__is_deleted=False, agenda_item__meeting__is_deleted=False
        )
        .select_related("agenda_item__meeting")
        .order_by("-agenda_item__meeting__start", "agenda_item__order", "order", "id")
    )


def meetings_for_panel(panel) -> QuerySet[Meeting]:
    """The panel's meetings, for choosing the meeting an action is due by."""
    return Meeting.objects.live().filter(panel=panel).order_by("-start")


def current_members(panel, *, day: datetime.date | None = None, also=()) -> QuerySet[Person]:
    """The people with a membership of the panel in force today (and `also`: people already chosen, who stay
    choosable after their membership ends)."""
    day = day or timezone.localdate()
    current = Membership.objects.current_on(day).filter(panel=panel).values("person_id")
    return (
        Person.objects.live()
        .filter(panel=panel)
        .filter(Q(pk__in=current) | Q(pk__in=[person.pk for person in also]))
        .order_by("sort_name", "name")
    )


# ---------------------------------------------------------------- recommendations

# A recommendation made in an exempt minute (exempt agenda item, not released) stays private.
PUBLIC_RECOMMENDATION = (
    Q(minute_item__isnull=True)
    | Q(minute_item__agenda_item__isnull=True)
    | Q(minute_item__agenda_item__exempt=False)
    | Q(minute_item__agenda_item__released_at__isnull=False)
)


@dataclass
class RecommendationList:
    awaiting: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    responded: list = field(default_factory=list)


def recommendations_for_panel(panel, *, public: bool = False) -> QuerySet[Recommendation]:
    """The panel's live recommendations, newest first; `public` leaves out those made in exempt minutes."""
    recommendations = (
        Recommendation.objects.live()
        .filter(panel=panel)
        .select_related("minute_item__meeting", "minute_item__agenda_item")
        .order_by("-made_on", "-id")
    )
    if public:
        recommendations = recommendations.filter(PUBLIC_RECOMMENDATION)
    return recommendations


def recommendation_list(panel, *, public: bool = False, today: datetime.date | None = None) -> RecommendationList:
    """The recommendations sorted: awaiting a response (overdue ones, past a statutory deadline, flagged and
    also listed apart) and responded."""
    today = today or timezone.localdate()
    result = RecommendationList()
    for recommendation in recommendations_for_panel(panel, public=public):
        awaited = recommendation.response == RecommendationResponse.AWAITED
        recommendation.overdue = (
            awaited and recommendation.response_due is not None and recommendation.response_due < today
        )
        if awaited:
            result.awaiting.append(recommendation)
            if recommendation.overdue:
                result.overdue.append(recommendation)
        else:
            result.responded.append(recommendation)
    return result


# ---------------------------------------------------------------- task groups and champions


def task_groups_for_panel(panel) -> QuerySet[TaskGroup]:
    """The panel's live task groups and deep dives, each with its live members (`members_list`)."""
    return (
        TaskGroup.objects.live()
        .filter(panel=panel)
        .select_related("proposed_at_minute__meeting")
        .prefetch_related(
            Prefetch("members", queryset=Person.objects.live().order_by("sort_name", "name"), to_attr="members_list")
        )
        .order_by("topic", "id")
    )


def champion_roles_for_panel(panel) -> QuerySet[ChampionRole]:
    """The panel's champion roles in force, by area."""
    return (
        ChampionRole.objects.live()
        .filter(panel=panel, person__is_deleted=False)
        .select_related("person")
        .order_by("area", "person__sort_name", "id")
    )


# ---------------------------------------------------------------- work programme

DATE_RE = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b"
)


def dates_in(text: str) -> list[datetime.date]:
    """The full dates ('2 November 2023') a recorded 'date of last report' gives; it may give several."""
    dates = []
    for day, month, year in DATE_RE.findall(text or ""):
        try:
            dates.append(datetime.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date())
        except ValueError:
            continue
    return dates


@dataclass
class ProgrammeRow:
    item: WorkProgrammeItem
    when: str
    when_date: datetime.date | None
    last_report: datetime.date | None = None
    last_report_meeting: Meeting | None = None
    derived: bool = False
    flags: list = field(default_factory=list)

    @property
    def last_report_text(self) -> str:
        if self.derived:
            return f"{self.last_report:%-d %B %Y}"
        return self.item.last_report_recorded


def _when(item: WorkProgrammeItem) -> tuple[str, datetime.date | None]:
    if item.meeting_id:
        day = timezone.localdate(item.meeting.start)
        return f"{day:%-d %B %Y}", day
    if item.planned_label:
        return item.planned_label, None
    return (item.get_frequency_display() if item.frequency else _("TBC")), None


def work_programme_rows(panel, *, include_dropped: bool = False) -> list[ProgrammeRow]:
    """The panel's work programme, each row with its date of last report.

    The rule: the topic's last report is the latest held meeting of the panel, before the row's meeting (or
    before today for an undated row), that took the topic: a work programme item with that meeting and
    topic, or an agenda item whose title is the row's area. Where the database holds no such meeting the
    recorded date is shown as recorded. A recorded date on which the panel held no meeting, within the
    span the database holds, is flagged: the programme says a report went to a meeting that did not happen.
    """
    items = list(
        WorkProgrammeItem.objects.live()
        .filter(panel=panel)
        .select_related("meeting", "requested_at_minute__meeting")
        .order_by(F("meeting__start").asc(nulls_last=True), "order", "id")
    )
    if not include_dropped:
        items = [i for i in items if not i.dropped]
    meetings = list(
        Meeting.objects.live().filter(panel=panel).exclude(status=MeetingStatus.CANCELLED).order_by("start")
    )
    meeting_days = {timezone.localdate(m.start) for m in meetings}
    first_day = min(meeting_days) if meeting_days else None
    held = {m.pk: m for m in meetings if m.status == MeetingStatus.HELD}
    by_topic = defaultdict(set)
    for topic, meeting_id in (
        WorkProgrammeItem.objects.live()
        .filter(panel=panel, meeting_id__in=held, dropped=False)
        .values_list("topic", "meeting_id")
    ):
        by_topic[topic].add(meeting_id)
    by_title = defaultdict(set)
    for title, meeting_id in AgendaItem.objects.live().filter(meeting_id__in=held).values_list("title", "meeting_id"):
        by_title[" ".join(title.lower().split())].add(meeting_id)
        by_title[slugify(title)[:100]].add(meeting_id)

    now = timezone.now()
    rows = []
    for item in items:
        when, when_date = _when(item)
        row = ProgrammeRow(item=item, when=when, when_date=when_date)
        before = item.meeting.start if item.meeting_id else now
        candidates = by_topic[item.topic] | by_title[" ".join(item.area.lower().split())] | by_title[item.topic]
        earlier = [held[pk] for pk in candidates if held[pk].start < before]
        recorded = dates_in(item.last_report_recorded)
        if earlier:
            last = max(earlier, key=lambda m: m.start)
            row.last_report, row.last_report_meeting, row.derived = timezone.localdate(last.start), last, True
            if recorded and max(recorded) > row.last_report and max(recorded) in meeting_days:
                # A later meeting of the panel the database has not yet marked held: keep the record.
                row.last_report, row.last_report_meeting, row.derived = None, None, False
            elif recorded and max(recorded) < row.last_report:
                row.flags.append(
                    _("Recorded as %(recorded)s, but the panel took the topic later, on %(derived)s.")
                    % {"recorded": item.last_report_recorded, "derived": row.last_report_text}
                )
        for day in recorded:
            if first_day and day >= first_day and day not in meeting_days:
                row.flags.append(
                    _("The programme records a report on %(day)s, but the panel held no meeting that day.")
                    % {"day": f"{day:%-d %B %Y}"}
                )
        rows.append(row)
    return rows
