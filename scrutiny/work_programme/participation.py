"""Public participation: questions and statements from members of the public for a meeting.

Services (`question_submit`, `question_accept`, `question_decline`, `question_answer_record`,
`questioner_details_erase`) and the selectors the pages read (`participation_window`,
`public_questions_for`, `questions_for_staff`).

The questioner's contact details are personal data (UK GDPR art. 5(1)(c) and (e)): they are never public,
never copied into the audit trail, and are erased once the panel's retention period after the meeting ends.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from scrutiny.core.cache import panel_pages_invalidate
from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record, diff_against_database, touch
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.rules import meeting_participation_deadline
from scrutiny.panels.models import Panel

from .choices import QuestionKind, QuestionStatus
from .models import PublicQuestion

# Long enough for a question and its context, short enough to be read out within the time the panel allows.
QUESTION_MAX_CHARS = 1500
ERASED_NAME = "Erased"
# Fields whose values must never reach the audit trail (it outlives the retention period).
PERSONAL_FIELDS = {"submitter_name", "submitter_email", "submitter_phone"}


class ParticipationClosed(ValidationError):
    """The meeting no longer takes questions: cancelled, or its deadline has passed."""


@dataclass(frozen=True)
class ParticipationWindow:
    """Whether a meeting takes questions now, and the deadline to show either way."""

    deadline: datetime
    is_open: bool
    cancelled: bool

    @property
    def deadline_passed(self) -> bool:
        return not self.is_open and not self.cancelled


def participation_window(meeting, *, now: datetime | None = None) -> ParticipationWindow:
    """Questions are taken until the panel's deadline (by default 9.00am on the working day before the meeting);
    never for a cancelled one."""
    now = now or timezone.now()
    deadline = meeting_participation_deadline(meeting)
    cancelled = meeting.status == MeetingStatus.CANCELLED
    return ParticipationWindow(deadline=deadline, is_open=not cancelled and now < deadline, cancelled=cancelled)


def _redacted(changes: dict) -> dict:
    return {
        name: ["[personal data]" if value not in (None, "") else value for value in pair]
        if name in PERSONAL_FIELDS
        else pair
        for name, pair in changes.items()
    }


def _question_save(*, question: PublicQuestion, acting_user, verb: str, public: bool) -> PublicQuestion:
    """object_save, with the personal fields withheld from the audit trail.

    `public` says whether the change alters a public page (an accepted question or its answer), so that the
    page cache is invalidated only then: a stream of new, unpublished questions never empties it.
    """
    question.full_clean()
    with transaction.atomic():
        adding = question._state.adding or question.pk is None
        changes = diff_against_database(question)
        question.save()
        if adding or changes:
            audit_record(
                acting_user=acting_user,
                verb=verb,
                action=AuditEvent.Action.CREATE if adding else AuditEvent.Action.UPDATE,
                instance=question,
                panel_id=question.meeting.panel_id,
                changes=_redacted(changes),
            )
            if public:
                touch([question.meeting])
                transaction.on_commit(lambda: panel_pages_invalidate(question.meeting.panel_id))
    return question


def question_submit(
    *,
    meeting,
    kind: str,
    text: str,
    submitter_name: str,
    submitter_email: str,
    submitter_phone: str = "",
    now: datetime | None = None,
) -> PublicQuestion:
    """Store a question or statement from a member of the public, if the meeting still takes them.

    Raises ParticipationClosed after the deadline or for a cancelled meeting; the text is kept exactly as
    written (any HTML in it is only ever shown escaped).
    """
    window = participation_window(meeting, now=now)
    if not window.is_open:
        raise ParticipationClosed(
            _("This meeting has been cancelled.") if window.cancelled else _("The deadline has passed.")
        )
    if len(text) > QUESTION_MAX_CHARS:
        raise ValidationError(
            {"text": _("Your question must be %(max)d characters or fewer.") % {"max": QUESTION_MAX_CHARS}}
        )
    question = PublicQuestion(
        meeting=meeting,
        kind=kind,
        text=text,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
        submitter_phone=submitter_phone,
        status=QuestionStatus.RECEIVED,
    )
    return _question_save(question=question, acting_user=None, verb="question_submit", public=False)


def question_accept(*, question: PublicQuestion, acting_user, answer: str = "") -> PublicQuestion:
    """The officer accepts a question for the meeting: it appears on the public meeting page, with the answer
    (which may follow later: `question_answer_record`)."""
    question.status = QuestionStatus.ACCEPTED
    question.decided_by = acting_user
    question.decline_reason = ""
    question.answer = answer
    return _question_save(question=question, acting_user=acting_user, verb="question_accept", public=True)


def question_decline(*, question: PublicQuestion, acting_user, reason: str) -> PublicQuestion:
    """The officer declines a question (standing orders allow it: defamatory, repetitive, not the panel's
    business); the reason is kept for the questioner and the record, never published."""
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Say why the question is declined.")})
    was_public = question.status == QuestionStatus.ACCEPTED
    question.status = QuestionStatus.DECLINED
    question.decided_by = acting_user
    question.decline_reason = reason.strip()
    return _question_save(question=question, acting_user=acting_user, verb="question_decline", public=was_public)


def question_answer_record(*, question: PublicQuestion, acting_user, answer: str) -> PublicQuestion:
    """Record the answer given to an accepted question (at or after the meeting)."""
    if question.status != QuestionStatus.ACCEPTED:
        raise ValidationError({"answer": _("Only an accepted question can have an answer recorded.")})
    question.answer = answer
    return _question_save(question=question, acting_user=acting_user, verb="question_answer_record", public=True)


def questioner_details_erase(*, now: datetime | None = None) -> int:
    """Erase the contact details of questioners whose meeting is more than the panel's retention period ago.

    Idempotent: questions already erased are left alone. Returns how many questions were erased. Every panel
    counts, tombstoned or not: a panel's removal from the public site is no reason to keep personal data.
    """
    now = now or timezone.now()
    erased = 0
    for panel in Panel._base_manager.only("id", "question_retention_days"):
        cutoff = now - timedelta(days=panel.question_retention_days)
        due = PublicQuestion.objects.filter(
            meeting__panel_id=panel.pk, meeting__start__lt=cutoff, submitter_erased_at__isnull=True
        ).select_related("meeting")
        for question in due:
            with transaction.atomic():
                question.submitter_name = ERASED_NAME
                question.submitter_email = ""
                question.submitter_phone = ""
                question.submitter_erased_at = now
                question.save(
                    update_fields=[
                        "submitter_name",
                        "submitter_email",
                        "submitter_phone",
                        "submitter_erased_at",
                        "modified",
                    ]
                )
                audit_record(
                    acting_user=None,
                    verb="questioner_details_erase",
                    action=AuditEvent.Action.UPDATE,
                    instance=question,
                    panel_id=panel.pk,
                    changes={"submitter_erased_at": [None, now.isoformat()]},
                )
            erased += 1
    return erased


@dataclass(frozen=True)
class PublicAnsweredQuestion:
    """What the public may see of a question: never who asked it or how to reach them."""

    kind: str
    kind_label: str
    text: str
    answer: str


def public_questions_for(meeting) -> list[PublicAnsweredQuestion]:
    """The meeting's accepted questions and statements, in the order received, with their answers. One query."""
    labels = dict(QuestionKind.choices)
    rows = (
        PublicQuestion.objects.filter(meeting=meeting, status=QuestionStatus.ACCEPTED)
        .order_by("created", "id")
        .values_list("kind", "text", "answer")
    )
    return [
        PublicAnsweredQuestion(kind=kind, kind_label=str(labels.get(kind, kind)), text=text, answer=answer)
        for kind, text, answer in rows
    ]


def questions_for_staff(meeting):
    """Every question for the meeting, for the staff list."""
    return PublicQuestion.objects.filter(meeting=meeting).select_related("decided_by").order_by("created", "id")
