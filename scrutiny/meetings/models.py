"""Meetings, their agenda, who attended, declarations, minutes and votes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from scrutiny.core.models import TombstoneModel

from .choices import (
    AttendanceStatus,
    DeclarationsState,
    ExemptParagraph,
    InterestKind,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    VoteKind,
    VoteResult,
)
from .querysets import AgendaItemQuerySet, MeetingQuerySet, MinuteItemQuerySet


class Meeting(TombstoneModel):
    """A meeting of the panel. Its public address is date-based: /<panel>/meetings/2023-09-19/."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="meetings")
    slug = models.SlugField(max_length=20, help_text="The date, with -2, -3 … when meetings share a day.")
    start = models.DateTimeField()
    ended_at = models.TimeField(null=True, blank=True, help_text="When the meeting ended, as minuted.")
    venue = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    kind = models.CharField(max_length=24, choices=MeetingKind.choices, default=MeetingKind.ORDINARY)
    date_of_issue = models.DateField(null=True, blank=True, help_text="When the agenda was published.")
    urgency_reason = models.TextField(
        blank=True, help_text="Why the meeting went ahead with fewer clear days than the rule requires."
    )
    contact_officer = models.ForeignKey(
        "members.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings_contacted"
    )
    declarations_state = models.CharField(
        max_length=14, choices=DeclarationsState.choices, default=DeclarationsState.NOT_RECORDED
    )
    notes = models.TextField(blank=True, help_text="Anything else the record says, e.g. papers before members.")
    minutes_status = models.CharField(max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    minutes_confirmed_at = models.DateTimeField(null=True, blank=True)
    minutes_confirmed_at_meeting = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes_confirmed",
        help_text="The meeting at which these minutes were confirmed as a correct record.",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        constraints = [models.UniqueConstraint(fields=["panel", "slug"], name="meeting_unique_slug_per_panel")]
        indexes = [models.Index(fields=["panel", "start"], name="meeting_panel_start_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.start:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("public_site:meeting_detail", kwargs={"panel_slug": self.panel.slug, "meeting_slug": self.slug})


class AgendaItem(TombstoneModel):
    """One numbered item of business. An exempt item shows only its number, title and paragraph."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(max_length=10, help_text="As printed: 1, 2, 5a …")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    page_start = models.PositiveIntegerField(null=True, blank=True)
    page_end = models.PositiveIntegerField(null=True, blank=True)
    exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(null=True, blank=True, choices=ExemptParagraph.choices)
    exempt_reason = models.TextField(blank=True, help_text="The public-interest reason for exclusion.")
    released_at = models.DateTimeField(null=True, blank=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(exempt=False)
                | (Q(exempt_paragraph__isnull=False) & Q(exempt_paragraph__gte=1) & Q(exempt_paragraph__lte=7)),
                name="agendaitem_exempt_needs_paragraph",
            ),
            models.CheckConstraint(
                condition=Q(page_end__isnull=True)
                | Q(page_start__isnull=True)
                | Q(page_end__gte=models.F("page_start")),
                name="agendaitem_pages_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        errors = {}
        if self.exempt:
            if not self.exempt_paragraph:
                errors["exempt_paragraph"] = _("An exempt item needs its Schedule 12A paragraph (1 to 7).")
            if not self.exempt_reason.strip():
                errors["exempt_reason"] = _("Give the public-interest reason for excluding the public.")
        if self.page_start and self.page_end and self.page_end < self.page_start:
            errors["page_end"] = _("The last page comes before the first.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return not self.exempt or self.released_at is not None

    @property
    def page_range(self) -> str:
        if self.page_start and self.page_end and self.page_end != self.page_start:
            return f"{self.page_start} - {self.page_end}"
        return str(self.page_start or "")


class Attendance(TombstoneModel):
    """One person's part in a meeting: present, apologies, absent, substitute or also attending."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("members.Person", on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=14, choices=AttendanceStatus.choices)
    substitute_for = models.ForeignKey(
        "members.Membership",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituted_by",
        help_text="For a substitute: the membership of the member they stood in for.",
    )
    council = models.ForeignKey(
        "panels.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        help_text="For a substitute: the council that named them.",
    )
    role_as_written = models.CharField(max_length=200, blank=True, help_text="e.g. 'Chairman', or an officer's role.")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], condition=Q(is_deleted=False), name="attendance_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(substitute_for__isnull=True) | Q(status="substitute"),
                name="attendance_only_substitutes_stand_in",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"

    def clean(self):
        if self.status == AttendanceStatus.SUBSTITUTE and not self.substitute_for_id:
            raise ValidationError({"substitute_for": _("Say which member the substitute stood in for.")})
        if self.substitute_for_id and self.meeting_id and self.substitute_for.panel_id != self.meeting.panel_id:
            raise ValidationError({"substitute_for": _("That member sits on another panel.")})


class Declaration(TombstoneModel):
    """A declaration of interest at a meeting, on an item where one is named."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    person = models.ForeignKey("members.Person", on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=20, choices=InterestKind.choices)
    description = models.TextField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class MinuteItem(TombstoneModel):
    """A numbered minute. Numbers follow the panel's scheme (continuous, per meeting or per year)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minute_items")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minute_items"
    )
    number = models.PositiveIntegerField()
    label = models.CharField(max_length=20, help_text="The number as printed: 472, or 23/45.")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text="The discussion, in paragraphs separated by a blank line.")
    resolutions = models.TextField(blank=True, help_text="What was resolved or agreed.")
    version = models.PositiveIntegerField(default=1, help_text="Raised by each correction after confirmation.")

    objects = MinuteItemQuerySet.as_manager()

    class Meta:
        ordering = ["order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], condition=Q(is_deleted=False), name="minute_number_once_per_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.label} {self.title}"

    @property
    def is_public(self) -> bool:
        return self.agenda_item is None or self.agenda_item.is_public


