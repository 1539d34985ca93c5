from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingKind(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary meeting")
    ANNUAL = "annual", _("Annual meeting")
    CONFIRMATION_HEARING = "confirmation_hearing", _("Confirmation hearing")
    SPECIAL = "special", _("Special meeting")


class ExemptParagraph(models.IntegerChoices):
    """Local Government Act 1972 Sch 12A Part 1 (England): the seven descriptions of exempt information."""

    INDIVIDUAL = 1, _("1. Information relating to any individual")
    IDENTITY = 2, _("2. Information likely to reveal the identity of an individual")
    FINANCIAL = 3, _("3. Financial or business affairs of any particular person")
    LABOUR_RELATIONS = 4, _("4. Consultations or negotiations on labour relations")
    LEGAL_PRIVILEGE = 5, _("5. Legal professional privilege")
    NOTICES_ORDERS = 6, _("6. A proposed notice, order or direction")
    CRIME = 7, _("7. Prevention, investigation or prosecution of crime")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")
    ABSENT = "absent", _("Absent")
    SUBSTITUTE = "substitute", _("Substitute")
    IN_ATTENDANCE = "in_attendance", _("Also attended")


class DeclarationsState(models.TextChoices):
    """'No declarations' is a recorded fact, not an absence of rows."""

    NOT_RECORDED = "not_recorded", _("Not yet recorded")
    NONE = "none", _("No declarations of interest")
    RECORDED = "recorded", _("Declarations recorded")


class InterestKind(models.TextChoices):
    DISCLOSABLE_PECUNIARY = "dpi", _("Disclosable pecuniary interest")
    OTHER_REGISTRABLE = "other_registrable", _("Other registrable interest")
    NON_REGISTRABLE = "non_registrable", _("Non-registrable interest")
    OTHER = "other", _("Other interest")


class VoteKind(models.TextChoices):
    ELECTION = "election", _("Election to an office")
    MOTION = "motion", _("Motion")


class VoteResult(models.TextChoices):
    ELECTED = "elected", _("Elected")
    CARRIED = "carried", _("Carried")
    LOST = "lost", _("Lost")
    UNANIMOUS = "unanimous", _("Agreed unanimously")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MinutesStatus(models.TextChoices):
    """Draft minutes may be edited; confirmed minutes are locked and corrected only by a new version."""

    DRAFT = "draft", _("Draft")
    CONFIRMED = "confirmed", _("Confirmed")
