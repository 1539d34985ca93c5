"""Each public page: what it shows, its title and breadcrumbs, and the 404s for what does not exist."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from scrutiny.core.services import object_tombstone
from scrutiny.meetings.choices import AttendanceStatus, InterestKind, MeetingKind, MeetingStatus
from scrutiny.meetings.services import declaration_record, meeting_create, meeting_delete
from scrutiny.meetings.tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.tests.factories import PanelFactory

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


class TestIndex:
    def test_lists_live_panels_only(self, client, west_mercia):
        PanelFactory(name="Gone Police and Crime Panel", slug="gone", is_deleted=True)
        response = client.get("/")
        assert response.status_code == 200
        assert "West Mercia Police and Crime Panel" in text(response)
        assert "Gone Police and Crime Panel" not in text(response)
        assert "<title>Police and Crime Panels – Scrutiny</title>" in text(response)


class TestAccessibilityStatement:
    def test_is_a_real_statement(self, client):
        response = client.get("/accessibility/")
        assert response.status_code == 200
        body = text(response)
        for words in (
            "WCAG",
            "2.2",
            "axe-core",
            "Chromium",
            "Reporting accessibility problems",
            "Equality and Human Rights Commission",
            "Equality Advisory and Support Service",
        ):
            assert words in body


class TestPanelHome:
    def test_shows_purpose_next_meeting_minutes_membership_and_contact(self, client, west_mercia):
        response = client.get("/west-mercia/")
        assert response.status_code == 200
        body = text(response)
        assert "<title>West Mercia Police and Crime Panel – Scrutiny</title>" in body
        assert "scrutinises the decisions and actions" in body
        assert 'href="/west-mercia/meetings/2099-02-03/"' in body
        assert "Tuesday 3 February 2099" in body
        assert "2.30pm" in body
        assert "Shirehall, Shrewsbury" in body
        assert 'href="/west-mercia/meetings/2023-07-27/#minutes"' in body
        assert "Cllr Barry Durkin" in body
        assert "Cllr Rob Adams" in body
        assert 'href="/west-mercia/members/"' in body
        assert "Samantha Morris" in body
        assert "sjmorris@worcestershire.gov.uk" in body

    def test_cancelled_meeting_is_not_the_next_one(self, client, west_mercia):
        MeetingFactory(
            panel=west_mercia.panel,
            start=datetime.datetime(2098, 1, 1, 11, tzinfo=LONDON),
            status=MeetingStatus.CANCELLED,
        )
        body = text(client.get("/west-mercia/"))
        assert "2098" not in body
        assert "Tuesday 3 February 2099" in body

    def test_counts_current_members_by_kind(self, client, west_mercia):
        response = client.get("/west-mercia/")
        summary = response.context["summary"]
        assert (summary.appointed_councillors, summary.co_opted_councillors, summary.independent_members) == (3, 1, 1)
        assert summary.total == 5

    @pytest.mark.parametrize("slug", ["nowhere", "gone"])
    def test_unknown_or_deleted_panel_is_404(self, client, west_mercia, slug):
        PanelFactory(slug="gone", is_deleted=True)
        assert client.get(f"/{slug}/").status_code == 404


class TestMemberList:
    def test_current_members_with_kind_council_and_office_as_printed(self, client, west_mercia):
        response = client.get("/west-mercia/members/")
        assert response.status_code == 200
        body = text(response)
        assert "<title>Members – West Mercia Police and Crime Panel – Scrutiny</title>" in body
        assert 'class="govuk-breadcrumbs"' in body
        assert 'href="/west-mercia/members/barry-durkin/"' in body
        assert "Herefordshire Council" in body
        assert "Independent co-opted member" in body
        assert "Vice Chair" in body  # title_as_printed, not "Vice-Chairman"
        assert "The panel has 5 members." in body

    def test_former_members_with_dates_at_their_precision(self, client, west_mercia):
        response = client.get("/west-mercia/members/")
        former = response.context["former"]
        assert [m.person.slug for m in former] == ["sebastian-bowen"]
        body = text(response)
        assert "Former members" in body
        assert "July 2023" in body
        assert "1 July 2023" not in body
        assert "Retired" in body

    def test_unknown_panel_is_404(self, client, west_mercia):
        assert client.get("/nowhere/members/").status_code == 404


class TestMemberDetail:
    def test_memberships_offices_and_attendance(self, client, west_mercia):
        response = client.get("/west-mercia/members/barry-durkin/")
        assert response.status_code == 200
        body = text(response)
        assert "<title>Cllr Barry Durkin – West Mercia Police and Crime Panel – Scrutiny</title>" in body
        assert "Herefordshire Council" in body
        assert "25 May 2023" in body
        assert "Chairman" in body
        assert "July 2024" in body  # the term ends, at month precision
        record = response.context["record"]
        # No attendance is recorded for 19 September yet: it counts against no one.
        assert (record.expected, record.present, record.absent) == (1, 1, 0)
        assert "Present at 1 of the 1 meeting held while a member (100%)." in body
        assert response.context["not_recorded"] == 0

    def test_apologies_with_a_substitute(self, client, west_mercia):
        response = client.get("/west-mercia/members/tony-parsons/")
        record = response.context["record"]
        assert record.apologies_with_substitute == 1
        assert record.apologies_without_substitute == 0
        assert "Cllr Caroline Bagnall" in text(response)

    def test_former_member_with_year_precision_start(self, client, west_mercia):
        body = text(client.get("/west-mercia/members/sebastian-bowen/"))
        assert ">2012<" in body
        assert "July 2023" in body
        assert "Retired" in body

    def test_404_for_unknown_deleted_non_member_and_other_panels_people(self, client, west_mercia):
        gone = PersonFactory(panel=west_mercia.panel, name="Gone Member", slug="gone-member", is_deleted=True)
        MembershipFactory(person=gone)
        other = PersonFactory(name="Other Panel", slug="other-panel")
        MembershipFactory(person=other)
        assert client.get("/west-mercia/members/nobody/").status_code == 404
        assert client.get("/west-mercia/members/gone-member/").status_code == 404
        assert client.get("/west-mercia/members/samantha-morris/").status_code == 404  # an officer, never a member
        assert client.get("/west-mercia/members/other-panel/").status_code == 404
        assert client.get("/nowhere/members/barry-durkin/").status_code == 404


class TestMeetingList:
    def test_shows_the_latest_year_and_links_to_others(self, client, west_mercia):
        response = client.get("/west-mercia/meetings/")
        assert response.status_code == 200
        assert response.context["year"] == 2099
        body = text(response)
        assert 'href="/west-mercia/meetings/2023/"' in body
        assert "Tuesday 3 February 2099" in body

    def test_year_page_lists_date_time_kind_and_status(self, client, west_mercia):
        MeetingFactory(
            panel=west_mercia.panel,
            start=datetime.datetime(2023, 11, 14, 14, 0, tzinfo=LONDON),
            kind=MeetingKind.SPECIAL,
            status=MeetingStatus.CANCELLED,
        )
        response = client.get("/west-mercia/meetings/2023/")
        assert response.status_code == 200
        body = text(response)
        assert "<title>Meetings in 2023 – West Mercia Police and Crime Panel – Scrutiny</title>" in body
        assert [m.slug for m in response.context["meetings"]] == ["2023-07-27", "2023-09-19", "2023-11-14"]
        assert 'href="/west-mercia/meetings/2023-07-27/"' in body
        assert "Thursday 27 July 2023" in body
        assert "11.00am" in body
        assert "2.00pm" in body
        assert "Special meeting" in body
        assert "Cancelled" in body
        assert 'href="/west-mercia/meetings/2099/"' in body

    def test_year_without_meetings_is_404(self, client, west_mercia):
        assert client.get("/west-mercia/meetings/2019/").status_code == 404
        assert client.get("/nowhere/meetings/").status_code == 404

    def test_deleted_meeting_is_not_listed(self, client, west_mercia, staff_user):
        meeting_delete(acting_user=staff_user, meeting=west_mercia.september)
        response = client.get("/west-mercia/meetings/2023/")
        assert [m.slug for m in response.context["meetings"]] == ["2023-07-27"]

    def test_panel_without_meetings(self, client, db):
        PanelFactory(slug="new-panel")
        response = client.get("/new-panel/meetings/")
        assert response.status_code == 200
        assert "No meetings have been recorded yet." in text(response)


class TestMeetingDetail:
    def test_date_time_venue_status_and_contact(self, client, west_mercia):
        response = client.get("/west-mercia/meetings/2023-07-27/")
        assert response.status_code == 200
        body = text(response)
        assert "Ordinary meeting, Thursday 27 July 2023 – West Mercia Police and Crime Panel – Scrutiny" in body
        assert 'href="/west-mercia/meetings/2023/"' in body  # breadcrumb to the year
        assert "11.00am" in body
        assert "The meeting ended at 1.50pm." in body
        assert "County Hall, Worcester" in body
        assert "Held" in body
        assert "Samantha Morris" in body

    def test_compliance_panel(self, client, west_mercia):
        body = text(client.get("/west-mercia/meetings/2023-09-19/"))
        assert "Monday 11 September 2023" in body  # date of issue
        assert "5 clear days" in body
        assert "5 required" in body
        assert "Working days (Monday to Friday, not bank holidays)" in body
        assert "9.00am on Monday 18 September 2023" in body

    def test_short_notice_is_flagged_with_its_reason(self, client, west_mercia):
        meeting = west_mercia.september
        meeting.date_of_issue = datetime.date(2023, 9, 14)
        meeting.urgency_reason = "The Commissioner's proposal arrived late."
        meeting.save()
        body = text(client.get("/west-mercia/meetings/2023-09-19/"))
        assert "2 clear days" in body
        assert "Fewer than required" in body
        assert "The Commissioner&#x27;s proposal arrived late." in body

    def test_agenda_with_page_ranges(self, client, west_mercia):
        body = text(client.get("/west-mercia/meetings/2023-09-19/"))
        assert "Confirmation of the Minutes of the previous meeting" in body
        assert "To confirm the Minutes of the Panel meeting held on 27 July 2023." in body
        assert "1 - 10" in body

    def test_attendance_with_roles_substitutes_and_apologies(self, client, west_mercia):
        response = client.get("/west-mercia/meetings/2023-07-27/")
        page = response.context["page"]
        assert [a.name for a in page.present] == ["Cllr Barry Durkin", "Mrs C Clive"]
        assert page.present[0].role == "Chairman"
        assert [a.name for a in page.apologies] == ["Cllr Tony Parsons", "Cllr Tracey Onslow"]
        body = text(response)
        assert "Cllr Barry Durkin</a> (Chairman)" in body
        assert "Cllr Caroline Bagnall for Tony Parsons (Shropshire Council)" in body
        assert "Cllr Paul Harrison for Tracey Onslow (Wyre Forest District Council)" in body
        assert "John Champion (West Mercia Police &amp; Crime Commissioner)" in body

    def test_declarations_none_not_recorded_and_listed(
        self, client, west_mercia, staff_user, django_capture_on_commit_callbacks
    ):
        assert "No declarations of interest" in text(client.get("/west-mercia/meetings/2023-07-27/"))
        assert "Not yet recorded" in text(client.get("/west-mercia/meetings/2023-09-19/"))
        with django_capture_on_commit_callbacks(execute=True):
            declaration_record(
                acting_user=staff_user,
                meeting=west_mercia.september,
                person=west_mercia.durkin,
                kind=InterestKind.OTHER_REGISTRABLE,
                description="Trustee of a victims' charity.",
            )
        body = text(client.get("/west-mercia/meetings/2023-09-19/"))
        assert "Other registrable interest" in body
        assert "Trustee of a victims&#x27; charity." in body

    def test_minutes_with_anchors_paragraphs_resolutions_and_elections(self, client, west_mercia):
        body = text(client.get("/west-mercia/meetings/2023-07-27/"))
        assert 'id="minute-480"' in body
        assert 'id="minute-472"' in body
        assert '<p class="govuk-body">The PCC introduced his Draft Annual Report.</p>' in body
        assert "<li>The lack of progress on visibility.</li>" in body
        assert "The Chairman would write to the PCC." in body
        assert "Nominated for Chairman" in body
        assert "Cllr Liz Harvey" in body
        assert body.index("Election of Chairman") < body.index("Annual Report of the PCC</h3>")

    def test_cancelled_meeting_says_so(self, client, west_mercia):
        meeting = west_mercia.future
        meeting.status = MeetingStatus.CANCELLED
        meeting.save()
        body = text(client.get("/west-mercia/meetings/2099-02-03/"))
        assert "This meeting has been cancelled." in body

    def test_unknown_deleted_and_malformed_meetings_are_404(self, client, west_mercia, staff_user):
        meeting_delete(acting_user=staff_user, meeting=west_mercia.september)
        assert client.get("/west-mercia/meetings/2023-09-19/").status_code == 404
        assert client.get("/west-mercia/meetings/2023-07-28/").status_code == 404
        assert client.get("/west-mercia/meetings/2023-07-27-2/").status_code == 404
        assert client.get("/west-mercia/meetings/27-07-2023/").status_code == 404
        assert client.get("/nowhere/meetings/2023-07-27/").status_code == 404

    def test_another_panels_meeting_is_404(self, client, west_mercia):
        MeetingFactory(start=datetime.datetime(2023, 8, 1, 11, tzinfo=LONDON))
        assert client.get("/west-mercia/meetings/2023-08-01/").status_code == 404

    def test_tombstoned_rows_leave_the_page(self, client, west_mercia, staff_user):
        attendance = west_mercia.july.attendances.get(person=west_mercia.durkin)
        object_tombstone(instance=attendance, acting_user=staff_user, verb="test")
        item = AgendaItemFactory(meeting=west_mercia.july, title="Withdrawn report", is_deleted=True)
        assert item.is_deleted
        body = text(client.get("/west-mercia/meetings/2023-07-27/"))
        assert "Withdrawn report" not in body
        assert "Cllr Barry Durkin</a> (Chairman)" not in body


class TestMeetingsSharingADay:
    def test_both_meetings_have_their_own_address(self, client, west_mercia, staff_user):
        """GIVEN two meetings created through the service on one day
        WHEN each address is requested
        THEN the first is 2023-10-10 and the second 2023-10-10-2, and each page shows its own meeting."""
        day = datetime.date(2023, 10, 10)
        first = meeting_create(
            acting_user=staff_user,
            panel=west_mercia.panel,
            start=datetime.datetime.combine(day, datetime.time(10), tzinfo=LONDON),
            venue="Morning room",
        )
        second = meeting_create(
            acting_user=staff_user,
            panel=west_mercia.panel,
            start=datetime.datetime.combine(day, datetime.time(14), tzinfo=LONDON),
            venue="Afternoon room",
            kind=MeetingKind.CONFIRMATION_HEARING,
        )
        assert (first.slug, second.slug) == ("2023-10-10", "2023-10-10-2")
        one, two = client.get("/west-mercia/meetings/2023-10-10/"), client.get("/west-mercia/meetings/2023-10-10-2/")
        assert (one.status_code, two.status_code) == (200, 200)
        assert "Morning room" in text(one)
        assert "Afternoon room" not in text(one)
        assert "Afternoon room" in text(two)
        assert "Confirmation hearing" in text(two)
        listing = text(client.get("/west-mercia/meetings/2023/"))
        assert 'href="/west-mercia/meetings/2023-10-10/"' in listing
        assert 'href="/west-mercia/meetings/2023-10-10-2/"' in listing


class TestAttendanceOnMemberPage:
    def test_meetings_outside_the_membership_are_not_expected(self, client, west_mercia):
        """A member who joined after July is expected only at September."""
        late = PersonFactory(panel=west_mercia.panel, name="Late Joiner", slug="late-joiner")
        MembershipFactory(person=late, start_date=datetime.date(2023, 8, 1))
        AttendanceFactory(meeting=west_mercia.september, person=late, status=AttendanceStatus.PRESENT)
        record = client.get("/west-mercia/members/late-joiner/").context["record"]
        assert (record.expected, record.present, record.percentage) == (1, 1, 100)

    def test_today_is_used_for_current_membership(self, client, west_mercia):
        today = timezone.localdate()
        leaver = PersonFactory(panel=west_mercia.panel, name="Leaving Today", slug="leaving-today")
        MembershipFactory(person=leaver, end_date=today, end_reason="stood_down")
        response = client.get("/west-mercia/members/")
        assert "leaving-today" in [m.person.slug for m in response.context["memberships"]]
