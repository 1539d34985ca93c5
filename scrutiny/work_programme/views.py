"""Pages for actions, recommendations, task groups and the work programme: public (the panel's action
tracker, recommendations and the PCC's responses, task groups and champions, the work programme, without
what exempt minutes raised) and staff (the full tracker and the forms to record actions, recommendations,
task groups and champions; proposing and dropping items, generating papers).

Staff views follow the staff area's rules: another panel is "not found" (404); a panel member or the PCC's
office may look but not change (403 on a change).
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from scrutiny.accounts.decorators import staff_panel_or_404, staff_required
from scrutiny.accounts.permissions import can_edit_panel
from scrutiny.core.cache import public_page
from scrutiny.core.forms import form_errors_add, posted
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import AgendaItem, Meeting
from scrutiny.panels.models import Panel

from . import reports, selectors, services
from .choices import ActionStatus
from .forms import ActionForm, ChampionRoleForm, RecommendationForm, RecommendationResponseForm, TaskGroupForm
from .models import Action, ChampionRole, Recommendation, TaskGroup, WorkProgrammeItem

FORM_METHODS = ["GET", "HEAD", "POST"]


def _public_panel(panel_slug) -> Panel:
    return get_object_or_404(Panel.objects.live(), slug=panel_slug)


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
    panel = staff_panel_or_404(request, panel_slug)
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
    panel = staff_panel_or_404(request, panel_slug)
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
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    meeting = get_object_or_404(Meeting.objects.live(), panel=panel, pk=request.POST.get("meeting"))
    created = services.work_programme_propose(acting_user=request.user, meeting=meeting)
    messages.success(request, _("Proposed %(count)d regular items.") % {"count": len(created)})
    return redirect(reverse("work_programme:staff_work_programme", args=[panel.slug]))


@require_POST
@staff_required
def staff_work_programme_item_drop(request, panel_slug, item_id):
    """Drop an item for its meeting, or restore it."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    item = get_object_or_404(WorkProgrammeItem.objects.live(), panel=panel, pk=item_id)
    services.work_programme_item_drop(acting_user=request.user, item=item, dropped=request.POST.get("restore") != "1")
    return redirect(reverse("work_programme:staff_work_programme", args=[panel.slug]))


@require_POST
@staff_required
def staff_action_close(request, panel_slug, action_id):
    """Close an open action: done (with the owner's response and its date) or dropped."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
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
    panel = staff_panel_or_404(request, panel_slug, edit=True)
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


# ---------------------------------------------------------------- forms: shared plumbing


def _form_page(request, template: str, context: dict, *, heading: str, submit_label: str, cancel: str):
    """A staff form page; 400 when it shows errors, so that nothing looks saved."""
    form = context["form"]
    context = {
        "staff": True,
        "heading": heading,
        "submit_label": submit_label,
        "cancel_url": reverse(f"work_programme:{cancel}", args=[context["panel"].slug]),
        **context,
    }
    return render(request, f"work_programme/{template}", context, status=400 if form.errors else 200)


# ---------------------------------------------------------------- actions: forms and evidence


@require_http_methods(FORM_METHODS)
@staff_required
def staff_action_create(request, panel_slug):
    """Record an action: where it was raised, what, who, when due, and (if known) its response and evidence."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    form = ActionForm(*posted(request), panel=panel)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_create(acting_user=request.user, panel=panel, **form.service_fields())
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The action is recorded."))
            return redirect("work_programme:staff_action_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "action_form.html",
        {"panel": panel, "form": form},
        heading=_("Add an action"),
        submit_label=_("Save the action"),
        cancel="staff_action_list",
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_action_update(request, panel_slug, action_id):
    """Change an action, its status, response or evidence."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    action = get_object_or_404(
        Action.objects.live().select_related("minute_item", "due_meeting", "evidence_paper"), panel=panel, pk=action_id
    )
    form = ActionForm(*posted(request), panel=panel, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(acting_user=request.user, action=action, **form.service_fields())
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect("work_programme:staff_action_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "action_form.html",
        {"panel": panel, "form": form, "action": action},
        heading=_("Change an action"),
        submit_label=_("Save the action"),
        cancel="staff_action_list",
    )


def _evidence_response(action: Action) -> FileResponse:
    if not action.evidence_file:
        raise Http404
    name = action.evidence_file.name.rsplit("/", 1)[-1]
    return FileResponse(action.evidence_file.open("rb"), as_attachment=not name.endswith(".pdf"), filename=name)


@require_safe
@staff_required
def staff_action_evidence(request, panel_slug, action_id):
    """An action's evidence file, to anyone who may see the panel's staff pages."""
    panel = staff_panel_or_404(request, panel_slug)
    return _evidence_response(get_object_or_404(Action.objects.live(), panel=panel, pk=action_id))


@require_safe
def action_evidence(request, panel_slug, action_id):
    """An action's evidence file for the public: never one of an action raised in exempt business. Not cached:
    a file is streamed, and the selector decides afresh on every request."""
    panel = _public_panel(panel_slug)
    try:
        action = selectors.action_get_for_public(panel, action_id)
    except Action.DoesNotExist as error:
        raise Http404 from error
    return _evidence_response(action)


# ---------------------------------------------------------------- recommendations


@require_safe
@public_page
def recommendation_list(request, panel_slug):
    """The panel's recommendations to the PCC and the PCC's responses; those made in exempt business are left
    out."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        "work_programme/recommendation_list.html",
        {
            "panel": panel,
            "recommendations": selectors.recommendation_list(panel, public=True),
            "staff": False,
            "base_template": "base.html",
        },
    )


