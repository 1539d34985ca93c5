"""Staff pages for papers: upload or write a paper on an agenda item, read it, and move it through its workflow.

Who may do what (scrutiny.accounts.permissions): the scrutiny officer does everything; the PCC's office may
upload, submit and make new versions of papers on its own panel's meetings; panel members read. Another
panel's paper is "not found" (404); a change the user may not make is "forbidden" (403).
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from scrutiny.accounts.choices import Role
from scrutiny.accounts.decorators import staff_required
from scrutiny.accounts.permissions import can_edit_panel, can_view_panel, panel_ids_for
from scrutiny.core.forms import form_errors_add, posted
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.models import AgendaItem

from . import services
from .choices import PaperStatus, TextStatus
from .forms import PaperFileAddForm, PaperForm, PaperUploadForm
from .markdown import render_markdown
from .models import Paper, PaperFile
from .text import SECTION_FIELDS

# Sections as printed on the paper, with their headings.
SECTION_HEADINGS = dict(PaperForm.Meta.labels)


def can_submit_papers(user, panel_id: int) -> bool:
    """The officer, or the PCC's office of this panel: they may upload, submit and make new versions."""
    if can_edit_panel(user, panel_id):
        return True
    return panel_id in (panel_ids_for(user, {Role.PCC_OFFICE}) or set())


def _agenda_item_or_404(request, item_id) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.live().select_related("meeting__panel"),
        pk=item_id,
        meeting__is_deleted=False,
    )
    if not can_view_panel(request.user, item.meeting.panel_id):
        raise Http404
    return item


def _paper_or_404(request, pk) -> Paper:
    paper = get_object_or_404(
        Paper.objects.live().select_related("agenda_item__meeting__panel", "submitted_by", "accepted_by"),
        pk=pk,
        agenda_item__is_deleted=False,
        agenda_item__meeting__is_deleted=False,
    )
    if not can_view_panel(request.user, paper.agenda_item.meeting.panel_id):
        raise Http404
    return paper


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _versions(paper: Paper) -> list[Paper]:
    """Every version of the paper, oldest first (one query per version; papers have a handful)."""
    chain = [paper]
    while chain[0].supersedes_id:
        earlier = Paper.objects.filter(pk=chain[0].supersedes_id).first()
        if earlier is None:
            break
        chain.insert(0, earlier)
    while True:
        later = Paper.objects.filter(supersedes=chain[-1]).first()
        if later is None:
            break
        chain.append(later)
    return chain


def _field_labels(model) -> dict[str, str]:
    return {field.attname: str(field.verbose_name) for field in model._meta.concrete_fields}


# Fields an audit reader does not need named: they change with every edit, or are the services' bookkeeping.
HISTORY_HIDDEN_FIELDS = {"text", "paper_id", "agenda_item_id", "sha256"}


def _history(paper: Paper, files: list[PaperFile]) -> list[dict]:
    """Who changed the paper and its files, and when, from the audit trail the services wrote; for a change,
    which fields it changed (named as on the form)."""
    paper_type = ContentType.objects.get_for_model(Paper)
    file_type = ContentType.objects.get_for_model(PaperFile)
    events = (
        AuditEvent.objects.filter(
            Q(content_type=paper_type, object_id=str(paper.pk))
            | Q(content_type=file_type, object_id__in=[str(f.pk) for f in files])
        )
        .select_related("actor")
        .order_by("-created", "-id")
    )
    labels = {paper_type.pk: _field_labels(Paper), file_type.pk: _field_labels(PaperFile)}
    rows = []
    for event in events:
        changed = []
        if event.action == AuditEvent.Action.UPDATE:
            names = labels[event.content_type_id]
            changed = [names.get(name, name) for name in event.changes if name not in HISTORY_HIDDEN_FIELDS]
        rows.append({"event": event, "changed": changed})
    return rows


