"""The scrutiny officer's week in Chromium: schedule a meeting, build its agenda, write papers, publish, build the
pack and download it. axe-core checks every staff page she visits."""

import datetime

import pytest
from django.utils import timezone

from scrutiny.accounts.choices import Role
from scrutiny.accounts.tests.factories import PanelRoleFactory
from scrutiny.documents.models import Publication
from scrutiny.meetings.models import Meeting
from scrutiny.members.tests.factories import MembershipFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple 2023"


@pytest.fixture
def officer(transactional_db, settings):
    # Staff sign in with a second factor everywhere but the demo; this journey is about the week's work, and the
    # two-factor sign-in has its own tests.
    settings.SCRUTINY_REQUIRE_2FA = False
    panel = PanelFactory(name="West Mercia Police and Crime Panel", slug="west-mercia")
    user = PanelRoleFactory(panel=panel, role=Role.SCRUTINY_OFFICER, user__username="officer").user
    user.set_password(PASSWORD)
    user.save()
    council = CouncilFactory(panel=panel, name="Shropshire Council")
    MembershipFactory(person__panel=panel, person__name="Aled Evans", council=council)
    return user


class TestOfficersWeek:
    def test_officer_builds_publishes_and_downloads_the_agenda(
        self, officer, live_server, page, axe_violations, static_built
    ):
        """GIVEN a scrutiny officer of West Mercia
        WHEN she schedules a meeting, adds three items, writes two papers, publishes the agenda and builds the pack
        THEN the publication is recorded with both papers and she can download the pack; she records the day and
        drafts a minute; no page she visited breaks WCAG 2.2 AA."""
        visited = {}

        def check(name):
            visited[name] = axe_violations(page)

        page.goto(f"{live_server.url}/account/login/")
        page.get_by_label("Username").fill("officer")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
        page.goto(f"{live_server.url}/staff/")
        check("home")

        page.get_by_role("link", name="Schedule a meeting").click()
        check("schedule a meeting")
        day = timezone.localdate() + datetime.timedelta(days=35)
        page.get_by_label("Date").fill(day.isoformat())
        page.get_by_label("Start time").fill("14:00")
        page.get_by_label("Venue").fill("Shire Hall, Shrewsbury")
        page.get_by_role("button", name="Schedule the meeting").click()
        assert f"/staff/west-mercia/meetings/{day.isoformat()}/" in page.url
        check("meeting workspace")

        page.get_by_role("link", name="Add an agenda item").first.click()
        check("add an agenda item")
        for number, title in (("1", "Welcome and Introductions"), ("2", "Draft Budget 2024/25"), ("3", "Estates")):
            page.get_by_label("Item number").fill(number)
            page.get_by_label("Title", exact=True).fill(title)
            page.get_by_role("button", name="Add the item and another").click()
        page.get_by_role("link", name="Cancel").click()
        rows = page.locator("tr[id^=item-]")
        assert rows.count() == 3

        for number, title in (("2", "Proposed precept"), ("3", "Estates strategy")):
            page.get_by_role("link", name=f"Write a paper for item {number}").click()
            if "write" not in visited:
                check("write")
            page.get_by_label("Title of the paper").fill(title)
            page.get_by_role("button", name="Save the paper").click()
            if "paper" not in visited:
                check("paper")
            page.goto(f"{live_server.url}/staff/west-mercia/meetings/{day.isoformat()}/")

        page.get_by_role("link", name="Publish the agenda").first.click()
        check("publish")
        page.get_by_role("button", name="Publish the agenda").click()
        assert "The agenda is published." in page.content()
        check("meeting after publication")

        meeting = Meeting.objects.get(slug=day.isoformat())
        publication = Publication.objects.get(meeting=meeting)
        assert meeting.date_of_issue == timezone.localdate()
        assert sorted(publication.papers.values_list("title", flat=True)) == ["Estates strategy", "Proposed precept"]

        page.get_by_role("link", name="Agenda packs").click()
        check("agenda packs")
        page.get_by_role("button", name="Build").click()
        check("pack build")
        # The browser's PDF viewer would open the link in place: fetch it as the signed-in officer instead.
        href = page.get_by_role("link", name="Download the PDF").get_attribute("href")
        pdf = page.request.get(f"{live_server.url}{href}")
        assert pdf.ok
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.body().startswith(b"%PDF")

        # The day itself, and the first minute.
        page.goto(f"{live_server.url}/staff/west-mercia/meetings/{day.isoformat()}/")
        page.get_by_role("link", name="Record the day: attendance and declarations").first.click()
        check("record the day")
        page.get_by_label("Apologies").check()
        page.get_by_label("No member declared an interest").check()
        page.get_by_role("button", name="Save the record of the day").click()
        assert "The day is recorded." in page.content()
        page.get_by_role("link", name="Draft a minute").first.click()
        check("draft a minute")
        page.get_by_label("Title").fill("Welcome and Introductions")
        page.get_by_role("button", name="Save the minute").click()
        assert "is drafted" in page.content()
        assert meeting.attendances.get().status == "apologies"

        assert {name: found for name, found in visited.items() if found} == {}
