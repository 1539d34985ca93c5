"""Selector: a panel's upcoming statutory deadlines, for the home page and the calendar feed.

Three queries: the current precept process, the open confirmation hearings, the recommendations awaiting a
response with a statutory date.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from .choices import HearingOutcome, RecommendationResponse
from .models import ConfirmationHearing, PreceptProcess, Recommendation
from .statutory import (
    VETO_PATH,
    cc_report_deadline,
    is_veto,
    non_working_day_warning,
    precept_deadline_list,
    precept_year_for,
)


@dataclass(frozen=True)
class UpcomingDeadline:
    """One date to show. `uid` stays the same for the life of the deadline (the calendar feed relies on it)."""

    uid: str
    label: str
    date: date
    warning: str = ""


def _precept_steps_done(process: PreceptProcess | None) -> set[str]:
    """Steps of the cycle already recorded, and the veto path once the panel has reported without a veto."""
    if process is None:
        return set()
    recorded = {
        "notify": process.notified_on,
        "panel_report": process.panel_report_on,
        "pcc_response_if_veto": process.revised_notified_on,
        "panel_second_report": process.second_report_on,
        "final": process.final_response_on,
        "issue": process.issued_on,
    }
    done = {key for key, value in recorded.items() if value}
    if process.decision and not is_veto(process.decision):
        done |= VETO_PATH
    return done


def _precept_deadlines(panel, today: date) -> list[UpcomingDeadline]:
    year = precept_year_for(today)
    process = PreceptProcess.objects.live().filter(panel=panel, precept_year=year).first()
    done = _precept_steps_done(process)
    veto_pending = process is None or not process.decision
    rows = []
    for step in precept_deadline_list(year):
        if step.key in done or step.date < today:
            continue
        label = _("Precept %(year)s: %(step)s") % {"year": year, "step": step.label}
        if step.key in VETO_PATH and veto_pending:
            label += " " + _("(only if the panel vetoes)")
        rows.append(
            UpcomingDeadline(
                uid=f"precept-{year.replace('/', '-')}-{step.key}", label=label, date=step.date, warning=step.warning
            )
        )
    return rows


def _hearing_deadlines(panel, today: date) -> list[UpcomingDeadline]:
    hearings = ConfirmationHearing.objects.live().filter(
        panel=panel, outcome=HearingOutcome.PENDING, report_on__isnull=True
    )
    rows = []
    for hearing in hearings:
        due = cc_report_deadline(hearing.notification_received_on)
        if due < today:
            continue
        label = _("Report on the proposed appointment of %(candidate)s as %(post)s") % {
            "candidate": hearing.candidate,
            "post": hearing.get_post_display(),
        }
        rows.append(
            UpcomingDeadline(
                uid=f"hearing-{hearing.pk}-report", label=label, date=due, warning=non_working_day_warning(due)
            )
        )
    return rows


def _recommendation_deadlines(panel, today: date) -> list[UpcomingDeadline]:
    recommendations = Recommendation.objects.live().filter(
        panel=panel, response=RecommendationResponse.AWAITED, response_due__gte=today
    )
    return [
        UpcomingDeadline(
            uid=f"recommendation-{r.pk}-response",
            label=_("Response due to the panel's recommendation: %(subject)s") % {"subject": r.get_subject_display()},
            date=r.response_due,
            warning=non_working_day_warning(r.response_due),
        )
        for r in recommendations
    ]


def panel_deadlines(panel, today: date) -> list[UpcomingDeadline]:
    """The statutory deadlines from `today` on, soonest first: the current precept cycle (steps not yet
    recorded), the reports due on proposed appointments, and responses due to the panel's recommendations."""
    rows = _precept_deadlines(panel, today) + _hearing_deadlines(panel, today) + _recommendation_deadlines(panel, today)
    return sorted(rows, key=lambda row: (row.date, row.uid))
