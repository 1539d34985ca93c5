"""The iCalendar feed of a panel's meetings."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import MeetingFactory
from scrutiny.panels.tests.factories import PanelFactory

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def meeting_events(calendar):
    return [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("meeting-")]


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["URL"]).rsplit("/", 2)[-2]: e for e in meeting_events(calendar)}


class TestMeetingCalendar:
    def test_one_event_per_live_meeting(self, client, west_mercia):
        MeetingFactory(panel=west_mercia.panel, start=datetime.datetime(2023, 3, 1, 11, tzinfo=LONDON), is_deleted=True)
        MeetingFactory(start=datetime.datetime(2023, 3, 2, 11, tzinfo=LONDON))  # another panel's
        response = client.get("/west-mercia/meetings.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert sorted(events(response)) == ["2023-07-27", "2023-09-19", "2099-02-03"]

    def test_event_fields(self, client, west_mercia):
        event = events(client.get("/west-mercia/meetings.ics"))["2023-07-27"]
        assert event.decoded("DTSTART") == datetime.datetime(2023, 7, 27, 11, 0, tzinfo=LONDON)
        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert event.decoded("DTEND") == datetime.datetime(2023, 7, 27, 13, 50, tzinfo=LONDON)  # as minuted
        assert str(event["SUMMARY"]) == "West Mercia Police and Crime Panel: Ordinary meeting"
        assert str(event["LOCATION"]) == "County Hall, Worcester"
        assert str(event["URL"]) == "http://testserver/west-mercia/meetings/2023-07-27/"
        description = str(event["DESCRIPTION"])
        assert "1. Welcome and Introductions" in description
        assert "7. Annual Report of the PCC" in description
        assert "To review the draft report." not in description  # titles only, never descriptions
        assert str(event["STATUS"]) == "CONFIRMED"

    def test_meeting_without_a_minuted_end_gets_three_hours(self, client, west_mercia):
        event = events(client.get("/west-mercia/meetings.ics"))["2099-02-03"]
        assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=3)

    def test_uid_is_stable_and_unique(self, client, west_mercia, django_capture_on_commit_callbacks, staff_user):
        from scrutiny.meetings.services import meeting_update

        before = {slug: str(e["UID"]) for slug, e in events(client.get("/west-mercia/meetings.ics")).items()}
        assert len(set(before.values())) == 3
        with django_capture_on_commit_callbacks(execute=True):
            meeting_update(acting_user=staff_user, meeting=west_mercia.future, venue="Guildhall, Hereford")
        after = {slug: str(e["UID"]) for slug, e in events(client.get("/west-mercia/meetings.ics")).items()}
        assert after == before
        assert str(events(client.get("/west-mercia/meetings.ics"))["2099-02-03"]["LOCATION"]) == "Guildhall, Hereford"

    def test_cancelled_meeting_is_marked_cancelled(self, client, west_mercia):
        west_mercia.future.status = MeetingStatus.CANCELLED
        west_mercia.future.save()
        event = events(client.get("/west-mercia/meetings.ics"))["2099-02-03"]
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["SUMMARY"]).startswith("Cancelled: ")

    def test_timezone_is_described(self, client, west_mercia):
        calendar = icalendar.Calendar.from_ical(client.get("/west-mercia/meetings.ics").content)
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]

    def test_unknown_or_deleted_panel_is_404(self, client, west_mercia):
        PanelFactory(slug="gone", is_deleted=True)
        assert client.get("/gone/meetings.ics").status_code == 404
        assert client.get("/nowhere/meetings.ics").status_code == 404

    def test_panel_without_meetings_has_an_empty_calendar(self, client, db):
        PanelFactory(slug="new-panel")
        calendar = icalendar.Calendar.from_ical(client.get("/new-panel/meetings.ics").content)
        assert meeting_events(calendar) == []

    def test_statutory_deadlines_are_all_day_events(self, client, db):
        """The precept timetable of the current cycle is in the feed: 8 February is the panel's report."""
        PanelFactory(slug="new-panel")
        calendar = icalendar.Calendar.from_ical(client.get("/new-panel/meetings.ics").content)
        deadlines = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("deadline-")]
        assert deadlines
        starts = {e.decoded("DTSTART") for e in deadlines}
        assert all(type(start).__name__ == "date" for start in starts)
        assert any(start.month == 2 and start.day == 8 for start in starts)
