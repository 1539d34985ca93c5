import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse

from config import urls as config_urls
from scrutiny.accounts.tests.helpers import build_ladder, signed_in
from scrutiny.documents.models import Paper
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import LONDON, AgendaItemFactory, MeetingFactory, MinuteItemFactory
from scrutiny.work_programme.models import WorkProgrammeItem

from .factories import ActionFactory, WorkProgrammeItemFactory

# Until config/urls.py includes this app's routes, the tests mount them in front of the site's own.
urlpatterns = [path("", include("scrutiny.work_programme.urls")), *config_urls.urlpatterns]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

VIEWERS = ["officer", "member", "pcc_office", "administrator"]


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def data(ladder):
    panel = ladder.panel
    held = MeetingFactory(panel=panel, start=datetime.datetime(2023, 7, 27, 11, tzinfo=LONDON))
    exempt_item = AgendaItemFactory(meeting=held, exempt=True, exempt_paragraph=1, exempt_reason="A person.")
    ActionFactory(panel=panel, description="A public action", minute_item=MinuteItemFactory(meeting=held))
    ActionFactory(
        panel=panel,
        description="A private action",
        minute_item=MinuteItemFactory(meeting=held, agenda_item=exempt_item),
    )
    upcoming = MeetingFactory(
        panel=panel, start=datetime.datetime(2099, 2, 6, 11, tzinfo=LONDON), status=MeetingStatus.SCHEDULED
    )
    WorkProgrammeItemFactory(panel=panel, meeting=upcoming, area="Estates", topic="estates")
    return {"held": held, "upcoming": upcoming, "item": AgendaItemFactory(meeting=upcoming, title="Work Programme")}


STAFF_PAGES = ["work_programme:staff_action_list", "work_programme:staff_work_programme"]


class TestPublicPages:
    def test_tracker_hides_exempt_actions(self, client, ladder, data):
        response = client.get(reverse("work_programme:action_list", args=[ladder.panel.slug]))
        assert response.status_code == 200
        assert b"A public action" in response.content
        assert b"A private action" not in response.content

    def test_work_programme(self, client, ladder, data):
        response = client.get(reverse("work_programme:work_programme", args=[ladder.panel.slug]))
        assert response.status_code == 200
        assert b"Estates" in response.content

    def test_unknown_panel(self, client, data):
        assert client.get(reverse("work_programme:action_list", args=["nowhere"])).status_code == 404

    def test_query_count(self, client, ladder, data, django_assert_max_num_queries):
        for _n in range(10):
            ActionFactory(panel=ladder.panel, minute_item=MinuteItemFactory(meeting=data["held"]))
        with django_assert_max_num_queries(8):
            client.get(reverse("work_programme:action_list", args=[ladder.panel.slug]))


