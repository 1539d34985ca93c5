"""Writes for the statutory processes: the precept (PRSRA 2011 Sch 5, SI 2012/2271), confirmation hearings
(Sch 1 and Sch 8) and the panel's recommendations on the annual report and the police and crime plan.

The rules live in `statutory.py`; these services apply them, save through `object_save` (validation, audit,
page invalidation) and refuse only what the statute says cannot have happened: a veto without two-thirds of
the members is not a veto (Sch 5 para 4(3)), a second precept veto does not exist, and only a chief
constable's appointment can be vetoed.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from scrutiny.core.services import object_save
from scrutiny.members.selectors import memberships_current_on

from .choices import HearingOutcome, PreceptDecision, RecommendationResponse
from .models import ConfirmationHearing, PreceptProcess, Recommendation
from .statutory import (
    can_issue,
    can_veto_appointment,
    is_veto,
    precept_issue_deadline,
    precept_start_year,
    precept_state,
    validate_cc_notification,
    validate_revised,
    veto_count,
    veto_reason_of,
)


def members_at(panel, day: date) -> int:
    """The persons who were members of the panel on `day`: vacancies are not members (Sch 5 para 4(4))."""
    return memberships_current_on(panel, day).count()


def _veto_refusal(*, members: int, votes_for: int | None, what: str) -> None:
    """Raise unless `votes_for` reaches two-thirds of `members`; the message says what is needed."""
    if votes_for is None:
        raise ValidationError({"votes_for": _("A veto of %(what)s needs the number of votes for it.") % {"what": what}})
    if members < 1:
        raise ValidationError(
            _("No members were in office on that day, so no veto of %(what)s can be recorded.") % {"what": what}
        )
    try:
        count = veto_count(members=members, votes_for=votes_for)
    except ValueError as exc:
        raise ValidationError({"votes_for": str(exc)}) from exc
    if not count.passes:
        raise ValidationError(
            {
                "votes_for": _(
                    "%(votes)d of the %(members)d members voted for the veto; %(required)d (two-thirds of the "
                    "members at the time, not of those present) are needed. Without them there is no veto: "
                    "record the panel's report as it stands."
                )
                % {"votes": votes_for, "members": members, "required": count.required}
            }
        )


def _meeting_day(meeting) -> date | None:
    return timezone.localtime(meeting.start).date() if meeting is not None else None


# Precept ---------------------------------------------------------------------------------------------------


def precept_start(*, acting_user, panel, precept_year: str, notes: str = "") -> PreceptProcess:
    """Open the precept process for a financial year before anything is recorded in it, so that its
    statutory dates show and each step can be recorded as it happens. One process a year (the database
    constraint): a year already started is refused."""
    try:
        precept_start_year(precept_year)
    except ValueError as exc:
        raise ValidationError({"precept_year": str(exc)}) from exc
    if PreceptProcess.objects.live().filter(panel=panel, precept_year=precept_year).exists():
        raise ValidationError(
            {"precept_year": _("The precept process for %(year)s is already started.") % {"year": precept_year}}
        )
    process = PreceptProcess(panel=panel, precept_year=precept_year, notes=notes)
    return object_save(instance=process, acting_user=acting_user, verb="precept_start", panel_id=panel.pk)


def precept_notify(
    *, acting_user, panel, precept_year: str, notified_on: date, proposed_band_d: Decimal, notes: str = ""
) -> PreceptProcess:
    """Record the PCC's notification of the proposed precept (reg 3: by 1 February); starts the process for
    the year, or updates the notification of a process already started."""
    try:
        precept_start_year(precept_year)
    except ValueError as exc:
        raise ValidationError({"precept_year": str(exc)}) from exc
    process = PreceptProcess.objects.live().filter(panel=panel, precept_year=precept_year).first()
    if process is None:
        process = PreceptProcess(panel=panel, precept_year=precept_year)
    elif process.decision:
        raise ValidationError(_("The panel has already reported on this precept; the notification cannot change."))
    process.notified_on = notified_on
    process.proposed_band_d = proposed_band_d
    if notes:
        process.notes = notes
    return object_save(instance=process, acting_user=acting_user, verb="precept_notify", panel_id=panel.pk)


def precept_decide(
    *,
    acting_user,
    process: PreceptProcess,
    decision: str,
    report_on: date | None = None,
    meeting=None,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
) -> PreceptProcess:
    """Record the panel's report on the proposed precept (Sch 5 paras 3-4): support, support with
    recommendations, or a veto as too high or too low.

    The members at the decision are those whose memberships were in force that day. A veto needs two-thirds
    of them (absences and abstentions count against it); a vote that falls short is refused with the
    numbers, since the statute says it is then no veto.
    """
    if decision not in PreceptDecision.values:
        raise ValidationError({"decision": _("%(decision)r is not a precept decision.") % {"decision": decision}})
    if process.decision:
        raise ValidationError(_("The panel has already reported on this precept; there is no second veto."))
    if process.notified_on is None:
        raise ValidationError(_("Record the PCC's notification of the proposed precept first."))
    report_on = report_on or _meeting_day(meeting)
    if report_on is None:
        raise ValidationError({"panel_report_on": _("Give the date of the panel's report or the meeting.")})
    members = members_at(process.panel, report_on)
    if is_veto(decision):
        _veto_refusal(members=members, votes_for=votes_for, what=_("the precept"))
    process.decision = decision
    process.panel_report_on = report_on
    process.decision_meeting = meeting
    process.votes_for = votes_for
    process.votes_against = votes_against
    process.abstentions = abstentions
    process.members_at_decision = members
    return object_save(instance=process, acting_user=acting_user, verb="precept_decide", panel_id=process.panel_id)


def precept_revise(
    *, acting_user, process: PreceptProcess, revised_band_d: Decimal, notified_on: date
) -> PreceptProcess:
    """Record the PCC's response to a veto and the revised precept (reg 5: by 15 February). After a 'too high'
    veto the revised precept must be lower, after 'too low' higher (reg 5(3))."""
    if not is_veto(process.decision):
        raise ValidationError(_("A revised precept follows only a veto of the proposed precept."))
    problems = validate_revised(
        proposed=process.proposed_band_d, revised=revised_band_d, veto_reason=veto_reason_of(process.decision)
    )
    if problems:
        raise ValidationError({"revised_band_d": problems})
    process.revised_band_d = revised_band_d
    process.revised_notified_on = notified_on
    return object_save(instance=process, acting_user=acting_user, verb="precept_revise", panel_id=process.panel_id)


def precept_second_report(*, acting_user, process: PreceptProcess, report_on: date) -> PreceptProcess:
    """Record the panel's report on the revised precept (by 22 February). It cannot be a veto: there is none
    at this stage (P-3), so the service takes no decision or votes."""
    if process.revised_band_d is None:
        raise ValidationError(_("Record the revised precept before the panel's report on it."))
    process.second_report_on = report_on
    return object_save(
        instance=process, acting_user=acting_user, verb="precept_second_report", panel_id=process.panel_id
    )


def precept_final_response(*, acting_user, process: PreceptProcess, responded_on: date) -> PreceptProcess:
    """Record the PCC's response to the second report (by 1 March)."""
    if process.second_report_on is None:
        raise ValidationError(_("The PCC responds to the panel's second report: record that report first."))
    process.final_response_on = responded_on
    return object_save(
        instance=process, acting_user=acting_user, verb="precept_final_response", panel_id=process.panel_id
    )


