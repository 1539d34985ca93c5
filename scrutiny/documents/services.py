"""Writes to papers and their files.

The PCC's office submits papers and the scrutiny officer accepts or returns them; papers the officer writes
or uploads start accepted. Once a paper has gone out in a publication it is never rewritten: a change is a
new version that supersedes it, listed beside the old one. Every write keeps `Paper.text` (sections and the
files' text) current for search, and touches the meeting, so that its `modified` time moves.

An uploaded PDF is stored as soon as it passes the checks; its text (and the OCR of a scan) is extracted by a
job queued on commit (`paper_file_text_extract`), which then brings the paper's search text and warnings up
to date, so that a long scan never holds up the upload.
"""

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from scrutiny.accounts.permissions import can_edit_panel
from scrutiny.core.cache import panel_pages_invalidate
from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record, object_save, object_tombstone, touch

from .choices import BuildStatus, FileRole, PackKind, PaperSource, PaperStatus, TextStatus
from .models import PackBuild, Paper, PaperFile, Publication
from .text import SECTION_FIELDS, paper_text, pdf_extract
from .uploads import DOCX, PDF, CheckedUpload, upload_check

logger = logging.getLogger(__name__)

# What a paper's author may set; the workflow fields (status, who submitted or accepted) are the services' own.
EDITABLE_FIELDS = {"title", "author", "contact_points", "order", *SECTION_FIELDS}
EXEMPT_FIELDS = {"exempt", "exempt_paragraph", "exempt_reason"}


def _panel_id(paper: Paper) -> int:
    return paper.agenda_item.meeting.panel_id


def _is_officer(acting_user, panel_id: int) -> bool:
    """An officer's (or an administrator's, or an importer's: no user) paper needs no acceptance."""
    if acting_user is None or not getattr(acting_user, "is_authenticated", False):
        return acting_user is None
    return can_edit_panel(acting_user, panel_id)


def _user(acting_user):
    """The user to record as submitter or acceptor: nobody for an importer or an anonymous caller."""
    return acting_user if getattr(acting_user, "is_authenticated", False) else None


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - EDITABLE_FIELDS - EXEMPT_FIELDS
    if unknown:
        raise TypeError(f"Not a field a paper's author may set: {', '.join(sorted(unknown))}")


def _start_status(paper: Paper, acting_user) -> None:
    """Accepted when the officer writes it; submitted (awaiting the officer) when the PCC's office does."""
    if _is_officer(acting_user, _panel_id(paper)):
        paper.status = PaperStatus.ACCEPTED
        paper.accepted_by = _user(acting_user)
        paper.accepted_at = timezone.now()
    else:
        paper.status = PaperStatus.SUBMITTED
        paper.submitted_by = _user(acting_user)


def _next_order(agenda_item) -> int:
    last = agenda_item.papers.aggregate(m=Max("order"))["m"]
    return (last or 0) + 1


def _inherit_exemption(paper: Paper, agenda_item, fields: dict) -> None:
    """A paper on an exempt item is exempt on the same paragraph, unless the caller says otherwise."""
    if "exempt" not in fields and agenda_item.exempt:
        paper.exempt = True
        paper.exempt_paragraph = agenda_item.exempt_paragraph
        paper.exempt_reason = agenda_item.exempt_reason


def _save(paper: Paper, *, acting_user, verb: str, action: str | None = None, files=None) -> Paper:
    """Save with the search text rebuilt from the sections and `files` (the stored files by default)."""
    paper.text = paper_text(paper, files=files)
    return object_save(
        instance=paper,
        acting_user=acting_user,
        verb=verb,
        action=action,
        panel_id=_panel_id(paper),
        parents=[paper.agenda_item.meeting],
    )


def _refuse_if_deleted(paper: Paper) -> None:
    if paper.is_deleted:
        raise ValidationError(_("This paper has been deleted."))


