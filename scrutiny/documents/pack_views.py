"""Staff pages for agenda packs: build a meeting's pack, watch the build, download what it made.

Officers build; anyone with a role on the panel may see the builds and download the public kinds; the
restricted pack (exempt papers) goes only to members and officers. Another panel's meetings are "not found".
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from scrutiny.accounts.choices import Role
from scrutiny.accounts.decorators import staff_required
from scrutiny.accounts.permissions import can_edit_panel, can_view_panel, panel_ids_for
from scrutiny.meetings.models import Meeting

from .choices import BuildStatus, PackKind
from .models import PackBuild, Publication
from .packs import first_publication, pack_build_request

BUILDABLE = [PackKind.PUBLIC, PackKind.RESTRICTED, PackKind.LARGE_PRINT, PackKind.MINUTES]
RESTRICTED_ROLES = {Role.SCRUTINY_OFFICER, Role.PANEL_MEMBER}


def can_read_restricted(user, panel_id: int) -> bool:
    """Members and officers of the panel (and administrators) may read its exempt papers."""
    ids = panel_ids_for(user, RESTRICTED_ROLES)
    return ids is None or panel_id in ids


def _meeting_or_404(request, panel_slug, meeting_slug) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.live().select_related("panel"),
        panel__slug=panel_slug,
        panel__is_deleted=False,
        slug=meeting_slug,
    )
    if not can_view_panel(request.user, meeting.panel):
        raise Http404
    return meeting


def _build_or_404(request, build_id) -> PackBuild:
    build = get_object_or_404(
        PackBuild.objects.select_related("meeting__panel", "requested_by"), pk=build_id, meeting__is_deleted=False
    )
    if not can_view_panel(request.user, build.meeting.panel_id):
        raise Http404
    if build.kind == PackKind.RESTRICTED and not can_read_restricted(request.user, build.meeting.panel_id):
        raise PermissionDenied
    return build


@require_safe
@staff_required
def meeting_packs(request, panel_slug, meeting_slug):
    """The meeting's pack builds, latest first, with the button to build another."""
    meeting = _meeting_or_404(request, panel_slug, meeting_slug)
    builds = meeting.pack_builds.select_related("requested_by").order_by("-created", "-id")
    if not can_read_restricted(request.user, meeting.panel_id):
        builds = builds.exclude(kind=PackKind.RESTRICTED)
    published = first_publication(meeting)
    # Once the agenda is published its pack is the publication's own, never rebuilt (see pack_build_request).
    kinds = [kind for kind in BUILDABLE if not (published and kind == PackKind.PUBLIC)]
    return render(
        request,
        "documents/pack/meeting_packs.html",
        {
            "staff_panel": meeting.panel,
            "meeting": meeting,
            "builds": list(builds[:20]),
            "can_edit": can_edit_panel(request.user, meeting.panel),
            "kinds": [(kind.value, kind.label) for kind in kinds],
            "published": published,
        },
    )


@require_POST
@staff_required
def pack_build_create(request, panel_slug, meeting_slug):
    """Queue a build (officers only) and show its progress. Once the agenda is published the public pack is
    refused (the published pack and its page ranges stand; a changed paper goes out as a supplementary agenda):
    the restricted, large-print and minutes packs are still built."""
    meeting = _meeting_or_404(request, panel_slug, meeting_slug)
    if not can_edit_panel(request.user, meeting.panel):
        raise PermissionDenied
    kind = request.POST.get("kind", PackKind.PUBLIC)
    if kind not in BUILDABLE:
        messages.error(request, _("Choose which pack to build."))
        return redirect("packs:meeting_packs", panel_slug=meeting.panel.slug, meeting_slug=meeting.slug)
    try:
        build = pack_build_request(meeting=meeting, kind=kind, acting_user=request.user)
    except ValidationError as error:  # the public pack once the agenda is published
        messages.error(request, " ".join(error.messages))
        return redirect("packs:meeting_packs", panel_slug=meeting.panel.slug, meeting_slug=meeting.slug)
    return redirect("packs:pack_build_detail", build_id=build.pk)


