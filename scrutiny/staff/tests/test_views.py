import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from scrutiny.accounts.tests.helpers import build_july_2023_meeting, build_ladder, signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory

pytestmark = pytest.mark.django_db

VIEWERS = ["officer", "member", "pcc_office", "administrator"]


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def july(ladder):
    return build_july_2023_meeting(ladder.panel)


def meeting_url(meeting):
    return reverse("staff:meeting_detail", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})


def release_url(item):
    meeting = item.meeting
    return reverse(
        "staff:agenda_item_release",
        kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug, "item_id": item.pk},
    )


class TestHome:
    def test_anonymous_is_sent_to_sign_in(self, ladder):
        response = ladder.client("anonymous").get(reverse("staff:home"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:login"))

    def test_a_user_without_a_role_is_refused(self, ladder):
        assert ladder.client("outsider").get(reverse("staff:home")).status_code == 403

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_staff_see_their_panels(self, ladder, rung):
        response = ladder.client(rung).get(reverse("staff:home"))
        assert response.status_code == 200
        assert ladder.panel.name in response.text

    def test_an_officer_does_not_see_another_panel(self, ladder):
        MeetingFactory(panel=ladder.other_panel, venue="Carmarthen")
        response = ladder.client("officer").get(reverse("staff:home"))
        assert ladder.other_panel.name not in response.text

    def test_administrator_sees_every_panel(self, ladder):
        response = ladder.client("administrator").get(reverse("staff:home"))
        assert ladder.panel.name in response.text
        assert ladder.other_panel.name in response.text

    def test_lists_upcoming_and_recent_meetings(self, ladder):
        now = timezone.now()
        upcoming = MeetingFactory(panel=ladder.panel, start=now + datetime.timedelta(days=30))
        recent = MeetingFactory(panel=ladder.panel, start=now - datetime.timedelta(days=30))
        response = ladder.client("member").get(reverse("staff:home"))
        assert [m.pk for m in response.context["rows"][0]["upcoming"]] == [upcoming.pk]
        assert [m.pk for m in response.context["rows"][0]["recent"]] == [recent.pk]
        assert meeting_url(upcoming) in response.text

    def test_queries_do_not_grow_with_meetings(self, ladder, django_assert_num_queries):
        """GIVEN an administrator and two panels with many meetings WHEN the home page is shown
        THEN a fixed number of queries is made (session, user, device, panels, two meeting lists, roles)."""
        now = timezone.now()
        for panel in (ladder.panel, ladder.other_panel):
            for days in range(-60, 60, 10):
                MeetingFactory(panel=panel, start=now + datetime.timedelta(days=days))
        client = ladder.client("administrator")
        with django_assert_num_queries(7):
            client.get(reverse("staff:home"))


class TestMeetingDetail:
    def test_anonymous_is_sent_to_sign_in(self, ladder, july):
        response = ladder.client("anonymous").get(meeting_url(july.meeting))
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:login"))

    def test_a_user_without_a_role_is_refused(self, ladder, july):
        assert ladder.client("outsider").get(meeting_url(july.meeting)).status_code == 403

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_the_panels_staff_may_view(self, ladder, july, rung):
        assert ladder.client(rung).get(meeting_url(july.meeting)).status_code == 200

    def test_another_panels_officer_gets_not_found(self, ladder, july):
        assert ladder.client("other_officer").get(meeting_url(july.meeting)).status_code == 404

    def test_an_unknown_meeting_is_not_found(self, ladder):
        url = reverse("staff:meeting_detail", kwargs={"panel_slug": ladder.panel.slug, "meeting_slug": "2001-01-01"})
        assert ladder.client("officer").get(url).status_code == 404

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_the_page_is_read_only(self, ladder, july, rung):
        assert ladder.client(rung).post(meeting_url(july.meeting)).status_code == 405

    def test_the_officer_sees_the_minute_478_warnings(self, ladder, july):
        """The 27 July 2023 meeting: Cllr Evans took part before being co-opted at minute 478, and Cllr
        Bagnall stood in for Cllr Parsons, whose membership began only at that minute."""
        response = ladder.client("officer").get(meeting_url(july.meeting))
        warnings = [check.message for check in response.context["warnings"]]
        assert "Cllr Roger Evans took part before becoming a member at minute 478 of this meeting." in warnings
        assert (
            "Cllr Caroline Bagnall stood in for Cllr Tony Parsons, whose membership began only at minute 478 "
            "of this meeting." in warnings
        )
        assert "took part before becoming a member at minute 478" in response.text

    def test_queries_do_not_grow_with_attendance(self, ladder, july):
        """GIVEN the July meeting WHEN more people are recorded as attending THEN the page makes no more queries."""
        client = ladder.client("officer")
        with CaptureQueriesContext(connection) as before:
            client.get(meeting_url(july.meeting))
        for _n in range(5):
            AttendanceFactory(meeting=july.meeting, person__panel=ladder.panel)
            AgendaItemFactory(meeting=july.meeting)
        with CaptureQueriesContext(connection) as after:
            client.get(meeting_url(july.meeting))
        assert len(after) == len(before)

    def test_the_officer_is_offered_the_admin(self, ladder, july):
        admin_url = reverse("admin:meetings_meeting_change", args=[july.meeting.pk])
        response = ladder.client("officer").get(meeting_url(july.meeting))
        assert admin_url in response.text
        assert "Change this meeting" in response.text

    def test_a_member_is_offered_only_a_view(self, ladder, july):
        response = ladder.client("member").get(meeting_url(july.meeting))
        assert "Change this meeting" not in response.text
        assert "View the full record" in response.text


class TestReleaseAgendaItem:
    @pytest.fixture
    def item(self, july):
        return AgendaItemFactory(meeting=july.meeting, exempt=True, exempt_paragraph=3, exempt_reason="Contract.")

    def test_anonymous_is_sent_to_sign_in(self, ladder, item):
        response = ladder.client("anonymous").post(release_url(item))
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.released_at is None

    def test_a_user_without_a_role_is_refused(self, ladder, item):
        assert ladder.client("outsider").post(release_url(item)).status_code == 403

    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    def test_members_and_the_pcc_office_cannot_release(self, ladder, item, rung):
        assert ladder.client(rung).post(release_url(item)).status_code == 403
        item.refresh_from_db()
        assert item.released_at is None

    def test_another_panels_officer_gets_not_found(self, ladder, item):
        assert ladder.client("other_officer").post(release_url(item)).status_code == 404
        item.refresh_from_db()
        assert item.released_at is None

    def test_a_get_is_refused(self, ladder, item):
        assert ladder.client("officer").get(release_url(item)).status_code == 405

    @pytest.mark.parametrize("rung", ["officer", "administrator"])
    def test_an_officer_releases_through_the_service(self, ladder, item, rung):
        response = ladder.client(rung).post(release_url(item))
        assert response.status_code == 302
        item.refresh_from_db()
        assert item.released_at is not None
        event = AuditEvent.objects.get(verb="agenda_item_release")
        assert event.actor == getattr(ladder, rung)

    def test_releasing_twice_is_explained(self, ladder, item):
        client = ladder.client("officer")
        client.post(release_url(item))
        response = client.post(release_url(item), follow=True)
        assert "already been released" in response.text


class TestTwoFactorRequired:
    def test_an_unverified_user_is_sent_to_set_up_two_factor(self, ladder):
        response = signed_in(ladder.officer, verified=False).get(reverse("staff:home"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:setup"))

    @override_settings(SCRUTINY_REQUIRE_2FA=False)
    def test_the_demo_lets_a_password_alone_in(self, ladder):
        assert signed_in(ladder.officer, verified=False).get(reverse("staff:home")).status_code == 200
