"""Pages for the statutory processes: the precept (PRSRA 2011 Sch 5, SI 2012/2271) and confirmation hearings
(Sch 1 and Sch 8).

Public: each financial year's precept process and its timeline (every statutory step with its date in law,
what was recorded and when, and what the rules warn of), and each confirmation hearing (the candidate's
name and the post only, never the notification's contents). Staff: the same pages with the forms that
record each step through `statutory_services`; the services refuse only what the statute says cannot have
happened, and the pages show the rules' warnings for the rest.

Staff views follow the staff area's rules: another panel is "not found" (404); a panel member or the PCC's
office may look but not change (403 on a change).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from scrutiny.accounts.decorators import staff_panel_or_404, staff_required
from scrutiny.accounts.permissions import can_edit_panel
from scrutiny.core.cache import public_page
from scrutiny.core.forms import form_errors_add, posted

from . import selectors, statutory_services
from .models import ConfirmationHearing, PreceptProcess
from .statutory import is_veto
from .statutory_forms import (
    HearingDecideForm,
    HearingNotifyForm,
    HearingResponseForm,
    PreceptDecisionForm,
    PreceptFinalResponseForm,
    PreceptIssueForm,
    PreceptNotifyForm,
    PreceptReviseForm,
    PreceptSecondReportForm,
    PreceptStartForm,
)
from .views import FORM_METHODS, _public_panel

TEMPLATES = "work_programme/statutory/"

# Where a service names a field by the model's name and the form by its own.
FIELD_ALIASES = {
    "panel_report_on": "report_on",
    "notification_received_on": "received_on",
    "votes_for": "votes_for_veto",  # the two-thirds refusal names the precept's field, the hearing's form differs
}


def _form_page(request, context: dict, *, heading: str, submit_label: str, cancel_url: str):
    """A staff form page; 400 when it shows errors, so that nothing looks saved."""
    context = {"staff": True, "heading": heading, "submit_label": submit_label, "cancel_url": cancel_url, **context}
    return render(request, f"{TEMPLATES}form.html", context, status=400 if context["form"].errors else 200)


# ---------------------------------------------------------------- precept: public


@require_safe
@public_page
def precept_list(request, panel_slug):
    """Every financial year's precept process, newest first."""
    panel = _public_panel(panel_slug)
    timelines = [selectors.precept_timeline(p) for p in selectors.precept_processes_for_panel(panel)]
    return render(
        request,
        f"{TEMPLATES}precept_list.html",
        {"panel": panel, "timelines": timelines, "staff": False, "base_template": "base.html"},
    )


def _precept(panel, year_slug) -> PreceptProcess:
    try:
        return selectors.precept_process_get(panel, year_slug)
    except PreceptProcess.DoesNotExist as exc:
        raise Http404 from exc


@require_safe
@public_page
def precept_detail(request, panel_slug, year_slug):
    """One year's precept: each statutory step, what was recorded and when, and the rules' warnings."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        f"{TEMPLATES}precept_detail.html",
        {
            "panel": panel,
            "timeline": selectors.precept_timeline(_precept(panel, year_slug)),
            "staff": False,
            "base_template": "base.html",
        },
    )


# ---------------------------------------------------------------- precept: staff


@require_safe
@staff_required
def staff_precept_list(request, panel_slug):
    """Every precept year, with (for the officer) the means to start a new one."""
    panel = staff_panel_or_404(request, panel_slug)
    timelines = [selectors.precept_timeline(p) for p in selectors.precept_processes_for_panel(panel)]
    return render(
        request,
        f"{TEMPLATES}precept_list.html",
        {
            "panel": panel,
            "timelines": timelines,
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
        },
    )


@require_safe
@staff_required
def staff_precept_detail(request, panel_slug, year_slug):
    """One year's precept timeline, its staff notes, and links to record each step."""
    panel = staff_panel_or_404(request, panel_slug)
    timeline = selectors.precept_timeline(_precept(panel, year_slug))
    return render(
        request,
        f"{TEMPLATES}precept_detail.html",
        {
            "panel": panel,
            "timeline": timeline,
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
            "step_urls": _precept_step_urls(panel, timeline.process),
        },
    )


