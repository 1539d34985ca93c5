"""Public participation pages: the public form and its refusals, the rate limit, the officer's pages (the
permission ladder), and that a questioner's details never reach a public response."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import include, path, reverse

from config.urls import urlpatterns as site_urlpatterns
from scrutiny.accounts.tests.helpers import build_ladder
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import MeetingFactory
from scrutiny.work_programme.choices import QuestionKind, QuestionStatus
from scrutiny.work_programme.models import PublicQuestion
from scrutiny.work_programme.participation import participation_window, public_questions_for, question_accept

# Until config/urls.py includes participation_urls, the tests mount it themselves.
urlpatterns = list(site_urlpatterns)
if not any(getattr(p, "namespace", None) == "participation" for p in site_urlpatterns):
    urlpatterns.insert(0, path("", include("scrutiny.work_programme.participation_urls")))

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

LONDON = ZoneInfo("Europe/London")
NAME = "Pat Questioner-7731"
EMAIL = "questioner-7731@example.org"
PHONE = "07700 900731"
SCRIPT = "<script>alert('owned')</script>"
VIEWERS = ["member", "pcc_office"]


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def future(ladder):
    return MeetingFactory(
        panel=ladder.panel,
        start=datetime.datetime(2099, 2, 3, 14, 30, tzinfo=LONDON),
        status=MeetingStatus.SCHEDULED,
    )


@pytest.fixture
def september(ladder):
    """Tuesday 19 September 2023, long past: its deadline was 9.00am on Monday 18 September 2023."""
    return MeetingFactory(
        panel=ladder.panel,
        start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON),
        status=MeetingStatus.SCHEDULED,
    )


@pytest.fixture
def question(future):
    return PublicQuestion.objects.create(
        meeting=future,
        kind=QuestionKind.QUESTION,
        text=f"Why? {SCRIPT}",
        submitter_name=NAME,
        submitter_email=EMAIL,
        submitter_phone=PHONE,
    )


def form_url(meeting):
    return reverse("participation:question_create", args=[meeting.panel.slug, meeting.slug])


def list_url(meeting):
    return reverse("participation:staff_question_list", args=[meeting.panel.slug, meeting.slug])


def decide_url(question):
    meeting = question.meeting
    return reverse("participation:staff_question_decide", args=[meeting.panel.slug, meeting.slug, question.pk])


def valid_data(**overrides):
    data = {
        "kind": QuestionKind.QUESTION,
        "text": "What is the Commissioner doing about rural crime?",
        "submitter_name": NAME,
        "submitter_email": EMAIL,
        "submitter_phone": PHONE,
        "consent": "on",
    }
    data.update(overrides)
    return data


class TestQuestionForm:
    def test_form_is_shown_and_never_cached(self, future):
        response = Client().get(form_url(future))
        assert response.status_code == 200
        assert 'name="csrfmiddlewaretoken"' in response.text
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert reverse("participation:privacy_notice", args=[future.panel.slug]) in response.text
        assert "You can enter up to 1,500 characters." in response.text
        assert "Send it by 9.00am on Monday 2 February 2099." in response.text

    def test_on_time_question_is_stored_as_received(self, future):
        response = Client().post(form_url(future), valid_data(), REMOTE_ADDR="192.0.2.1")
        assert response.status_code == 302
        assert response.url == reverse("participation:question_sent", args=[future.panel.slug, future.slug])
        question = PublicQuestion.objects.get()
        assert question.status == QuestionStatus.RECEIVED
        assert (question.submitter_email, question.submitter_phone) == (EMAIL, PHONE)
        confirmation = Client().get(response.url)
        assert confirmation.status_code == 200
        assert "Your question or statement has been sent" in confirmation.text

    def test_late_question_is_refused_with_the_deadline(self, september):
        page = Client().get(form_url(september))
        assert page.status_code == 200
        assert "The deadline was 9.00am on Monday 18 September 2023." in page.text
        assert "<form" not in page.text.split('id="main-content"')[1]
        response = Client().post(form_url(september), valid_data())
        assert response.status_code == 403
        assert "The deadline was 9.00am on Monday 18 September 2023" in response.text
        assert not PublicQuestion.objects.exists()

    def test_cancelled_meeting_is_refused(self, future):
        future.status = MeetingStatus.CANCELLED
        future.save()
        response = Client().post(form_url(future), valid_data())
        assert response.status_code == 403
        assert "This meeting has been cancelled" in response.text
        assert not PublicQuestion.objects.exists()

    def test_validation_errors_are_shown_and_nothing_stored(self, future):
        response = Client().post(form_url(future), valid_data(consent="", submitter_email="not-an-email", text=""))
        assert response.status_code == 200
        assert "govuk-error-summary" in response.text
        assert "Confirm that you have read the privacy notice" in response.text
        assert "Enter an email address in the correct format, like name@example.com" in response.text
        assert "Enter your question or statement" in response.text
        assert not PublicQuestion.objects.exists()

    def test_text_over_the_limit_is_refused(self, future):
        response = Client().post(form_url(future), valid_data(text="x" * 1501))
        assert "Your question or statement must be 1,500 characters or fewer" in response.text
        assert not PublicQuestion.objects.exists()

    def test_html_is_escaped_when_the_form_is_shown_again(self, future):
        response = Client().post(form_url(future), valid_data(text=SCRIPT, consent=""))
        assert SCRIPT not in response.text
        assert "&lt;script&gt;" in response.text

    def test_unknown_meeting_is_not_found(self, ladder):
        url = reverse("participation:question_create", args=[ladder.panel.slug, "2099-01-01"])
        assert Client().get(url).status_code == 404


class TestRateLimit:
    def test_sixth_submission_in_an_hour_is_refused(self, future):
        client = Client()
        for _ in range(5):
            assert client.post(form_url(future), valid_data(), REMOTE_ADDR="192.0.2.7").status_code == 302
        response = client.post(form_url(future), valid_data(), REMOTE_ADDR="192.0.2.7")
        assert response.status_code == 429
        assert "You have sent too many questions" in response.text
        assert PublicQuestion.objects.count() == 5
        # Another address is not held back.
        assert client.post(form_url(future), valid_data(), REMOTE_ADDR="198.51.100.2").status_code == 302

    def test_invalid_submissions_do_not_count(self, future):
        client = Client()
        for _ in range(6):
            client.post(form_url(future), valid_data(consent=""), REMOTE_ADDR="192.0.2.8")
        assert client.post(form_url(future), valid_data(), REMOTE_ADDR="192.0.2.8").status_code == 302


class TestPublicRecord:
    def test_accepted_question_shows_as_text_without_contact_details(self, ladder, question):
        question_accept(question=question, acting_user=ladder.officer, answer="Because <b>we</b> said so.")
        html = render_to_string(
            "work_programme/participation/meeting_questions.html",
            {
                "panel": ladder.panel,
                "meeting": question.meeting,
                "public_questions": public_questions_for(question.meeting),
                "participation": participation_window(question.meeting),
            },
        )
        assert SCRIPT not in html
        assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in html
        assert "Because &lt;b&gt;we&lt;/b&gt; said so." in html
        assert form_url(question.meeting) in html
        for secret in (NAME, EMAIL, PHONE):
            assert secret not in html

    def test_contact_details_never_in_a_public_response(self, ladder, question):
        """GIVEN an accepted question WHEN every public page of the meeting is fetched anonymously THEN none
        holds the questioner's name, email or phone."""
        question_accept(question=question, acting_user=ladder.officer, answer="An answer.")
        meeting = question.meeting
        urls = [
            form_url(meeting),
            reverse("participation:question_sent", args=[ladder.panel.slug, meeting.slug]),
            reverse("participation:privacy_notice", args=[ladder.panel.slug]),
            reverse("public_site:meeting_detail", args=[ladder.panel.slug, meeting.slug]),
            reverse("public_site:panel_home", args=[ladder.panel.slug]),
            reverse("public_site:meeting_list", args=[ladder.panel.slug]),
        ]
        for url in urls:
            response = Client().get(url)
            assert response.status_code == 200, url
            for secret in (NAME, EMAIL, PHONE):
                assert secret not in response.text, (url, secret)

    def test_privacy_notice_says_what_is_kept_and_for_how_long(self, ladder):
        ladder.panel.question_retention_days = 60
        ladder.panel.save()
        response = Client().get(reverse("participation:privacy_notice", args=[ladder.panel.slug]))
        assert response.status_code == 200
        for words in ("What we keep", "Why we keep it", "Who sees it", "erased 60 days after the meeting"):
            assert words in response.text