def paper_create(*, acting_user, agenda_item, title: str, **fields) -> Paper:
    """A paper written in the application, its sections in Markdown. The officer's papers start accepted."""
    _check_fields(fields)
    paper = Paper(agenda_item=agenda_item, title=title, source=PaperSource.WRITTEN, **fields)
    if "order" not in fields:
        paper.order = _next_order(agenda_item)
    _inherit_exemption(paper, agenda_item, fields)
    _start_status(paper, acting_user)
    return _save(paper, acting_user=acting_user, verb="paper_create")


def paper_update(*, acting_user, paper: Paper, **fields) -> Paper:
    """Change a paper that has not been published. A published paper changes only by a new version."""
    _check_fields(fields)
    _refuse_if_deleted(paper)
    if paper.publications.exists():
        raise ValidationError(
            _("This paper has been published and cannot be changed. Make a new version of it instead."),
            code="published",
        )
    for name, value in fields.items():
        setattr(paper, name, value)
    return _save(paper, acting_user=acting_user, verb="paper_update")


def paper_new_version(*, acting_user, paper: Paper, **fields) -> Paper:
    """A copy of the paper, with its files, that supersedes it: version + 1, its status by who made it.

    The old version stays as it was (it may be in a published pack); the new one is listed beside it.
    """
    _check_fields(fields)
    _refuse_if_deleted(paper)
    if Paper.objects.filter(supersedes=paper).exists():
        raise ValidationError(_("This paper already has a newer version: change that one."), code="superseded")
    copied = {name: getattr(paper, name) for name in EDITABLE_FIELDS | EXEMPT_FIELDS}
    copied.update(fields)
    new = Paper(
        agenda_item=paper.agenda_item,
        source=paper.source,
        version=paper.version + 1,
        supersedes=paper,
        warnings=list(paper.warnings),
        released_at=paper.released_at,
        **copied,
    )
    _start_status(new, acting_user)
    files = list(paper.files.all())
    with transaction.atomic():
        new = _save(new, acting_user=acting_user, verb="paper_new_version", files=files)
        for old_file in files:
            # The stored file is shared, not copied: files are never rewritten in place.
            copy = PaperFile(
                paper=new,
                **{
                    name: getattr(old_file, name)
                    for name in (
                        "role",
                        "title",
                        "order",
                        "original_name",
                        "content_type",
                        "size",
                        "sha256",
                        "page_count",
                        "text",
                        "has_text_layer",
                        "text_status",
                        "text_error",
                        "warnings",
                    )
                },
            )
            copy.file.name = old_file.file.name
            _paper_file_save(paper_file=copy, acting_user=acting_user, verb="paper_new_version")
            if copy.text_status == TextStatus.PENDING:  # the old file's job writes to the old file only
                _text_extract_queue(copy, acting_user)
    return new


def _paper_file_save(*, paper_file: PaperFile, acting_user, verb: str) -> PaperFile:
    """Store a paper's file: validated, audited (with the stored name), the meeting touched."""
    paper = paper_file.paper
    return object_save(
        instance=paper_file,
        acting_user=acting_user,
        verb=verb,
        panel_id=_panel_id(paper),
        parents=[paper.agenda_item.meeting],
    )


def _store_file(*, acting_user, paper: Paper, checked: CheckedUpload, role: str, title: str = "") -> PaperFile:
    last = paper.files.aggregate(m=Max("order"))["m"]
    paper_file = PaperFile(
        paper=paper,
        role=role,
        title=title,
        order=(last or 0) + 1,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        page_count=checked.page_count,
        text=checked.text,
        has_text_layer=checked.has_text_layer,
        text_status=TextStatus.PENDING if checked.text_pending else TextStatus.DONE,
        warnings=list(checked.warnings),
    )
    paper_file.file.save(checked.original_name, ContentFile(checked.content), save=False)
    paper_file = _paper_file_save(paper_file=paper_file, acting_user=acting_user, verb="paper_file_add")
    if checked.text_pending:
        _text_extract_queue(paper_file, acting_user)
    return paper_file


def _text_extract_queue(paper_file: PaperFile, acting_user) -> None:
    """Queue the extraction of the file's text once the file is committed (the job reads it from storage)."""
    from .tasks import paper_file_text_extract_run  # the job calls back into this module

    file_id = paper_file.pk
    user_id = acting_user.pk if getattr(acting_user, "is_authenticated", False) else None
    transaction.on_commit(lambda: paper_file_text_extract_run.enqueue(file_id, acting_user_id=user_id))


