"""The staff area: the panels the signed-in user works on, and what the rules say about each meeting.

Every view asks scrutiny.accounts.permissions: another panel's objects are "not found" (404), so that their
existence is not revealed; a panel member or the PCC's office may look but not change (403 on a change).
"""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from scrutiny.accounts.decorators import staff_required
from scrutiny.accounts.models import PanelRole
from scrutiny.accounts.permissions import can_edit_panel, can_view_panel, scope_to_panels
from scrutiny.meetings.checks import meeting_checks
from scrutiny.meetings.models import AgendaItem, Meeting
from scrutiny.meetings.services import agenda_item_release
from scrutiny.panels.models import Panel

MEETINGS_PER_LIST = 5


def _first_per_panel(meetings, order_by) -> dict[int, list[Meeting]]:
    """The first few meetings of each panel in `order_by` order, in one query."""
    ranked = meetings.annotate(
        rank=Window(RowNumber(), partition_by=F("panel_id"), order_by=order_by),
    ).filter(rank__lte=MEETINGS_PER_LIST)
    rows = sorted(ranked, key=lambda m: (m.panel_id, m.rank))
    return {panel_id: list(group) for panel_id, group in groupby(rows, key=lambda m: m.panel_id)}


def _panel_or_404(request, panel_slug) -> Panel:
    panel = get_object_or_404(Panel.objects.live(), slug=panel_slug)
    if not can_view_panel(request.user, panel):
        raise Http404
    return panel


@require_safe
@staff_required
def home(request):
    """The user's panels, each with its next and most recent meetings."""
    panels = list(scope_to_panels(Panel.objects.live(), request.user, field="pk").order_by("name"))
    meetings = Meeting.objects.filter(panel__in=panels).select_related("panel")
    upcoming = _first_per_panel(meetings.upcoming(), order_by=F("start").asc())
    recent = _first_per_panel(meetings.past(), order_by=F("start").desc())
    roles: dict[int, list[str]] = {}
    for role in PanelRole.objects.filter(user=request.user, panel__in=panels).order_by("role"):
        roles.setdefault(role.panel_id, []).append(role.get_role_display())
    rows = [
        {
            "panel": panel,
            "roles": roles.get(panel.pk) or ([_("Administrator")] if request.user.is_superuser else []),
            "can_edit": can_edit_panel(request.user, panel),
            "upcoming": upcoming.get(panel.pk, []),
            "recent": recent.get(panel.pk, []),
        }
        for panel in panels
    ]
    return render(request, "staff/home.html", {"rows": rows})


@require_safe
@staff_required
def meeting_detail(request, panel_slug, meeting_slug):
    """A meeting as staff see it: every rule's warning, exempt items in full, and links into the admin."""
    panel = _panel_or_404(request, panel_slug)
    meeting = get_object_or_404(
        Meeting.objects.live().select_related("panel", "contact_officer"), panel=panel, slug=meeting_slug
    )
    checks = meeting_checks(meeting)
    context = {
        "staff_panel": panel,
        "meeting": meeting,
        "can_edit": can_edit_panel(request.user, panel),
        "warnings": [c for c in checks if c.level == "warning"],
        "notes": [c for c in checks if c.level != "warning"],
        "agenda_items": list(meeting.agenda_items.live().order_by("order", "id")),
        "attendances": list(
            meeting.attendances.live()
            .select_related("person", "substitute_for__person", "council")
            .order_by("order", "id")
        ),
        "minute_items": list(meeting.minute_items.live().select_related("agenda_item").order_by("order", "number")),
    }
    return render(request, "staff/meeting_detail.html", context)


@require_POST
@staff_required
def release_agenda_item(request, panel_slug, meeting_slug, item_id):
    """Release an exempt item (LGA 1972 Sch 12A para 10): its papers and minutes become public."""
    panel = _panel_or_404(request, panel_slug)
    if not can_edit_panel(request.user, panel):
        raise PermissionDenied
    item = get_object_or_404(
        AgendaItem.objects.live().select_related("meeting"),
        pk=item_id,
        meeting__panel=panel,
        meeting__slug=meeting_slug,
        meeting__is_deleted=False,
    )
    try:
        agenda_item_release(acting_user=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Item %(number)s is released: the public can now read it.") % {"number": item.number}
        )
    return redirect("staff:meeting_detail", panel_slug=panel.slug, meeting_slug=item.meeting.slug)
