"""What the rules say about a meeting as recorded: warnings for the officer, never refusals.

The seed's 27 July 2023 meeting shows why: members took part before being re-co-opted at minute 478, and a
substitute stood in for one of them. The record must say so, and the officer must be told.
"""

from dataclasses import dataclass

from django.utils import timezone

from scrutiny.members.models import Membership
from scrutiny.members.rules import composition_problems, substitute_problems
from scrutiny.members.selectors import composition_on

from .choices import AttendanceStatus, MeetingStatus
from .rules import clear_days_between, meeting_participation_deadline, required_clear_days


@dataclass(frozen=True)
class Check:
    level: str  # "warning" or "info"
    message: str


def meeting_compliance(meeting) -> dict:
    """Date of issue, clear days against the rule, and the participation deadline, for the public page."""
    meeting_day = timezone.localtime(meeting.start).date()
    required = required_clear_days(meeting.panel.nation)
    clear = (
        clear_days_between(meeting.date_of_issue, meeting_day, meeting.panel.clear_days_mode)
        if meeting.date_of_issue
        else None
    )
    return {
        "date_of_issue": meeting.date_of_issue,
        "clear_days": clear,
        "required_clear_days": required,
        "clear_days_met": clear is not None and clear >= required,
        "clear_days_mode": meeting.panel.get_clear_days_mode_display(),
        "participation_deadline": meeting_participation_deadline(meeting),
    }


def meeting_checks(meeting) -> list[Check]:
    """Every rule's verdict on the meeting as recorded."""
    checks: list[Check] = []
    day = timezone.localtime(meeting.start).date()
    compliance = meeting_compliance(meeting)
    if meeting.date_of_issue is None and meeting.status != MeetingStatus.CANCELLED:
        checks.append(Check("info", "The agenda's date of issue is not recorded yet."))
    elif compliance["clear_days"] is not None and not compliance["clear_days_met"]:
        reason = (
            f" Urgency reason recorded: {meeting.urgency_reason}"
            if meeting.urgency_reason
            else " No urgency reason is recorded."
        )
        checks.append(
            Check(
                "warning",
                f"The agenda was issued {compliance['clear_days']} clear days before the meeting; "
                f"{compliance['required_clear_days']} are required (LGA 1972 s100B).{reason}",
            )
        )

    memberships = list(
        Membership.objects.live().filter(panel_id=meeting.panel_id).select_related("person", "council", "start_minute")
    )
    by_person: dict[int, list[Membership]] = {}
    for membership in memberships:
        by_person.setdefault(membership.person_id, []).append(membership)

    def in_force(membership) -> bool:
        starts_ok = membership.start_date is None or membership.start_date <= day
        ends_ok = membership.end_date is None or membership.end_date >= day
        return starts_ok and ends_ok

    def business_before(minute) -> bool:
        """Whether the meeting did business before `minute`, in which a new member could have taken part."""
        return meeting.minute_items.live().filter(order__lt=minute.order).exists()

    attendances = list(
        meeting.attendances.live().select_related(
            "person", "substitute_for__person", "substitute_for__council", "council"
        )
    )
    apologies = {a.person_id for a in attendances if a.status == AttendanceStatus.APOLOGIES}
    for attendance in attendances:
        person = attendance.person
        held = [m for m in by_person.get(person.pk, []) if in_force(m)]
        if attendance.status in (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
            if not held:
                checks.append(
                    Check(
                        "warning",
                        f"{person} is recorded as {attendance.get_status_display().lower()} "
                        f"but held no membership on {day:%-d %B %Y}.",
                    )
                )
            for membership in held:
                if (
                    membership.start_minute_id
                    and membership.start_minute.meeting_id == meeting.pk
                    and attendance.status == AttendanceStatus.PRESENT
                    and business_before(membership.start_minute)
                ):
                    checks.append(
                        Check(
                            "warning",
                            f"{person} took part before becoming a member at minute "
                            f"{membership.start_minute.label} of this meeting.",
                        )
                    )
        if attendance.status == AttendanceStatus.SUBSTITUTE and attendance.substitute_for_id:
            member = attendance.substitute_for
            for problem in substitute_problems(
                substitute_council_id=attendance.council_id,
                member_council_id=member.council_id,
                member_sent_apologies=member.person_id in apologies,
                member_name=str(member.person),
                council_name=str(member.council or ""),
            ):
                checks.append(Check("warning", problem))
            if not in_force(member):
                checks.append(
                    Check(
                        "warning",
                        f"{attendance.person} stood in for {member.person}, who was not a member on {day:%-d %B %Y}.",
                    )
                )
            elif member.start_minute_id and member.start_minute.meeting_id == meeting.pk:
                checks.append(
                    Check(
                        "warning",
                        f"{attendance.person} stood in for {member.person}, whose membership began only at minute "
                        f"{member.start_minute.label} of this meeting.",
                    )
                )

    current = [m for m in memberships if in_force(m)]
    for problem in composition_problems(composition_on(meeting.panel, day, current)):
        checks.append(Check("warning", f"Composition on {day:%-d %B %Y}: {problem}"))
    return checks
