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

from . import statutory
from .choices import ActionStatus, HearingOutcome, PreceptDecision, RecommendationResponse
from .models import (
    Action,
    ChampionRole,
    ConfirmationHearing,
    PreceptProcess,
    Recommendation,
    TaskGroup,
    WorkProgrammeItem,
)

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


# ---------------------------------------------------------------- statutory processes: precept and hearings


def precept_year_from_slug(year_slug: str) -> str:
    """'2024-25' (the address) -> '2024/25' (the record); ValueError when it is not a financial year."""
    year = year_slug.replace("-", "/", 1)
    statutory.precept_start_year(year)
    return year


def precept_year_slug(precept_year: str) -> str:
    return precept_year.replace("/", "-")


def precept_processes_for_panel(panel) -> QuerySet[PreceptProcess]:
    """The panel's precept processes, newest financial year first (one query, however many years)."""
    return (
        PreceptProcess.objects.live().filter(panel=panel).select_related("decision_meeting").order_by("-precept_year")
    )


def precept_process_get(panel, year_slug: str) -> PreceptProcess:
    """One precept process by its address ('2024-25'), or PreceptProcess.DoesNotExist."""
    try:
        year = precept_year_from_slug(year_slug)
    except ValueError as exc:
        raise PreceptProcess.DoesNotExist from exc
    return precept_processes_for_panel(panel).get(precept_year=year)


@dataclass
class TimelineStep:
    """One statutory step: its date in law, what the record says and when, and what the rules warn of."""

    key: str
    label: str
    due: datetime.date
    due_warning: str = ""
    recorded_on: datetime.date | None = None
    details: list = field(default_factory=list)
    applies: bool = True
    not_applicable_reason: str = ""
    late: bool = False
    meeting: Meeting | None = None


@dataclass
class PreceptTimeline:
    process: PreceptProcess
    steps: list
    warnings: list
    veto: statutory.VetoCount | None = None

    @property
    def year_slug(self) -> str:
        return precept_year_slug(self.process.precept_year)


def _money(value) -> str:
    return f"£{value:,.2f}"


