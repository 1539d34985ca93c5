import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from scrutiny.accounts.tests.helpers import build_july_2023_meeting, build_ladder, signed_in
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory

pytestmark = pytest.mark.django_db

SECRET = "The contract's price and the bidders' names."
RELEASED = "The settlement figure, released by the panel."


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def july(ladder):
    return build_july_2023_meeting(ladder.panel)


@pytest.fixture
def exempt_items(july):
    meeting = july.meeting
    secret = AgendaItemFactory(
        meeting=meeting,
        number="9",
        title="Estates contract",
        exempt=True,
        exempt_paragraph=3,
        description=SECRET,
        exempt_reason="Commercial confidence.",
    )
    released = AgendaItemFactory(
        meeting=meeting,
        number="10",
        title="Settlement",
        exempt=True,
        exempt_paragraph=3,
        description=RELEASED,
        exempt_reason="Commercial confidence.",
        released_at=timezone.now(),
    )
    MinuteItemFactory(meeting=meeting, number=490, agenda_item=secret, title="Estates contract", text=SECRET)
    MinuteItemFactory(meeting=meeting, number=491, agenda_item=released, title="Settlement", text=RELEASED)
    return secret, released


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def meeting_detail_url(meeting):
    return reverse("api:meeting_detail", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})


def checks_url(meeting):
    return reverse("api:meeting_checks", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})


def assert_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["error"]["fields"] == {}


class TestPanelList:
    def test_anyone_may_read_it(self, ladder, client):
        response = client.get(reverse("api:panel_list"))
        assert response.status_code == 200
        assert {p["slug"] for p in response.json()["results"]} == {"west-mercia", "dyfed-powys"}

    def test_deleted_panels_are_left_out(self, ladder, client):
        ladder.other_panel.is_deleted = True
        ladder.other_panel.save()
        assert [p["slug"] for p in client.get(reverse("api:panel_list")).json()["results"]] == ["west-mercia"]

    def test_query_count(self, ladder, client, django_assert_num_queries):
        with django_assert_num_queries(2):
            client.get(reverse("api:panel_list"))

    def test_links_lead_on(self, ladder, client):
        panel = client.get(reverse("api:panel_list")).json()["results"][1]
        assert panel["meetings_url"].endswith("/api/v1/panels/west-mercia/meetings/")
        assert client.get(panel["url"]).json()["name"] == ladder.panel.name


class TestMeetingList:
    def test_lists_the_panels_live_meetings(self, ladder, july, client):
        MeetingFactory(panel=ladder.other_panel)
        MeetingFactory(panel=ladder.panel, is_deleted=True)
        response = client.get(reverse("api:meeting_list", kwargs={"panel_slug": "west-mercia"}))
        assert [m["slug"] for m in response.json()["results"]] == ["2023-07-27"]

    def test_query_count(self, ladder, client, django_assert_num_queries):
        for days in range(10):
            MeetingFactory(panel=ladder.panel, start=timezone.now() + datetime.timedelta(days=days))
        with django_assert_num_queries(3):
            client.get(reverse("api:meeting_list", kwargs={"panel_slug": "west-mercia"}))

    def test_an_unknown_panel_is_not_found(self, client):
        assert_error(client.get(reverse("api:meeting_list", kwargs={"panel_slug": "nowhere"})), 404, "not_found")


class TestMeetingDetail:
    def test_exempt_content_is_absent_from_the_public_endpoint(self, ladder, july, exempt_items, client):
        response = client.get(meeting_detail_url(july.meeting))
        assert response.status_code == 200
        assert SECRET not in response.text
        assert "Commercial confidence." not in response.text.split('"Settlement"')[0]
        items = {item["number"]: item for item in response.json()["agenda_items"]}
        assert items["9"] == {
            "number": "9",
            "title": "Estates contract",
            "description": None,
            "page_start": None,
            "page_end": None,
            "exempt": True,
            "exempt_paragraph": 3,
            "exempt_reason": None,
            "released_at": None,
            "is_public": False,
        }
        minutes = {minute["number"]: minute for minute in response.json()["minutes"]}
        assert minutes[490]["title"] == "Estates contract"
        assert minutes[490]["text"] is None

    def test_released_content_is_present(self, ladder, july, exempt_items, client):
        response = client.get(meeting_detail_url(july.meeting))
        items = {item["number"]: item for item in response.json()["agenda_items"]}
        assert items["10"]["description"] == RELEASED
        assert items["10"]["is_public"] is True
        minutes = {minute["number"]: minute for minute in response.json()["minutes"]}
        assert minutes[491]["text"] == RELEASED

    @pytest.mark.parametrize("rung", ["officer", "member", "pcc_office", "administrator"])
    def test_the_panels_staff_read_exempt_items_with_a_token(self, ladder, july, exempt_items, rung):
        response = token_client(getattr(ladder, rung)).get(meeting_detail_url(july.meeting))
        assert SECRET in response.text

    def test_another_panels_token_reads_only_public_content(self, ladder, july, exempt_items):
        response = token_client(ladder.other_officer).get(meeting_detail_url(july.meeting))
        assert response.status_code == 200
        assert SECRET not in response.text

    def test_a_signed_in_browser_session_does_not_unlock_exempt_content(self, ladder, july, exempt_items):
        """The API takes tokens only: a session may not have passed the second factor."""
        response = signed_in(ladder.officer).get(meeting_detail_url(july.meeting))
        assert SECRET not in response.text

    def test_attendance_is_listed(self, ladder, july, client):
        attendance = client.get(meeting_detail_url(july.meeting)).json()["attendance"]
        assert {
            "name": "Cllr Caroline Bagnall",
            "status": "substitute",
            "role_as_written": "",
            "substitute_for": "Cllr Tony Parsons",
        } in attendance

    def test_query_count(self, ladder, july, exempt_items, client, django_assert_num_queries):
        with django_assert_num_queries(5):
            client.get(meeting_detail_url(july.meeting))

    def test_a_deleted_meeting_is_not_found(self, ladder, july, client):
        july.meeting.is_deleted = True
        july.meeting.save()
        assert_error(client.get(meeting_detail_url(july.meeting)), 404, "not_found")