@require_safe
@staff_required
def pack_build_detail(request, build_id):
    """One build's status and progress; the page refreshes itself (no JavaScript) until the build ends."""
    build = _build_or_404(request, build_id)
    running = build.status in (BuildStatus.QUEUED, BuildStatus.RUNNING)
    return render(
        request,
        "documents/pack/build_detail.html",
        {"staff_panel": build.meeting.panel, "meeting": build.meeting, "build": build, "running": running},
    )


def _serve(build: PackBuild, field: str, content_type: str, *, as_attachment: bool):
    stored = getattr(build, field)
    if build.status != BuildStatus.DONE or not stored:
        raise Http404
    name = stored.name.rsplit("/", 1)[-1]
    return FileResponse(stored.open("rb"), content_type=content_type, as_attachment=as_attachment, filename=name)


@require_safe
@staff_required
def pack_build_download(request, build_id):
    return _serve(_build_or_404(request, build_id), "file", "application/pdf", as_attachment=False)


@require_safe
@staff_required
def pack_build_html(request, build_id):
    """The accessible HTML version, as a file to save (it is a document, not a page of this site)."""
    return _serve(_build_or_404(request, build_id), "html_file", "text/html; charset=utf-8", as_attachment=True)


@require_safe
def public_pack_download(request, panel_slug, meeting_slug):
    """Anyone may read a meeting's public agenda pack (it holds no exempt information): the pack of the
    agenda's first publication when there is one, so that a later rebuild never stands in for what was
    published; otherwise the latest public build."""
    meeting_filter = {
        "meeting__panel__slug": panel_slug,
        "meeting__panel__is_deleted": False,
        "meeting__slug": meeting_slug,
        "meeting__is_deleted": False,
    }
    published = (
        Publication.objects.filter(
            supplementary=False, pack__kind=PackKind.PUBLIC, pack__status=BuildStatus.DONE, **meeting_filter
        )
        .exclude(pack__file="")
        .select_related("pack")
        .order_by("published_at", "id")
        .first()
    )
    build = published.pack if published else None
    if build is None:
        build = (
            PackBuild.objects.filter(kind=PackKind.PUBLIC, status=BuildStatus.DONE, **meeting_filter)
            .exclude(file="")
            .order_by("-finished_at", "-id")
            .first()
        )
    if build is None:
        raise Http404
    return _serve(build, "file", "application/pdf", as_attachment=False)


@require_safe
def public_supplementary_download(request, panel_slug, meeting_slug, number: int):
    """Anyone may read a meeting's supplementary packs: the `number`th supplementary publication's pack
    (numbered from 1 in the order they were published). Exempt papers are never in them."""
    supplements = list(
        Publication.objects.filter(
            supplementary=True,
            meeting__panel__slug=panel_slug,
            meeting__panel__is_deleted=False,
            meeting__slug=meeting_slug,
            meeting__is_deleted=False,
        )
        .select_related("pack")
        .order_by("published_at", "id")
    )
    if not 1 <= number <= len(supplements):
        raise Http404
    build = supplements[number - 1].pack
    if build is None or build.kind != PackKind.SUPPLEMENTARY or build.status != BuildStatus.DONE or not build.file:
        raise Http404
    return _serve(build, "file", "application/pdf", as_attachment=False)


@require_POST
@staff_required
def publication_pack_build(request, publication_id):
    """Build a publication's pack again (officers only) when its build failed or never ran."""
    publication = get_object_or_404(
        Publication.objects.select_related("meeting__panel", "pack"), pk=publication_id, meeting__is_deleted=False
    )
    meeting = publication.meeting
    if not can_view_panel(request.user, meeting.panel_id):
        raise Http404
    if not can_edit_panel(request.user, meeting.panel):
        raise PermissionDenied
    if publication.pack is not None and publication.pack.status == BuildStatus.DONE:
        messages.error(request, _("This publication already has its pack; a published pack is never replaced."))
        return redirect("staff:meeting_detail", panel_slug=meeting.panel.slug, meeting_slug=meeting.slug)
    kind = PackKind.SUPPLEMENTARY if publication.supplementary else PackKind.PUBLIC
    build = pack_build_request(meeting=meeting, kind=kind, acting_user=request.user, publication=publication)
    return redirect("packs:pack_build_detail", build_id=build.pk)