class TestStaffLadder:
    @pytest.mark.parametrize("name", STAFF_PAGES)
    def test_anonymous_is_sent_to_sign_in(self, client, ladder, data, name):
        response = client.get(reverse(name, args=[ladder.panel.slug]))
        assert response.status_code == 302
        assert "login" in response.url

    @pytest.mark.parametrize("name", STAFF_PAGES)
    def test_without_a_role_is_refused(self, ladder, data, name):
        assert signed_in(ladder.outsider).get(reverse(name, args=[ladder.panel.slug])).status_code == 403

    @pytest.mark.parametrize("name", STAFF_PAGES)
    def test_another_panels_officer_finds_nothing(self, ladder, data, name):
        assert signed_in(ladder.other_officer).get(reverse(name, args=[ladder.panel.slug])).status_code == 404

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_viewers_see_every_action(self, ladder, data, rung):
        response = signed_in(getattr(ladder, rung)).get(
            reverse("work_programme:staff_action_list", args=[ladder.panel.slug])
        )
        assert response.status_code == 200
        assert b"A private action" in response.content

    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    def test_lookers_may_not_change(self, ladder, data, rung):
        client = signed_in(getattr(ladder, rung))
        url = reverse("work_programme:staff_work_programme_propose", args=[ladder.panel.slug])
        assert client.post(url, {"meeting": data["upcoming"].pk}).status_code == 403
        url = reverse("work_programme:staff_paper_generate", args=[ladder.panel.slug, "work-programme"])
        assert client.post(url, {"agenda_item": data["item"].pk}).status_code == 403

    def test_officer_proposes_drops_and_generates(self, ladder, data):
        client = signed_in(ladder.officer)
        slug = ladder.panel.slug
        client.post(
            reverse("work_programme:staff_work_programme_propose", args=[slug]), {"meeting": data["upcoming"].pk}
        )
        budget = WorkProgrammeItem.objects.get(meeting=data["upcoming"], topic="budget-monitoring")
        client.post(reverse("work_programme:staff_work_programme_item_drop", args=[slug, budget.pk]))
        budget.refresh_from_db()
        assert budget.dropped
        response = client.post(
            reverse("work_programme:staff_paper_generate", args=[slug, "work-programme"]),
            {"agenda_item": data["item"].pk},
        )
        assert response.status_code == 302
        assert Paper.objects.get(agenda_item=data["item"]).title == "Work Programme"

    def test_another_panels_agenda_item_is_not_found(self, ladder, data):
        foreign = AgendaItemFactory(meeting=MeetingFactory(panel=ladder.other_panel))
        response = signed_in(ladder.officer).post(
            reverse("work_programme:staff_paper_generate", args=[ladder.panel.slug, "actions-update"]),
            {"agenda_item": foreign.pk},
        )
        assert response.status_code == 404


class TestQueryCounts:
    """More rows must not mean more queries."""

    @pytest.mark.parametrize(
        "name",
        ["work_programme:staff_action_list", "work_programme:staff_work_programme", "work_programme:work_programme"],
    )
    def test_constant(self, ladder, data, name):
        client = signed_in(ladder.officer)
        url = reverse(name, args=[ladder.panel.slug])
        client.get(url)
        with CaptureQueriesContext(connection) as before:
            client.get(url)
        for n in range(10):
            ActionFactory(panel=ladder.panel, minute_item=MinuteItemFactory(meeting=data["held"]))
            WorkProgrammeItemFactory(panel=ladder.panel, meeting=data["upcoming"], topic=f"t{n}")
        with CaptureQueriesContext(connection) as after:
            assert client.get(url).status_code == 200
        assert len(after) == len(before)


class TestMeetingPageInclude:
    def test_lists_the_actions_a_meeting_raised(self, data):
        from django.template.loader import render_to_string

        from scrutiny.work_programme.selectors import actions_raised_at

        html = render_to_string(
            "work_programme/_meeting_actions.html", {"actions_raised": actions_raised_at(data["held"])}
        )
        assert "A public action" in html
        assert "A private action" not in html


class TestCloseAction:
    def test_officer_closes_an_action_and_lookers_may_not(self, ladder, data):
        from scrutiny.work_programme.models import Action

        action = Action.objects.get(description="A public action")
        url = reverse("work_programme:staff_action_close", args=[ladder.panel.slug, action.pk])
        form = {"outcome": "done", "response": "Sent.", "responded_on": "2023-09-01"}
        assert signed_in(ladder.member).post(url, form).status_code == 403
        assert signed_in(ladder.officer).post(url, form).status_code == 302
        action.refresh_from_db()
        assert action.status == "done"
        assert action.responded_on.isoformat() == "2023-09-01"

    def test_a_response_is_needed_to_mark_it_done(self, ladder, data):
        from scrutiny.work_programme.models import Action

        action = Action.objects.get(description="A public action")
        url = reverse("work_programme:staff_action_close", args=[ladder.panel.slug, action.pk])
        signed_in(ladder.officer).post(url, {"outcome": "done", "response": ""})
        action.refresh_from_db()
        assert action.status == "open"
