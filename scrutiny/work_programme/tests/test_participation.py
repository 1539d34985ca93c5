"""Public participation services: the deadline, what is stored, the officer's decisions and the erasure."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import MeetingFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.work_programme.choices import QuestionKind, QuestionStatus
from scrutiny.work_programme.models import PublicQuestion
from scrutiny.work_programme.participation import (
    ERASED_NAME,
    QUESTION_MAX_CHARS,
    ParticipationClosed,
    participation_window,
    public_questions_for,
    question_accept,
    question_answer_record,
    question_decline,
    question_submit,
    questioner_details_erase,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
EMAIL = "questioner-7731@example.org"
PHONE = "07700 900731"
NAME = "Pat Questioner-7731"


@pytest.fixture
def september():
    """Tuesday 19 September 2023: the deadline is 9.00am on Monday 18 September."""
    return MeetingFactory(start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON), status=MeetingStatus.SCHEDULED)


def _submit(meeting, *, now, text="What is the Commissioner doing about rural crime?"):
    return question_submit(
        meeting=meeting,
        kind=QuestionKind.QUESTION,
        text=text,
        submitter_name=NAME,
        submitter_email=EMAIL,
        submitter_phone=PHONE,
        now=now,
    )


class TestParticipationWindow:
    def test_open_until_nine_on_the_working_day_before(self, september):
        window = participation_window(september, now=datetime.datetime(2023, 9, 18, 8, 59, tzinfo=LONDON))
        assert window.is_open
        assert window.deadline == datetime.datetime(2023, 9, 18, 9, 0, tzinfo=LONDON)

    def test_closed_at_the_deadline(self, september):
        window = participation_window(september, now=datetime.datetime(2023, 9, 18, 9, 0, tzinfo=LONDON))
        assert not window.is_open
        assert window.deadline_passed

    def test_a_panel_sets_its_own_notice_and_time(self):
        """A panel that takes questions until 5.00pm three working days before: for Tuesday 19 September 2023,
        Thursday 14 September at 17.00 (London), whatever West Mercia's 9.00am rule says."""
        panel = PanelFactory(participation_notice_days=3, participation_deadline_time=datetime.time(17, 0))
        meeting = MeetingFactory(
            panel=panel, start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON), status=MeetingStatus.SCHEDULED
        )
        deadline = datetime.datetime(2023, 9, 14, 17, 0, tzinfo=LONDON)
        assert participation_window(meeting, now=deadline - datetime.timedelta(minutes=1)).is_open
        window = participation_window(meeting, now=deadline)
        assert window.deadline == deadline
        assert not window.is_open
        with pytest.raises(ParticipationClosed):
            _submit(meeting, now=datetime.datetime(2023, 9, 15, 8, 0, tzinfo=LONDON))

    def test_cancelled_meeting_is_closed(self, september):
        september.status = MeetingStatus.CANCELLED
        window = participation_window(september, now=datetime.datetime(2023, 9, 1, tzinfo=LONDON))
        assert not window.is_open
        assert window.cancelled


class TestQuestionSubmit:
    def test_on_time_question_is_stored_as_received(self, september):
        question = _submit(september, now=datetime.datetime(2023, 9, 15, 12, 0, tzinfo=LONDON))
        question.refresh_from_db()
        assert question.status == QuestionStatus.RECEIVED
        assert question.submitter_email == EMAIL
        assert question.meeting == september

    def test_late_question_is_refused(self, september):
        with pytest.raises(ParticipationClosed):
            _submit(september, now=datetime.datetime(2023, 9, 18, 9, 1, tzinfo=LONDON))
        assert not PublicQuestion.objects.exists()

    def test_question_for_a_cancelled_meeting_is_refused(self, september):
        september.status = MeetingStatus.CANCELLED
        september.save()
        with pytest.raises(ParticipationClosed):
            _submit(september, now=datetime.datetime(2023, 9, 1, tzinfo=LONDON))

    def test_text_over_the_limit_is_refused(self, september):
        with pytest.raises(ValidationError):
            _submit(september, now=datetime.datetime(2023, 9, 1, tzinfo=LONDON), text="x" * (QUESTION_MAX_CHARS + 1))

    def test_html_is_stored_as_written(self, september):
        text = "<script>alert('x')</script> Why?"
        question = _submit(september, now=datetime.datetime(2023, 9, 1, tzinfo=LONDON), text=text)
        question.refresh_from_db()
        assert question.text == text

    def test_contact_details_are_kept_out_of_the_audit_trail(self, september):
        question = _submit(september, now=datetime.datetime(2023, 9, 1, tzinfo=LONDON))
        event = AuditEvent.objects.get(verb="question_submit", object_id=str(question.pk))
        assert EMAIL not in str(event.changes)
        assert PHONE not in str(event.changes)
        assert NAME not in str(event.changes)


