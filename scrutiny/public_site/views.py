"""Public pages. Thin: parse, call a selector, render. Anonymous responses go through the page cache."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from scrutiny.core.cache import public_page
from scrutiny.documents.pack_views import public_pack_download, public_supplementary_download
from scrutiny.documents.selectors import public_pack_latest
from scrutiny.meetings.models import Meeting
from scrutiny.meetings.selectors import (
    meeting_get_for_public,
    meeting_next,
    meeting_years,
    meetings_for_calendar,
    meetings_in_year,
    meetings_latest_with_minutes,
)
from scrutiny.members.models import Person
from scrutiny.members.selectors import (
    AttendanceOutcome,
    attendance_record_from,
    member_attendance,
    membership_summary,
    memberships_current_on,
    memberships_former,
    person_get_for_public,
    person_memberships,
)
from scrutiny.panels.models import Panel
from scrutiny.work_programme.deadlines import panel_deadlines
from scrutiny.work_programme.participation import participation_window, public_questions_for
from scrutiny.work_programme.selectors import actions_raised_at

from .calendar import meetings_ical


@public_page
def index(request):
    panels = Panel.objects.live().only("id", "name", "slug", "policing_area").order_by("name")
    return render(request, "public_site/index.html", {"panels": panels})


@public_page
def accessibility(request):
    return render(request, "public_site/accessibility.html")


def _panel(panel_slug):
    return get_object_or_404(Panel.objects.live().select_related("contact_officer"), slug=panel_slug)


@public_page
def panel_home(request, panel_slug):
    panel = _panel(panel_slug)
    today = timezone.localdate()
    memberships = list(memberships_current_on(panel, today))
    return render(
        request,
        "public_site/panel_home.html",
        {
            "panel": panel,
            "next_meeting": meeting_next(panel),
            "latest_meetings": meetings_latest_with_minutes(panel),
            "summary": membership_summary(memberships),
            "deadlines": panel_deadlines(panel, today),
        },
    )


@public_page
def member_list(request, panel_slug):
    panel = _panel(panel_slug)
    today = timezone.localdate()
    return render(
        request,
        "public_site/member_list.html",
        {
            "panel": panel,
            "memberships": list(memberships_current_on(panel, today)),
            "former": list(memberships_former(panel, today)),
        },
    )


@public_page
def member_detail(request, panel_slug, person_slug):
    panel = _panel(panel_slug)
    try:
        person = person_get_for_public(panel, person_slug)
    except Person.DoesNotExist as exc:
        raise Http404 from exc
    memberships = list(person_memberships(person))
    attendance = member_attendance(person, memberships)
    record = attendance_record_from(attendance)
    # The record counts "not recorded" as absent; the page tells the two apart.
    not_recorded = sum(1 for row in attendance if row.outcome == AttendanceOutcome.NOT_RECORDED)
    return render(
        request,
        "public_site/member_detail.html",
        {
            "panel": panel,
            "person": person,
            "memberships": memberships,
            "offices": sorted((o for m in memberships for o in m.offices_all), key=lambda o: o.start_date),
            "attendance": attendance,
            "record": record,
            "absent_recorded": record.absent - not_recorded,
            "not_recorded": not_recorded,
        },
    )


@public_page
def meeting_list(request, panel_slug, year=None):
    panel = _panel(panel_slug)
    years = meeting_years(panel)
    year_page = year is not None
    if year is None:
        year = years[0] if years else None
    elif year not in years:
        raise Http404
    meetings = list(meetings_in_year(panel, year)) if year else []
    return render(
        request,
        "public_site/meeting_list.html",
        {"panel": panel, "year": year, "years": years, "meetings": meetings, "year_page": year_page},
    )


@public_page
def meeting_detail(request, panel_slug, meeting_slug):
    panel = _panel(panel_slug)
    try:
        page = meeting_get_for_public(panel, meeting_slug)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "public_site/meeting_detail.html",
        {
            "panel": panel,
            "page": page,
            "meeting": page.meeting,
            "pack": public_pack_latest(page.meeting),
            "public_questions": public_questions_for(page.meeting),
            "actions_raised": actions_raised_at(page.meeting),
            "participation": participation_window(page.meeting),
        },
    )


def meeting_agenda_pack(request, panel_slug, meeting_slug):
    """The latest public agenda pack of a meeting, as a PDF (it holds no exempt information)."""
    return public_pack_download(request, panel_slug, meeting_slug)


def meeting_supplementary_pack(request, panel_slug, meeting_slug, number):
    """A meeting's supplementary pack, by its number, as a PDF (it holds no exempt information)."""
    return public_supplementary_download(request, panel_slug, meeting_slug, number)


@public_page
def meeting_calendar(request, panel_slug):
    panel = _panel(panel_slug)
    body = meetings_ical(
        panel,
        meetings_for_calendar(panel),
        base_url=request.build_absolute_uri("/"),
        deadlines=panel_deadlines(panel, timezone.localdate()),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{panel.slug}-meetings.ics"'
    return response
