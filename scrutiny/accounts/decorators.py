"""The guard on every staff view."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .permissions import can_edit_panel, can_view_panel, is_staff_user
from .verification import verification_redirect


def staff_required(view):
    """Signed in, past the second factor where required, and holding a role on some panel.

    Anonymous users are sent to sign in; signed-in users without any role get 403. Which panel's objects a
    user may see is the view's own question (answer another panel's with 404, via `can_view_panel`).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        redirect = verification_redirect(request, request.get_full_path())
        if redirect is not None:
            return redirect
        if not is_staff_user(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def staff_panel_or_404(request, panel_slug: str, *, edit: bool = False):
    """The live panel a staff view is about: another panel is "not found" (404), so that its existence is
    not revealed; with `edit`, a user who may look but not change (a member, the PCC's office) gets 403."""
    from scrutiny.panels.models import Panel

    panel = get_object_or_404(Panel.objects.live(), slug=panel_slug)
    if not can_view_panel(request.user, panel):
        raise Http404
    if edit and not can_edit_panel(request.user, panel):
        raise PermissionDenied
    return panel