class TestMemberList:
    def test_lists_current_members_with_their_offices(self, ladder, client):
        membership = MembershipFactory(person__panel=ladder.panel, person__name="Barry Durkin", start_date=None)
        OfficeHolderFactory(membership=membership, start_date=datetime.date(2023, 7, 27))
        MembershipFactory(person__panel=ladder.panel, end_date=datetime.date(2023, 7, 26), end_reason="retired")
        MembershipFactory(person__panel=ladder.other_panel)
        response = client.get(reverse("api:member_list", kwargs={"panel_slug": "west-mercia"}))
        results = response.json()["results"]
        assert [m["name"] for m in results] == ["Cllr Barry Durkin"]
        assert results[0]["offices"][0]["title"] == "Chairman"

    def test_query_count(self, ladder, client, django_assert_num_queries):
        for _n in range(5):
            OfficeHolderFactory(membership__person__panel=ladder.panel, start_date=datetime.date(2023, 1, 1))
        with django_assert_num_queries(4):
            client.get(reverse("api:member_list", kwargs={"panel_slug": "west-mercia"}))


class TestMeetingChecks:
    def test_anonymous_gets_401_in_the_error_format(self, ladder, july, client):
        response = client.get(checks_url(july.meeting))
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == "Token"

    def test_a_bad_token_gets_401(self, ladder, july):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
        assert_error(client.get(checks_url(july.meeting)), 401, "authentication_failed")

    def test_the_officers_token_reads_the_warnings(self, ladder, july):
        response = token_client(ladder.officer).get(checks_url(july.meeting))
        assert response.status_code == 200
        messages = [check["message"] for check in response.json()]
        assert "Cllr Roger Evans took part before becoming a member at minute 478 of this meeting." in messages

    def test_another_panels_token_gets_not_found(self, ladder, july):
        assert_error(token_client(ladder.other_officer).get(checks_url(july.meeting)), 404, "not_found")

    def test_a_token_without_a_role_gets_not_found(self, ladder, july):
        assert_error(token_client(ladder.outsider).get(checks_url(july.meeting)), 404, "not_found")


class TestErrorFormat:
    def test_an_address_no_endpoint_matches(self, client):
        assert_error(client.get("/api/v1/nothing-here/"), 404, "not_found")

    def test_a_method_not_allowed(self, ladder, client):
        response = client.post(reverse("api:panel_list"))
        assert_error(response, 405, "method_not_allowed")

    def test_pages_outside_the_api_keep_their_html_errors(self, client):
        response = client.get("/staff/nowhere/meetings/2020-01-01/x/")
        assert response.status_code == 404
        assert not response["Content-Type"].startswith("application/json")


class TestCreateApiToken:
    def test_creates_a_token_that_authenticates(self, ladder, july, capsys):
        call_command("create_api_token", "officer")
        key = capsys.readouterr().out.strip()
        assert Token.objects.get(user=ladder.officer).key == key
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert client.get(checks_url(july.meeting)).status_code == 200

    def test_reset_replaces_the_token(self, ladder, capsys):
        call_command("create_api_token", "officer")
        first = capsys.readouterr().out.strip()
        call_command("create_api_token", "officer", "--reset")
        second = capsys.readouterr().out.strip()
        assert first != second
        assert not Token.objects.filter(key=first).exists()

    def test_an_unknown_user_is_an_error(self, db):
        with pytest.raises(CommandError, match="No user"):
            call_command("create_api_token", "nobody")