class TestStaffQuestionList:
    def test_anonymous_is_sent_to_sign_in(self, ladder, question):
        response = ladder.client("anonymous").get(list_url(question.meeting))
        assert response.status_code == 302

    def test_user_without_a_role_is_refused(self, ladder, question):
        assert ladder.client("outsider").get(list_url(question.meeting)).status_code == 403

    def test_other_panel_is_not_found(self, ladder, question):
        assert ladder.client("other_officer").get(list_url(question.meeting)).status_code == 404

    def test_officer_sees_contact_details_escaped_text_and_decide_link(self, ladder, question):
        response = ladder.client("officer").get(list_url(question.meeting))
        assert response.status_code == 200
        assert EMAIL in response.text
        assert PHONE in response.text
        assert SCRIPT not in response.text
        assert decide_url(question) in response.text
        assert "Open until 9.00am on Monday 2 February 2099." in response.text

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_members_and_pcc_office_view_without_contact_details(self, ladder, question, rung):
        response = ladder.client(rung).get(list_url(question.meeting))
        assert response.status_code == 200
        assert question.get_kind_display() in response.text
        assert EMAIL not in response.text
        assert PHONE not in response.text
        assert decide_url(question) not in response.text

    def test_list_query_count_does_not_grow(self, ladder, future, django_assert_max_num_queries):
        for i in range(10):
            PublicQuestion.objects.create(meeting=future, text=f"Q{i}", submitter_name="A", submitter_email=EMAIL)
        client = ladder.client("officer")
        client.get(list_url(future))  # warm the session and role caches
        with django_assert_max_num_queries(12):
            assert client.get(list_url(future)).status_code == 200


