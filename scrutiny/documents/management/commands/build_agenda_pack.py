"""Build a meeting's agenda pack (or its minutes, or a supplementary pack) now, printing progress and where the
file was saved."""

import contextlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from scrutiny.documents.choices import BuildStatus, PackKind
from scrutiny.documents.models import PackBuild, Publication
from scrutiny.documents.packs import (
    PackError,
    agenda_ranges_fixed,
    build_agenda_pack,
    build_supplementary_pack,
    pack_file_names,
)
from scrutiny.documents.services import publication_pack_link
from scrutiny.meetings.models import Meeting

KINDS = [PackKind.PUBLIC, PackKind.RESTRICTED, PackKind.LARGE_PRINT, PackKind.MINUTES]


def _supplements(meeting) -> list[Publication]:
    """The meeting's supplementary publications in the order `packs.supplement_number` numbers them (1, 2...)."""
    return list(meeting.publications.filter(supplementary=True).order_by("published_at", "id"))


class Command(BaseCommand):
    help = (
        "Build the agenda pack of a meeting synchronously and store it as a pack build. With --supplementary N, "
        "build the pack of the meeting's Nth supplementary agenda instead (linked to it if it has no pack yet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("panel_slug")
        parser.add_argument("meeting_slug", help="The meeting's date-based slug, e.g. 2023-09-19.")
        parser.add_argument("--kind", choices=[k.value.replace("_", "-") for k in KINDS] + ["large_print"])
        parser.add_argument(
            "--supplementary",
            type=int,
            metavar="N",
            help="Build the pack of the meeting's Nth supplementary agenda (1 for the first after the agenda).",
        )

    def handle(self, *args, panel_slug, meeting_slug, kind=None, supplementary=None, **options):
        meeting = (
            Meeting.objects.live()
            .select_related("panel")
            .filter(panel__slug=panel_slug, panel__is_deleted=False, slug=meeting_slug)
            .first()
        )
        if meeting is None:
            raise CommandError(f"No meeting {meeting_slug!r} of panel {panel_slug!r}.")
        publication = None
        if supplementary is not None:
            if kind is not None:
                raise CommandError("Give --kind or --supplementary, not both: a supplement has its own pack.")
            publication = self._supplement(meeting, supplementary)
            kind = PackKind.SUPPLEMENTARY
        kind = (kind or PackKind.PUBLIC).replace("-", "_")

        def progress(percent, message):
            self.stdout.write(f"{percent:3d}% {message}")

        if kind == PackKind.PUBLIC and agenda_ranges_fixed(meeting):
            self.stdout.write(
                "The agenda has been published: this build leaves the agenda's page numbers as the published "
                "pack's, and the public still reads the pack as published."
            )
        started = timezone.now()
        try:
            if publication is not None:
                result = build_supplementary_pack(publication, progress=progress)
            else:
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
        pdf_name, html_name = pack_file_names(meeting, kind, supplementary)
        build.file.save(pdf_name, ContentFile(result.pdf), save=False)
        build.html_file.save(html_name, ContentFile(result.html.encode("utf-8")), save=False)
        build.save()
        self.stdout.write(self.style.SUCCESS(f"{result.page_count} pages: {build.file.name}"))
        with contextlib.suppress(NotImplementedError):  # storage without local paths (S3, in-memory)
            self.stdout.write(build.file.path)
        if publication is not None:
            self._link(publication, build)

    def _supplement(self, meeting, number: int) -> Publication:
        supplements = _supplements(meeting)
        if number < 1:
            raise CommandError("--supplementary counts from 1 (the first supplementary agenda).")
        if not supplements:
            raise CommandError(
                f"The meeting {meeting.slug!r} of panel {meeting.panel.slug!r} has no supplementary agenda."
            )
        if number > len(supplements):
            raise CommandError(
                f"The meeting {meeting.slug!r} of panel {meeting.panel.slug!r} has no supplementary agenda {number}: "
                f"it has {len(supplements)}."
            )
        return supplements[number - 1]

    def _link(self, publication: Publication, build: PackBuild) -> None:
        """Link the build to its publication, as the job does; a publication keeps a pack it already has."""
        try:
            publication_pack_link(acting_user=None, publication=publication, build=build)
        except ValidationError as error:
            self.stdout.write(self.style.WARNING(f"Not linked to the publication: {' '.join(error.messages)}"))
        else:
            self.stdout.write("Linked to its supplementary agenda.")