@require_safe
@staff_required
def staff_recommendation_list(request, panel_slug):
    """Every recommendation of the panel: awaiting a response (overdue ones flagged) and responded."""
    panel = staff_panel_or_404(request, panel_slug)
    return render(
        request,
        "work_programme/recommendation_list.html",
        {
            "panel": panel,
            "recommendations": selectors.recommendation_list(panel),
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
        },
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_recommendation_create(request, panel_slug):
    """Record a formal recommendation of the panel to the PCC."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    form = RecommendationForm(posted(request)[0], panel=panel)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_create(acting_user=request.user, panel=panel, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The recommendation is recorded."))
            return redirect("work_programme:staff_recommendation_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "recommendation_form.html",
        {"panel": panel, "form": form},
        heading=_("Add a recommendation"),
        submit_label=_("Save the recommendation"),
        cancel="staff_recommendation_list",
    )


def _recommendation(panel, recommendation_id) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.live().select_related("minute_item__meeting"), panel=panel, pk=recommendation_id
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_recommendation_update(request, panel_slug, recommendation_id):
    """Correct a recommendation's subject, words, date, minute or response deadline."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    recommendation = _recommendation(panel, recommendation_id)
    initial = {
        "subject": recommendation.subject,
        "text": recommendation.text,
        "made_on": recommendation.made_on,
        "minute_item": recommendation.minute_item_id,
        "response_due": recommendation.response_due,
    }
    form = RecommendationForm(posted(request)[0], panel=panel, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_update(acting_user=request.user, recommendation=recommendation, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The recommendation is saved."))
            return redirect("work_programme:staff_recommendation_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "recommendation_form.html",
        {"panel": panel, "form": form, "recommendation": recommendation},
        heading=_("Change a recommendation"),
        submit_label=_("Save the recommendation"),
        cancel="staff_recommendation_list",
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_recommendation_respond(request, panel_slug, recommendation_id):
    """Record the PCC's response to a recommendation: accepted, partly accepted or rejected, what and when."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    recommendation = _recommendation(panel, recommendation_id)
    initial = None
    if recommendation.responded_on:
        initial = {
            "response": recommendation.response,
            "response_text": recommendation.response_text,
            "responded_on": recommendation.responded_on,
        }
    form = RecommendationResponseForm(posted(request)[0], initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_respond(
                acting_user=request.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The PCC’s response is recorded."))
            return redirect("work_programme:staff_recommendation_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "recommendation_respond.html",
        {"panel": panel, "form": form, "recommendation": recommendation},
        heading=_("Record the PCC’s response"),
        submit_label=_("Save the response"),
        cancel="staff_recommendation_list",
    )


# ---------------------------------------------------------------- task groups and champions


@require_safe
@public_page
def task_group_list(request, panel_slug):
    """The panel's task groups and deep dives, and its champions."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        "work_programme/task_group_list.html",
        {
            "panel": panel,
            "groups": list(selectors.task_groups_for_panel(panel)),
            "champions": list(selectors.champion_roles_for_panel(panel)),
            "staff": False,
            "base_template": "base.html",
        },
    )


@require_safe
@staff_required
def staff_task_group_list(request, panel_slug):
    """Task groups, deep dives and champions, with the means (for the officer) to change them."""
    panel = staff_panel_or_404(request, panel_slug)
    return render(
        request,
        "work_programme/task_group_list.html",
        {
            "panel": panel,
            "groups": list(selectors.task_groups_for_panel(panel)),
            "champions": list(selectors.champion_roles_for_panel(panel)),
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
        },
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_task_group_create(request, panel_slug):
    """Set up a task group or deep dive, with members chosen from the panel's current members."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    form = TaskGroupForm(posted(request)[0], panel=panel)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_group_create(acting_user=request.user, panel=panel, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The task group is recorded."))
            return redirect("work_programme:staff_task_group_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "task_group_form.html",
        {"panel": panel, "form": form},
        heading=_("Add a task group or deep dive"),
        submit_label=_("Save the task group"),
        cancel="staff_task_group_list",
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_task_group_update(request, panel_slug, group_id):
    """Change a task group: its members, scope, status or findings."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    group = get_object_or_404(TaskGroup.objects.live().select_related("panel"), panel=panel, pk=group_id)
    form = TaskGroupForm(posted(request)[0], panel=panel, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_group_update(acting_user=request.user, group=group, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The task group is saved."))
            return redirect("work_programme:staff_task_group_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "task_group_form.html",
        {"panel": panel, "form": form, "group": group},
        heading=_("Change a task group"),
        submit_label=_("Save the task group"),
        cancel="staff_task_group_list",
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_champion_role_create(request, panel_slug):
    """Name a current member as the panel's champion for an area."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    form = ChampionRoleForm(posted(request)[0], panel=panel)
    if request.method == "POST" and form.is_valid():
        try:
            services.champion_role_create(acting_user=request.user, panel=panel, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The champion is added."))
            return redirect("work_programme:staff_task_group_list", panel_slug=panel.slug)
    return _form_page(
        request,
        "champion_role_form.html",
        {"panel": panel, "form": form},
        heading=_("Add a champion"),
        submit_label=_("Add the champion"),
        cancel="staff_task_group_list",
    )


@require_POST
@staff_required
def staff_champion_role_remove(request, panel_slug, role_id):
    """End a champion role (kept as a tombstone in the record)."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    role = get_object_or_404(ChampionRole.objects.live().select_related("person"), panel=panel, pk=role_id)
    services.champion_role_remove(acting_user=request.user, role=role)
    messages.success(
        request, _("%(person)s is no longer champion for %(area)s.") % {"person": role.person, "area": role.area}
    )
    return redirect("work_programme:staff_task_group_list", panel_slug=panel.slug)