def _checked(uploaded) -> CheckedUpload:
    """An upload checked here, or already checked (by the upload form, which lists its problems)."""
    return uploaded if isinstance(uploaded, CheckedUpload) else upload_check(uploaded)


def paper_upload(*, acting_user, agenda_item, uploaded, title: str, **fields) -> Paper:
    """A PDF or Word document becomes a paper, the upload its main file.

    The file is checked before anything is stored (see `uploads`). A Word document is converted to the
    paper's body in Markdown and kept as the original; a PDF stays a PDF. The officer's uploads start
    accepted; the PCC's office's are submitted for the officer to accept. `uploaded` is a file, or the
    CheckedUpload the upload form made of it.
    """
    _check_fields(fields)
    checked = _checked(uploaded)
    paper = Paper(agenda_item=agenda_item, title=title, source=PaperSource.UPLOADED, **fields)
    if "order" not in fields:
        paper.order = _next_order(agenda_item)
    if checked.content_type == DOCX:
        paper.body = checked.markdown
    paper.warnings = list(checked.warnings)
    _inherit_exemption(paper, agenda_item, fields)
    _start_status(paper, acting_user)
    paper.full_clean()  # before the file is written to storage
    with transaction.atomic():
        paper = _save(paper, acting_user=acting_user, verb="paper_upload", files=[checked])
        _store_file(acting_user=acting_user, paper=paper, checked=checked, role=FileRole.MAIN)
    return paper


def paper_file_add(*, acting_user, paper: Paper, uploaded, title: str = "", role: str = FileRole.APPENDIX) -> PaperFile:
    """Add a file (an appendix, as a rule) to a paper that has not been published; checked like an upload."""
    _refuse_if_deleted(paper)
    if paper.publications.exists():
        raise ValidationError(
            _("This paper has been published and cannot be changed. Make a new version of it instead."),
            code="published",
        )
    checked = _checked(uploaded)
    with transaction.atomic():
        paper_file = _store_file(acting_user=acting_user, paper=paper, checked=checked, role=role, title=title)
        for warning in checked.warnings:
            if warning not in paper.warnings:
                paper.warnings = [*paper.warnings, warning]
        _save(paper, acting_user=acting_user, verb="paper_file_add")
    return paper_file


def _text_failed_message(error: Exception) -> str:
    return _(
        "The text of this PDF could not be extracted (%(error)s), so the paper cannot be searched by it and its "
        "accessible version lacks it. The file is kept as uploaded: try again, or ask the author for a new copy."
    ) % {"error": f"{type(error).__name__}: {error}"[:200]}


def _paper_file_locked(paper_file: PaperFile) -> PaperFile:
    return PaperFile.objects.select_for_update().select_related("paper__agenda_item__meeting").get(pk=paper_file.pk)


def paper_file_text_extract_request(*, acting_user, paper_file: PaperFile) -> PaperFile:
    """Extract a PDF's text again (after a failure): the file is marked pending and the job queued on commit."""
    if paper_file.content_type != PDF:
        raise ValidationError(_("Only a PDF's text is extracted by a job."), code="not_pdf")
    with transaction.atomic():
        current = _paper_file_locked(paper_file)
        if current.text_status == TextStatus.PENDING:
            raise ValidationError(_("The text of this file is already being extracted."), code="pending")
        current.text_status = TextStatus.PENDING
        current.text_error = ""
        _paper_file_save(paper_file=current, acting_user=acting_user, verb="paper_file_text_extract_request")
        _text_extract_queue(current, acting_user)
    return current


