"""Build a meeting's agenda pack (or its minutes) now, printing progress and where the file was saved."""

import contextlib

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from scrutiny.documents.choices import BuildStatus, PackKind
from scrutiny.documents.models import PackBuild
from scrutiny.documents.packs import PackError, build_agenda_pack, pack_file_names
from scrutiny.meetings.models import Meeting

KINDS = [PackKind.PUBLIC, PackKind.RESTRICTED, PackKind.LARGE_PRINT, PackKind.MINUTES]


class Command(BaseCommand):
    help = "Build the agenda pack of a meeting synchronously and store it as a pack build."

    def add_arguments(self, parser):
        parser.add_argument("panel_slug")
        parser.add_argument("meeting_slug", help="The meeting's date-based slug, e.g. 2023-09-19.")
        parser.add_argument("--kind", choices=[k.value.replace("_", "-") for k in KINDS] + ["large_print"])

    def handle(self, *args, panel_slug, meeting_slug, kind=None, **options):
        kind = (kind or PackKind.PUBLIC).replace("-", "_")
        meeting = (
            Meeting.objects.live()
            .select_related("panel")
            .filter(panel__slug=panel_slug, panel__is_deleted=False, slug=meeting_slug)
            .first()
        )
        if meeting is None:
            raise CommandError(f"No meeting {meeting_slug!r} of panel {panel_slug!r}.")

        def progress(percent, message):
            self.stdout.write(f"{percent:3d}% {message}")

        started = timezone.now()
        try:
            result = build_agenda_pack(meeting, kind=kind, progress=progress)
        except PackError as error:
            raise CommandError(str(error)) from error
        build = PackBuild(
            meeting=meeting,
            kind=kind,
            status=BuildStatus.DONE,
            progress=100,
            message=f"Built {result.page_count} pages from the command line",
            page_count=result.page_count,
            started_at=started,
            finished_at=timezone.now(),
        )
        pdf_name, html_name = pack_file_names(meeting, kind)
        build.file.save(pdf_name, ContentFile(result.pdf), save=False)
        build.html_file.save(html_name, ContentFile(result.html.encode("utf-8")), save=False)
        build.save()
        self.stdout.write(self.style.SUCCESS(f"{result.page_count} pages: {build.file.name}"))
        with contextlib.suppress(NotImplementedError):  # storage without local paths (S3, in-memory)
            self.stdout.write(build.file.path)
