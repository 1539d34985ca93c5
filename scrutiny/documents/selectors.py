"""Reads across papers and packs."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from .choices import BuildStatus, PackKind
from .models import PackBuild, Publication

PUBLICATION_KINDS = (PackKind.PUBLIC, PackKind.SUPPLEMENTARY)
IN_PROGRESS = (BuildStatus.QUEUED, BuildStatus.RUNNING)


@dataclass
class PublicationPack:
    """One publication of a meeting's agenda and its pack: linked when built, or the build still under way."""

    publication_id: int
    published_at: datetime
    number: int | None  # the supplement's number; None for the agenda's first publication
    build: PackBuild | None

    @property
    def label(self) -> str:
        if self.number is None:
            return _("Agenda pack")
        return _("Supplementary pack %(number)s") % {"number": self.number}

    @property
    def ready(self) -> bool:
        return self.build is not None and self.build.status == BuildStatus.DONE and bool(self.build.file)

    @property
    def building(self) -> bool:
        return self.build is not None and self.build.status in IN_PROGRESS

    @property
    def failed(self) -> bool:
        return self.build is not None and self.build.status == BuildStatus.FAILED


def publication_packs(meeting, publications: list[Publication] | None = None) -> list[PublicationPack]:
    """Each publication of the meeting, in order, with its pack (for the officer's meeting page).

    A pack is linked to its publication only when its build is done; until then the build shown is the
    latest one of the publication's kind requested since it was published and before the next publication
    (the build `agenda_publish` queued, or a later retry). `publications` may come with `pack` selected.
    """
    if publications is None:
        publications = list(meeting.publications.select_related("pack").order_by("published_at", "id"))
    rows = []
    number = 0
    for publication in publications:
        if publication.supplementary:
            number += 1
        rows.append(
            PublicationPack(
                publication_id=publication.pk,
                published_at=publication.published_at,
                number=number if publication.supplementary else None,
                build=publication.pack,
            )
        )
    if all(row.build is not None and row.build.status == BuildStatus.DONE for row in rows):
        return rows
    unlinked = list(
        PackBuild.objects.filter(meeting=meeting, kind__in=PUBLICATION_KINDS, publications__isnull=True).order_by(
            "created", "id"
        )
    )
    for n, (row, publication) in enumerate(zip(rows, publications, strict=True)):
        if row.build is not None and row.build.status == BuildStatus.DONE:
            continue
        kind = PackKind.SUPPLEMENTARY if publication.supplementary else PackKind.PUBLIC
        until = publications[n + 1].published_at if n + 1 < len(publications) else None
        candidates = [
            build
            for build in unlinked
            if build.kind == kind
            and build.created >= publication.published_at
            and (until is None or build.created < until)
        ]
        if candidates:
            row.build = candidates[-1]
    return rows


@dataclass
class PublicPacks:
    """What the public meeting page offers to download: the agenda pack and each supplementary pack."""

    main: PackBuild | None = None
    supplements: list[PublicationPack] = field(default_factory=list)
    main_preparing: bool = False
    supplement_preparing: bool = False

    @property
    def page_count(self) -> int | None:
        return self.main.page_count if self.main else None

    def __bool__(self) -> bool:
        return bool(self.main or self.supplements or self.main_preparing or self.supplement_preparing)


def public_pack_latest(meeting) -> PublicPacks | None:
    """The meeting's public packs, in one query: the agenda pack as first published (or, where the agenda was
    not published in Scrutiny, the latest public build), each supplementary pack with its number, and whether
    one is still being built. None when there is nothing to show.

    Restricted and large-print builds are never here; a failed build is not mentioned to the public.
    """
    supplements_so_far = (
        Publication.objects.filter(
            meeting_id=OuterRef("meeting_id"),
            supplementary=True,
            published_at__lte=OuterRef("publications__published_at"),
        )
        .order_by()
        .values("meeting_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    builds = list(
        PackBuild.objects.filter(meeting=meeting, kind__in=PUBLICATION_KINDS)
        .exclude(status=BuildStatus.FAILED)
        .annotate(
            publication_id=F("publications__id"),
            publication_at=F("publications__published_at"),
            publication_supplementary=F("publications__supplementary"),
            supplement_number=Coalesce(Subquery(supplements_so_far), 0),
        )
        .only("id", "meeting_id", "kind", "status", "page_count", "file", "created", "finished_at")
        .order_by("created", "id")
    )
    done = [b for b in builds if b.status == BuildStatus.DONE and b.file]
    packs = PublicPacks()
    first = [b for b in done if b.publication_id and not b.publication_supplementary and b.kind == PackKind.PUBLIC]
    public_done = [b for b in done if b.kind == PackKind.PUBLIC]
    packs.main = first[0] if first else (public_done[-1] if public_done else None)
    seen = set()
    for build in sorted(
        (b for b in done if b.publication_id and b.publication_supplementary and b.kind == PackKind.SUPPLEMENTARY),
        key=lambda b: (b.publication_at, b.publication_id),
    ):
        if build.publication_id in seen:
            continue
        seen.add(build.publication_id)
        packs.supplements.append(
            PublicationPack(
                publication_id=build.publication_id,
                published_at=build.publication_at,
                number=build.supplement_number,
                build=build,
            )
        )
    in_progress = [b for b in builds if b.status in IN_PROGRESS]
    packs.main_preparing = packs.main is None and any(b.kind == PackKind.PUBLIC for b in in_progress)
    packs.supplement_preparing = any(b.kind == PackKind.SUPPLEMENTARY for b in in_progress)
    return packs or None
