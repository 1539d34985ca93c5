import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from scrutiny.accounts.tests.helpers import build_july_2023_meeting, build_ladder, signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PackKind
from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import Meeting, MinuteItemVersion
from scrutiny.meetings.tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory

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
        AgendaItemFactory(meeting=july.meeting)  # so that the papers' prefetch runs in both measurements
        client.get(meeting_url(july.meeting))  # content types are cached after the first request
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


# The officer's working week ----------------------------------------------------------------------------------


def url(name, meeting=None, **kwargs):
    if meeting is not None:
        kwargs = {"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug, **kwargs}
    return reverse(f"staff:{name}", kwargs=kwargs)


@pytest.fixture
def upcoming(ladder):
    """A meeting a month ahead, with an agenda item and a draft minute, so every page has something to act on."""
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=30)).replace(hour=14, minute=0)
    meeting = MeetingFactory(panel=ladder.panel, start=start, status=MeetingStatus.SCHEDULED)
    item = AgendaItemFactory(meeting=meeting, number="1", order=1, title="Budget")
    AgendaItemFactory(meeting=meeting, number="2", order=2, title="Performance")
    MinuteItemFactory(meeting=meeting, number=1, title="Welcome")
    MeetingFactory(panel=ladder.panel, start=start + datetime.timedelta(days=60), status=MeetingStatus.SCHEDULED)
    return SimpleNamespace(meeting=meeting, item=item, minute=meeting.minute_items.get())


def endpoints(upcoming):
    """(url, data for a POST that changes something) for every page of the officer's week."""
    meeting = upcoming.meeting
    later = Meeting.objects.filter(panel=meeting.panel, start__gt=meeting.start).get()
    return {
        "meeting_create": (
            url("meeting_create", panel_slug=meeting.panel.slug),
            {"date": "2031-03-04", "time": "14:00", "venue": "Shire Hall", "kind": "ordinary"},
        ),
        "agenda_item_add": (url("agenda_item_add", meeting), {"number": "3", "title": "Estates"}),
        "agenda_standard_items": (url("agenda_standard_items", meeting), {}),
        "agenda_item_move": (url("agenda_item_move", meeting, item_id=upcoming.item.pk), {"direction": "down"}),
        "agenda_item_remove": (url("agenda_item_remove", meeting, item_id=upcoming.item.pk), {}),
        "agenda_publish": (url("agenda_publish", meeting), {"urgency_reason": ""}),
        "meeting_day_record": (url("meeting_day_record", meeting), day_data([], none=True)),
        "minute_item_add": (url("minute_item_add", meeting), {"title": "Apologies"}),
        "minute_item_change": (
            url("minute_item_change", meeting, item_id=upcoming.minute.pk),
            {"title": "Welcome and introductions"},
        ),
        "minutes_confirm": (url("minutes_confirm", meeting), {"at_meeting": str(later.pk)}),
    }


POST_ONLY = {"agenda_standard_items", "agenda_item_move", "agenda_item_remove"}
ENDPOINTS = [
    "meeting_create",
    "agenda_item_add",
    "agenda_standard_items",
    "agenda_item_move",
    "agenda_item_remove",
    "agenda_publish",
    "meeting_day_record",
    "minute_item_add",
    "minute_item_change",
    "minutes_confirm",
]


def day_data(rows, *, none=False, also=(), declarations=()):
    """The POST a browser sends from the record-the-day form: rows are (membership, status, substitute, council)."""
    data = {
        "also-TOTAL_FORMS": "3",
        "also-INITIAL_FORMS": "0",
        "decl-TOTAL_FORMS": "3",
        "decl-INITIAL_FORMS": "0",
    }
    for membership, status, substitute, council in rows:
        data[f"m{membership.pk}-status"] = status
        data[f"m{membership.pk}-substitute"] = str(substitute.pk) if substitute else ""
        data[f"m{membership.pk}-council"] = str(council.pk) if council else ""
    for i, (name, role) in enumerate(also):
        data[f"also-{i}-name"], data[f"also-{i}-role_as_written"] = name, role
    for i, (person, kind, description) in enumerate(declarations):
        data[f"decl-{i}-person"], data[f"decl-{i}-kind"], data[f"decl-{i}-description"] = person.pk, kind, description
    if none:
        data["none-none"] = "on"
    return data


