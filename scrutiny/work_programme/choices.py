from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")
    # "Overdue" is derived (open and past its due date), never stored.


class RecommendationSubject(models.TextChoices):
    ANNUAL_REPORT = "annual_report", _("The PCC's annual report")
    PRECEPT = "precept", _("The proposed precept")
    PLAN = "plan", _("The Police and Crime Plan")
    CONFIRMATION = "confirmation", _("A proposed appointment")
    OTHER = "other", _("Other")


class RecommendationResponse(models.TextChoices):
    AWAITED = "awaited", _("Response awaited")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")


class TaskGroupStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    UNDER_WAY = "under_way", _("Under way")
    REPORTED = "reported", _("Reported")
    CLOSED = "closed", _("Closed")


class ItemCategory(models.TextChoices):
    REGULAR = "regular", _("Regular")
    STATUTORY = "statutory", _("Statutory")
    REQUESTED = "requested", _("Requested")
    POTENTIAL = "potential", _("Potential")


class Frequency(models.TextChoices):
    EVERY_MEETING = "every_meeting", _("Every meeting")
    ANNUALLY = "annually", _("Annually")
    AS_NEEDED = "as_needed", _("As needed")
    TWICE_YEARLY = "twice_yearly", _("Twice yearly")
    FEB_JUL_DEC = "feb_jul_dec", _("February/July/December")
    QUARTERLY = "quarterly", _("Quarterly")


class PreceptDecision(models.TextChoices):
    """Sch 5 PRSRA 2011 and panel practice: support, support with recommendations, or veto."""

    SUPPORT = "support", _("Supported")
    SUPPORT_WITH_RECOMMENDATIONS = "support_with_recommendations", _("Supported, with recommendations")
    VETO_TOO_HIGH = "veto_too_high", _("Vetoed as too high")
    VETO_TOO_LOW = "veto_too_low", _("Vetoed as too low")


class AppointmentPost(models.TextChoices):
    CHIEF_CONSTABLE = "chief_constable", _("Chief Constable")
    DEPUTY_PCC = "deputy_pcc", _("Deputy PCC")
    CHIEF_EXECUTIVE = "chief_executive", _("Chief Executive")
    CHIEF_FINANCE_OFFICER = "chief_finance_officer", _("Chief Finance Officer")


class HearingOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    RECOMMEND_APPOINT = "recommend", _("Recommended appointment")
    RECOMMEND_NOT_APPOINT = "recommend_not", _("Recommended against appointment")
    VETO = "veto", _("Vetoed (chief constable only)")


class QuestionKind(models.TextChoices):
    QUESTION = "question", _("Question")
    STATEMENT = "statement", _("Statement")


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