def precept_issue(
    *,
    acting_user,
    process: PreceptProcess,
    issued_band_d: Decimal,
    issued_on: date,
    recommended_band_d: Decimal | None = None,
) -> tuple[PreceptProcess, list[str]]:
    """Record the precept the PCC issued, and return what the record shows was not in order.

    What the PCC issued is a fact, so it is recorded; the problems (a precept the statute did not allow, an
    issue after the last day before 1 March) are returned for the page to show. `recommended_band_d` is the
    precept the panel's report recommended, where it did.
    """
    if process.proposed_band_d is None:
        raise ValidationError(_("Record the proposed precept before the precept issued."))
    veto = is_veto(process.decision)
    state = precept_state(precept_year=process.precept_year, veto=veto, report_date=process.panel_report_on)
    allowed = can_issue(
        proposed=process.proposed_band_d,
        issued=issued_band_d,
        veto=veto,
        recommendations=[{"precept": recommended_band_d}] if recommended_band_d is not None else [],
        revised=process.revised_band_d,
        veto_reason=veto_reason_of(process.decision),
        report_late=state.report_late,
    )
    problems = []
    if not allowed:
        if veto and not state.report_late:
            problems.append(
                _(
                    "After the panel's veto the PCC may not issue the proposed precept, nor a precept other than "
                    "the revised one (Sch 5 para 6(2), reg 5)."
                )
            )
        else:
            problems.append(
                _(
                    "The precept issued is neither the proposed precept nor one the panel's report recommended "
                    "(Sch 5 para 5(3))."
                )
            )
    if issued_on > precept_issue_deadline(process.precept_year):
        problems.append(_("The precept was issued on or after 1 March (Local Government Finance Act 1992 s40)."))
    process.issued_band_d = issued_band_d
    process.issued_on = issued_on
    process = object_save(instance=process, acting_user=acting_user, verb="precept_issue", panel_id=process.panel_id)
    return process, problems


# Confirmation hearings -------------------------------------------------------------------------------------