def _long(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def _vote_text(process: PreceptProcess, veto: statutory.VetoCount | None) -> str:
    parts = []
    if process.votes_for is not None:
        parts.append(_("%(n)d for") % {"n": process.votes_for})
    if process.votes_against is not None:
        parts.append(_("%(n)d against") % {"n": process.votes_against})
    if process.abstentions is not None:
        parts.append(_("%(n)d abstaining") % {"n": process.abstentions})
    text = ", ".join(parts)
    if process.members_at_decision:
        text = (text + "; " if text else "") + _("%(members)d members of the panel at the time") % {
            "members": process.members_at_decision
        }
        if veto is not None:
            text += " " + _("(a veto needs %(required)d)") % {"required": veto.required}
    return text


def precept_veto_count(process: PreceptProcess) -> statutory.VetoCount | None:
    """The veto vote counted against the members at the time, where both were recorded."""
    if not process.members_at_decision:
        return None
    votes_for = process.votes_for or 0
    if votes_for > process.members_at_decision:
        return None
    return statutory.veto_count(members=process.members_at_decision, votes_for=votes_for)


def precept_warnings(process: PreceptProcess, *, today: datetime.date | None = None) -> list[str]:
    """What the rules say was not in order in the record as it stands. The record is kept as it happened;
    these only report (a missed date, a veto short of two-thirds of the members at the time, a revised
    precept the wrong way)."""
    today = today or timezone.localdate()
    year = process.precept_year
    dates = statutory.precept_deadlines(year)
    warnings = []
    veto = statutory.is_veto(process.decision)

    def late(recorded, key, text):
        if recorded and recorded > dates[key]:
            warnings.append(text % {"day": _long(recorded), "due": _long(dates[key])})

    late(
        process.notified_on,
        "notify",
        _("The PCC notified the proposed precept on %(day)s, after %(due)s (SI 2012/2271 reg 3)."),
    )
    state = statutory.precept_state(precept_year=year, veto=veto, report_date=process.panel_report_on, today=today)
    if process.panel_report_on and state.report_late:
        text = _("The panel reported on %(day)s, after %(due)s (reg 4(1)).")
        if veto:
            text += " " + _(
                "The scrutiny process ended on 8 February, so the PCC may issue the proposed precept, the veto "
                "notwithstanding (reg 4(2))."
            )
        late(process.panel_report_on, "panel_report", text)
    elif not process.panel_report_on and state.report_late:
        warnings.append(
            _("No report of the panel is recorded by %(due)s: the scrutiny process has ended (reg 4(2)).")
            % {"due": _long(dates["panel_report"])}
        )
    if veto:
        count = precept_veto_count(process)
        if process.members_at_decision and process.votes_for is None:
            warnings.append(_("The panel's report records a veto, but not the votes for it."))
        elif count is not None and not count.passes:
            warnings.append(
                _(
                    "The veto had %(votes)d votes for it, of %(members)d members of the panel at the time: "
                    "%(required)d (two-thirds of the members, not of those present) are needed, so it is not a "
                    "veto (Sch 5 para 4(3))."
                )
                % {"votes": count.votes_for, "members": count.members, "required": count.required}
            )
    revised_problems = (
        process.revised_band_d is not None
        and process.proposed_band_d is not None
        and statutory.validate_revised(
            proposed=process.proposed_band_d,
            revised=process.revised_band_d,
            veto_reason=statutory.veto_reason_of(process.decision),
        )
    )
    if revised_problems:
        amounts = {"revised": _money(process.revised_band_d), "proposed": _money(process.proposed_band_d)}
        if process.decision == PreceptDecision.VETO_TOO_HIGH:
            warnings.append(
                _(
                    "The panel vetoed the precept as too high, but the revised precept (%(revised)s) is not lower "
                    "than the proposed precept (%(proposed)s) (reg 5(3))."
                )
                % amounts
            )
        elif process.decision == PreceptDecision.VETO_TOO_LOW:
            warnings.append(
                _(
                    "The panel vetoed the precept as too low, but the revised precept (%(revised)s) is not higher "
                    "than the proposed precept (%(proposed)s) (reg 5(3))."
                )
                % amounts
            )
        else:
            warnings.append(_("A revised precept is recorded, but the panel did not veto the proposed precept."))
    late(
        process.revised_notified_on,
        "pcc_response_if_veto",
        _("The PCC notified the revised precept on %(day)s, after %(due)s (reg 5(1))."),
    )
    late(
        process.second_report_on,
        "panel_second_report",
        _("The panel reported on the revised precept on %(day)s, after %(due)s."),
    )
    late(
        process.final_response_on,
        "final",
        _("The PCC responded to the panel's second report on %(day)s, after %(due)s."),
    )
    issue_by = statutory.precept_issue_deadline(year)
    if process.issued_on and process.issued_on > issue_by:
        warnings.append(
            _("The precept was issued on %(day)s, not before 1 March (Local Government Finance Act 1992 s40).")
            % {"day": _long(process.issued_on)}
        )
    if process.issued_band_d is not None and process.proposed_band_d is not None:
        recommendations_unknown = process.decision == PreceptDecision.SUPPORT_WITH_RECOMMENDATIONS
        if veto and not state.report_late and process.issued_band_d == process.proposed_band_d:
            warnings.append(_("After the panel's veto the PCC may not issue the proposed precept (Sch 5 para 6(2))."))
        elif (
            process.decision == PreceptDecision.SUPPORT
            and not recommendations_unknown
            and process.issued_band_d != process.proposed_band_d
        ):
            warnings.append(
                _(
                    "The precept issued (%(issued)s) is not the proposed precept (%(proposed)s), and the panel's "
                    "report made no recommendation (Sch 5 para 5(3))."
                )
                % {"issued": _money(process.issued_band_d), "proposed": _money(process.proposed_band_d)}
            )
    return warnings


def precept_timeline(process: PreceptProcess, *, today: datetime.date | None = None) -> PreceptTimeline:
    """Each statutory step of the year with its date in law, what was recorded and when, and the warnings.
    No query beyond the process itself (its decision meeting is selected with it)."""
    year = process.precept_year
    veto = statutory.is_veto(process.decision)
    decided = bool(process.decision)
    by_key = {d.key: d for d in statutory.precept_deadline_list(year)}
    count = precept_veto_count(process) if veto else None

    def step(key, recorded_on, details=(), meeting=None):
        deadline = by_key[key]
        item = TimelineStep(
            key=key,
            label=deadline.label,
            due=deadline.date,
            due_warning=deadline.warning,
            recorded_on=recorded_on,
            details=[d for d in details if d],
            meeting=meeting,
            late=bool(recorded_on and recorded_on > deadline.date),
        )
        if key in statutory.VETO_PATH and decided and not veto:
            item.applies = False
            item.not_applicable_reason = _("Not needed: the panel did not veto the proposed precept.")
        return item

    report_details = []
    if process.decision:
        report_details.append(process.get_decision_display())
        vote = _vote_text(process, count)
        if vote:
            report_details.append(_("Vote: %(vote)s.") % {"vote": vote})
    steps = [
        step(
            "notify",
            process.notified_on,
            [_("Proposed Band D precept: %(amount)s") % {"amount": _money(process.proposed_band_d)}]
            if process.proposed_band_d is not None
            else [],
        ),
        step("panel_report", process.panel_report_on, report_details, meeting=process.decision_meeting),
        step(
            "pcc_response_if_veto",
            process.revised_notified_on,
            [_("Revised Band D precept: %(amount)s") % {"amount": _money(process.revised_band_d)}]
            if process.revised_band_d is not None
            else [],
        ),
        step("panel_second_report", process.second_report_on),
        step("final", process.final_response_on),
        step(
            "issue",
            process.issued_on,
            [_("Band D precept issued: %(amount)s") % {"amount": _money(process.issued_band_d)}]
            if process.issued_band_d is not None
            else [],
        ),
    ]
    steps.sort(key=lambda s: s.due)
    return PreceptTimeline(process=process, steps=steps, warnings=precept_warnings(process, today=today), veto=count)


@dataclass
class HearingPage:
    """A confirmation hearing as a page shows it. `hearing` is the record for staff; the public get only
    the fields below (name and post, dates, completeness, outcome), never the notification's contents."""

    pk: int
    candidate: str
    post: str
    post_label: str
    received_on: datetime.date
    deadline: datetime.date
    deadline_warning: str
    missing: list
    meeting: Meeting | None
    report_on: datetime.date | None
    outcome: str
    outcome_label: str
    votes_for_veto: int | None
    members_at_decision: int | None
    veto_required: int | None
    pcc_accepted: bool | None
    pcc_response_on: datetime.date | None
    may_veto: bool
    warnings: list
    hearing: ConfirmationHearing | None = None


def _hearing_page(
    hearing: ConfirmationHearing, *, missing: list, public: bool, today: datetime.date | None = None
) -> HearingPage:
    today = today or timezone.localdate()
    timing = statutory.cc_report_status(
        received=hearing.notification_received_on, report=hearing.report_on, today=today
    )
    warnings = []
    if hearing.report_on and timing.late:
        warnings.append(
            _("The panel reported on %(day)s, after the three weeks ended on %(due)s: the PCC may appoint.")
            % {"day": _long(hearing.report_on), "due": _long(timing.deadline)}
        )
    elif not hearing.report_on and timing.late:
        warnings.append(
            _("No report of the panel is recorded within the three weeks ending %(due)s: the PCC may appoint.")
            % {"due": _long(timing.deadline)}
        )
    if missing:
        warnings.append(_("The PCC's notification is incomplete: %(parts)s.") % {"parts": "; ".join(missing)})
    required = None
    if hearing.members_at_decision:
        required = statutory.veto_count(members=hearing.members_at_decision, votes_for=0).required
    if hearing.outcome == HearingOutcome.VETO:
        if not statutory.can_veto_appointment(hearing.post):
            warnings.append(_("Only a chief constable's appointment can be vetoed (Policing Protocol para 24)."))
        if (
            hearing.members_at_decision
            and hearing.votes_for_veto is not None
            and not statutory.cc_veto_passes(members=hearing.members_at_decision, votes_for=hearing.votes_for_veto)
        ):
            warnings.append(
                _(
                    "The veto had %(votes)d votes for it, of %(members)d members of the panel at the time: "
                    "%(required)d are needed, so it is not a veto."
                )
                % {"votes": hearing.votes_for_veto, "members": hearing.members_at_decision, "required": required}
            )
    return HearingPage(
        pk=hearing.pk,
        candidate=hearing.candidate,
        post=hearing.post,
        post_label=hearing.get_post_display(),
        received_on=hearing.notification_received_on,
        deadline=timing.deadline,
        deadline_warning=statutory.non_working_day_warning(timing.deadline),
        missing=missing,
        meeting=hearing.hearing,
        report_on=hearing.report_on,
        outcome=hearing.outcome,
        outcome_label=hearing.get_outcome_display(),
        votes_for_veto=hearing.votes_for_veto,
        members_at_decision=hearing.members_at_decision,
        veto_required=required,
        pcc_accepted=hearing.pcc_accepted,
        pcc_response_on=hearing.pcc_response_on,
        may_veto=statutory.can_veto_appointment(hearing.post),
        warnings=warnings,
        hearing=None if public else hearing,
    )


def hearing_list(panel, *, public: bool = True, today: datetime.date | None = None) -> list[HearingPage]:
    """The panel's confirmation hearings for a list page: one query, however many."""
    hearings = ConfirmationHearing.objects.live().filter(panel=panel).select_related("hearing")
    hearings = hearings.order_by("-notification_received_on", "-id")
    return [
        _hearing_page(hearing, missing=_notification_missing(hearing), public=public, today=today)
        for hearing in hearings
    ]


def _notification_missing(hearing: ConfirmationHearing) -> list[str]:
    return statutory.validate_cc_notification(
        {
            "name": hearing.candidate,
            "criteria": hearing.criteria,
            "reasons": hearing.how_criteria_met,
            "terms": hearing.terms_and_conditions,
        }
    )


def hearing_get(panel, hearing_id: int, *, public: bool = True, today: datetime.date | None = None) -> HearingPage:
    """One confirmation hearing, or ConfirmationHearing.DoesNotExist. For the public the notification's
    contents are read only to say whether each required part was there, and are not passed on."""
    hearing = ConfirmationHearing.objects.live().select_related("hearing").get(panel=panel, pk=hearing_id)
    return _hearing_page(hearing, missing=_notification_missing(hearing), public=public, today=today)
