"""The staff performance pages, under /staff/<panel>/performance/: a landing page with the latest figures
recorded and the Annual Budget Metrics reports (generating one, and each as PDF or HTML), entering a
measurement, uploading a CSV of measurements, and editing each indicator's narrative.

The staff area's rules: another panel is "not found" (404). The PCC's office and the panel's scrutiny
officer supply figures; panel members may look but not change (403 on a change). Only the scrutiny officer
edits the narratives and generates the report, since they go into the panel's papers.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from scrutiny.accounts.decorators import staff_panel_or_404, staff_required
from scrutiny.accounts.permissions import can_edit_panel
from scrutiny.core.forms import form_errors_add

from . import csv_import, narrative, periods, reports, selectors, services
from .forms import BudgetMetricsForm, MeasurementForm, MeasurementsUploadForm, NarrativeForm
from .models import Measurement
from .permissions import can_supply_figures
from .views import report_response

BASE_TEMPLATE = "staff/base_staff.html"


def _posted(request):
    """The posted data for a bound form, or None for an unbound one on GET."""
    return request.POST if request.method == "POST" else None


def _context(request, panel, **extra) -> dict:
    return {
        "panel": panel,
        "base_template": BASE_TEMPLATE,
        "can_supply": can_supply_figures(request.user, panel),
        "can_edit": can_edit_panel(request.user, panel),
        **extra,
    }


def _measurement_rows(measurements: list[Measurement]) -> list[tuple[Measurement, str, str, str]]:
    """Each figure in words, with its comparators (in the indicator's unit), for the table."""
    rows = []
    for m in measurements:
        unit = m.indicator.unit
        rows.append(
            (
                m,
                narrative.value_text(m, unit),
                narrative.format_value(m.msg_average, unit) if m.msg_average is not None else "",
                narrative.format_value(m.national, unit) if m.national is not None else "",
            )
        )
    return rows


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def staff_home(request, panel_slug):
    """Performance for the staff: what may be done here, the figures most recently recorded, the Annual
    Budget Metrics reports generated, and (for the scrutiny officer) the form that generates one."""
    panel = staff_panel_or_404(request, panel_slug)
    can_edit = can_edit_panel(request.user, panel)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = BudgetMetricsForm(_posted(request), panel=panel) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        item = form.cleaned_data["agenda_item"]
        try:
            paper = reports.budget_metrics_paper_generate(
                acting_user=request.user,
                agenda_item=item,
                financial_year=form.cleaned_data["financial_year"],
                period=form.cleaned_data["period"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            meeting = item.meeting
            messages.success(
                request,
                _("Generated “%(title)s” as a paper on item %(item)s of the meeting of %(day)s.")
                % {
                    "title": paper.title,
                    "item": f"{item.number}. {item.title}" if item.number else item.title,
                    "day": date_format(timezone.localtime(meeting.start), "j F Y"),
                },
            )
            return redirect(
                reverse("staff:meeting_detail", kwargs={"panel_slug": panel.slug, "meeting_slug": meeting.slug})
            )
    reports_generated = [
        (paper, selectors.budget_metrics_paper_is_public(paper)) for paper in selectors.budget_metrics_papers(panel)
    ]
    return render(
        request,
        "performance/staff/home.html",
        _context(
            request,
            panel,
            rows=_measurement_rows(selectors.measurements_recent(panel)),
            form=form,
            reports=reports_generated,
        ),
    )


@require_safe
@staff_required
def staff_report_download(request, panel_slug, paper_id, fmt):
    """A generated Annual Budget Metrics report, for anyone who may see the panel (exempt ones included:
    the staff see what the public may not, and the address is never cached publicly)."""
    panel = staff_panel_or_404(request, panel_slug)
    paper = selectors.budget_metrics_paper_get(panel, paper_id, public=False)
    if paper is None:
        raise Http404
    response = report_response(paper, fmt)
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def staff_measurement_record(request, panel_slug):
    """Enter one figure (replacing the one recorded before for that indicator and period)."""
    panel = staff_panel_or_404(request, panel_slug)
    supplier = can_supply_figures(request.user, panel)
    if request.method == "POST" and not supplier:
        raise PermissionDenied
    initial = {"indicator": request.GET.get("indicator", ""), "period": request.GET.get("period", "")}
    form = MeasurementForm(_posted(request), panel=panel, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.record_fields()
        indicator = fields.pop("indicator")
        try:
            # One transaction: a refused figure leaves no new period behind either.
            with transaction.atomic():
                period = periods.period_get_or_create(form.period_spec)
                existed = Measurement.objects.filter(indicator=indicator, period=period).exists()
                services.measurement_record(acting_user=request.user, indicator=indicator, period=period, **fields)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            text = _("Replaced the figure for %(indicator)s, %(period)s.") if existed else None
            text = text or _("Recorded the figure for %(indicator)s, %(period)s.")
            messages.success(request, text % {"indicator": indicator.name, "period": period.label})
            return redirect(reverse("performance:staff_home", args=[panel.slug]))
    return render(request, "performance/staff/measurement_form.html", _context(request, panel, form=form))


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def staff_measurements_import(request, panel_slug):
    """Upload a CSV of measurements: all or nothing, every problem listed by row and column."""
    panel = staff_panel_or_404(request, panel_slug)
    if request.method == "POST" and not can_supply_figures(request.user, panel):
        raise PermissionDenied
    form = MeasurementsUploadForm(_posted(request), request.FILES if request.method == "POST" else None)
    problems: list[csv_import.Problem] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = csv_import.measurements_import(acting_user=request.user, panel=panel, text=form.text)
        except csv_import.MeasurementImportError as error:
            problems = error.problems
        else:
            summary = ngettext(
                "Stored %(total)d measurement: %(created)d new, %(updated)d replaced.",
                "Stored %(total)d measurements: %(created)d new, %(updated)d replaced.",
                result.total,
            ) % {"total": result.total, "created": result.created, "updated": result.updated}
            messages.success(request, summary)
            return redirect(reverse("performance:staff_home", args=[panel.slug]))
    return render(
        request,
        "performance/staff/measurements_upload.html",
        _context(request, panel, form=form, problems=problems, filename=form.files.get("file")),
    )


# Narratives ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch of the text, flagged when the checker found a number in it that the data do not give."""

    text: str
    problem: narrative.Problem | None = None
    number: int = 0  # The flag's number, as the list of problems beside the text numbers it.


def _segments(text: str, problems) -> list[Segment]:
    """The text cut at each flagged number, so the page can mark it where it stands; `problems` come from
    `narrative.check`, in the order of the text."""
    segments, at = [], 0
    for number, problem in enumerate(problems, start=1):
        if problem.start < at:
            continue
        if problem.start > at:
            segments.append(Segment(text[at : problem.start]))
        segments.append(Segment(text[problem.start : problem.end], problem, number))
        at = problem.end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return segments


def _period_filter(request, panel):
    """The narrative list's period, chosen from the periods with figures; an unknown one is reported."""
    choices = selectors.period_choices(panel)
    chosen = request.GET.get("period", "")
    period = next((p for p in choices if str(p.pk) == chosen), None) if chosen else None
    error = _("Choose a period from the list.") if chosen and period is None else ""
    return choices, period, error


@require_safe
@staff_required
def staff_narrative_list(request, panel_slug):
    """Every indicator's words for the period chosen (or its latest), edited or drafted, and how many numbers
    in them the data do not give."""
    panel = staff_panel_or_404(request, panel_slug)
    choices, period, error = _period_filter(request, panel)
    return render(
        request,
        "performance/staff/narrative_list.html",
        _context(
            request,
            panel,
            rows=selectors.narrative_rows(panel, period=period),
            periods=choices,
            period=period,
            period_error=error,
        ),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def staff_narrative_edit(request, panel_slug, indicator_slug, period_id):
    """An indicator's words for a period: the draft, the text shown, and an edit form. "Check" runs the
    checker on the text typed without storing it; "Save" stores it and shows what the checker found."""
    panel = staff_panel_or_404(request, panel_slug)
    if request.method == "POST" and not can_edit_panel(request.user, panel):
        raise PermissionDenied
    row = selectors.narrative_row_get(panel, indicator_slug=indicator_slug, period_id=period_id)
    if row is None:
        raise Http404
    text, problems, checked = row.words.text, list(row.words.problems), False
    form = NarrativeForm(_posted(request), initial={"text": text})
    if request.method == "POST" and form.is_valid():
        typed = form.cleaned_data["text"].strip()
        if request.POST.get("action") == "save":
            try:
                services.indicator_narrative_save(
                    acting_user=request.user,
                    indicator=row.indicator,
                    period=row.period,
                    drafted=row.drafted,
                    edited=typed,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("text", message)
            else:
                messages.success(request, _("Saved the narrative."))
                return redirect(request.get_full_path())
        else:
            text = typed or row.drafted
            problems, checked = narrative.check(text, row.facts), True
    return render(
        request,
        "performance/staff/narrative_edit.html",
        _context(
            request,
            panel,
            row=row,
            form=form,
            text=text,
            problems=problems,
            segments=_segments(text, problems),
            checked=checked,
        ),
    )
