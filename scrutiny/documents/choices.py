from django.db import models
from django.utils.translation import gettext_lazy as _


class PaperSource(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded (PDF or Word)")
    WRITTEN = "written", _("Written in Scrutiny")
    GENERATED = "generated", _("Generated from data")


class PaperStatus(models.TextChoices):
    """The PCC's office submits; the scrutiny officer accepts. Papers the officer writes start accepted."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")


class FileRole(models.TextChoices):
    MAIN = "main", _("The report")
    APPENDIX = "appendix", _("Appendix")


class PackKind(models.TextChoices):
    PUBLIC = "public", _("Agenda pack")
    RESTRICTED = "restricted", _("Restricted pack (members only)")
    LARGE_PRINT = "large_print", _("Large-print agenda pack")
    SUPPLEMENTARY = "supplementary", _("Supplementary pack")
    MINUTES = "minutes", _("Minutes")


class BuildStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Building")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class TextStatus(models.TextChoices):
    """Where a file's text extraction (and OCR of a scan) stands: it runs as a job after the upload."""

    PENDING = "pending", _("Text being extracted")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text extraction failed")