class TestStaffQuestionDecide:
    def test_officer_accepts_with_an_answer(self, ladder, question):
        response = ladder.client("officer").post(decide_url(question), {"decision": "accept", "answer": "Yes."})
        assert response.status_code == 302
        question.refresh_from_db()
        assert question.status == QuestionStatus.ACCEPTED
        assert question.answer == "Yes."
        assert question.decided_by == ladder.officer

    def test_officer_declines_with_a_reason(self, ladder, question):
        client = ladder.client("officer")
        response = client.post(decide_url(question), {"decision": "decline"})
        assert response.status_code == 200
        assert "Say why the question is declined" in response.text
        response = client.post(decide_url(question), {"decision": "decline", "decline_reason": "Repeats Q1."})
        assert response.status_code == 302
        question.refresh_from_db()
        assert question.status == QuestionStatus.DECLINED
        assert question.decline_reason == "Repeats Q1."

    def test_accepted_then_declined_leaves_the_public_record(self, ladder, question):
        client = ladder.client("officer")
        client.post(decide_url(question), {"decision": "accept", "answer": "Yes."})
        assert len(public_questions_for(question.meeting)) == 1
        client.post(decide_url(question), {"decision": "decline", "decline_reason": "Withdrawn."})
        assert public_questions_for(question.meeting) == []

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_members_and_pcc_office_may_not_decide(self, ladder, question, rung):
        client = ladder.client(rung)
        assert client.get(decide_url(question)).status_code == 403
        assert client.post(decide_url(question), {"decision": "accept"}).status_code == 403
        question.refresh_from_db()
        assert question.status == QuestionStatus.RECEIVED

    def test_other_panel_officer_gets_not_found(self, ladder, question):
        response = ladder.client("other_officer").post(decide_url(question), {"decision": "accept"})
        assert response.status_code == 404
        question.refresh_from_db()
        assert question.status == QuestionStatus.RECEIVED

    def test_question_of_another_meeting_is_not_found(self, ladder, question, september):
        url = reverse("participation:staff_question_decide", args=[ladder.panel.slug, september.slug, question.pk])
        assert ladder.client("officer").get(url).status_code == 404
