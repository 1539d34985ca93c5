"""Reads for the public pages: former members, the membership summary and a member's attendance record."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from scrutiny.meetings.choices import AttendanceStatus, MeetingStatus
from scrutiny.meetings.tests.factories import AttendanceFactory, MeetingFactory
from scrutiny.members.choices import EndReason, MembershipKind, Office
from scrutiny.members.models import Person
from scrutiny.members.selectors import (
    AttendanceOutcome,
    member_attendance,
    member_attendance_record,
    membership_summary,
    memberships_current_on,
    memberships_former,
    person_get_for_public,
)
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

LONDON = ZoneInfo("Europe/London")
TODAY = datetime.date(2024, 1, 1)
pytestmark = pytest.mark.django_db


def meeting_on(panel, day: datetime.date, **fields):
    return MeetingFactory(panel=panel, start=datetime.datetime.combine(day, datetime.time(11), tzinfo=LONDON), **fields)


class TestMembershipsFormer:
    def test_ended_memberships_of_people_no_longer_on_the_panel(self):
        panel = PanelFactory()
        gone = MembershipFactory(
            person=PersonFactory(panel=panel),
            end_date=datetime.date(2023, 5, 1),
            end_reason=EndReason.RETIRED,
        )
        earlier = MembershipFactory(
            person=PersonFactory(panel=panel),
            start_date=datetime.date(2012, 1, 1),
            end_date=datetime.date(2019, 5, 1),
            end_reason=EndReason.TERM_ENDED,
        )
        returned = PersonFactory(panel=panel)
        MembershipFactory(person=returned, end_date=datetime.date(2021, 5, 1), end_reason=EndReason.STOOD_DOWN)
        MembershipFactory(person=returned, start_date=datetime.date(2022, 5, 1))
        MembershipFactory(person=PersonFactory(panel=panel), end_date=datetime.date(2023, 1, 1), is_deleted=True)
        assert list(memberships_former(panel, TODAY)) == [gone, earlier]


class TestMembershipSummary:
    def test_counts_by_kind_and_office_holders(self, django_assert_num_queries):
        panel = PanelFactory()
        chair = MembershipFactory(person=PersonFactory(panel=panel))
        OfficeHolderFactory(membership=chair, office=Office.CHAIRMAN, start_date=datetime.date(2023, 7, 27))
        vice = MembershipFactory(person=PersonFactory(panel=panel), kind=MembershipKind.CO_OPTED_COUNCILLOR)
        OfficeHolderFactory(membership=vice, office=Office.VICE_CHAIRMAN, start_date=datetime.date(2023, 7, 27))
        MembershipFactory(person=PersonFactory(panel=panel), kind=MembershipKind.INDEPENDENT, council=None)
        memberships = list(memberships_current_on(panel, TODAY))
        with django_assert_num_queries(0):
            summary = membership_summary(memberships)
        assert (summary.appointed_councillors, summary.co_opted_councillors, summary.independent_members) == (1, 1, 1)
        assert summary.total == 3
        assert summary.chairman == chair
        assert summary.vice_chairman == vice

    def test_vacant_offices(self):
        panel = PanelFactory()
        MembershipFactory(person=PersonFactory(panel=panel))
        summary = membership_summary(memberships_current_on(panel, TODAY))
        assert summary.chairman is None
        assert summary.vice_chairman is None


class TestPersonGetForPublic:
    def test_members_only(self):
        panel = PanelFactory()
        member = PersonFactory(panel=panel, slug="member")
        MembershipFactory(person=member)
        PersonFactory(panel=panel, slug="officer")
        gone = PersonFactory(panel=panel, slug="gone")
        MembershipFactory(person=gone, is_deleted=True)
        assert person_get_for_public(panel, "member") == member
        for slug in ("officer", "gone", "nobody"):
            with pytest.raises(Person.DoesNotExist):
                person_get_for_public(panel, slug)
        with pytest.raises(Person.DoesNotExist):
            person_get_for_public(PanelFactory(), "member")


class TestMemberAttendance:
    @pytest.fixture
    def panel(self):
        return PanelFactory()

    def test_counts_each_outcome_over_held_meetings_within_the_membership(self, panel):
        """GIVEN a member from 1 March 2023 to 31 December 2023 and meetings before, during and after
        WHEN their record is read
        THEN only the held meetings within the membership whose attendance is recorded count, each by its outcome;
        a held meeting with no attendance recorded yet counts against no one."""
        council = CouncilFactory(panel=panel)
        person = PersonFactory(panel=panel)
        seat = MembershipFactory(
            person=person,
            council=council,
            start_date=datetime.date(2023, 3, 1),
            end_date=datetime.date(2023, 12, 31),
            end_reason=EndReason.REPLACED,
        )
        before = meeting_on(panel, datetime.date(2023, 2, 1))
        present = meeting_on(panel, datetime.date(2023, 3, 1))  # the first day counts
        substituted = meeting_on(panel, datetime.date(2023, 5, 1))
        apologies = meeting_on(panel, datetime.date(2023, 7, 1))
        absent = meeting_on(panel, datetime.date(2023, 9, 1))
        unrecorded = meeting_on(panel, datetime.date(2023, 11, 1), status=MeetingStatus.SCHEDULED)  # past: held
        AttendanceFactory(meeting=unrecorded, person=PersonFactory(panel=panel))  # others' attendance is recorded
        meeting_on(panel, datetime.date(2023, 11, 10))  # held, but no attendance recorded yet: not counted
        meeting_on(panel, datetime.date(2023, 11, 15), status=MeetingStatus.CANCELLED)
        meeting_on(panel, datetime.date(2023, 11, 20), is_deleted=True)
        meeting_on(PanelFactory(), datetime.date(2023, 11, 21))
        after = meeting_on(panel, datetime.date(2024, 1, 10))
        for meeting in (before, present, after):
            AttendanceFactory(meeting=meeting, person=person, status=AttendanceStatus.PRESENT)
        AttendanceFactory(meeting=substituted, person=person, status=AttendanceStatus.APOLOGIES)
        substitute = PersonFactory(panel=panel)
        AttendanceFactory(
            meeting=substituted,
            person=substitute,
            status=AttendanceStatus.SUBSTITUTE,
            substitute_for=seat,
            council=council,
        )
        AttendanceFactory(meeting=apologies, person=person, status=AttendanceStatus.APOLOGIES)
        AttendanceFactory(meeting=absent, person=person, status=AttendanceStatus.ABSENT)

        rows = member_attendance(person)
        assert [row.meeting for row in rows] == [unrecorded, absent, apologies, substituted, present]
        assert [row.outcome for row in rows] == [
            AttendanceOutcome.NOT_RECORDED,
            AttendanceOutcome.ABSENT,
            AttendanceOutcome.APOLOGIES,
            AttendanceOutcome.APOLOGIES_WITH_SUBSTITUTE,
            AttendanceOutcome.PRESENT,
        ]
        assert rows[3].substitute == substitute
        record = member_attendance_record(person)
        assert record.expected == 5
        assert record.present == 1
        assert record.apologies_with_substitute == 1
        assert record.apologies_without_substitute == 1
        assert record.absent == 2
        assert record.percentage == 20

    def test_membership_without_start_counts_from_the_first_meeting(self, panel):
        person = PersonFactory(panel=panel)
        MembershipFactory(person=person, start_date=None)
        first = meeting_on(panel, datetime.date(2013, 6, 1))
        AttendanceFactory(meeting=first, person=person)
        AttendanceFactory(meeting=meeting_on(panel, datetime.date(2014, 6, 1)), person=PersonFactory(panel=panel))
        record = member_attendance_record(person)
        assert (record.expected, record.present) == (2, 1)

    def test_overlapping_terms_count_a_meeting_once(self, panel):
        person = PersonFactory(panel=panel)
        MembershipFactory(person=person, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2023, 7, 27))
        MembershipFactory(person=person, kind=MembershipKind.CO_OPTED_COUNCILLOR, start_date=datetime.date(2023, 7, 27))
        AttendanceFactory(meeting=meeting_on(panel, datetime.date(2023, 7, 27)), person=person)
        assert member_attendance_record(person).expected == 1

    def test_gap_between_terms_is_not_expected(self, panel):
        person = PersonFactory(panel=panel)
        MembershipFactory(person=person, start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2019, 1, 1))
        MembershipFactory(person=person, start_date=datetime.date(2021, 1, 1))
        for day in (datetime.date(2018, 6, 1), datetime.date(2020, 6, 1), datetime.date(2021, 6, 1)):
            AttendanceFactory(meeting=meeting_on(panel, day), person=PersonFactory(panel=panel))
        assert member_attendance_record(person).expected == 2

    def test_future_meetings_are_not_expected(self, panel):
        person = PersonFactory(panel=panel)
        MembershipFactory(person=person)
        meeting_on(panel, datetime.date(2099, 1, 1), status=MeetingStatus.SCHEDULED)
        record = member_attendance_record(person)
        assert record.expected == 0
        assert record.percentage is None

    def test_no_memberships(self, panel):
        assert member_attendance_record(PersonFactory(panel=panel)).expected == 0

    def test_constant_queries_however_long_the_service(self, django_assert_num_queries):
        """Three queries for a member of one meeting and for a member of thirty."""
        for count in (1, 30):
            panel = PanelFactory()
            person = PersonFactory(panel=panel)
            MembershipFactory(person=person, start_date=datetime.date(2000, 1, 1))
            for i in range(count):
                AttendanceFactory(
                    meeting=meeting_on(panel, datetime.date(2000, 1, 2) + datetime.timedelta(days=30 * i)),
                    person=person,
                )
            with django_assert_num_queries(3):
                record = member_attendance_record(person)
            assert (record.expected, record.present) == (count, count)
