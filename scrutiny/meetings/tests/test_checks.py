"""The rules' warnings on a meeting as recorded (never refusals)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from scrutiny.meetings.checks import meeting_checks, meeting_compliance
from scrutiny.meetings.choices import AttendanceStatus, MeetingStatus
from scrutiny.meetings.tests.factories import AttendanceFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.choices import MembershipKind
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.choices import Nation
from scrutiny.panels.tests.factories import PanelFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MEETING_DAY = date(2023, 9, 19)
SEATED = date(2021, 6, 1)


@pytest.fixture
def panel():
    """A panel for an area of ten councils, fully and lawfully seated: 10 appointed, 2 independents."""
    panel = PanelFactory()
    for _ in range(10):
        MembershipFactory(person__panel=panel, kind=MembershipKind.APPOINTED, start_date=SEATED)
    for _ in range(2):
        MembershipFactory(person__panel=panel, kind=MembershipKind.INDEPENDENT, start_date=SEATED)
    return panel


@pytest.fixture
def meeting(panel):
    """Tuesday 19 September 2023, agenda issued Monday 11th (five clear working days), all members present."""
    meeting = MeetingFactory(
        panel=panel,
        start=datetime.combine(MEETING_DAY, time(11, 0), tzinfo=LONDON),
        date_of_issue=date(2023, 9, 11),
        status=MeetingStatus.HELD,
    )
    for membership in panel.memberships.all():
        AttendanceFactory(meeting=meeting, person=membership.person, status=AttendanceStatus.PRESENT)
    return meeting


def _warnings(meeting):
    return [check.message for check in meeting_checks(meeting) if check.level == "warning"]


def _attendance_of(meeting, membership):
    return meeting.attendances.get(person=membership.person)


def _appointed(panel):
    return panel.memberships.filter(kind=MembershipKind.APPOINTED).select_related("person", "council").first()


class TestMeetingChecksClean:
    def test_a_clean_meeting_has_no_warnings(self, meeting):
        assert meeting_checks(meeting) == []

    def test_missing_date_of_issue_is_information_only(self, meeting):
        meeting.date_of_issue = None

        checks = meeting_checks(meeting)

        assert [(check.level, check.message) for check in checks] == [
            ("info", "The agenda's date of issue is not recorded yet.")
        ]


class TestMeetingChecksAttendance:
    def test_present_without_a_membership_on_the_day(self, meeting):
        stranger = PersonFactory(panel=meeting.panel, title="Cllr", name="Ann Nobody")
        AttendanceFactory(meeting=meeting, person=stranger, status=AttendanceStatus.PRESENT)

        assert _warnings(meeting) == [
            "Cllr Ann Nobody is recorded as present but held no membership on 19 September 2023."
        ]

    def test_present_after_the_membership_ended(self, meeting):
        """GIVEN a member whose term ended in May 2023
        WHEN they are recorded as present in September
        THEN the officer is warned (the record still stands)."""
        former = MembershipFactory(
            person__panel=meeting.panel,
            person__title="Cllr",
            person__name="Bob Former",
            council=_appointed(meeting.panel).council,
            start_date=SEATED,
        )
        former.end_date = date(2023, 5, 31)
        former.save()
        AttendanceFactory(meeting=meeting, person=former.person, status=AttendanceStatus.PRESENT)

        assert _warnings(meeting) == [
            "Cllr Bob Former is recorded as present but held no membership on 19 September 2023."
        ]

    def test_apologies_from_a_non_member_are_flagged_too(self, meeting):
        stranger = PersonFactory(panel=meeting.panel, title="Mr", name="Carl Visitor")
        AttendanceFactory(meeting=meeting, person=stranger, status=AttendanceStatus.APOLOGIES)

        assert _warnings(meeting) == [
            "Mr Carl Visitor is recorded as apologies but held no membership on 19 September 2023."
        ]

    def test_an_officer_in_attendance_needs_no_membership(self, meeting):
        officer = PersonFactory(panel=meeting.panel, title="", name="Sheena Officer")
        AttendanceFactory(meeting=meeting, person=officer, status=AttendanceStatus.IN_ATTENDANCE)

        assert _warnings(meeting) == []

    def test_present_before_being_co_opted_at_a_minute_of_this_meeting(self, meeting):
        """The seed's 27 July 2023: members took part before their re-co-option at minute 478."""
        MinuteItemFactory(meeting=meeting, number=472, label="472", order=1, title="Election of Chairman")
        minute = MinuteItemFactory(meeting=meeting, number=478, label="478", order=7)
        co_opted = MembershipFactory(
            person__panel=meeting.panel,
            person__title="Mrs",
            person__name="Dee Independent",
            kind=MembershipKind.INDEPENDENT,
            start_date=MEETING_DAY,
            start_minute=minute,
        )
        AttendanceFactory(meeting=meeting, person=co_opted.person, status=AttendanceStatus.PRESENT)

        assert _warnings(meeting) == [
            "Mrs Dee Independent took part before becoming a member at minute 478 of this meeting."
        ]

    def test_co_opted_at_the_first_minute_took_part_in_nothing_before(self, meeting):
        minute = MinuteItemFactory(meeting=meeting, number=478, label="478", order=1)
        co_opted = MembershipFactory(
            person__panel=meeting.panel, kind=MembershipKind.INDEPENDENT, start_date=MEETING_DAY, start_minute=minute
        )
        AttendanceFactory(meeting=meeting, person=co_opted.person, status=AttendanceStatus.PRESENT)

        assert _warnings(meeting) == []

    def test_a_membership_begun_at_an_earlier_meeting_is_fine(self, meeting):
        earlier = MeetingFactory(panel=meeting.panel, start=datetime(2023, 7, 27, 11, 0, tzinfo=LONDON))
        minute = MinuteItemFactory(meeting=earlier, number=478, label="478")
        co_opted = MembershipFactory(
            person__panel=meeting.panel,
            kind=MembershipKind.INDEPENDENT,
            start_date=date(2023, 7, 27),
            start_minute=minute,
        )
        AttendanceFactory(meeting=meeting, person=co_opted.person, status=AttendanceStatus.PRESENT)

        assert _warnings(meeting) == []