class TestDecisions:
    @pytest.fixture
    def question(self, september):
        return _submit(september, now=datetime.datetime(2023, 9, 1, tzinfo=LONDON))

    def test_accept_with_answer_is_public(self, question):
        officer = UserFactory()
        question_accept(question=question, acting_user=officer, answer="Rural patrols doubled.")
        question.refresh_from_db()
        assert question.status == QuestionStatus.ACCEPTED
        assert question.decided_by == officer
        [public] = public_questions_for(question.meeting)
        assert public.text == question.text
        assert public.answer == "Rural patrols doubled."
        assert not {"submitter_name", "submitter_email", "submitter_phone"} & set(vars(public))

    def test_decline_needs_a_reason_and_is_not_public(self, question):
        officer = UserFactory()
        with pytest.raises(ValidationError):
            question_decline(question=question, acting_user=officer, reason=" ")
        question_decline(question=question, acting_user=officer, reason="Not the panel's business.")
        question.refresh_from_db()
        assert question.status == QuestionStatus.DECLINED
        assert public_questions_for(question.meeting) == []

    def test_received_question_is_not_public(self, question):
        assert public_questions_for(question.meeting) == []

    def test_answer_only_for_an_accepted_question(self, question):
        with pytest.raises(ValidationError):
            question_answer_record(question=question, acting_user=UserFactory(), answer="Yes.")
        question_accept(question=question, acting_user=UserFactory())
        question_answer_record(question=question, acting_user=UserFactory(), answer="Yes.")
        question.refresh_from_db()
        assert question.answer == "Yes."


class TestErasure:
    def test_erased_after_retention_once(self):
        """GIVEN a question for a meeting 91 days ago (retention 90) and one for a meeting 10 days ago
        WHEN the erasure runs twice
        THEN only the old one is erased, and only the first time."""
        panel = PanelFactory(question_retention_days=90)
        now = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=LONDON)
        old_meeting = MeetingFactory(panel=panel, start=now - datetime.timedelta(days=91))
        recent_meeting = MeetingFactory(panel=panel, start=now - datetime.timedelta(days=10))
        old = PublicQuestion.objects.create(
            meeting=old_meeting, text="Old", submitter_name=NAME, submitter_email=EMAIL, submitter_phone=PHONE
        )
        recent = PublicQuestion.objects.create(
            meeting=recent_meeting, text="Recent", submitter_name=NAME, submitter_email=EMAIL
        )

        assert questioner_details_erase(now=now) == 1
        assert questioner_details_erase(now=now + datetime.timedelta(hours=1)) == 0

        old.refresh_from_db()
        recent.refresh_from_db()
        assert (old.submitter_name, old.submitter_email, old.submitter_phone) == (ERASED_NAME, "", "")
        assert old.submitter_erased_at == now
        assert old.text == "Old"
        assert recent.submitter_email == EMAIL
        assert recent.submitter_erased_at is None
        events = AuditEvent.objects.filter(verb="questioner_details_erase")
        assert events.count() == 1
        assert EMAIL not in str(events.get().changes)

    def test_retention_is_per_panel(self):
        now = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=LONDON)
        short = MeetingFactory(panel=PanelFactory(question_retention_days=7), start=now - datetime.timedelta(days=8))
        long = MeetingFactory(panel=PanelFactory(question_retention_days=365), start=now - datetime.timedelta(days=8))
        for meeting in (short, long):
            PublicQuestion.objects.create(meeting=meeting, text="Q", submitter_name=NAME, submitter_email=EMAIL)
        assert questioner_details_erase(now=now) == 1
        assert PublicQuestion.objects.get(meeting=short).submitter_erased_at == now
        assert PublicQuestion.objects.get(meeting=long).submitter_erased_at is None

    def test_command(self, capsys):
        meeting = MeetingFactory(start=datetime.datetime(2020, 1, 7, 11, 0, tzinfo=LONDON))
        PublicQuestion.objects.create(meeting=meeting, text="Q", submitter_name=NAME, submitter_email=EMAIL)
        call_command("erase_questioner_details")
        call_command("erase_questioner_details")
        out = capsys.readouterr().out
        assert "Erased the contact details of 1 questioner." in out
        assert "Erased the contact details of 0 questioners." in out
        assert PublicQuestion.objects.get().submitter_email == ""
