"""People, their memberships of a panel and the offices they hold within a membership."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from scrutiny.core.models import TombstoneModel

from .choices import DatePrecision, EndReason, MembershipKind, Office
from .querysets import MembershipQuerySet, OfficeHolderQuerySet, PersonQuerySet


class Person(TombstoneModel):
    """Anyone the panel's records name: members, substitutes, officers, the PCC and guests."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="people")
    title = models.CharField(max_length=20, blank=True, help_text="As printed: Cllr, Mrs, Ms, Mr, Dr …")
    name = models.CharField(max_length=120, help_text="As printed, e.g. 'Barry Durkin' or 'C Clive'.")
    slug = models.SlugField(max_length=80)
    sort_name = models.CharField(max_length=120, blank=True, help_text="For ordering: usually the surname.")
    role_title = models.CharField(max_length=200, blank=True, help_text="For officers and guests, as written.")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(fields=["panel", "slug"], name="person_unique_slug_per_panel")]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}".strip()

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.name.split()[-1] if self.name else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("public_site:member_detail", kwargs={"panel_slug": self.panel.slug, "person_slug": self.slug})


class Membership(TombstoneModel):
    """A person's seat on the panel for one term: kind, appointing council, dates and why it ended."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    kind = models.CharField(max_length=24, choices=MembershipKind.choices)
    council = models.ForeignKey(
        "panels.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="The appointing council; blank for independent members or where the record does not say.",
    )
    start_date = models.DateField(null=True, blank=True, help_text="Blank where the records do not say.")
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    start_minute = models.ForeignKey(
        "meetings.MinuteItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships_started",
        help_text="The minute that appointed or co-opted the member, where it was at a meeting.",
    )
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_reason = models.CharField(max_length=12, choices=EndReason.choices, blank=True)
    label_as_printed = models.CharField(max_length=80, blank=True, help_text="e.g. 'Substantive Member'.")
    notes = models.TextField(blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["person__sort_name", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_kind_display()})"

    def clean(self):
        if self.end_reason and not self.end_date:
            raise ValidationError({"end_date": _("Give the date the membership ended.")})
        if self.person_id and self.panel_id and self.person.panel_id != self.panel_id:
            raise ValidationError({"person": _("This person belongs to another panel.")})
        if self.council_id and self.panel_id and self.council.panel_id != self.panel_id:
            raise ValidationError({"council": _("This council appoints to another panel.")})

    @property
    def is_councillor(self) -> bool:
        return self.kind in (MembershipKind.APPOINTED, MembershipKind.CO_OPTED_COUNCILLOR)


class OfficeHolder(TombstoneModel):
    """An office (Chairman, Vice-Chairman) held within a membership, with its own dates and term."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="offices")
    office = models.CharField(max_length=16, choices=Office.choices)
    title_as_printed = models.CharField(max_length=40, blank=True, help_text="e.g. 'Vice Chair'.")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    term_ends = models.DateField(null=True, blank=True, help_text="When the term the holder was elected for ends.")
    term_ends_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH)
    elected_at = models.ForeignKey(
        "meetings.Vote", null=True, blank=True, on_delete=models.SET_NULL, related_name="offices_filled"
    )

    objects = OfficeHolderQuerySet.as_manager()

    class Meta:
        ordering = ["office", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="office_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.get_office_display()}: {self.membership.person}"

    @property
    def title(self) -> str:
        return self.title_as_printed or self.get_office_display()
