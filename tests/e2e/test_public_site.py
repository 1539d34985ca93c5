"""Journeys through the public site in Chromium, and axe-core on every public page type."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo_data", verbosity=0)


class TestFindingMinutes:
    def test_member_of_public_finds_minute_480_from_home_page(self, demo, live_server, page, static_built):
        """GIVEN the West Mercia demo
        WHEN a member of the public starts at the panel's home page and follows links to the 27 July 2023 meeting
        THEN they can read minute 480 on the PCC's annual report."""
        page.goto(f"{live_server.url}/west-mercia/")
        page.get_by_role("link", name="Meetings", exact=True).first.click()
        page.get_by_role("link", name="27 July 2023").first.click()
        assert "/west-mercia/meetings/2023-07-27/" in page.url
        minute = page.locator("#minute-480")
        minute.scroll_into_view_if_needed()
        assert minute.is_visible()
        assert "Annual Report" in minute.inner_text()


PUBLIC_PAGES = [
    "/",
    "/accessibility/",
    "/west-mercia/",
    "/west-mercia/members/",
    "/west-mercia/members/barry-durkin/",
    "/west-mercia/meetings/",
    "/west-mercia/meetings/2023-07-27/",
    "/west-mercia/meetings/2023-09-19/",
    "/west-mercia/performance/",
    "/west-mercia/search/?q=annual+report",
    "/west-mercia/actions/",
    "/west-mercia/work-programme/",
]


class TestAccessibility:
    @pytest.mark.parametrize("path", PUBLIC_PAGES)
    def test_public_page_has_no_wcag_violations(self, demo, live_server, page, axe_violations, static_built, path):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200
        assert axe_violations(page) == []
