from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipKind(models.TextChoices):
    """The statute's kinds of panel member (PRSRA 2011 Sch 6)."""

    APPOINTED = "appointed", _("Appointed councillor")
    CO_OPTED_COUNCILLOR = "co_opted_councillor", _("Co-opted councillor")
    INDEPENDENT = "independent", _("Independent co-opted member")


class EndReason(models.TextChoices):
    RETIRED = "retired", _("Retired")
    STOOD_DOWN = "stood_down", _("Stood down")
    TERM_ENDED = "term_ended", _("Term ended")
    REPLACED = "replaced", _("Replaced")


class Office(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman")
    VICE_CHAIRMAN = "vice_chairman", _("Vice-Chairman")


class DatePrecision(models.TextChoices):
    """How much of a recorded date is known: '2012' is stored as 1 January 2012 with precision year."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
