"""Holding to account over time: actions, recommendations, the work programme, the statutory processes
(precept, confirmation hearings) and public participation."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from scrutiny.core.models import TimeStampedModel, TombstoneModel

from .choices import (
    ActionStatus,
    AppointmentPost,
    Frequency,
    HearingOutcome,
    ItemCategory,
    PreceptDecision,
    QuestionKind,
    QuestionStatus,
    RecommendationResponse,
    RecommendationSubject,
    TaskGroupStatus,
)


def action_evidence_path(instance, filename):
    return f"action-evidence/{instance.panel_id}/{filename}"


class Action(TombstoneModel):
    """Something a minute records that someone will do (the PCC will supply, the Chairman will write)."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="actions")
    minute_item = models.ForeignKey(
        "meetings.MinuteItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    description = models.TextField()
    owner_name = models.CharField(max_length=200, help_text="A person or an organisation, as the minute names it.")
    owner_email = models.EmailField(blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions_due"
    )
    status = models.CharField(max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    evidence_paper = models.ForeignKey(
        "documents.Paper", null=True, blank=True, on_delete=models.SET_NULL, related_name="evidenced_actions"
    )
    evidence_file = models.FileField(
        upload_to=action_evidence_path,
        max_length=300,
        blank=True,
        help_text="A file the owner sent in evidence, when it is not a paper to the panel (checked like a paper).",
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    overdue_notice_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["panel", "due_date", "id"]

    def __str__(self):
        return self.description[:80]


class Recommendation(TombstoneModel):
    """The panel's formal recommendation to the PCC, and the PCC's response."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="recommendations")
    minute_item = models.ForeignKey(
        "meetings.MinuteItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations"
    )
    subject = models.CharField(max_length=16, choices=RecommendationSubject.choices)
    text = models.TextField()
    made_on = models.DateField()
    response_due = models.DateField(null=True, blank=True, help_text="Where statute sets a deadline.")
    response = models.CharField(
        max_length=10, choices=RecommendationResponse.choices, default=RecommendationResponse.AWAITED
    )
    response_text = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["panel", "-made_on", "id"]

    def __str__(self):
        return self.text[:80]


class WorkProgrammeItem(TombstoneModel):
    """An entry of the work programme: when (a meeting, a month, or to be confirmed) and what."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="work_programme_items")
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="work_programme_items"
    )
    planned_label = models.CharField(
        max_length=60, blank=True, help_text="For a meeting not yet dated: 'February 2024', 'June/July 2024', 'TBC'."
    )
    area = models.CharField(max_length=300, help_text="The area of scrutiny.")
    topic = models.SlugField(max_length=100, help_text="Ties the item to its history on earlier agendas.")
    category = models.CharField(max_length=10, choices=ItemCategory.choices)
    frequency = models.CharField(max_length=14, choices=Frequency.choices, blank=True)
    last_report_recorded = models.CharField(
        max_length=120, blank=True, help_text="The date of last report as the programme records it."
    )
    notes = models.TextField(blank=True)
    requested_at_minute = models.ForeignKey(
        "meetings.MinuteItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="requested_items"
    )
    dropped = models.BooleanField(default=False, help_text="A regular item the officer dropped for this meeting.")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["panel", "order", "id"]

    def __str__(self):
        return self.area


class TaskGroup(TombstoneModel):
    """A task group or deep dive: topic, members, scope, status, findings."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="task_groups")
    topic = models.CharField(max_length=200)
    scope = models.TextField(blank=True)
    status = models.CharField(max_length=40, choices=TaskGroupStatus.choices, default=TaskGroupStatus.PROPOSED)
    findings = models.TextField(blank=True)
    members = models.ManyToManyField("members.Person", blank=True, related_name="task_groups")
    proposed_at_minute = models.ForeignKey(
        "meetings.MinuteItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="task_groups"
    )

    class Meta:
        ordering = ["panel", "topic"]

    def __str__(self):
        return self.topic


class ChampionRole(TombstoneModel):
    """A member who champions an area, to build depth of knowledge in it."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="champion_roles")
    person = models.ForeignKey("members.Person", on_delete=models.CASCADE, related_name="champion_roles")
    area = models.CharField(max_length=200)

    class Meta:
        ordering = ["panel", "area"]

    def __str__(self):
        return f"{self.person}: {self.area}"


class PreceptProcess(TombstoneModel):
    """The precept scrutiny for one financial year (PRSRA 2011 Sch 5, SI 2012/2271)."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="precept_processes")
    precept_year = models.CharField(max_length=7, help_text="The year the precept is for, e.g. 2024/25.")
    notified_on = models.DateField(null=True, blank=True)
    proposed_band_d = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    panel_report_on = models.DateField(null=True, blank=True)
    decision = models.CharField(max_length=32, choices=PreceptDecision.choices, blank=True)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    members_at_decision = models.PositiveSmallIntegerField(null=True, blank=True)
    decision_meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="precept_decisions"
    )
    revised_notified_on = models.DateField(null=True, blank=True)
    revised_band_d = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    second_report_on = models.DateField(null=True, blank=True)
    final_response_on = models.DateField(null=True, blank=True)
    issued_band_d = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    issued_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["panel", "-precept_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "precept_year"], condition=Q(is_deleted=False), name="precept_once_a_year"
            )
        ]

    def __str__(self):
        return f"Precept {self.precept_year}"


class ConfirmationHearing(TombstoneModel):
    """A proposed senior appointment: the notification, the three-week deadline, the hearing and outcome."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="confirmation_hearings")
    post = models.CharField(max_length=24, choices=AppointmentPost.choices)
    candidate = models.CharField(max_length=200)
    notification_received_on = models.DateField()
    criteria = models.TextField(blank=True)
    how_criteria_met = models.TextField(blank=True)
    terms_and_conditions = models.TextField(blank=True)
    hearing = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="confirmation_hearings"
    )
    report_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=14, choices=HearingOutcome.choices, default=HearingOutcome.PENDING)
    votes_for_veto = models.PositiveSmallIntegerField(null=True, blank=True)
    members_at_decision = models.PositiveSmallIntegerField(null=True, blank=True)
    pcc_accepted = models.BooleanField(null=True, blank=True)
    pcc_response_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["panel", "-notification_received_on"]

    def __str__(self):
        return f"{self.get_post_display()}: {self.candidate}"


class PublicQuestion(TimeStampedModel):
    """A question or statement from a member of the public for a meeting. The contact details are never
    public and are erased after the panel's retention period."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="public_questions")
    kind = models.CharField(max_length=10, choices=QuestionKind.choices, default=QuestionKind.QUESTION)
    text = models.TextField()
    submitter_name = models.CharField(max_length=200)
    submitter_email = models.EmailField(blank=True)
    submitter_phone = models.CharField(max_length=40, blank=True)
    submitter_erased_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions_decided"
    )
    decline_reason = models.TextField(blank=True)
    answer = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "created"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.meeting}"
