"""Reads of meetings for the public pages: lists, one meeting with exempt business stripped, the feed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from scrutiny.meetings.choices import AttendanceStatus, ExemptParagraph, MeetingStatus, VoteKind, VoteResult
from scrutiny.meetings.models import Meeting, Nomination, Vote
from scrutiny.meetings.selectors import (
    meeting_get_for_public,
    meeting_next,
    meeting_years,
    meetings_for_calendar,
    meetings_in_year,
    meetings_latest_with_minutes,
)
from scrutiny.meetings.tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.choices import Office
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def at(year, month, day, hour=11, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def panel():
    return PanelFactory()


@pytest.fixture
def exempt_meeting(panel):
    meeting = MeetingFactory(panel=panel, start=at(2023, 7, 27))
    public = AgendaItemFactory(meeting=meeting, number="1", order=1, title="Open", description="Open words")
    exempt = AgendaItemFactory(
        meeting=meeting,
        number="2",
        order=2,
        title="Closed",
        description="Closed words",
        exempt=True,
        exempt_paragraph=ExemptParagraph.CRIME,
        exempt_reason="Closed reason",
        page_start=5,
        page_end=9,
    )
    MinuteItemFactory(meeting=meeting, agenda_item=public, number=10, order=1, title="Open", text="Open minute")
    closed_minute = MinuteItemFactory(
        meeting=meeting,
        agenda_item=exempt,
        number=11,
        order=2,
        title="Closed",
        text="Closed minute",
        resolutions="Closed resolution",
    )
    MinuteItemFactory(meeting=meeting, number=12, order=3, title="Any other business", text="None")
    motion = Vote.objects.create(
        meeting=meeting,
        minute_item=closed_minute,
        kind=VoteKind.MOTION,
        motion="Closed motion",
        result=VoteResult.CARRIED,
    )
    assert motion.pk
    return meeting, exempt


class TestMeetingLists:
    def test_years_latest_first_live_only(self, panel):
        MeetingFactory(panel=panel, start=at(2022, 2, 1))
        MeetingFactory(panel=panel, start=at(2023, 2, 1))
        MeetingFactory(panel=panel, start=at(2023, 9, 1))
        MeetingFactory(panel=panel, start=at(2024, 2, 1), is_deleted=True)
        MeetingFactory(start=at(2025, 2, 1))
        assert meeting_years(panel) == [2023, 2022]

    def test_year_is_the_uk_year(self, panel):
        # 00.30 on 1 January 2024 in London is still 2024 in UTC in winter; in summer, the day moves.
        MeetingFactory(panel=panel, start=datetime.datetime(2023, 12, 31, 23, 30, tzinfo=datetime.UTC))
        assert meeting_years(panel) == [2023]

    def test_meetings_in_year_in_date_order_with_minutes_flag(self, panel):
        late = MeetingFactory(panel=panel, start=at(2023, 9, 19))
        early = MeetingFactory(panel=panel, start=at(2023, 7, 27))
        MinuteItemFactory(meeting=early)
        MeetingFactory(panel=panel, start=at(2022, 9, 19))
        meetings = list(meetings_in_year(panel, 2023))
        assert meetings == [early, late]
        assert [m.has_minutes for m in meetings] == [True, False]

    def test_next_meeting_skips_the_past_and_the_cancelled(self, panel):
        MeetingFactory(panel=panel, start=at(2020, 1, 1))
        MeetingFactory(panel=panel, start=at(2098, 1, 1), status=MeetingStatus.CANCELLED)
        following = MeetingFactory(panel=panel, start=at(2099, 1, 1), status=MeetingStatus.SCHEDULED)
        MeetingFactory(panel=panel, start=at(2100, 1, 1), status=MeetingStatus.SCHEDULED)
        assert meeting_next(panel) == following
        assert meeting_next(PanelFactory()) is None

    def test_latest_with_minutes(self, panel):
        with_minutes = [MeetingFactory(panel=panel, start=at(2023, m, 1)) for m in (1, 3, 5, 7)]
        for meeting in with_minutes:
            MinuteItemFactory(meeting=meeting)
        MeetingFactory(panel=panel, start=at(2023, 9, 1))  # no minutes yet
        deleted_minutes = MeetingFactory(panel=panel, start=at(2023, 10, 1))
        MinuteItemFactory(meeting=deleted_minutes, is_deleted=True)
        assert meetings_latest_with_minutes(panel) == with_minutes[:0:-1]


class TestMeetingGetForPublic:
    def test_withheld_item_carries_number_title_and_paragraph_only(self, panel, exempt_meeting):
        meeting, _ = exempt_meeting
        page = meeting_get_for_public(panel, meeting.slug)
        assert [(i.number, i.title, i.withheld) for i in page.agenda] == [("1", "Open", False), ("2", "Closed", True)]
        closed = page.agenda[1]
        assert (closed.description, closed.exempt_reason, closed.page_range) == ("", "", "")
        assert closed.exempt_paragraph == ExemptParagraph.CRIME

    def test_withheld_minute_and_its_votes_carry_nothing_private(self, panel, exempt_meeting):
        meeting, _ = exempt_meeting
        page = meeting_get_for_public(panel, meeting.slug)
        assert [(m.number, m.withheld) for m in page.minutes] == [(10, False), (11, True), (12, False)]
        closed = page.minutes[1]
        assert (closed.title, closed.text, closed.resolutions, closed.votes) == ("Closed", "", "", [])
        assert closed.anchor == "minute-11"
        assert page.other_votes == []
        assert "Closed motion" not in repr(page)
        for private in ("Closed words", "Closed reason", "Closed minute", "Closed resolution"):
            assert private not in repr(page)

    def test_released_item_is_public_in_full(self, panel, exempt_meeting):
        meeting, exempt = exempt_meeting
        exempt.released_at = timezone.now()
        exempt.save()
        page = meeting_get_for_public(panel, meeting.slug)
        item = page.agenda[1]
        assert not item.withheld
        assert (item.description, item.exempt_reason, item.page_range) == ("Closed words", "Closed reason", "5 - 9")
        minute = page.minutes[1]
        assert (minute.text, minute.resolutions) == ("Closed minute", "Closed resolution")
        assert [v.motion for v in minute.votes] == ["Closed motion"]

    def test_elections_with_nominees(self, panel):
        meeting = MeetingFactory(panel=panel, start=at(2023, 7, 27))
        minute = MinuteItemFactory(meeting=meeting, number=472, title="Election of Chairman")
        durkin = PersonFactory(panel=panel, name="Barry Durkin")
        MembershipFactory(person=durkin)
        harvey = PersonFactory(panel=panel, name="Liz Harvey")
        vote = Vote.objects.create(
            meeting=meeting,
            minute_item=minute,
            kind=VoteKind.ELECTION,
            office=Office.CHAIRMAN,
            result=VoteResult.ELECTED,
        )
        Nomination.objects.create(vote=vote, person=durkin, elected=True)
        Nomination.objects.create(vote=vote, person=harvey)
        Nomination.objects.create(vote=vote, person=PersonFactory(panel=panel), is_deleted=True)
        page = meeting_get_for_public(panel, meeting.slug)
        election = page.minutes[0].votes[0]
        assert election.office == "Chairman"
        assert [(n.name, n.elected) for n in election.nominees] == [
            ("Cllr Barry Durkin", True),
            ("Cllr Liz Harvey", False),
        ]
        assert [n.name for n in election.elected] == ["Cllr Barry Durkin"]
        assert election.nominees[0].person_slug == durkin.slug  # a member: linked
        assert election.nominees[1].person_slug == ""  # not a member: not linked

    def test_attendance_groups_and_substitutes(self, panel):
        meeting = MeetingFactory(panel=panel, start=at(2023, 7, 27))
        council = CouncilFactory(panel=panel, name="Shropshire Council")
        parsons = PersonFactory(panel=panel, name="Tony Parsons")
        seat = MembershipFactory(person=parsons, council=council)
        AttendanceFactory(meeting=meeting, person=parsons, status=AttendanceStatus.APOLOGIES, order=1)
        AttendanceFactory(
            meeting=meeting,
            person=PersonFactory(panel=panel, name="Caroline Bagnall"),
            status=AttendanceStatus.SUBSTITUTE,
            substitute_for=seat,
            council=council,
            order=2,
        )
        AttendanceFactory(
            meeting=meeting,
            person=PersonFactory(panel=panel, title="", name="Alison Spall", role_title="Scrutiny Officer"),
            status=AttendanceStatus.IN_ATTENDANCE,
            order=3,
        )
        AttendanceFactory(meeting=meeting, status=AttendanceStatus.ABSENT, order=4, is_deleted=True)
        page = meeting_get_for_public(panel, meeting.slug)
        assert [a.name for a in page.apologies] == ["Cllr Tony Parsons"]
        sub = page.substitutes[0]
        assert (sub.name, sub.substitute_for, sub.substitute_for_council) == (
            "Cllr Caroline Bagnall",
            "Tony Parsons",
            "Shropshire Council",
        )
        assert page.also_attended[0].role == "Scrutiny Officer"
        assert page.absent == []

    def test_unknown_deleted_and_other_panels_meetings_raise(self, panel):
        MeetingFactory(panel=panel, start=at(2023, 7, 27), is_deleted=True)
        other = MeetingFactory(start=at(2023, 7, 28))
        for slug in ("2023-07-27", other.slug, "2023-07-29"):
            with pytest.raises(Meeting.DoesNotExist):
                meeting_get_for_public(panel, slug)

    def test_queries_do_not_grow_with_the_meeting(self, panel, django_assert_num_queries):
        small = MeetingFactory(panel=panel, start=at(2023, 1, 1))
        large = MeetingFactory(panel=panel, start=at(2023, 2, 1))
        for meeting, n in ((small, 1), (large, 15)):
            for i in range(n):
                item = AgendaItemFactory(meeting=meeting, exempt=i == 0, exempt_paragraph=1 if i == 0 else None)
                MinuteItemFactory(meeting=meeting, agenda_item=item)
                AttendanceFactory(meeting=meeting)
        # Nine: no votes here, so Django skips the nominations query (ten with an election).
        with django_assert_num_queries(9):
            meeting_get_for_public(panel, small.slug)
        with django_assert_num_queries(9):
            meeting_get_for_public(panel, large.slug)


class TestMeetingsForCalendar:
    def test_titles_only(self, panel, exempt_meeting, django_assert_num_queries):
        MeetingFactory(panel=panel, start=at(2023, 9, 19), status=MeetingStatus.CANCELLED)
        MeetingFactory(panel=panel, start=at(2023, 10, 19), is_deleted=True)
        with django_assert_num_queries(2):
            entries = meetings_for_calendar(panel)
        assert [e.meeting.slug for e in entries] == ["2023-07-27", "2023-09-19"]
        assert [(i.number, i.title, i.withheld) for i in entries[0].agenda] == [
            ("1", "Open", False),
            ("2", "Closed", True),
        ]
        assert all(i.description == "" for i in entries[0].agenda)