class MinuteItemVersion(models.Model):
    """A minute as it stood before a correction made after confirmation: corrections are visible and audited."""

    minute_item = models.ForeignKey(MinuteItem, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    resolutions = models.TextField(blank=True)
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="minute_corrections"
    )
    reason = models.TextField(help_text="Why the confirmed minute was corrected.")

    class Meta:
        ordering = ["minute_item", "version"]
        constraints = [
            models.UniqueConstraint(fields=["minute_item", "version"], name="minute_version_unique"),
        ]

    def __str__(self):
        return f"{self.minute_item.label} version {self.version}"


class Vote(TombstoneModel):
    """An election to an office or a vote on a motion, with counts where the minutes record them."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="votes")
    minute_item = models.ForeignKey(MinuteItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="votes")
    kind = models.CharField(max_length=10, choices=VoteKind.choices)
    office = models.CharField(max_length=16, blank=True, help_text="For an election: the office.")
    motion = models.TextField(blank=True, help_text="For a motion: its words.")
    result = models.CharField(max_length=10, choices=VoteResult.choices)
    votes_for = models.PositiveIntegerField(null=True, blank=True)
    votes_against = models.PositiveIntegerField(null=True, blank=True)
    abstentions = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.office or self.motion[:60]}"

    def clean(self):
        if self.kind == VoteKind.ELECTION and not self.office:
            raise ValidationError({"office": _("Name the office the election was for.")})
        if self.kind == VoteKind.MOTION and not self.motion.strip():
            raise ValidationError({"motion": _("Give the words of the motion.")})


class Nomination(TombstoneModel):
    """A nominee in an election, and whether they were elected."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="nominations")
    person = models.ForeignKey("members.Person", on_delete=models.PROTECT, related_name="nominations")
    elected = models.BooleanField(default=False)
    votes = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-elected", "id"]

    def __str__(self):
        return f"{self.person} ({'elected' if self.elected else 'nominated'})"
