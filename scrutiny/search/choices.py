from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    PAPER = "paper", _("Papers")
    AGENDA_ITEM = "agenda_item", _("Agenda items")
    MINUTE = "minute", _("Minutes")
