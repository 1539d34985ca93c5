from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "scrutiny.accounts"
    label = "accounts"
    default = True

    def ready(self):
        from . import checks  # noqa: F401 -- registers the deployment checks


class ScrutinyAdminConfig(admin_apps.AdminConfig):
    """Django's admin on Scrutiny's site: pages scoped to the user's panels, two-factor sign-in required."""

    default = False
    default_site = "scrutiny.accounts.admin_site.ScrutinyAdminSite"
