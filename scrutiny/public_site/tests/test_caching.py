"""The public page cache: anonymous repeats cost no queries, writes show at once, staff are never cached."""

import pytest

from scrutiny.meetings.models import MinuteItem
from scrutiny.meetings.services import minute_item_update

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/accessibility/",
    "/west-mercia/",
    "/west-mercia/members/",
    "/west-mercia/members/barry-durkin/",
    "/west-mercia/meetings/",
    "/west-mercia/meetings/2023/",
    "/west-mercia/meetings/2023-07-27/",
    "/west-mercia/meetings.ics",
]


class TestPublicCache:
    @pytest.mark.parametrize("path", PAGES)
    def test_second_anonymous_get_runs_no_queries(self, client, west_mercia, django_assert_num_queries, path):
        first = client.get(path)
        assert first.status_code == 200
        with django_assert_num_queries(0):
            second = client.get(path)
        assert second.status_code == 200
        assert second.content == first.content
        assert "public" in second["Cache-Control"]

    def test_meeting_page_is_served_from_cache(self, client, west_mercia, django_assert_num_queries):
        client.get("/west-mercia/meetings/2023-07-27/")
        with django_assert_num_queries(0):
            response = client.get("/west-mercia/meetings/2023-07-27/")
        assert 'id="minute-480"' in response.content.decode()

    def test_a_write_through_a_service_shows_on_the_next_get(
        self, client, west_mercia, staff_user, django_capture_on_commit_callbacks
    ):
        """GIVEN the meeting page is cached
        WHEN a minute is corrected through minute_item_update
        THEN the next anonymous GET shows the correction."""
        assert "Nominations were received." in client.get("/west-mercia/meetings/2023-07-27/").content.decode()
        minute = MinuteItem.objects.get(meeting=west_mercia.july, number=472)
        with django_capture_on_commit_callbacks(execute=True):
            minute_item_update(acting_user=staff_user, item=minute, text="Two nominations were received.")
        body = client.get("/west-mercia/meetings/2023-07-27/").content.decode()
        assert "Two nominations were received." in body

    def test_a_write_outside_the_services_is_not_seen_by_anonymous_visitors(self, client, west_mercia):
        """The cache trusts the services to invalidate it: this pins that it really is serving the cache."""
        client.get("/west-mercia/meetings/2023-07-27/")
        MinuteItem.objects.filter(meeting=west_mercia.july, number=472).update(text="Changed behind the cache.")
        assert "Changed behind the cache." not in client.get("/west-mercia/meetings/2023-07-27/").content.decode()

    def test_signed_in_user_is_not_served_the_cached_page(self, client, west_mercia, staff_user):
        """GIVEN an anonymous visitor has cached the meeting page
        WHEN the minute changes behind the cache and a signed-in user asks for the page
        THEN they see the database as it is, and their response is marked private and not stored."""
        client.get("/west-mercia/meetings/2023-07-27/")
        MinuteItem.objects.filter(meeting=west_mercia.july, number=472).update(text="Changed behind the cache.")
        client.force_login(staff_user)
        response = client.get("/west-mercia/meetings/2023-07-27/")
        assert "Changed behind the cache." in response.content.decode()
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]

    def test_signed_in_pages_are_not_stored_for_the_public(self, client, west_mercia, staff_user):
        client.force_login(staff_user)
        client.get("/west-mercia/meetings/2023-07-27/")
        client.logout()
        MinuteItem.objects.filter(meeting=west_mercia.july, number=472).update(text="Changed after staff looked.")
        assert "Changed after staff looked." in client.get("/west-mercia/meetings/2023-07-27/").content.decode()

    def test_404s_are_not_cached(self, client, west_mercia, django_assert_max_num_queries):
        assert client.get("/west-mercia/meetings/2023-10-10/").status_code == 404
        with django_assert_max_num_queries(10) as captured:
            assert client.get("/west-mercia/meetings/2023-10-10/").status_code == 404
        assert len(captured) > 0