@require_safe
@staff_required
def paper_detail(request, pk):
    """A paper as staff see it: its sections, its files and their warnings, its versions and its history."""
    paper = _paper_or_404(request, pk)
    panel_id = paper.agenda_item.meeting.panel_id
    files = list(paper.files.all())
    versions = _versions(paper)
    can_edit = can_edit_panel(request.user, panel_id)
    can_submit = can_submit_papers(request.user, panel_id)
    published = paper.publications.exists()
    context = {
        "paper": paper,
        "meeting": paper.agenda_item.meeting,
        "staff_panel": paper.agenda_item.meeting.panel,
        "sections": [
            (SECTION_HEADINGS[name], render_markdown(getattr(paper, name)))
            for name in SECTION_FIELDS
            if getattr(paper, name).strip()
        ],
        "files": files,
        "text_pending": any(paper_file.text_status == TextStatus.PENDING for paper_file in files),
        "versions": versions,
        "is_latest": versions[-1].pk == paper.pk,
        "history": _history(paper, files),
        "published": published,
        "can_edit": can_edit,
        "can_submit": can_submit,
        "can_add_files": not published and (can_edit or (can_submit and paper.status != PaperStatus.ACCEPTED)),
        # The officer needs no submit button: her papers start accepted, and she accepts the others.
        "show_submit": can_submit and not can_edit and paper.status in (PaperStatus.DRAFT, PaperStatus.RETURNED),
    }
    return render(request, "documents/papers/detail.html", context)


