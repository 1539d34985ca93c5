"""Background jobs of the documents app: building agenda packs, with a stored status and visible progress, and
extracting an uploaded PDF's text (OCR for a scan), whose status is stored on the file."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from scrutiny.core.cache import panel_pages_invalidate

from .choices import BuildStatus, PackKind
from .models import PackBuild, PaperFile, Publication
from .packs import build_agenda_pack, build_supplementary_pack, pack_file_names, supplement_number
from .services import paper_file_text_extract, publication_pack_link

logger = logging.getLogger(__name__)


def _progress_saver(build_id: int):
    """Store progress as the build goes, so the status page can show it while the job runs."""

    def save(percent: int, message: str) -> None:
        PackBuild.objects.filter(pk=build_id).update(progress=max(0, min(100, percent)), message=message[:300])

    return save


def _build(build: PackBuild, publication: Publication | None):
    """The pack the build asks for: a publication's pack holds what that publication issued."""
    progress = _progress_saver(build.pk)
    if build.kind == PackKind.SUPPLEMENTARY:
        if publication is None:
            raise ValueError("A supplementary pack is built for its publication.")
        return build_supplementary_pack(publication, progress=progress, acting_user=build.requested_by)
    paper_ids = None
    if publication is not None and build.kind == PackKind.PUBLIC:
        paper_ids = set(publication.papers.values_list("pk", flat=True))
    return build_agenda_pack(
        build.meeting,
        kind=build.kind,
        progress=progress,
        acting_user=build.requested_by,
        paper_ids=paper_ids,
        publication=publication,
    )


@task()
def pack_build_run(build_id: int, publication_id: int | None = None) -> None:
    """Build the pack asked for in PackBuild `build_id`: queued, then running with progress, then done or failed.

    With `publication_id` the build is that publication's pack, and is linked to it when done.
    """
    build = PackBuild.objects.select_related("meeting__panel", "requested_by").get(pk=build_id)
    publication = None
    if publication_id is not None:
        publication = Publication.objects.select_related("meeting__panel").get(pk=publication_id)
    PackBuild.objects.filter(pk=build_id).update(
        status=BuildStatus.RUNNING, started_at=timezone.now(), progress=1, message="Starting", error=""
    )
    try:
        result = _build(build, publication)
    except Exception as error:
        logger.exception("Pack build %s failed", build_id)
        PackBuild.objects.filter(pk=build_id).update(
            status=BuildStatus.FAILED,
            finished_at=timezone.now(),
            message=f"The build failed: {error}"[:300],
            error=f"{type(error).__name__}: {error}",
        )
        raise
    build.refresh_from_db()
    number = supplement_number(publication) if build.kind == PackKind.SUPPLEMENTARY else None
    pdf_name, html_name = pack_file_names(build.meeting, build.kind, number)
    # New files under new names: storage never overwrites, so an earlier pack's file is never rewritten.
    build.file.save(pdf_name, ContentFile(result.pdf), save=False)
    build.html_file.save(html_name, ContentFile(result.html.encode("utf-8")), save=False)
    build.page_count = result.page_count
    build.status = BuildStatus.DONE
    build.progress = 100
    build.message = f"Built {result.page_count} pages"
    build.finished_at = timezone.now()
    build.save(
        update_fields=["file", "html_file", "page_count", "status", "progress", "message", "finished_at", "modified"]
    )
    panel_id = build.meeting.panel_id
    transaction.on_commit(lambda: panel_pages_invalidate(panel_id))  # the public page lists the packs
    if publication is not None:
        try:
            publication_pack_link(acting_user=build.requested_by, publication=publication, build=build)
        except ValidationError as error:  # the publication kept the pack it had: say so on the build
            message = f"Built {result.page_count} pages, not linked: {' '.join(error.messages)}"
            PackBuild.objects.filter(pk=build_id).update(message=message[:300])


@task()
def paper_file_text_extract_run(paper_file_id: int, acting_user_id: int | None = None) -> None:
    """Extract the text of an uploaded PDF (`PaperFile.text_status` pending, then done or failed).

    Audited as the user who uploaded it. A file deleted since (its paper removed) has nothing left to do.
    """
    paper_file = PaperFile.objects.select_related("paper__agenda_item__meeting").filter(pk=paper_file_id).first()
    if paper_file is None:
        return
    acting_user = get_user_model().objects.filter(pk=acting_user_id).first() if acting_user_id else None
    paper_file_text_extract(acting_user=acting_user, paper_file=paper_file)
