"""Statutory rules for the precept and for confirmation hearings: pure functions, no queries.

Sources: PRSRA 2011 Sch 5 (precept), Sch 8 and Sch 1 (appointments), SI 2012/2271 (the precept and
appointment regulations); docs: domain-rules.md Part A, rules P-1 to P-8 and C-1 to C-5. Where a rule rests
on a source that was not read verbatim the comment says UNCONFIRMED.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from scrutiny.core.working_days import is_working_day
from scrutiny.members.rules import veto_passes, veto_threshold

from .choices import AppointmentPost, PreceptDecision

# Precept ---------------------------------------------------------------------------------------------------

# SI 2012/2271 regs 3-5 and (PARTLY CONFIRMED, via the Surrey PCP paraphrase) regs 6-7: fixed calendar dates
# in the "relevant financial year", the one before the precept year (reg 2). So the 2026/27 precept is
# scrutinised in February 2026. (month, day)
PRECEPT_DEADLINES = {
    "notify": (2, 1),  # reg 3: the PCC notifies the proposed precept by 1 February
    "panel_report": (2, 8),  # reg 4(1): the panel reports by 8 February
    "pcc_response_if_veto": (2, 15),  # reg 5(1)-(2): after a veto, response and revised precept by 15 February
    "panel_second_report": (2, 22),  # reg 6 (paraphrase): second report by 22 February; no second veto
    "final": (3, 1),  # reg 7 (paraphrase): the PCC's response to the second report by 1 March
}
PRECEPT_DEADLINE_LABELS = {
    "notify": _("The PCC notifies the panel of the proposed precept"),
    "panel_report": _("The panel reports on the proposed precept"),
    "pcc_response_if_veto": _("After a veto: the PCC responds and notifies the revised precept"),
    "panel_second_report": _("After a veto: the panel reports on the revised precept"),
    "final": _("After a veto: the PCC responds to the panel's second report"),
    "issue": _("The precept is issued to the billing authorities"),
}
# Steps that only happen when the panel vetoes.
VETO_PATH = frozenset({"pcc_response_if_veto", "panel_second_report", "final"})

NON_WORKING_DAY_WARNING = _("Deadline falls on a non-working day; the statutory date is unchanged.")

VETO_TOO_HIGH = "too_high"
VETO_TOO_LOW = "too_low"
VETO_DECISIONS = {PreceptDecision.VETO_TOO_HIGH: VETO_TOO_HIGH, PreceptDecision.VETO_TOO_LOW: VETO_TOO_LOW}

# Precept workflows per panel: a Police, Fire and Crime Panel scrutinises the fire precept too, with Sch 5
# applied by the Fire and Rescue Services Act 2004 Sch A2 para 12 and, in practice, the same dates (P-7).
POLICE_PRECEPT = "police"
FIRE_PRECEPT = "fire"


@dataclass(frozen=True)
class Deadline:
    """A statutory date. `warning` is set when it is not a working day: the date itself never moves (P-8)."""

    key: str
    label: str
    date: date
    warning: str = ""


def precept_start_year(precept_year: str) -> int:
    """'2024/25' -> 2024, the calendar year in which the precept for 2024/25 is scrutinised."""
    try:
        first, second = precept_year.split("/")
        start = int(first)
        end = int(second)
    except (AttributeError, ValueError) as exc:
        raise ValueError(f"{precept_year!r} is not a financial year such as 2024/25.") from exc
    if len(first) != 4 or len(second) != 2 or (start + 1) % 100 != end:
        raise ValueError(f"{precept_year!r} is not a financial year such as 2024/25.")
    return start


def precept_year_for(day: date) -> str:
    """The precept cycle current on `day`: the one whose dates (to 1 March) are still to come, or in progress."""
    start = day.year if day <= date(day.year, 3, 1) else day.year + 1
    return f"{start}/{(start + 1) % 100:02d}"


def precept_deadlines(precept_year: str) -> dict[str, date]:
    """The fixed dates of regs 3-7 for `precept_year` ('2026/27' -> February 2026, and 1 March 2026)."""
    year = precept_start_year(precept_year)
    return {key: date(year, month, day) for key, (month, day) in PRECEPT_DEADLINES.items()}


def precept_issue_deadline(precept_year: str) -> date:
    """LGFA 1992 s40: the precept is issued before 1 March, so the last compliant day is the day before
    (PARTLY CONFIRMED; s40(5), that a late precept is not invalid, was not seen)."""
    return date(precept_start_year(precept_year), 3, 1) - timedelta(days=1)


def non_working_day_warning(day: date) -> str:
    """P-8: no roll-forward provision was found (UNCONFIRMED), so a weekend or bank holiday only warns."""
    return "" if is_working_day(day) else str(NON_WORKING_DAY_WARNING)


def deadline(precept_year: str, key: str) -> Deadline:
    """One precept date with its label and, if it falls on a non-working day, a warning."""
    day = precept_issue_deadline(precept_year) if key == "issue" else precept_deadlines(precept_year)[key]
    return Deadline(key=key, label=str(PRECEPT_DEADLINE_LABELS[key]), date=day, warning=non_working_day_warning(day))


def precept_deadline_list(precept_year: str) -> list[Deadline]:
    """Every date of the cycle, in order, the issue deadline included."""
    return sorted((deadline(precept_year, key) for key in [*PRECEPT_DEADLINES, "issue"]), key=lambda d: d.date)


def precept_workflows(*, fire_functions: bool) -> list[str]:
    """P-7: one precept for a Police and Crime Panel, two (police and fire) for a Police, Fire and Crime Panel."""
    return [POLICE_PRECEPT, FIRE_PRECEPT] if fire_functions else [POLICE_PRECEPT]


def _money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def veto_reason_of(decision_or_reason: str) -> str:
    """'too_high' / 'too_low' from a PreceptDecision veto or from the reason itself; '' when not a veto."""
    if decision_or_reason in (VETO_TOO_HIGH, VETO_TOO_LOW):
        return decision_or_reason
    return VETO_DECISIONS.get(decision_or_reason, "")


def is_veto(decision: str) -> bool:
    return decision in VETO_DECISIONS


@dataclass(frozen=True)
class VetoCount:
    """A veto vote counted against the persons who were members at the time of the decision (Sch 5 para 4)."""

    members: int
    votes_for: int
    required: int
    passes: bool


def veto_count(*, members: int, votes_for: int) -> VetoCount:
    """Two-thirds of the members at the time, vacancies excluded; presence and abstention do not lower the
    bar (12 -> 8, 13 -> 9, 20 -> 14; a 12-seat panel with one vacancy has 11 members and needs 8)."""
    if votes_for < 0:
        raise ValueError("Votes cannot be negative.")
    if votes_for > members:
        raise ValueError(f"{votes_for} votes for, but the panel had only {members} members.")
    return VetoCount(
        members=members,
        votes_for=votes_for,
        required=veto_threshold(members),
        passes=veto_passes(members, votes_for),
    )


def validate_revised(*, proposed, revised, veto_reason: str) -> list[str]:
    """Reg 5(3): after a 'too high' veto the revised precept must be lower; after 'too low', higher.
    Returns the problems; an empty list when the revised precept goes the way the veto requires."""
    reason = veto_reason_of(veto_reason)
    proposed, revised = _money(proposed), _money(revised)
    if reason == VETO_TOO_HIGH and not revised < proposed:
        return [f"The panel vetoed the precept as too high: the revised precept must be lower than {proposed}."]
    if reason == VETO_TOO_LOW and not revised > proposed:
        return [f"The panel vetoed the precept as too low: the revised precept must be higher than {proposed}."]
    if not reason:
        return ["A revised precept follows only a veto, which must say whether the precept is too high or too low."]
    return []


# Stages of the precept process, for allowed_actions.
STAGE_PANEL_REPORT = "panel_report"
STAGE_SECOND_REPORT = "second_report"
PRECEPT_ACTIONS = {
    # P-6: support, support with recommendations, or veto (Sch 5 paras 3-4).
    STAGE_PANEL_REPORT: ("support", "support_with_recommendations", "veto"),
    # P-3: the panel reviews the revised precept and reports; there is no second veto.
    STAGE_SECOND_REPORT: ("support", "support_with_recommendations"),
}


def allowed_actions(stage: str) -> tuple[str, ...]:
    """What the panel may decide at `stage`; 'veto' only at the first report."""
    return PRECEPT_ACTIONS[stage]


@dataclass(frozen=True)
class PreceptState:
    """Where the scrutiny process stands, as far as issuing the precept goes."""

    report_late: bool
    scrutiny_ended_by_missed_deadline: bool
    pcc_may_issue_proposed: bool


def precept_state(
    *, precept_year: str, veto: bool, report_date: date | None, today: date | None = None
) -> PreceptState:
    """P-4 (reg 4(2)): a panel that has not reported by 8 February ends the scrutiny process and, a veto
    notwithstanding, the PCC may issue the proposed precept. Without a veto the PCC may issue the proposed
    precept once the process ends (Sch 5 para 1(2)(a)); after a timely veto, never (para 6(2))."""
    due = precept_deadlines(precept_year)["panel_report"]
    late = report_date > due if report_date else bool(today and today > due)
    if veto:
        return PreceptState(report_late=late, scrutiny_ended_by_missed_deadline=late, pcc_may_issue_proposed=late)
    return PreceptState(report_late=late, scrutiny_ended_by_missed_deadline=late, pcc_may_issue_proposed=True)


def can_issue(
    *,
    proposed,
    issued,
    veto: bool,
    recommendations=(),
    revised=None,
    veto_reason: str = "",
    report_late: bool = False,
) -> bool:
    """Whether the PCC may issue `issued`.

    No veto (Sch 5 para 5(3)): the proposed precept, or a different one only if it follows a recommendation
    in the panel's report (`recommendations`: [{"precept": 245.00}, ...]).
    A veto reported by 8 February (para 6(2), reg 5): never the proposed precept; the revised one. A different
    precept after the second report is allowed here only if it follows a recommendation and goes the way the
    veto requires (reg 7: UNCONFIRMED, check on legislation.gov.uk before enforcing).
    A veto not reported by 8 February (reg 4(2)): the proposed precept may be issued.
    """
    issued_amount, proposed_amount = _money(issued), _money(proposed)
    recommended = {_money(r["precept"]) for r in recommendations if r.get("precept") is not None}
    if not veto:
        return issued_amount == proposed_amount or issued_amount in recommended
    if report_late:
        return issued_amount == proposed_amount or (revised is not None and issued_amount == _money(revised))
    if issued_amount == proposed_amount:
        return False
    if revised is not None and issued_amount == _money(revised):
        return True
    return issued_amount in recommended and not validate_revised(
        proposed=proposed_amount, revised=issued_amount, veto_reason=veto_reason
    )


# Appointments ----------------------------------------------------------------------------------------------

# Sch 8 para 4(2)-(4), (6): the report is due within the period of three weeks beginning with the day the
# panel receives the notification, so the day of receipt is day 1 and the last day is received + 20.
# Any "relevant post-election period" is ignored in the count (para 4(9)-(10)); its end point is
# UNCONFIRMED, so it is not modelled here. Sch 1 (deputy PCC, chief executive, chief finance officer) is
# believed to use the same three weeks (UNCONFIRMED).
CC_REPORT_WEEKS = 3
# Sch 8 paras 12, 15(3): the PCC may not call on the chief constable to retire or resign until six weeks
# pass without a recommendation or the PCC decides on it (when the six weeks start is UNCONFIRMED).
CC_REMOVAL_WEEKS = 6
CC_REMOVAL_DAYS = 7 * CC_REMOVAL_WEEKS


def cc_report_deadline(received: date) -> date:
    """The last day for the panel's report: 2025-03-03 -> 2025-03-23."""
    return received + timedelta(days=7 * CC_REPORT_WEEKS - 1)


