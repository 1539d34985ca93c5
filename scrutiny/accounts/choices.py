from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person may do for one panel. Administrators (superusers) may do everything everywhere."""

    SCRUTINY_OFFICER = "officer", _("Scrutiny officer")
    PANEL_MEMBER = "member", _("Panel member")
    PCC_OFFICE = "pcc_office", _("PCC's office")
