"""The officer's forms and list for recommendations, and the public list of recommendations and responses."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.accounts.tests.helpers import signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.tests.factories import MinuteItemFactory
from scrutiny.work_programme.choices import RecommendationResponse, RecommendationSubject
from scrutiny.work_programme.models import Recommendation

from .helpers import query_count

pytestmark = pytest.mark.django_db


def _url(name, ladder, *args):
    return reverse(f"work_programme:{name}", args=[ladder.panel.slug, *args])


def _recommendation(panel, **fields) -> Recommendation:
    values = {
        "subject": RecommendationSubject.ANNUAL_REPORT,
        "text": "Publish the 101 call-answering times each quarter.",
        "made_on": datetime.date(2023, 7, 27),
    }
    values.update(fields)
    return Recommendation.objects.create(panel=panel, **values)


class TestRecommendationForms:
    def test_create_then_respond(self, ladder, records):
        """GIVEN the officer WHEN she records a recommendation and then the PCC's response THEN both are
        stored and audited."""
        client = signed_in(ladder.officer)
        response = client.post(
            _url("staff_recommendation_create", ladder),
            {
                "subject": RecommendationSubject.PRECEPT,
                "text": "Set out the savings behind the precept.",
                "made_on": "2024-02-05",
                "minute_item": records["minute"].pk,
                "response_due": "2024-02-15",
            },
        )
        assert response.status_code == 302
        recommendation = Recommendation.objects.get()
        assert recommendation.minute_item == records["minute"]
        assert recommendation.response == RecommendationResponse.AWAITED

        response = client.post(
            _url("staff_recommendation_respond", ladder, recommendation.pk),
            {
                "response": RecommendationResponse.PARTLY,
                "response_text": "Savings listed.",
                "responded_on": "2024-02-12",
            },
        )
        assert response.status_code == 302
        recommendation.refresh_from_db()
        assert recommendation.response == RecommendationResponse.PARTLY
        assert recommendation.responded_on == datetime.date(2024, 2, 12)
        verbs = set(AuditEvent.objects.filter(object_id=str(recommendation.pk)).values_list("verb", flat=True))
        assert {"recommendation_record", "recommendation_respond"} <= verbs

    def test_edit(self, ladder, records):
        recommendation = _recommendation(ladder.panel)
        response = signed_in(ladder.officer).post(
            _url("staff_recommendation_update", ladder, recommendation.pk),
            {
                "subject": RecommendationSubject.PLAN,
                "text": "Corrected wording.",
                "made_on": "2023-07-27",
                "minute_item": "",
                "response_due": "",
            },
        )
        assert response.status_code == 302
        recommendation.refresh_from_db()
        assert recommendation.text == "Corrected wording."
        assert AuditEvent.objects.filter(verb="recommendation_update", object_id=str(recommendation.pk)).exists()

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"subject": "", "text": "x", "made_on": "2024-01-01"}, "subject"),
            ({"subject": "precept", "text": "", "made_on": "2024-01-01"}, "text"),
            ({"subject": "precept", "text": "x", "made_on": "yesterday"}, "made_on"),
        ],
    )
    def test_bad_input_stores_nothing(self, ladder, records, data, field):
        response = signed_in(ladder.officer).post(_url("staff_recommendation_create", ladder), data)
        assert response.status_code == 400
        assert f'href="#id_{field}"'.encode() in response.content
        assert not Recommendation.objects.exists()

    def test_a_response_before_the_recommendation_is_refused(self, ladder, records):
        recommendation = _recommendation(ladder.panel)
        response = signed_in(ladder.officer).post(
            _url("staff_recommendation_respond", ladder, recommendation.pk),
            {"response": RecommendationResponse.ACCEPTED, "responded_on": "2023-01-01"},
        )
        assert response.status_code == 400
        assert b"govuk-error-summary" in response.content
        recommendation.refresh_from_db()
        assert recommendation.response == RecommendationResponse.AWAITED

    def test_a_response_must_say_which(self, ladder, records):
        recommendation = _recommendation(ladder.panel)
        response = signed_in(ladder.officer).post(
            _url("staff_recommendation_respond", ladder, recommendation.pk),
            {"response": RecommendationResponse.AWAITED, "responded_on": "2023-09-01"},
        )
        assert response.status_code == 400
        assert b'href="#id_response_0"' in response.content


class TestRecommendationLists:
    def test_staff_list_flags_an_overdue_response(self, ladder, records):
        _recommendation(ladder.panel, text="Late one", response_due=datetime.date(2023, 8, 1))
        _recommendation(ladder.panel, text="Secret one", minute_item=records["exempt_minute"])
        response = signed_in(ladder.member).get(_url("staff_recommendation_list", ladder))
        assert response.status_code == 200
        assert b"Late one" in response.content
        assert b"Secret one" in response.content
        assert b"Response overdue" in response.content
        assert response.context["recommendations"].overdue[0].text == "Late one"

    def test_public_list_hides_exempt_recommendations(self, client, ladder, records):
        _recommendation(
            ladder.panel,
            text="Public one",
            minute_item=records["minute"],
            response=RecommendationResponse.REJECTED,
            response_text="The PCC declined.",
            responded_on=datetime.date(2023, 9, 1),
        )
        _recommendation(ladder.panel, text="Secret one", minute_item=records["exempt_minute"])
        _recommendation(ladder.other_panel, text="Other panel's")
        response = client.get(_url("recommendation_list", ladder))
        assert response.status_code == 200
        assert b"Public one" in response.content
        assert b"The PCC declined." in response.content
        assert b"Secret one" not in response.content
        assert b"Other panel" not in response.content

    @pytest.mark.parametrize(
        ("rung", "status"), [("officer", 200), ("member", 403), ("pcc_office", 403), ("other_officer", 404)]
    )
    def test_permissions(self, ladder, records, rung, status):
        recommendation = _recommendation(ladder.panel)
        client = signed_in(getattr(ladder, rung))
        assert client.get(_url("staff_recommendation_create", ladder)).status_code == status
        assert client.get(_url("staff_recommendation_update", ladder, recommendation.pk)).status_code == status
        assert client.get(_url("staff_recommendation_respond", ladder, recommendation.pk)).status_code == status
        client.post(
            _url("staff_recommendation_respond", ladder, recommendation.pk),
            {"response": RecommendationResponse.ACCEPTED, "responded_on": "2023-09-01"},
        )
        recommendation.refresh_from_db()
        assert (recommendation.response == RecommendationResponse.ACCEPTED) == (rung == "officer")

    @pytest.mark.parametrize(
        ("name", "rung"), [("staff_recommendation_list", "officer"), ("recommendation_list", "anonymous")]
    )
    def test_query_count_constant_as_rows_grow(self, ladder, records, name, rung):
        client = ladder.client(rung)

        def add(n):
            for _ in range(n):
                _recommendation(ladder.panel, minute_item=MinuteItemFactory(meeting=records["held"]))

        add(2)
        few = query_count(client, _url(name, ladder))
        add(8)
        assert query_count(client, _url(name, ladder)) == few
