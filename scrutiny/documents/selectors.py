"""Reads across papers and packs."""

from .choices import BuildStatus, PackKind
from .models import PackBuild


def public_pack_latest(meeting) -> PackBuild | None:
    """The meeting's latest finished public agenda pack, if there is one."""
    return (
        PackBuild.objects.filter(meeting=meeting, kind=PackKind.PUBLIC, status=BuildStatus.DONE)
        .exclude(file="")
        .only("id", "meeting_id", "page_count", "finished_at", "file")
        .order_by("-finished_at", "-id")
        .first()
    )