def paper_file_text_extract(*, acting_user, paper_file: PaperFile) -> PaperFile:
    """The job's work: a stored PDF's text, recognised (OCR) when it is a scan and the server can.

    The slow part runs outside any transaction; then the file takes its text (and the recognised copy of a
    scan, stored under a new name: a stored file is never rewritten) and the paper its search text and
    warnings, in one audited transaction; the search index follows on commit. A failure is recorded on the
    file with its message, and the file stays as uploaded.
    """
    if paper_file.text_status != TextStatus.PENDING:
        return paper_file  # done already (a job run twice), or failed and not asked for again
    try:
        with paper_file.file.open("rb") as handle:
            content = handle.read()
        extracted = pdf_extract(content)
    except Exception as error:  # pypdf raises many kinds of error on a page it cannot read
        logger.exception("Text extraction of paper file %s failed", paper_file.pk)
        return _text_extract_failed(paper_file, acting_user=acting_user, error=error)
    try:
        return _text_extract_record(paper_file, acting_user=acting_user, extracted=extracted)
    except Exception as error:  # never leave the file "being extracted" for good
        logger.exception("Recording the text of paper file %s failed", paper_file.pk)
        return _text_extract_failed(paper_file, acting_user=acting_user, error=error)


def _text_extract_record(paper_file: PaperFile, *, acting_user, extracted) -> PaperFile:
    with transaction.atomic():
        current = _paper_file_locked(paper_file)
        # Done: another worker got there first. Failed: given up on as stalled (`paper_files_text_extract_recover`)
        # while this job was still running; its text is better than the failure, so it is recorded.
        if current.text_status == TextStatus.DONE:
            return current
        if extracted.ocr_content is not None:
            current.file.save(current.original_name, ContentFile(extracted.ocr_content), save=False)
            current.size = len(extracted.ocr_content)
            current.sha256 = hashlib.sha256(extracted.ocr_content).hexdigest()
        current.page_count = extracted.page_count
        current.text = extracted.text
        current.has_text_layer = extracted.has_text_layer
        current.warnings = [*current.warnings, *(w for w in extracted.warnings if w not in current.warnings)]
        current.text_status = TextStatus.DONE
        current.text_error = ""
        _paper_file_save(paper_file=current, acting_user=acting_user, verb="paper_file_text_extract")
        # The paper read fresh and locked: the job runs beside the officer's edits, which it must not undo.
        paper = Paper.objects.select_for_update().select_related("agenda_item__meeting").get(pk=current.paper_id)
        for warning in extracted.warnings:
            if warning not in paper.warnings:
                paper.warnings = [*paper.warnings, warning]
        _save(paper, acting_user=acting_user, verb="paper_file_text_extract")  # search text, reindexed on commit
    return current


def _text_extract_failed(paper_file: PaperFile, *, acting_user, error: Exception) -> PaperFile:
    with transaction.atomic():
        current = _paper_file_locked(paper_file)
        if current.text_status != TextStatus.PENDING:
            return current
        current.text_status = TextStatus.FAILED
        current.text_error = _text_failed_message(error)
        return _paper_file_save(paper_file=current, acting_user=acting_user, verb="paper_file_text_extract")


# Jobs lost on the way ----------------------------------------------------------------------------------------
#
# A text-extraction job lost with its worker (killed, or the server restarted mid-job) leaves its file "being
# extracted" for good, and the officer's button to try again shows only beside a failure. The periodic
# `extract_pending_text` command finds files pending longer than a threshold: it queues each one's job once more
# (most were lost in a restart) and, if the file is still pending a threshold after that, marks it failed with a
# message, which brings back the officer's button. A job that does finish after that still records its text.

TEXT_EXTRACT_REQUEUE_VERB = "paper_file_text_extract_requeue"


@dataclass
class TextRecovery:
    """What `paper_files_text_extract_recover` did: the files queued again and the files marked failed."""

    requeued: list[PaperFile] = field(default_factory=list)
    failed: list[PaperFile] = field(default_factory=list)


def _text_stalled_message(minutes: int) -> str:
    return _(
        "The text of this PDF was not extracted: its job stopped without finishing (perhaps when the server "
        "restarted), and again when it was queued once more %(minutes)s minutes later. The file is kept as "
        "uploaded: try again, or ask the author for a new copy."
    ) % {"minutes": minutes}


