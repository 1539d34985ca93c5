"""Background jobs of the documents app: building agenda packs, with a stored status and visible progress."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from .choices import BuildStatus
from .models import PackBuild
from .packs import build_agenda_pack, pack_file_names

logger = logging.getLogger(__name__)


def _progress_saver(build_id: int):
    """Store progress as the build goes, so the status page can show it while the job runs."""

    def save(percent: int, message: str) -> None:
        PackBuild.objects.filter(pk=build_id).update(progress=max(0, min(100, percent)), message=message[:300])

    return save


@task()
def pack_build_run(build_id: int) -> None:
    """Build the pack asked for in PackBuild `build_id`: queued, then running with progress, then done or failed."""
    build = PackBuild.objects.select_related("meeting__panel", "requested_by").get(pk=build_id)
    PackBuild.objects.filter(pk=build_id).update(
        status=BuildStatus.RUNNING, started_at=timezone.now(), progress=1, message="Starting", error=""
    )
    try:
        result = build_agenda_pack(
            build.meeting, kind=build.kind, progress=_progress_saver(build_id), acting_user=build.requested_by
        )
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
    pdf_name, html_name = pack_file_names(build.meeting, build.kind)
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
