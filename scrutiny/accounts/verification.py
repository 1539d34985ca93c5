"""Two-factor sign-in for staff: who must verify, and where an unverified user is sent.

A password alone never opens a staff page or the admin while `SCRUTINY_REQUIRE_2FA` is on (always, except in
the `make run` demo). A user who has an authenticator signs in again with its code; a user who has none is
sent to set one up, and comes back to the page they asked for.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from two_factor.utils import default_device


def needs_verification(user) -> bool:
    """Whether a signed-in user must still pass the second factor before seeing staff pages."""
    if not getattr(settings, "SCRUTINY_REQUIRE_2FA", True):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (callable(is_verified) and is_verified())


def verification_redirect(request, next_url: str) -> HttpResponseRedirect | None:
    """Where to send a signed-in user who has not passed the second factor; None when they may go on."""
    if not needs_verification(request.user):
        return None
    if default_device(request.user):
        return redirect_to_login(next_url, reverse("two_factor:login"))
    return HttpResponseRedirect(f"{reverse('two_factor:setup')}?{urlencode({'next': next_url})}")