def _uploaded_message(title: str, checked) -> str:
    """What the uploader is told: the paper or appendix is stored, and a PDF's text is on its way."""
    message = _("The paper “%(title)s” is uploaded.") % {"title": title} if title else _("The appendix is added.")
    if checked.text_pending:
        message = f"{message} {_('Its text is being extracted: this page shows when it is done.')}"
    return message


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def paper_upload(request, item_id):
    """Upload a PDF or Word document as a paper on an agenda item; the PCC's office's is a submission."""
    item = _agenda_item_or_404(request, item_id)
    _require(can_submit_papers(request.user, item.meeting.panel_id))
    form = PaperUploadForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.paper_upload(
                acting_user=request.user,
                agenda_item=item,
                uploaded=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            form_errors_add(form, error, field="file")
        else:
            messages.success(request, _uploaded_message(paper.title, form.cleaned_data["file"]))
            return redirect("papers:paper_detail", pk=paper.pk)
    context = {
        "form": form,
        "item": item,
        "meeting": item.meeting,
        "staff_panel": item.meeting.panel,
        "can_edit": can_edit_panel(request.user, item.meeting.panel_id),
    }
    return render(request, "documents/papers/upload.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def paper_create(request, item_id):
    """Write a paper in the application, in the standard sections of a panel report."""
    item = _agenda_item_or_404(request, item_id)
    _require(can_edit_panel(request.user, item.meeting.panel_id))
    form = PaperForm(posted(request)[0])
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        title = fields.pop("title")
        try:
            paper = services.paper_create(acting_user=request.user, agenda_item=item, title=title, **fields)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The paper “%(title)s” is saved.") % {"title": paper.title})
            return redirect("papers:paper_detail", pk=paper.pk)
    context = {"form": form, "item": item, "meeting": item.meeting, "staff_panel": item.meeting.panel}
    return render(request, "documents/papers/form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def paper_update(request, pk):
    """Change a paper's sections; a published paper is changed by making a new version instead."""
    paper = _paper_or_404(request, pk)
    _require(can_edit_panel(request.user, paper.agenda_item.meeting.panel_id))
    if paper.publications.exists():
        messages.error(
            request, _("This paper has been published and cannot be changed. Make a new version of it instead.")
        )
        return redirect("papers:paper_detail", pk=paper.pk)
    form = PaperForm(posted(request)[0], instance=paper)
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_update(acting_user=request.user, paper=paper, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The paper is saved."))
            return redirect("papers:paper_detail", pk=paper.pk)
    context = {
        "form": form,
        "paper": paper,
        "meeting": paper.agenda_item.meeting,
        "staff_panel": paper.agenda_item.meeting.panel,
    }
    return render(request, "documents/papers/form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def paper_file_add(request, pk):
    """Add an appendix to a paper that has not been published."""
    paper = _paper_or_404(request, pk)
    panel_id = paper.agenda_item.meeting.panel_id
    # The PCC's office may not change a paper the officer has accepted: she would not have seen the change.
    _require(
        can_edit_panel(request.user, panel_id)
        or (can_submit_papers(request.user, panel_id) and paper.status != PaperStatus.ACCEPTED)
    )
    form = PaperFileAddForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_file_add(
                acting_user=request.user,
                paper=paper,
                uploaded=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            form_errors_add(form, error, field="file")
        else:
            messages.success(request, _uploaded_message("", form.cleaned_data["file"]))
            return redirect("papers:paper_detail", pk=paper.pk)
    context = {
        "form": form,
        "paper": paper,
        "meeting": paper.agenda_item.meeting,
        "staff_panel": paper.agenda_item.meeting.panel,
    }
    return render(request, "documents/papers/upload.html", context, status=400 if form.errors else 200)


@require_safe
@staff_required
def paper_file_download(request, pk, file_id):
    """A paper's file, to staff who may see the paper (exempt papers' files are never on a public address)."""
    paper = _paper_or_404(request, pk)
    paper_file = get_object_or_404(PaperFile, pk=file_id, paper=paper)
    return FileResponse(
        paper_file.file.open("rb"),
        content_type=paper_file.content_type,
        as_attachment=paper_file.content_type != "application/pdf",
        filename=paper_file.original_name,
    )


@require_POST
@staff_required
def paper_file_text_extract(request, pk, file_id):
    """Extract a file's text again after the job failed (the officer's button beside the failure)."""
    paper = _paper_or_404(request, pk)
    _require(can_edit_panel(request.user, paper.agenda_item.meeting.panel_id))
    paper_file = get_object_or_404(PaperFile, pk=file_id, paper=paper)
    try:
        services.paper_file_text_extract_request(acting_user=request.user, paper_file=paper_file)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The text of “%(name)s” is being extracted again.") % {"name": paper_file})
    return redirect("papers:paper_detail", pk=paper.pk)


def _action(request, pk, *, service, allowed, success: str):
    """A workflow step from a button on the paper's page: check, call the service, say what happened."""
    paper = _paper_or_404(request, pk)
    _require(allowed(request.user, paper.agenda_item.meeting.panel_id))
    try:
        result = service(acting_user=request.user, paper=paper)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("papers:paper_detail", pk=paper.pk)
    messages.success(request, success)
    return redirect("papers:paper_detail", pk=result.pk)


@require_POST
@staff_required
def paper_submit(request, pk):
    return _action(
        request,
        pk,
        service=services.paper_submit,
        allowed=can_submit_papers,
        success=_("The paper is submitted to the scrutiny officer."),
    )


@require_POST
@staff_required
def paper_accept(request, pk):
    return _action(
        request, pk, service=services.paper_accept, allowed=can_edit_panel, success=_("The paper is accepted.")
    )


@require_POST
@staff_required
def paper_return(request, pk):
    return _action(
        request,
        pk,
        service=services.paper_return,
        allowed=can_edit_panel,
        success=_("The paper is returned to the PCC’s office."),
    )


@require_POST
@staff_required
def paper_release(request, pk):
    """Release an exempt paper (LGA 1972 Sch 12A para 10): the public can then read it."""
    return _action(
        request,
        pk,
        service=services.paper_release,
        allowed=can_edit_panel,
        success=_("The paper is released: the public can now read it."),
    )


@require_POST
@staff_required
def paper_new_version(request, pk):
    """Make a new version of a paper, to change it after publication; the old version stays as it was."""
    return _action(
        request,
        pk,
        service=services.paper_new_version,
        allowed=can_submit_papers,
        success=_("This is a new version of the paper. Change it, then check it before it is published."),
    )


@require_POST
@staff_required
def paper_delete(request, pk):
    """Delete a paper (a tombstone stays, so that a published paper can still be explained)."""
    paper = _paper_or_404(request, pk)
    _require(can_edit_panel(request.user, paper.agenda_item.meeting.panel_id))
    services.paper_delete(acting_user=request.user, paper=paper)
    messages.success(request, _("The paper “%(title)s” is deleted.") % {"title": paper.title})
    meeting = paper.agenda_item.meeting
    return redirect("staff:meeting_detail", panel_slug=meeting.panel.slug, meeting_slug=meeting.slug)
