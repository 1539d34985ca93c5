"""Pages for actions and the work programme: public (the panel's action tracker and work programme, without
what exempt minutes raised) and staff (the full tracker, proposing and dropping items, generating papers).

Staff views follow the staff area's rules: another panel is "not found" (404); a panel member or the PCC's
office may look but not change (403 on a change).
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from scrutiny.accounts.decorators import staff_required
from scrutiny.accounts.permissions import can_edit_panel, can_view_panel
from scrutiny.core.cache import public_page
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import AgendaItem, Meeting
from scrutiny.panels.models import Panel

from . import reports, selectors, services
from .choices import ActionStatus
from .models import Action, WorkProgrammeItem


def _public_panel(panel_slug) -> Panel:
    return get_object_or_404(Panel.objects.live(), slug=panel_slug)


def _staff_panel(request, panel_slug, *, edit: bool = False) -> Panel:
    panel = get_object_or_404(Panel.objects.live(), slug=panel_slug)
    if not can_view_panel(request.user, panel):
        raise Http404
    if edit and not can_edit_panel(request.user, panel):
        raise PermissionDenied
    return panel


@require_safe
@public_page
def action_list(request, panel_slug):
    """The panel's action tracker for the public: what exempt minutes raised is left out."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        "work_programme/action_list.html",
        {
            "panel": panel,
            "tracker": selectors.action_tracker(panel, public=True),
            "staff": False,
            "base_template": "base.html",
        },
    )


@require_safe
@public_page
def work_programme(request, panel_slug):
    """The panel's work programme, with each item's date of last report."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        "work_programme/work_programme.html",
        {"panel": panel, "rows": selectors.work_programme_rows(panel), "staff": False, "base_template": "base.html"},
    )


@require_safe
@staff_required
def staff_action_list(request, panel_slug):
    """Every action of the panel, exempt ones included, by status and by owner."""
    panel = _staff_panel(request, panel_slug)
    return render(
        request,
        "work_programme/action_list.html",
        {
            "panel": panel,
            "tracker": selectors.action_tracker(panel),
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
            "agenda_items": _upcoming_agenda_items(panel),
        },
    )


def _upcoming_agenda_items(panel):
    return list(
        AgendaItem.objects.live()
        .filter(meeting__panel=panel, meeting__status=MeetingStatus.SCHEDULED, meeting__is_deleted=False)
        .select_related("meeting")
        .order_by("meeting__start", "order", "id")
    )


@require_safe
@staff_required
def staff_work_programme(request, panel_slug):
    """The work programme with dropped items, flags, and (for the officer) the means to change it."""
    panel = _staff_panel(request, panel_slug)
    return render(
        request,
        "work_programme/work_programme.html",
        {
            "panel": panel,
            "rows": selectors.work_programme_rows(panel, include_dropped=True),
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
            "meetings": list(
                Meeting.objects.live().filter(panel=panel, status=MeetingStatus.SCHEDULED).order_by("start")
            ),
            "agenda_items": _upcoming_agenda_items(panel),
        },
    )


@require_POST
@staff_required
def staff_work_programme_propose(request, panel_slug):
    """Propose the regular items for a scheduled meeting."""
    panel = _staff_panel(request, panel_slug, edit=True)
    meeting = get_object_or_404(Meeting.objects.live(), panel=panel, pk=request.POST.get("meeting"))
    created = services.work_programme_propose(acting_user=request.user, meeting=meeting)
    messages.success(request, _("Proposed %(count)d regular items.") % {"count": len(created)})
    return redirect(reverse("work_programme:staff_work_programme", args=[panel.slug]))


@require_POST
@staff_required
def staff_work_programme_item_drop(request, panel_slug, item_id):
    """Drop an item for its meeting, or restore it."""
    panel = _staff_panel(request, panel_slug, edit=True)
    item = get_object_or_404(WorkProgrammeItem.objects.live(), panel=panel, pk=item_id)
    services.work_programme_item_drop(acting_user=request.user, item=item, dropped=request.POST.get("restore") != "1")
    return redirect(reverse("work_programme:staff_work_programme", args=[panel.slug]))


@require_POST
@staff_required
def staff_action_close(request, panel_slug, action_id):
    """Close an open action: done (with the owner's response and its date) or dropped."""
    panel = _staff_panel(request, panel_slug, edit=True)
    action = get_object_or_404(Action.objects.live(), panel=panel, pk=action_id, status=ActionStatus.OPEN)
    response = request.POST.get("response", "")
    try:
        if request.POST.get("outcome") == "dropped":
            services.action_drop(acting_user=request.user, action=action, reason=response)
        else:
            try:
                responded_on = datetime.date.fromisoformat(request.POST.get("responded_on", ""))
            except ValueError:
                responded_on = timezone.localdate()
            services.action_complete(
                acting_user=request.user, action=action, response=response, responded_on=responded_on
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("work_programme:staff_action_list", args=[panel.slug]))


@require_POST
@staff_required
def staff_paper_generate(request, panel_slug, kind):
    """Generate the actions update or the work programme report on an agenda item."""
    panel = _staff_panel(request, panel_slug, edit=True)
    agenda_item = get_object_or_404(
        AgendaItem.objects.live().select_related("meeting__panel"),
        meeting__panel=panel,
        pk=request.POST.get("agenda_item"),
    )
    generate = {
        "actions-update": reports.actions_update_paper_generate,
        "work-programme": reports.work_programme_paper_generate,
    }.get(kind)
    if generate is None:
        raise Http404
    paper = generate(acting_user=request.user, agenda_item=agenda_item)
    messages.success(request, _("Generated “%(title)s”.") % {"title": paper.title})
    return redirect(
        reverse("staff:meeting_detail", kwargs={"panel_slug": panel.slug, "meeting_slug": agenda_item.meeting.slug})
    )