def _last_event_verb(paper_file: PaperFile) -> str | None:
    return (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(PaperFile), object_id=str(paper_file.pk)
        )
        .order_by("-created", "-id")
        .values_list("verb", flat=True)
        .first()
    )


def paper_file_text_extract_requeue(*, acting_user, paper_file: PaperFile) -> PaperFile:
    """Queue a pending file's job once more (its first was lost): audited, its `modified` time moved on, so that
    the next look waits a whole threshold again. A file no longer pending is left as it is."""
    with transaction.atomic():
        current = _paper_file_locked(paper_file)
        if current.text_status != TextStatus.PENDING:
            return current
        current.modified = timezone.now()
        PaperFile.objects.filter(pk=current.pk).update(modified=current.modified)
        audit_record(
            acting_user=acting_user,
            verb=TEXT_EXTRACT_REQUEUE_VERB,
            action=AuditEvent.Action.OTHER,
            instance=current,
            panel_id=_panel_id(current.paper),
        )
        _text_extract_queue(current, acting_user)
    return current


def paper_file_text_extract_abandon(*, acting_user, paper_file: PaperFile, message: str) -> PaperFile:
    """Mark a pending file's extraction failed with `message`, so that the officer can try again."""
    with transaction.atomic():
        current = _paper_file_locked(paper_file)
        if current.text_status != TextStatus.PENDING:
            return current
        current.text_status = TextStatus.FAILED
        current.text_error = message
        return _paper_file_save(paper_file=current, acting_user=acting_user, verb="paper_file_text_extract_abandon")