class TestMeetingChecksSubstitutes:
    def _stand_in(self, meeting, member, council, *, member_status=AttendanceStatus.APOLOGIES):
        attendance = _attendance_of(meeting, member)
        attendance.status = member_status
        attendance.save()
        substitute = PersonFactory(panel=meeting.panel, title="Cllr", name="Sam Substitute")
        return AttendanceFactory(
            meeting=meeting,
            person=substitute,
            status=AttendanceStatus.SUBSTITUTE,
            substitute_for=member,
            council=council,
        )

    def test_same_council_and_apologies_is_fine(self, meeting):
        member = _appointed(meeting.panel)

        self._stand_in(meeting, member, member.council)

        assert _warnings(meeting) == []

    def test_substitute_named_by_another_council(self, meeting):
        member, neighbour = meeting.panel.memberships.filter(kind=MembershipKind.APPOINTED)[:2]

        self._stand_in(meeting, member, neighbour.council)

        assert _warnings(meeting) == [f"The substitute for {member.person} was not named by {member.council}."]

    def test_member_who_sent_no_apologies(self, meeting):
        member = _appointed(meeting.panel)

        self._stand_in(meeting, member, member.council, member_status=AttendanceStatus.ABSENT)

        assert _warnings(meeting) == [f"{member.person} did not send apologies, yet a substitute stood in."]

    def test_member_not_appointed_by_a_council(self, meeting):
        independent = meeting.panel.memberships.filter(kind=MembershipKind.INDEPENDENT).first()

        self._stand_in(meeting, independent, None)

        assert _warnings(meeting) == [
            f"{independent.person} was not appointed by a council, so no substitute can stand in."
        ]

    def test_member_whose_membership_began_at_a_minute_of_this_meeting(self, meeting):
        """GIVEN a councillor appointed at minute 478 of this very meeting, who sent apologies
        WHEN a substitute from their council stood in
        THEN the officer is warned that the membership began only at that minute."""
        minute = MinuteItemFactory(meeting=meeting, number=478, label="478")
        member = MembershipFactory(
            person__panel=meeting.panel,
            person__title="Cllr",
            person__name="Eve Newcomer",
            kind=MembershipKind.CO_OPTED_COUNCILLOR,
            council=_appointed(meeting.panel).council,
            start_date=MEETING_DAY,
            start_minute=minute,
        )
        # A third non-councillor co-optee keeps the composition lawful with a co-opted councillor.
        MembershipFactory(person__panel=meeting.panel, kind=MembershipKind.INDEPENDENT, start_date=SEATED)
        AttendanceFactory(meeting=meeting, person=member.person, status=AttendanceStatus.APOLOGIES)

        self._stand_in(meeting, member, member.council, member_status=AttendanceStatus.APOLOGIES)

        assert _warnings(meeting) == [
            "Cllr Sam Substitute stood in for Cllr Eve Newcomer, whose membership began only at minute 478 of this "
            "meeting."
        ]

    def test_member_not_in_office_on_the_day(self, meeting):
        member = MembershipFactory(
            person__panel=meeting.panel,
            person__title="Cllr",
            person__name="Fay Gone",
            council=_appointed(meeting.panel).council,
            start_date=SEATED,
        )
        member.end_date = date(2023, 5, 31)
        member.save()
        AttendanceFactory(meeting=meeting, person=member.person, status=AttendanceStatus.APOLOGIES)

        self._stand_in(meeting, member, member.council)

        warnings = _warnings(meeting)
        assert "Cllr Sam Substitute stood in for Cllr Fay Gone, who was not a member on 19 September 2023." in warnings