class TestOfficersWeekPermissions:
    """The permission ladder on every page of the officer's week."""

    @pytest.mark.parametrize("name", ENDPOINTS)
    def test_anonymous_is_sent_to_sign_in(self, ladder, upcoming, name):
        address, data = endpoints(upcoming)[name]
        response = ladder.client("anonymous").post(address, data)
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:login"))
        assert not AuditEvent.objects.exists()

    @pytest.mark.parametrize("name", ENDPOINTS)
    def test_a_user_without_a_role_is_refused(self, ladder, upcoming, name):
        address, data = endpoints(upcoming)[name]
        assert ladder.client("outsider").post(address, data).status_code == 403

    @pytest.mark.parametrize("name", ENDPOINTS)
    def test_another_panels_officer_gets_not_found(self, ladder, upcoming, name):
        address, data = endpoints(upcoming)[name]
        client = ladder.client("other_officer")
        assert client.post(address, data).status_code == 404
        assert client.get(address).status_code in (404, 405)
        assert not AuditEvent.objects.exists()

    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    @pytest.mark.parametrize("name", ENDPOINTS)
    def test_members_and_the_pcc_office_may_not_change(self, ladder, upcoming, name, rung):
        address, data = endpoints(upcoming)[name]
        client = ladder.client(rung)
        assert client.post(address, data).status_code == 403
        assert client.get(address).status_code == (405 if name in POST_ONLY else 403)
        assert not AuditEvent.objects.exists()
        # …but they see the meeting's page, without the officer's actions.
        response = client.get(meeting_url(upcoming.meeting))
        assert response.status_code == 200
        assert url("agenda_item_add", upcoming.meeting) not in response.text

    @pytest.mark.parametrize("rung", ["officer", "administrator"])
    @pytest.mark.parametrize("name", ENDPOINTS)
    def test_the_officer_and_an_administrator_change_through_the_services(self, ladder, upcoming, name, rung):
        address, data = endpoints(upcoming)[name]
        client = ladder.client(rung)
        if name not in POST_ONLY:
            assert client.get(address).status_code == 200
        response = client.post(address, data)
        assert response.status_code == 302, getattr(response, "context", None) and [
            f.errors for f in response.context.get("rows", [])
        ]
        event = AuditEvent.objects.order_by("-id").first()
        assert event is not None
        assert event.actor == getattr(ladder, rung)
        assert event.panel_id == ladder.panel.pk