def paper_files_text_extract_recover(*, acting_user=None, older_than: timedelta, now=None) -> TextRecovery:
    """Files whose text has been "being extracted" for longer than `older_than`: each is queued once more, or,
    if it already was (the last thing done to it), marked failed so that the officer's button shows.

    Idempotent: a file queued again waits a whole `older_than` before it is looked at again, and a failed file
    is no longer pending. Each file is dealt with in its own transaction, locked, so a job finishing meanwhile
    wins.
    """
    if older_than <= timedelta(0):
        raise ValueError("The threshold must be longer than nothing: a file is pending while its job runs.")
    cutoff = (now or timezone.now()) - older_than
    minutes = int(older_than.total_seconds() // 60)
    stalled = (
        PaperFile.objects.filter(text_status=TextStatus.PENDING, modified__lte=cutoff)
        .select_related("paper__agenda_item__meeting")
        .order_by("modified", "id")
    )
    result = TextRecovery()
    for paper_file in stalled:
        if _last_event_verb(paper_file) == TEXT_EXTRACT_REQUEUE_VERB:
            done = paper_file_text_extract_abandon(
                acting_user=acting_user, paper_file=paper_file, message=_text_stalled_message(minutes)
            )
            if done.text_status == TextStatus.FAILED:
                result.failed.append(done)
        else:
            done = paper_file_text_extract_requeue(acting_user=acting_user, paper_file=paper_file)
            if done.text_status == TextStatus.PENDING:
                result.requeued.append(done)
    return result


def paper_submit(*, acting_user, paper: Paper) -> Paper:
    """The PCC's office submits a draft or returned paper for the officer to accept."""
    _refuse_if_deleted(paper)
    if paper.status not in (PaperStatus.DRAFT, PaperStatus.RETURNED):
        raise ValidationError(_("Only a draft or returned paper can be submitted."), code="status")
    paper.status = PaperStatus.SUBMITTED
    paper.submitted_by = _user(acting_user)
    return _save(paper, acting_user=acting_user, verb="paper_submit")


def paper_accept(*, acting_user, paper: Paper) -> Paper:
    """The officer accepts a submitted paper for the agenda."""
    _refuse_if_deleted(paper)
    if paper.status != PaperStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted paper can be accepted."), code="status")
    paper.status = PaperStatus.ACCEPTED
    paper.accepted_by = _user(acting_user)
    paper.accepted_at = timezone.now()
    return _save(paper, acting_user=acting_user, verb="paper_accept")


def paper_return(*, acting_user, paper: Paper) -> Paper:
    """The officer returns a submitted paper to the PCC's office, to be changed and submitted again."""
    _refuse_if_deleted(paper)
    if paper.status != PaperStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted paper can be returned."), code="status")
    paper.status = PaperStatus.RETURNED
    return _save(paper, acting_user=acting_user, verb="paper_return")


def paper_release(*, acting_user, paper: Paper) -> Paper:
    """Release an exempt paper: the public interest in keeping it exempt no longer outweighs disclosure
    (LGA 1972 Sch 12A para 10). It becomes public and the release is audited."""
    _refuse_if_deleted(paper)
    if not paper.exempt:
        raise ValidationError(_("Only an exempt paper can be released."), code="not_exempt")
    if paper.released_at:
        raise ValidationError(_("This paper has already been released."), code="released")
    paper.released_at = timezone.now()
    return _save(paper, acting_user=acting_user, verb="paper_release", action=AuditEvent.Action.RELEASE)


def paper_delete(*, acting_user, paper: Paper) -> Paper:
    """Delete by tombstone: a paper that was published can still be explained."""
    return object_tombstone(
        instance=paper,
        acting_user=acting_user,
        verb="paper_delete",
        panel_id=_panel_id(paper),
        parents=[paper.agenda_item.meeting],
    )


# What the pack builder writes back ---------------------------------------------------------------------------


def paper_page_count_record(*, acting_user, paper: Paper, page_count: int) -> Paper:
    """Record the paper's own pages in the pack just built (the blank page padding it is not counted).

    The count is the build's measurement, not the paper's content, so a published paper takes it too: only
    `page_count` is written (the build runs beside the officer's edits), audited when it changes.
    """
    if page_count < 1:
        raise ValidationError("A paper in a pack has at least one page.")
    old = paper.page_count
    if old == page_count:
        return paper
    panel_id = _panel_id(paper)
    with transaction.atomic():
        Paper.objects.filter(pk=paper.pk).update(page_count=page_count, modified=timezone.now())
        paper.page_count = page_count
        audit_record(
            acting_user=acting_user,
            verb="paper_page_count_record",
            action=AuditEvent.Action.UPDATE,
            instance=paper,
            panel_id=panel_id,
            changes={"page_count": [old, page_count]},
        )
        transaction.on_commit(lambda: panel_pages_invalidate(panel_id))
    return paper


def publication_pack_link(*, acting_user, publication: Publication, build: PackBuild) -> Publication:
    """Link a publication to the pack built for it, once that build is done.

    The first publication's pack is the agenda pack; a supplementary publication's is its supplementary pack.
    A publication that already has a finished pack keeps it: what was published is never replaced (a
    changed paper goes out in a new publication), so linking another build is refused.
    """
    expected = PackKind.SUPPLEMENTARY if publication.supplementary else PackKind.PUBLIC
    if build.meeting_id != publication.meeting_id:
        raise ValidationError("The pack was built for another meeting.")
    if build.kind != expected:
        raise ValidationError(f"This publication's pack is a {PackKind(expected).label.lower()}.")
    if build.status != BuildStatus.DONE or not build.file:
        raise ValidationError(_("The pack has not been built yet."))
    with transaction.atomic():
        current = Publication.objects.select_for_update().select_related("meeting").get(pk=publication.pk)
        if current.pack_id == build.pk:
            return current
        if current.pack_id is not None:
            linked = PackBuild.objects.filter(pk=current.pack_id).values_list("status", flat=True).first()
            if linked == BuildStatus.DONE:
                raise ValidationError(
                    _("This publication already has its pack; a published pack is never replaced."),
                    code="published",
                )
        old = current.pack_id
        current.pack = build
        current.save(update_fields=["pack", "modified"])
        panel_id = current.meeting.panel_id
        audit_record(
            acting_user=acting_user,
            verb="publication_pack_link",
            action=AuditEvent.Action.UPDATE,
            instance=current,
            panel_id=panel_id,
            changes={"pack": [old, build.pk]},
        )
        touch([current.meeting])
        transaction.on_commit(lambda: panel_pages_invalidate(panel_id))
    publication.pack = build
    return current
