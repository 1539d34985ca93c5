"""Journeys through the public site in Chromium, and axe-core on every public page type."""

import pytest

# One demo load serves the module (`demo_site` in conftest.py); nothing here changes it. The mark makes
# pytest-django create the test database.
pytestmark = pytest.mark.django_db


class TestFindingMinutes:
    def test_member_of_public_finds_minute_480_from_home_page(self, demo_site, static_built):
        """GIVEN the West Mercia demo
        WHEN a member of the public starts at the panel's home page and follows links to the 27 July 2023 meeting
        THEN they can read minute 480 on the PCC's annual report."""
        page = demo_site.new_page()
        page.goto("/west-mercia/")
        page.get_by_role("link", name="Meetings", exact=True).first.click()
        # The list opens at the latest year, which holds the demo's meeting open for public questions.
        page.get_by_role("link", name="Meetings in 2023").click()
        page.get_by_role("link", name="27 July 2023").first.click()
        assert "/west-mercia/meetings/2023-07-27/" in page.url
        minute = page.locator("#minute-480")
        minute.scroll_into_view_if_needed()
        assert minute.is_visible()
        assert "Annual Report" in minute.inner_text()
        page.context.close()


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
    def test_public_page_has_no_wcag_violations(self, demo_site, axe_violations, static_built, path):
        page = demo_site.new_page()
        try:
            response = page.goto(path)
            assert response.status == 200
            assert axe_violations(page) == []
        finally:
            page.context.close()
