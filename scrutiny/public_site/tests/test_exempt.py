"""Exempt business (LGA 1972 Sch 12A) never reaches a public page, until it is released."""

import pytest

from scrutiny.meetings.services import agenda_item_release

from .conftest import SECRET_DESCRIPTION, SECRET_MINUTE, SECRET_REASON, SECRET_RESOLUTION

pytestmark = pytest.mark.django_db

SECRETS = [SECRET_DESCRIPTION, SECRET_REASON, SECRET_MINUTE, SECRET_RESOLUTION]

PAGES = [
    "/",
    "/west-mercia/",
    "/west-mercia/members/",
    "/west-mercia/members/barry-durkin/",
    "/west-mercia/meetings/",
    "/west-mercia/meetings/2023/",
    "/west-mercia/meetings/2023-07-27/",
    "/west-mercia/meetings.ics",
]


def body(response) -> str:
    # The feed folds long lines at 75 octets; unfold before searching it.
    return response.content.decode().replace("\r\n ", "")


class TestExemptItem:
    @pytest.mark.parametrize("path", PAGES)
    def test_withheld_content_appears_on_no_public_page(self, client, west_mercia, path):
        response = client.get(path)
        assert response.status_code == 200
        for secret in SECRETS:
            assert secret not in body(response)

    def test_meeting_page_shows_number_title_and_paragraph_only(self, client, west_mercia):
        page = body(client.get("/west-mercia/meetings/2023-07-27/"))
        assert "Estates disposal" in page
        assert "Exempt: paragraph 3 of Schedule 12A" in page
        assert 'id="minute-486"' in page  # the minute keeps its number and title, so links still land

    def test_feed_lists_the_item_by_number_and_title(self, client, west_mercia):
        feed = body(client.get("/west-mercia/meetings.ics"))
        assert "9. Estates disposal (exempt: paragraph 3 of Schedule 12A)" in feed

    def test_selector_never_hands_the_template_withheld_fields(self, client, west_mercia):
        page = client.get("/west-mercia/meetings/2023-07-27/").context["page"]
        item = next(i for i in page.agenda if i.number == "9")
        assert item.withheld
        assert (item.description, item.exempt_reason, item.page_range) == ("", "", "")
        minute = next(m for m in page.minutes if m.number == 486)
        assert minute.withheld
        assert (minute.text, minute.resolutions) == ("", "")

    @pytest.mark.parametrize("path", ["/west-mercia/meetings/2023-07-27/", "/west-mercia/meetings.ics"])
    def test_release_publishes_it_and_refreshes_the_cached_page(
        self, client, west_mercia, staff_user, django_capture_on_commit_callbacks, path
    ):
        """GIVEN the meeting page (or feed) was served, and so cached, while item 9 was exempt
        WHEN the item is released through the service
        THEN the next request shows the item in full (on the page: description, reason and minute)."""
        assert SECRET_DESCRIPTION not in body(client.get(path))
        with django_capture_on_commit_callbacks(execute=True):
            agenda_item_release(acting_user=staff_user, item=west_mercia.exempt_item)
        released = body(client.get(path))
        assert "Estates disposal" in released
        assert "exempt: paragraph" not in released.lower()
        if path.endswith("/"):
            for secret in SECRETS:
                assert secret in released
            assert "until released to the public on" in released

    def test_minute_on_no_agenda_item_is_public(self, client, west_mercia):
        page = body(client.get("/west-mercia/meetings/2023-07-27/"))
        assert "Nominations were received." in page
