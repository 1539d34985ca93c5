"""The panel (the scoping body that owns everything else) and the councils that appoint to it."""

from datetime import time

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from scrutiny.core.models import TombstoneModel

from .choices import ClearDaysMode, MinuteNumbering, Nation
from .querysets import CouncilQuerySet, PanelQuerySet

RESERVED_SLUGS = frozenset(
    {"search", "accessibility", "privacy", "staff", "admin", "api", "account", "accounts", "healthz", "static", "media"}
)


class Panel(TombstoneModel):
    """A Police and Crime Panel (or any scrutiny committee). Every public URL starts with its slug."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    purpose = models.TextField(blank=True, help_text="A short public description of what the panel does.")
    host_council = models.ForeignKey(
        "panels.Council", null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted_panels"
    )
    policing_area = models.CharField(max_length=120)
    force = models.CharField(max_length=120, help_text="The police force, e.g. West Mercia Police.")
    commissioner = models.CharField(max_length=120, blank=True, help_text="The Police and Crime Commissioner.")
    contact_officer = models.ForeignKey(
        "members.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="panels_contacted"
    )
    nation = models.CharField(max_length=3, choices=Nation.choices, default=Nation.ENGLAND)
    clear_days_mode = models.CharField(max_length=10, choices=ClearDaysMode.choices, default=ClearDaysMode.WORKING_DAYS)
    minute_numbering = models.CharField(
        max_length=12, choices=MinuteNumbering.choices, default=MinuteNumbering.CONTINUOUS
    )
    first_minute_number = models.PositiveIntegerField(
        default=1, help_text="Where continuous numbering starts when no earlier minutes are recorded."
    )
    address = models.CharField(max_length=255, blank=True, help_text="Where agendas are published from.")
    website = models.URLField(blank=True)
    alternative_formats_email = models.EmailField(blank=True)
    alternative_formats_phone = models.CharField(max_length=40, blank=True)
    question_retention_days = models.PositiveIntegerField(
        default=90, help_text="Days after the meeting before a public questioner's contact details are erased."
    )
    participation_notice_days = models.PositiveSmallIntegerField(
        default=1,
        validators=[MaxValueValidator(10)],
        help_text="Working days before the meeting by which the public must send questions and statements "
        "(West Mercia: 1, the working day before).",
    )
    participation_deadline_time = models.TimeField(
        default=time(9, 0), help_text="The time on that day at which questions and statements close."
    )

    objects = PanelQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        # A panel's slug starts its public URLs, beside the site's own top-level paths.
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("“%(slug)s” is used by the site itself; choose another.") % {"slug": self.slug}}
            )

    def get_absolute_url(self):
        return reverse("public_site:panel_home", kwargs={"panel_slug": self.slug})


class Council(TombstoneModel):
    """A local authority in the police area that appoints councillors to the panel."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="councils")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    website = models.URLField(blank=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "slug"], name="council_unique_slug_per_panel"),
        ]

    def __str__(self):
        return self.name
