from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    COUNT = "count", _("Count")
    PERCENTAGE = "percentage", _("Percentage")
    MINUTES = "minutes", _("Minutes")
    POUNDS = "pounds", _("Pounds")
    TEXT = "text", _("Text status")


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher", _("Higher is better")
    LOWER_IS_BETTER = "lower", _("Lower is better")
    NEITHER = "neither", _("Neither")


class TargetKind(models.TextChoices):
    NONE = "none", _("No target")
    VALUE = "value", _("A value")
    MSG_AVERAGE = "msg_average", _("The most similar group average")
    NATIONAL = "national", _("The national figure")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    ANNUAL = "annual", _("Annual")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Financial-year quarter")
    ROLLING_12_MONTHS = "rolling12", _("12 months ending")
    FINANCIAL_YEAR = "year", _("Financial year")


class Comparison(models.TextChoices):
    SAME_PERIOD_LAST_YEAR = "last_year", _("the same period last year")
    PREVIOUS_PERIOD = "previous", _("the previous period")


class RAG(models.TextChoices):
    GREEN = "green", _("Green")
    AMBER = "amber", _("Amber")
    RED = "red", _("Red")


class StaffCategory(models.TextChoices):
    POLICE_OFFICER = "police_officer", _("Police officer")
    PCSO = "pcso", _("PCSO")
    POLICE_STAFF = "police_staff", _("Police staff")
    SPECIAL = "special", _("Special constable")


class EthnicGroup(models.TextChoices):
    BAME = "bame", _("Black, Asian and minority ethnic")
    WHITE = "white", _("White")
    NOT_STATED = "not_stated", _("Not stated")
