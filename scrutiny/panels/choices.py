from django.db import models
from django.utils.translation import gettext_lazy as _


class Nation(models.TextChoices):
    ENGLAND = "ENG", _("England")
    WALES = "WLS", _("Wales")


class ClearDaysMode(models.TextChoices):
    """How clear days before a meeting are counted; statute and case law leave weekends unsettled."""

    WORKING_DAYS = "working", _("Working days (Monday to Friday, not bank holidays)")
    S243 = "s243", _("Section 243 (not Sundays or bank holidays)")
    CALENDAR_DAYS = "calendar", _("Calendar days")


class MinuteNumbering(models.TextChoices):
    CONTINUOUS = "continuous", _("Continuous across meetings (472, 473, …)")
    PER_MEETING = "per_meeting", _("Restarting at each meeting (1, 2, …)")
    PER_YEAR = "per_year", _("Per year (23/1, 23/2, …)")