class TestMeetingChecksClearDays:
    def test_too_few_clear_days_without_an_urgency_reason(self, meeting):
        meeting.date_of_issue = date(2023, 9, 12)

        assert _warnings(meeting) == [
            "The agenda was issued 4 clear days before the meeting; 5 are required (LGA 1972 s100B). "
            "No urgency reason is recorded."
        ]

    def test_too_few_clear_days_with_the_urgency_reason(self, meeting):
        meeting.date_of_issue = date(2023, 9, 14)
        meeting.urgency_reason = "The PCC's proposed precept arrived late."

        (warning,) = _warnings(meeting)

        assert "issued 2 clear days" in warning
        assert "5 are required" in warning
        assert "Urgency reason recorded: The PCC's proposed precept arrived late." in warning

    def test_wales_needs_only_three(self, meeting):
        meeting.panel.nation = Nation.WALES
        meeting.date_of_issue = date(2023, 9, 13)

        assert _warnings(meeting) == []

    def test_compliance_summary(self, meeting):
        compliance = meeting_compliance(meeting)

        assert compliance["clear_days"] == 5
        assert compliance["required_clear_days"] == 5
        assert compliance["clear_days_met"] is True
        assert compliance["participation_deadline"] == datetime(2023, 9, 18, 9, 0, tzinfo=LONDON)


class TestMeetingChecksComposition:
    def test_too_few_co_opted_members(self, meeting):
        independent = meeting.panel.memberships.filter(kind=MembershipKind.INDEPENDENT).first()
        independent.end_date = date(2023, 8, 31)
        independent.save()
        meeting.attendances.filter(person=independent.person).delete()

        assert _warnings(meeting) == ["Composition on 19 September 2023: 1 co-opted members; at least 2 are required."]

    def test_a_deleted_membership_does_not_count(self, meeting):
        member = _appointed(meeting.panel)
        member.is_deleted = True
        member.save()
        meeting.attendances.filter(person=member.person).delete()

        (warning,) = _warnings(meeting)

        assert warning.startswith("Composition on 19 September 2023: 9 appointed councillor members")