def hearing_notify(
    *,
    acting_user,
    panel,
    post: str,
    candidate: str,
    received_on: date,
    criteria: str = "",
    how_criteria_met: str = "",
    terms_and_conditions: str = "",
) -> tuple[ConfirmationHearing, list[str]]:
    """Record the PCC's notification of a proposed appointment; the three weeks begin on `received_on`.

    Returns the hearing and the parts of the notification that Sch 8 para 3 requires and it lacks, for the
    officer to ask the PCC for: an incomplete notification is still recorded, as received.
    """
    hearing = ConfirmationHearing(
        panel=panel,
        post=post,
        candidate=candidate,
        notification_received_on=received_on,
        criteria=criteria,
        how_criteria_met=how_criteria_met,
        terms_and_conditions=terms_and_conditions,
    )
    missing = validate_cc_notification(
        {"name": candidate, "criteria": criteria, "reasons": how_criteria_met, "terms": terms_and_conditions}
    )
    hearing = object_save(instance=hearing, acting_user=acting_user, verb="hearing_notify", panel_id=panel.pk)
    return hearing, missing


def hearing_decide(
    *,
    acting_user,
    hearing: ConfirmationHearing,
    outcome: str,
    report_on: date | None = None,
    meeting=None,
    votes_for_veto: int | None = None,
) -> ConfirmationHearing:
    """Record the panel's report after the confirmation hearing: a recommendation to appoint or not, or, for
    a chief constable only (C-4), a veto by two-thirds of the members at the time (C-3)."""
    if outcome not in HearingOutcome.values or outcome == HearingOutcome.PENDING:
        raise ValidationError({"outcome": _("Record the panel's recommendation, or a veto.")})
    if hearing.outcome != HearingOutcome.PENDING:
        raise ValidationError(_("The panel has already reported on this appointment."))
    report_on = report_on or _meeting_day(meeting)
    if report_on is None:
        raise ValidationError({"report_on": _("Give the date of the panel's report or the hearing.")})
    members = members_at(hearing.panel, report_on)
    if outcome == HearingOutcome.VETO:
        if not can_veto_appointment(hearing.post):
            raise ValidationError(
                {
                    "outcome": _(
                        "The panel cannot veto the appointment of a %(post)s: only a chief constable's "
                        "(Policing Protocol para 24)."
                    )
                    % {"post": hearing.get_post_display()}
                }
            )
        _veto_refusal(members=members, votes_for=votes_for_veto, what=_("the appointment"))
    hearing.outcome = outcome
    hearing.report_on = report_on
    if meeting is not None:
        hearing.hearing = meeting
    hearing.votes_for_veto = votes_for_veto
    hearing.members_at_decision = members
    return object_save(instance=hearing, acting_user=acting_user, verb="hearing_decide", panel_id=hearing.panel_id)


def hearing_pcc_response(
    *, acting_user, hearing: ConfirmationHearing, accepted: bool, responded_on: date
) -> ConfirmationHearing:
    """Record whether the PCC accepts the panel's recommendation (Sch 8 para 7). After a veto there is no
    recommendation to accept: the PCC must not appoint that candidate."""
    if hearing.outcome == HearingOutcome.VETO:
        raise ValidationError(_("The panel vetoed the appointment: the PCC must not appoint this candidate."))
    if hearing.outcome == HearingOutcome.PENDING:
        raise ValidationError(_("The panel has not reported yet: there is no recommendation to respond to."))
    hearing.pcc_accepted = accepted
    hearing.pcc_response_on = responded_on
    return object_save(
        instance=hearing, acting_user=acting_user, verb="hearing_pcc_response", panel_id=hearing.panel_id
    )


# Recommendations -------------------------------------------------------------------------------------------


def recommendation_record(
    *,
    acting_user,
    panel,
    subject: str,
    text: str,
    made_on: date,
    response_due: date | None = None,
    minute_item=None,
) -> Recommendation:
    """Record a recommendation of the panel's report, for instance on the annual report (s28(4)) or the draft
    police and crime plan (s28(3)). `response_due` only where statute sets a date: neither review has one."""
    recommendation = Recommendation(
        panel=panel,
        subject=subject,
        text=text,
        made_on=made_on,
        response_due=response_due,
        minute_item=minute_item,
    )
    return object_save(
        instance=recommendation, acting_user=acting_user, verb="recommendation_record", panel_id=panel.pk
    )


def recommendation_respond(
    *, acting_user, recommendation: Recommendation, response: str, responded_on: date, response_text: str = ""
) -> Recommendation:
    """Record the PCC's response (s12(4) for the annual report; s5 for the plan): accepted, partly, rejected."""
    if response == RecommendationResponse.AWAITED or response not in RecommendationResponse.values:
        raise ValidationError({"response": _("Record whether the PCC accepted, partly accepted or rejected it.")})
    if responded_on < recommendation.made_on:
        raise ValidationError({"responded_on": _("The response cannot come before the recommendation.")})
    recommendation.response = response
    recommendation.response_text = response_text
    recommendation.responded_on = responded_on
    return object_save(
        instance=recommendation,
        acting_user=acting_user,
        verb="recommendation_respond",
        panel_id=recommendation.panel_id,
    )