def _precept_step_urls(panel, process: PreceptProcess) -> dict:
    """The form for each step the record can take next, by the timeline's step keys."""
    slug = selectors.precept_year_slug(process.precept_year)

    def url(name):
        return reverse(f"work_programme:{name}", args=[panel.slug, slug])

    urls = {"notify": url("staff_precept_notify"), "issue": url("staff_precept_issue")}
    if process.notified_on and not process.decision:
        urls["panel_report"] = url("staff_precept_decide")
    if is_veto(process.decision):
        urls["pcc_response_if_veto"] = url("staff_precept_revise")
        if process.revised_band_d is not None:
            urls["panel_second_report"] = url("staff_precept_second_report")
        if process.second_report_on:
            urls["final"] = url("staff_precept_final_response")
    if process.decision:
        del urls["notify"]  # the service refuses a changed notification once the panel has reported
    return urls


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_start(request, panel_slug):
    """Open the precept process for a financial year."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    form = PreceptStartForm(posted(request)[0])
    if request.method == "POST" and form.is_valid():
        try:
            process = statutory_services.precept_start(acting_user=request.user, panel=panel, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error, aliases=FIELD_ALIASES)
        else:
            started = _("The precept process for %(year)s is started.") % {"year": process.precept_year}
            messages.success(request, started)
            return _to_precept(panel, process)
    return _form_page(
        request,
        {"panel": panel, "form": form},
        heading=_("Start a precept year"),
        submit_label=_("Start the precept year"),
        cancel_url=reverse("work_programme:staff_precept_list", args=[panel.slug]),
    )


def _to_precept(panel, process):
    return redirect(
        "work_programme:staff_precept_detail",
        panel_slug=panel.slug,
        year_slug=selectors.precept_year_slug(process.precept_year),
    )


def _precept_step(request, panel_slug, year_slug, *, form_class, save, heading, submit_label, step, initial=None):
    """A form for one step of a year's precept: parse, call the service, and back to the timeline."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    process = _precept(panel, year_slug)
    kwargs = {"panel": panel} if form_class is PreceptDecisionForm else {}
    form = form_class(posted(request)[0], initial=initial(process) if initial else None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            problems = save(request.user, process, form.cleaned_data) or []
        except ValidationError as error:
            form_errors_add(form, error, aliases=FIELD_ALIASES)
        else:
            messages.success(request, _("Recorded: %(step)s.") % {"step": heading})
            for problem in problems:
                messages.warning(request, problem)
            return _to_precept(panel, process)
    deadline = next(s for s in selectors.precept_timeline(process).steps if s.key == step)
    return _form_page(
        request,
        {"panel": panel, "form": form, "process": process, "deadline": deadline},
        heading=heading,
        submit_label=submit_label,
        cancel_url=reverse("work_programme:staff_precept_detail", args=[panel.slug, year_slug]),
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_notify(request, panel_slug, year_slug):
    """Record the PCC's notification of the proposed precept."""

    def save(user, process, data):
        statutory_services.precept_notify(
            acting_user=user, panel=process.panel, precept_year=process.precept_year, **data
        )

    return _precept_step(
        request,
        panel_slug,
        year_slug,
        form_class=PreceptNotifyForm,
        save=save,
        heading=_("The PCC’s notification of the proposed precept"),
        submit_label=_("Save the notification"),
        step="notify",
        initial=lambda p: {"notified_on": p.notified_on, "proposed_band_d": p.proposed_band_d},
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_decide(request, panel_slug, year_slug):
    """Record the panel's report on the proposed precept and the vote; a veto short of two-thirds of the
    members at the time is refused by the service, with the numbers."""

    def save(user, process, data):
        statutory_services.precept_decide(acting_user=user, process=process, **data)

    return _precept_step(
        request,
        panel_slug,
        year_slug,
        form_class=PreceptDecisionForm,
        save=save,
        heading=_("The panel’s report on the proposed precept"),
        submit_label=_("Save the panel’s report"),
        step="panel_report",
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_revise(request, panel_slug, year_slug):
    """Record the PCC's response to the veto and the revised precept."""

    def save(user, process, data):
        statutory_services.precept_revise(acting_user=user, process=process, **data)

    return _precept_step(
        request,
        panel_slug,
        year_slug,
        form_class=PreceptReviseForm,
        save=save,
        heading=_("The revised precept"),
        submit_label=_("Save the revised precept"),
        step="pcc_response_if_veto",
        initial=lambda p: {"notified_on": p.revised_notified_on, "revised_band_d": p.revised_band_d},
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_second_report(request, panel_slug, year_slug):
    """Record the panel's report on the revised precept (no second veto)."""

    def save(user, process, data):
        statutory_services.precept_second_report(acting_user=user, process=process, **data)

    return _precept_step(
        request,
        panel_slug,
        year_slug,
        form_class=PreceptSecondReportForm,
        save=save,
        heading=_("The panel’s report on the revised precept"),
        submit_label=_("Save the second report"),
        step="panel_second_report",
        initial=lambda p: {"report_on": p.second_report_on},
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_final_response(request, panel_slug, year_slug):
    """Record the PCC's response to the panel's second report."""

    def save(user, process, data):
        statutory_services.precept_final_response(acting_user=user, process=process, **data)

    return _precept_step(
        request,
        panel_slug,
        year_slug,
        form_class=PreceptFinalResponseForm,
        save=save,
        heading=_("The PCC’s response to the second report"),
        submit_label=_("Save the response"),
        step="final",
        initial=lambda p: {"responded_on": p.final_response_on},
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_precept_issue(request, panel_slug, year_slug):
    """Record the precept issued; what the record shows was not in order is shown, not refused."""

    def save(user, process, data):
        _process, problems = statutory_services.precept_issue(acting_user=user, process=process, **data)
        return problems

    return _precept_step(
        request,
        panel_slug,
        year_slug,
        form_class=PreceptIssueForm,
        save=save,
        heading=_("The precept issued"),
        submit_label=_("Save the precept issued"),
        step="issue",
        initial=lambda p: {"issued_band_d": p.issued_band_d, "issued_on": p.issued_on},
    )


# ---------------------------------------------------------------- confirmation hearings: public


@require_safe
@public_page
def hearing_list(request, panel_slug):
    """The panel's confirmation hearings, newest notification first."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        f"{TEMPLATES}hearing_list.html",
        {
            "panel": panel,
            "hearings": selectors.hearing_list(panel, public=True),
            "staff": False,
            "base_template": "base.html",
        },
    )


def _hearing(panel, hearing_id, *, public: bool):
    try:
        return selectors.hearing_get(panel, hearing_id, public=public)
    except ConfirmationHearing.DoesNotExist as exc:
        raise Http404 from exc


@require_safe
@public_page
def hearing_detail(request, panel_slug, hearing_id):
    """One confirmation hearing: the candidate's name and the post, the dates, the outcome."""
    panel = _public_panel(panel_slug)
    return render(
        request,
        f"{TEMPLATES}hearing_detail.html",
        {
            "panel": panel,
            "page": _hearing(panel, hearing_id, public=True),
            "staff": False,
            "base_template": "base.html",
        },
    )


# ---------------------------------------------------------------- confirmation hearings: staff


@require_safe
@staff_required
def staff_hearing_list(request, panel_slug):
    panel = staff_panel_or_404(request, panel_slug)
    return render(
        request,
        f"{TEMPLATES}hearing_list.html",
        {
            "panel": panel,
            "hearings": selectors.hearing_list(panel, public=False),
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
        },
    )


@require_safe
@staff_required
def staff_hearing_detail(request, panel_slug, hearing_id):
    """One hearing with the notification's contents (staff only) and links to record each step."""
    panel = staff_panel_or_404(request, panel_slug)
    return render(
        request,
        f"{TEMPLATES}hearing_detail.html",
        {
            "panel": panel,
            "page": _hearing(panel, hearing_id, public=False),
            "staff": True,
            "base_template": "staff/base_staff.html",
            "can_edit": can_edit_panel(request.user, panel),
        },
    )


def _to_hearing(panel, hearing_id):
    return redirect("work_programme:staff_hearing_detail", panel_slug=panel.slug, hearing_id=hearing_id)


@require_http_methods(FORM_METHODS)
@staff_required
def staff_hearing_notify(request, panel_slug):
    """Record the PCC's notification of a proposed appointment; missing parts are recorded and warned of."""
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    form = HearingNotifyForm(posted(request)[0])
    if request.method == "POST" and form.is_valid():
        try:
            hearing, missing = statutory_services.hearing_notify(
                acting_user=request.user, panel=panel, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_add(form, error, aliases=FIELD_ALIASES)
        else:
            messages.success(request, _("The notification is recorded."))
            for part in missing:
                messages.warning(request, _("The notification is incomplete: %(part)s.") % {"part": part})
            return _to_hearing(panel, hearing.pk)
    return _form_page(
        request,
        {"panel": panel, "form": form},
        heading=_("Record a proposed appointment"),
        submit_label=_("Save the notification"),
        cancel_url=reverse("work_programme:staff_hearing_list", args=[panel.slug]),
    )


def _hearing_step(request, panel_slug, hearing_id, *, form_class, save, heading, submit_label, initial=None):
    panel = staff_panel_or_404(request, panel_slug, edit=True)
    page = _hearing(panel, hearing_id, public=False)
    kwargs = {"panel": panel} if form_class is HearingDecideForm else {}
    form = form_class(posted(request)[0], initial=initial(page.hearing) if initial else None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            save(request.user, page.hearing, form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error, aliases=FIELD_ALIASES)
        else:
            messages.success(request, _("Recorded: %(step)s.") % {"step": heading})
            return _to_hearing(panel, page.pk)
    return _form_page(
        request,
        {"panel": panel, "form": form, "page": page},
        heading=heading,
        submit_label=submit_label,
        cancel_url=reverse("work_programme:staff_hearing_detail", args=[panel.slug, page.pk]),
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_hearing_decide(request, panel_slug, hearing_id):
    """Record the panel's report after the hearing; the service refuses a veto of any post but chief
    constable, and one short of two-thirds of the members at the time."""

    def save(user, hearing, data):
        statutory_services.hearing_decide(acting_user=user, hearing=hearing, **data)

    return _hearing_step(
        request,
        panel_slug,
        hearing_id,
        form_class=HearingDecideForm,
        save=save,
        heading=_("The panel’s report on the proposed appointment"),
        submit_label=_("Save the panel’s report"),
    )


@require_http_methods(FORM_METHODS)
@staff_required
def staff_hearing_respond(request, panel_slug, hearing_id):
    """Record whether the PCC accepted the panel's recommendation."""

    def save(user, hearing, data):
        statutory_services.hearing_pcc_response(acting_user=user, hearing=hearing, **data)

    def initial(hearing):
        if hearing.pcc_accepted is None:
            return None
        return {"accepted": "yes" if hearing.pcc_accepted else "no", "responded_on": hearing.pcc_response_on}

    return _hearing_step(
        request,
        panel_slug,
        hearing_id,
        form_class=HearingResponseForm,
        save=save,
        heading=_("The PCC’s response to the panel’s recommendation"),
        submit_label=_("Save the response"),
        initial=initial,
    )
