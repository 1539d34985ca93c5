"""Papers (reports) on agenda items, their files, agenda pack builds and the record of publication."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from scrutiny.core.models import TimeStampedModel, TombstoneModel
from scrutiny.meetings.choices import ExemptParagraph

from .choices import BuildStatus, FileRole, PackKind, PaperSource, PaperStatus, TextStatus


class Paper(TombstoneModel):
    """A report on an agenda item, with the standard sections of a panel report.

    Section fields hold Markdown (sanitised when rendered). After publication a changed paper is a new
    version (`supersedes`), listed beside the old one, never a silent rewrite.
    """

    agenda_item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="papers")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    source = models.CharField(max_length=10, choices=PaperSource.choices, default=PaperSource.WRITTEN)
    status = models.CharField(max_length=10, choices=PaperStatus.choices, default=PaperStatus.ACCEPTED)
    author = models.CharField(max_length=200, blank=True, help_text="Who wrote it, e.g. the PCC's Chief Executive.")
    contact_points = models.TextField(blank=True)
    recommendation = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    background = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="The report itself, in Markdown, with headings.")
    risk_implications = models.TextField(blank=True)
    financial_implications = models.TextField(blank=True)
    legal_implications = models.TextField(blank=True)
    equality_implications = models.TextField(blank=True)
    supporting_information = models.TextField(blank=True)
    background_papers = models.TextField(blank=True)
    exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(null=True, blank=True, choices=ExemptParagraph.choices)
    exempt_reason = models.TextField(blank=True, help_text="The exclusion resolution's public-interest reason.")
    released_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers_submitted"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers_accepted"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True, help_text="Pages in the last built pack.")
    text = models.TextField(blank=True, help_text="Plain text of the paper and its files, for search.")
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["agenda_item__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(exempt=False)
                | (Q(exempt_paragraph__isnull=False) & Q(exempt_paragraph__gte=1) & Q(exempt_paragraph__lte=7)),
                name="paper_exempt_needs_paragraph",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.exempt:
            errors = {}
            if not self.exempt_paragraph:
                errors["exempt_paragraph"] = _("An exempt paper needs its Schedule 12A paragraph (1 to 7).")
            if not self.exempt_reason.strip():
                errors["exempt_reason"] = _("Give the public-interest reason for excluding the public.")
            if errors:
                raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return not self.exempt or self.released_at is not None


def paper_file_path(instance, filename):
    return f"papers/{instance.paper_id}/{filename}"


class PaperFile(TimeStampedModel):
    """A file of a paper: the uploaded report (PDF, or Word converted) or an appendix.

    A PDF's text (and the OCR of a scan) is extracted by a job after the upload (`text_status`): until it is
    done `text` is empty and `has_text_layer` is not yet known; a failure is kept with its message.
    """

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="files")
    role = models.CharField(max_length=10, choices=FileRole.choices, default=FileRole.MAIN)
    title = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=paper_file_path, max_length=300)
    original_name = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    has_text_layer = models.BooleanField(default=True)
    text_status = models.CharField(max_length=8, choices=TextStatus.choices, default=TextStatus.DONE)
    text_error = models.TextField(blank=True, help_text="Why the text could not be extracted, when it failed.")
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.title or self.original_name


def pack_file_path(instance, filename):
    return f"packs/{instance.meeting_id}/{filename}"


class PackBuild(TimeStampedModel):
    """One build of an agenda pack (or the minutes) as a background job, with its status and progress."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="pack_builds")
    kind = models.CharField(max_length=14, choices=PackKind.choices, default=PackKind.PUBLIC)
    status = models.CharField(max_length=8, choices=BuildStatus.choices, default=BuildStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    message = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to=pack_file_path, max_length=300, blank=True)
    html_file = models.FileField(upload_to=pack_file_path, max_length=300, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="pack_builds"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.meeting} ({self.get_status_display()})"


class Publication(TimeStampedModel):
    """What was published, when and by whom: the agenda's first issue, then any supplementary issue.

    Kept for good: a published pack is never rewritten; a late or changed paper goes out in a new
    publication with its own pack. `published_at` is when the officer pressed the button; `date_of_issue` is
    the day the issue is dated (the meeting's date of issue for the first), which its front sheet prints.
    """

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="publications")
    supplementary = models.BooleanField(default=False)
    published_at = models.DateTimeField()
    date_of_issue = models.DateField(
        null=True, blank=True, help_text="The date of issue printed on its front sheet (the day it was published)."
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="publications"
    )
    clear_days = models.PositiveSmallIntegerField(null=True, blank=True)
    required_clear_days = models.PositiveSmallIntegerField(null=True, blank=True)
    urgency_reason = models.TextField(blank=True)
    papers = models.ManyToManyField(Paper, blank=True, related_name="publications")
    pack = models.ForeignKey(PackBuild, null=True, blank=True, on_delete=models.SET_NULL, related_name="publications")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["published_at", "id"]

    def __str__(self):
        label = "Supplementary agenda" if self.supplementary else "Agenda"
        return f"{label} for {self.meeting}, published {self.published_at:%-d %B %Y}"
