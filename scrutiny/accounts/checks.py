"""Deployment checks: `manage.py check --deploy` warns when staff could sign in with a password alone."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_two_factor_required(app_configs, **kwargs):
    if getattr(settings, "SCRUTINY_REQUIRE_2FA", True):
        return []
    return [
        Warning(
            "SCRUTINY_REQUIRE_2FA is off: staff pages and the admin open with a password alone.",
            hint="Only the `make run` demo (config.settings.local) should turn two-factor sign-in off.",
            id="accounts.W001",
        )
    ]