@dataclass(frozen=True)
class ReportTiming:
    deadline: date
    late: bool
    pcc_may_appoint: bool


def cc_report_status(*, received: date, report: date | None = None, today: date | None = None) -> ReportTiming:
    """Sch 8 para 2(3): when the three weeks expire without a report the confirmation process ends and the
    PCC may appoint. A report after the deadline is late and does not stop the appointment."""
    due = cc_report_deadline(received)
    late = report > due if report else bool(today and today > due)
    return ReportTiming(deadline=due, late=late, pcc_may_appoint=late)


# Sch 8 para 3: what the PCC's notification must contain, and how a missing part is reported.
NOTIFICATION_PARTS = {
    "name": _("candidate's name missing"),
    "criteria": _("criteria used to assess suitability missing"),
    "reasons": _("reasons the candidate meets the criteria missing"),
    "terms": _("terms and conditions missing"),
}


def validate_cc_notification(notification: dict) -> list[str]:
    """C-1: each missing part, e.g. 'terms and conditions missing'; an empty list when complete."""
    return [str(message) for key, message in NOTIFICATION_PARTS.items() if not str(notification.get(key) or "").strip()]


def can_veto_appointment(post: str) -> bool:
    """C-4: the veto exists only for the precept and the chief constable (Policing Protocol para 24)."""
    return post == AppointmentPost.CHIEF_CONSTABLE


def cc_veto_passes(*, members: int, votes_for: int) -> bool:
    """C-3: the same two-thirds of the members at the time as the precept veto (Policing Protocol para 24(b))."""
    return veto_passes(members, votes_for)


APPOINTMENT_NOTIFIED = "notified"
APPOINTMENT_VETOED = "vetoed"
APPOINTMENT_RESERVE = "reserve_candidate"


def appointment_allowed_actions(post: str, stage: str = APPOINTMENT_NOTIFIED) -> tuple[str, ...]:
    """What may happen next. After a chief constable veto the PCC proposes a reserve candidate (SI 2012/2271
    Part 3), on whom, as generally understood, there is no second veto (UNCONFIRMED)."""
    if stage == APPOINTMENT_VETOED:
        return ("propose_reserve_candidate",)
    actions = ("hold_hearing", "recommend_appoint", "recommend_not_appoint")
    if stage == APPOINTMENT_NOTIFIED and can_veto_appointment(post):
        actions += ("veto",)
    return actions