class TestOfficersWeek:
    def test_scheduling_a_meeting(self, ladder):
        response = ladder.client("officer").post(
            url("meeting_create", panel_slug=ladder.panel.slug),
            {"date": "2031-03-04", "time": "14:00", "venue": "Shire Hall, Shrewsbury", "kind": "special"},
        )
        meeting = Meeting.objects.get(panel=ladder.panel)
        assert response.url == meeting_url(meeting)
        assert (meeting.slug, meeting.venue, meeting.kind) == ("2031-03-04", "Shire Hall, Shrewsbury", "special")
        assert timezone.localtime(meeting.start).hour == 14

    def test_an_exempt_item_needs_its_paragraph_and_reason(self, ladder, upcoming):
        response = ladder.client("officer").post(
            url("agenda_item_add", upcoming.meeting), {"number": "9", "title": "Contract", "exempt": "on"}
        )
        assert response.status_code == 200
        assert "Choose the paragraph of Schedule 12A" in response.text
        assert "There is a problem" in response.text
        assert not upcoming.meeting.agenda_items.filter(title="Contract").exists()

    def test_the_agenda_is_built_reordered_and_pruned(self, ladder, upcoming):
        client = ladder.client("officer")
        meeting = upcoming.meeting
        client.post(url("agenda_standard_items", meeting))
        client.post(url("agenda_item_move", meeting, item_id=upcoming.item.pk), {"direction": "down"})
        performance = meeting.agenda_items.get(title="Performance")
        client.post(url("agenda_item_remove", meeting, item_id=performance.pk))
        titles = list(meeting.agenda_items.live().order_by("order").values_list("number", "title"))
        assert titles[:5] == [
            ("1", "Welcome and Introductions"),
            ("2", "Named Substitutes"),
            ("3", "Apologies and Declarations of Interest"),
            ("4", "Public Participation"),
            ("5", "Confirmation of the Minutes"),
        ]
        assert titles[5:] == [("6", "Budget")]
        response = client.get(meeting_url(meeting))
        assert "Before publication" in response.text
        assert "Item 6, Budget, has no paper." in response.text
        assert "Removed an agenda item" in response.text

    def test_short_notice_asks_for_the_reason(self, ladder, upcoming):
        meeting = upcoming.meeting
        meeting.start = timezone.now() + datetime.timedelta(days=2)
        meeting.save()
        client = ladder.client("officer")
        page = client.get(url("agenda_publish", meeting))
        assert "Record why the business is urgent" in page.text
        refused = client.post(url("agenda_publish", meeting), {"urgency_reason": ""})
        assert refused.status_code == 200
        assert "Give the reason the meeting cannot wait." in refused.text
        meeting.refresh_from_db()
        assert meeting.date_of_issue is None
        client.post(url("agenda_publish", meeting), {"urgency_reason": "The precept deadline."})
        meeting.refresh_from_db()
        assert meeting.urgency_reason == "The precept deadline."
        assert meeting.publications.get().urgency_reason == "The precept deadline."

    def test_publishing_shows_on_the_page_and_in_the_history(self, ladder, upcoming):
        client = ladder.client("officer")
        PaperFactory(agenda_item=upcoming.item, title="Budget report")
        client.post(url("agenda_publish", upcoming.meeting))
        response = client.get(meeting_url(upcoming.meeting))
        assert "Publish a supplementary agenda" in response.text
        assert "Item 1: Budget report" in response.text
        history = response.context["history"]
        assert history[0].what == "Published the agenda"
        assert history[0].who == "officer"
        second = client.get(url("agenda_publish", upcoming.meeting))
        assert "nothing to publish" in second.text

    def test_each_publication_is_listed_with_its_pack(self, ladder, upcoming, django_capture_on_commit_callbacks):
        """GIVEN the agenda published WHEN a late paper is published as a supplement THEN the meeting page lists
        the agenda pack and "Supplementary pack 1", each built, linked and downloadable."""
        client = ladder.client("officer")
        PaperFactory(agenda_item=upcoming.item, title="Budget report")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("agenda_publish", upcoming.meeting))
        PaperFactory(agenda_item=upcoming.item, title="Budget annex", body="LATE-ANNEX")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("agenda_publish", upcoming.meeting), follow=True)
        assert "The supplementary agenda is published. Its pack is being built." in response.text
        first, second = upcoming.meeting.publications.select_related("pack").order_by("published_at", "id")
        assert (first.pack.kind, second.pack.kind) == (PackKind.PUBLIC, PackKind.SUPPLEMENTARY)
        page = client.get(meeting_url(upcoming.meeting))
        assert [row.label for row in page.context["publication_packs"]] == ["Agenda pack", "Supplementary pack 1"]
        for publication in (first, second):
            link = reverse("packs:pack_build_download", args=[publication.pack.pk])
            assert link in page.text
            assert client.get(link).status_code == 200
        assert "Supplementary pack 1" in page.text
        assert "Filed the pack built for a publication" in page.text

    def test_recording_the_day(self, ladder, upcoming):
        council = CouncilFactory(panel=ladder.panel)
        present = MembershipFactory(person__panel=ladder.panel, council=council, start_date=datetime.date(2020, 1, 1))
        away = MembershipFactory(person__panel=ladder.panel, council=council, start_date=datetime.date(2020, 1, 1))
        substitute = PersonFactory(panel=ladder.panel)
        client = ladder.client("officer")
        page = client.get(url("meeting_day_record", upcoming.meeting))
        assert escape(f"Substitute for {away.person}") in page.text  # a name may hold an apostrophe
        data = day_data(
            [(present, "present", None, None), (away, "apologies", substitute, council)],
            also=[("John Campion", "Police and Crime Commissioner")],
            declarations=[(present.person, "other_registrable", "Trustee of a victims' charity.")],
        )
        response = client.post(url("meeting_day_record", upcoming.meeting), data)
        assert response.status_code == 302
        statuses = dict(upcoming.meeting.attendances.live().values_list("person_id", "status"))
        assert statuses[present.person_id] == "present"
        assert statuses[away.person_id] == "apologies"
        assert statuses[substitute.pk] == "substitute"
        assert upcoming.meeting.declarations.get().description == "Trustee of a victims' charity."

    def test_a_present_member_needs_no_substitute(self, ladder, upcoming):
        present = MembershipFactory(person__panel=ladder.panel, start_date=datetime.date(2020, 1, 1))
        substitute = PersonFactory(panel=ladder.panel)
        response = ladder.client("officer").post(
            url("meeting_day_record", upcoming.meeting), day_data([(present, "present", substitute, None)])
        )
        assert response.status_code == 200
        assert "A member who was present needs no substitute." in response.text
        assert not upcoming.meeting.attendances.exists()

    def test_confirmed_minutes_are_corrected_not_edited(self, ladder, upcoming):
        client = ladder.client("officer")
        meeting = upcoming.meeting
        later = Meeting.objects.filter(panel=meeting.panel, start__gt=meeting.start).get()
        client.post(url("minutes_confirm", meeting), {"at_meeting": later.pk})
        change_url = url("minute_item_change", meeting, item_id=upcoming.minute.pk)
        page = client.get(change_url)
        assert "Correct minute 1" in page.text
        refused = client.post(change_url, {"title": "Welcome", "text": "New."})
        assert refused.status_code == 200
        assert not MinuteItemVersion.objects.exists()
        client.post(change_url, {"title": "Welcome", "text": "New.", "reason": "Wrong text minuted."})
        upcoming.minute.refresh_from_db()
        assert (upcoming.minute.text, upcoming.minute.version) == ("New.", 2)
        response = client.get(meeting_url(meeting))
        assert "Corrected" in response.text
        assert "Corrected a confirmed minute" in response.text
        assert client.get(url("minute_item_add", meeting)).status_code == 302

    def test_queries_do_not_grow_with_the_agenda_papers_or_history(self, ladder, upcoming):
        """GIVEN an upcoming meeting WHEN items, papers, a publication and their history are added THEN its page
        makes no more queries."""
        client = ladder.client("officer")
        PaperFactory(agenda_item=upcoming.item)
        client.post(url("agenda_publish", upcoming.meeting))
        client.get(meeting_url(upcoming.meeting))  # content types are cached after the first request
        with CaptureQueriesContext(connection) as before:
            client.get(meeting_url(upcoming.meeting))
        for n in range(3, 8):
            client.post(url("agenda_item_add", upcoming.meeting), {"number": str(n), "title": f"Item {n}"})
        for item in upcoming.meeting.agenda_items.live():
            PaperFactory(agenda_item=item)
        client.post(url("agenda_publish", upcoming.meeting))
        assert upcoming.meeting.publications.count() == 2
        with CaptureQueriesContext(connection) as after:
            client.get(meeting_url(upcoming.meeting))
        assert len(after) == len(before)

    def test_history_shows_only_this_meeting(self, ladder, upcoming):
        client = ladder.client("officer")
        other = MeetingFactory(panel=ladder.panel, start=timezone.now() + datetime.timedelta(days=10))
        client.post(url("agenda_item_add", other), {"number": "1", "title": "Elsewhere"})
        client.post(url("agenda_item_add", upcoming.meeting), {"number": "3", "title": "Here"})
        history = client.get(meeting_url(upcoming.meeting)).context["history"]
        assert [h.subject for h in history] == ["3. Here"]
        assert ("title", "", "Here") in history[0].changes
