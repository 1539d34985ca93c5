"""The West Mercia demo, loaded with `manage.py load_demo_data`, against the facts of the agenda pack."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from scrutiny.meetings.checks import meeting_checks
from scrutiny.meetings.choices import AttendanceStatus, DeclarationsState, MeetingKind, MeetingStatus, VoteKind
from scrutiny.meetings.models import Meeting, MinuteItem, Vote
from scrutiny.meetings.services import next_minute_number
from scrutiny.members.choices import DatePrecision, EndReason, MembershipKind, Office
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.panels.choices import MinuteNumbering

LONDON = ZoneInfo("Europe/London")
JULY = date(2023, 7, 27)
SEPTEMBER = date(2023, 9, 19)

CURRENT_MEMBERS = {
    "Barry Durkin": ("Cllr", MembershipKind.APPOINTED, "Herefordshire Council", "Substantive Member"),
    "Rob Adams": ("Cllr", MembershipKind.APPOINTED, "Wychavon District Council", "Substantive Member"),
    "Martin Allen": ("Cllr", MembershipKind.APPOINTED, "Malvern Hills District Council", "Substantive Member"),
    "Joanne Beecham": ("Cllr", MembershipKind.APPOINTED, "Redditch Borough Council", "Substantive member"),
    "Roger Evans": ("Cllr", MembershipKind.CO_OPTED_COUNCILLOR, "Shropshire Council", "Co-opted Member"),
    "Liz Harvey": ("Cllr", MembershipKind.CO_OPTED_COUNCILLOR, "Herefordshire Council", "Co-opted Member"),
    "Helen Jones": ("Cllr", MembershipKind.APPOINTED, "Bromsgrove District Council", "Substantive Member"),
    "Nigel Lumby": ("Cllr", MembershipKind.APPOINTED, "Shropshire Council", "Substantive Member"),
    "Kelly Middleton": ("Cllr", MembershipKind.APPOINTED, "Telford and Wrekin Council", "Substantive Member"),
    "Tracey Onslow": ("Cllr", MembershipKind.APPOINTED, "Wyre Forest District Council", "Substantive Member"),
    "Richard Overton": ("Cllr", MembershipKind.CO_OPTED_COUNCILLOR, "Telford and Wrekin Council", "Co-opted Member"),
    "Vivienne Parry": ("Cllr", MembershipKind.CO_OPTED_COUNCILLOR, "Shropshire Council", "Co-opted Member"),
    "Tony Parsons": ("Cllr", MembershipKind.CO_OPTED_COUNCILLOR, "Shropshire Council", "Co-opted Member"),
    "Tom Piotrowski": ("Cllr", MembershipKind.APPOINTED, "Worcester City Council", "Substantive Member"),
    "James Stanley": ("Cllr", MembershipKind.APPOINTED, "Worcestershire County Council", "Substantive Member"),
    "C Clive": ("Mrs", MembershipKind.INDEPENDENT, None, "Co-opted Independent Lay Member"),
    "B McDowall": ("Ms", MembershipKind.INDEPENDENT, None, "Co-opted Independent Lay Member"),
}
CO_OPTED = {"Roger Evans", "Vivienne Parry", "Tony Parsons", "Liz Harvey", "Richard Overton"}
RETIRED = {"Aled Luckman", "Graham Ballinger", "Sebastian Bowen", "Nyear Nazir", "Tom Wells", "David Wright"}
JULY_MINUTES = [
    (472, "Election of Chairman", "5"),
    (473, "Election of Vice-Chairman", "6"),
    (474, "Welcome and Introductions", "1"),
    (475, "Apologies and Declarations of Interest", "3"),
    (476, "Named Substitutes", "2"),
    (477, "Public Participation", "4"),
    (478, "Appointment of Co-opted Members", "7"),
    (479, "Confirmation of the Minutes of the previous meeting", "8"),
    (480, "Annual Report of the PCC", "9"),
    (481, "2023/24 Annual Budget Metrics Report", "10"),
    (482, "Combatting Drugs Partnership", "11"),
    (483, "Most Appropriate Agency (MAA)", "12"),
    (484, "Police & Crime Plan Activity and Performance Monitoring Report", "13"),
    (485, "Work Programme", "14"),
]


def _july(panel) -> Meeting:
    return panel.meetings.get(slug="2023-07-27")


def _september(panel) -> Meeting:
    return panel.meetings.get(slug="2023-09-19")


@pytest.mark.django_db
class TestPanel:
    def test_panel_as_printed(self, demo):
        assert demo.name == "West Mercia Police and Crime Panel"
        assert demo.host_council.name == "Worcestershire County Council"
        assert (demo.policing_area, demo.force) == ("West Mercia", "West Mercia Police")
        assert demo.commissioner == "John Champion"
        assert demo.minute_numbering == MinuteNumbering.CONTINUOUS
        assert demo.first_minute_number == 472
        assert demo.address == "County Hall, Spetchley Road, Worcester WR5 2NP"
        assert demo.alternative_formats_email == "scrutiny@worcestershire.gov.uk"
        assert demo.alternative_formats_phone == "01905 844963"
        assert "two-thirds" in demo.purpose

    def test_contact_officer(self, demo):
        officer = demo.contact_officer
        assert (officer.name, officer.role_title) == ("Samantha Morris", "Scrutiny Officer")
        assert (officer.phone, officer.email) == ("01905 844963", "sjmorris@worcestershire.gov.uk")

    def test_ten_councils(self, demo):
        assert demo.councils.live().count() == 10


@pytest.mark.django_db
class TestMembers:
    def test_seventeen_current_members_with_kinds_and_councils(self, demo):
        current = Membership.objects.current_on(SEPTEMBER).filter(panel=demo).select_related("person", "council")
        found = {
            m.person.name: (m.person.title, m.kind, m.council.name if m.council else None, m.label_as_printed)
            for m in current
        }
        assert found == CURRENT_MEMBERS

    def test_co_opted_members_start_at_minute_478(self, demo):
        co_opted = Membership.objects.filter(panel=demo, start_minute__number=478)
        assert {m.person.name for m in co_opted} == CO_OPTED
        assert {m.start_date for m in co_opted} == {JULY}
        assert {m.start_minute.meeting for m in co_opted} == {_july(demo)}

    def test_other_members_start_dates_left_empty_and_explained(self, demo):
        others = Membership.objects.filter(panel=demo, end_date__isnull=True, start_minute__isnull=True)
        assert others.count() == 12
        assert all(m.start_date is None for m in others)
        new = others.filter(notes__startswith="New member welcomed at minute 474")
        assert {m.person.name for m in new} == {
            "Barry Durkin",
            "Martin Allen",
            "Joanne Beecham",
            "Kelly Middleton",
            "Tracey Onslow",
            "Tom Piotrowski",
            "James Stanley",
        }
        assert all("not recorded" in m.notes for m in others)

    def test_chairman_and_vice_chairman_elected_at_minutes_472_and_473(self, demo):
        offices = OfficeHolder.objects.current_on(SEPTEMBER).filter(membership__panel=demo)
        chairman = offices.get(office=Office.CHAIRMAN)
        vice = offices.get(office=Office.VICE_CHAIRMAN)
        assert chairman.membership.person.name == "Barry Durkin"
        assert vice.membership.person.name == "Rob Adams"
        assert vice.title == "Vice Chair"
        for holder, minute in ((chairman, 472), (vice, 473)):
            assert holder.start_date == JULY
            assert (holder.term_ends, holder.term_ends_precision) == (date(2024, 7, 1), DatePrecision.MONTH)
            assert holder.elected_at.minute_item.number == minute

    def test_six_retired_memberships_end_before_the_july_meeting(self, demo):
        retired = Membership.objects.filter(panel=demo, end_date__isnull=False).select_related("person")
        assert {m.person.name for m in retired} == RETIRED
        assert all(m.end_date < JULY and m.council is None for m in retired)
        assert all(m.kind == MembershipKind.APPOINTED and m.person.title == "Cllr" for m in retired)
        assert all("not recorded" in m.notes for m in retired)
        reasons = {m.person.name: m.end_reason for m in retired}
        assert reasons.pop("Aled Luckman") == EndReason.STOOD_DOWN
        assert set(reasons.values()) == {EndReason.RETIRED}
        bowen = retired.get(person__name="Sebastian Bowen")
        assert (bowen.start_date, bowen.start_precision) == (date(2012, 1, 1), DatePrecision.YEAR)

    def test_no_office_is_invented_for_the_former_chairman(self, demo):
        assert not OfficeHolder.objects.filter(membership__person__name="Aled Luckman").exists()
        assert "Aled Luckman had stepped down" in MinuteItem.objects.get(meeting__panel=demo, number=472).text

    def test_substitutes_are_people_without_memberships(self, demo):
        for name in ("Caroline Bagnall", "Paul Harrison"):
            person = Person.objects.get(panel=demo, name=name)
            assert person.title == "Cllr"
            assert not person.memberships.exists()


@pytest.mark.django_db
class TestJulyMeeting:
    def test_meeting_details(self, demo):
        july = _july(demo)
        assert july.start == datetime(2023, 7, 27, 11, 0, tzinfo=LONDON)
        assert july.ended_at == time(13, 50)
        assert (july.venue, july.status, july.kind) == (
            "County Hall, Worcester",
            MeetingStatus.HELD,
            MeetingKind.ORDINARY,
        )
        assert july.contact_officer.name == "Samantha Morris"
        assert "reconstructed from the minutes" in july.notes

    def test_agenda_reconstructed_without_pages(self, demo):
        items = list(_july(demo).agenda_items.live())
        assert [i.number for i in items] == [str(n) for n in range(1, 15)]
        assert (items[4].title, items[5].title) == ("Election of Chairman", "Election of Vice-Chairman")
        assert all(i.page_start is None and i.page_end is None for i in items)

    def test_minutes_472_to_485_in_order_linked_to_agenda_items(self, demo):
        minutes = list(_july(demo).minute_items.live().select_related("agenda_item"))
        assert [(m.number, m.title, m.agenda_item.number) for m in minutes] == JULY_MINUTES
        assert [m.label for m in minutes] == [str(n) for n in range(472, 486)]
        assert all(m.text for m in minutes)

    def test_elections_and_co_option_vote(self, demo):
        votes = {v.minute_item.number: v for v in Vote.objects.filter(meeting=_july(demo))}
        assert set(votes) == {472, 473, 478}
        for number, office, nominees, elected in (
            (472, Office.CHAIRMAN, {"Barry Durkin", "Liz Harvey"}, "Barry Durkin"),
            (473, Office.VICE_CHAIRMAN, {"Roger Evans", "Rob Adams"}, "Rob Adams"),
        ):
            vote = votes[number]
            assert (vote.kind, vote.office, vote.result) == (VoteKind.ELECTION, office, "elected")
            assert {n.person.name for n in vote.nominations.all()} == nominees
            assert [n.person.name for n in vote.nominations.filter(elected=True)] == [elected]
            assert vote.votes_for is None
        co_option = votes[478]
        assert (co_option.kind, co_option.result) == (VoteKind.MOTION, "unanimous")

    def test_attendance_counts(self, demo):
        """15 in the room (13 members and 2 substitutes), 4 apologies, 5 officers and guests."""
        attendances = _july(demo).attendances.live()
        counts = {status: attendances.filter(status=status).count() for status in AttendanceStatus.values}
        assert counts == {"present": 13, "substitute": 2, "apologies": 4, "absent": 0, "in_attendance": 5}
        assert counts["present"] + counts["substitute"] == 15
        assert attendances.get(person__name="Barry Durkin").role_as_written == "Chairman"
        assert attendances.get(person__name="Rob Adams").role_as_written == "Vice Chairman"
        assert attendances.get(person__name="Samantha Morris").role_as_written == (
            "Interim Democratic Governance and Scrutiny Manager"
        )

    def test_substitutes_stand_in_for_members_of_their_council(self, demo):
        substitutes = _july(demo).attendances.filter(status=AttendanceStatus.SUBSTITUTE)
        found = {(a.person.name, a.substitute_for.person.name, a.council.name) for a in substitutes}
        assert found == {
            ("Caroline Bagnall", "Tony Parsons", "Shropshire Council"),
            ("Paul Harrison", "Tracey Onslow", "Wyre Forest District Council"),
        }

    def test_no_declarations_is_recorded(self, demo):
        july = _july(demo)
        assert july.declarations_state == DeclarationsState.NONE
        assert not july.declarations.exists()

    def test_checks_warn_about_business_before_minute_478(self, demo):
        warnings = [c.message for c in meeting_checks(_july(demo)) if c.level == "warning"]
        for name in ("Roger Evans", "Liz Harvey", "Richard Overton", "Vivienne Parry"):
            assert f"Cllr {name} took part before becoming a member at minute 478 of this meeting." in warnings
        assert (
            "Cllr Caroline Bagnall stood in for Cllr Tony Parsons, whose membership began only at minute 478 "
            "of this meeting."
        ) in warnings
        assert len(warnings) == 5


@pytest.mark.django_db
class TestSeptemberMeeting:
    def test_meeting_details(self, demo):
        september = _september(demo)
        assert september.start == datetime(2023, 9, 19, 11, 0, tzinfo=LONDON)
        assert september.status == MeetingStatus.SCHEDULED
        assert september.date_of_issue == date(2023, 9, 11)
        assert september.contact_officer.name == "Samantha Morris"

    def test_agenda_page_ranges(self, demo):
        items = list(_september(demo).agenda_items.live())
        assert [i.number for i in items] == [str(n) for n in range(1, 11)]
        pages = {i.number: (i.page_start, i.page_end) for i in items if i.page_start}
        assert pages == {"5": (1, 10), "6": (11, 24), "7": (25, 34), "8": (35, 42), "9": (43, 52), "10": (53, 58)}
        assert items[6].title == "2023-24 Annual Budget Metrics report"
        assert all(i.description for i in items[3:])

    def test_next_minute_after_september_is_486(self, demo):
        """
        GIVEN the demo, whose last minute is 485 (27 July 2023)
        WHEN the next meeting (17 November 2023, which the demo schedules) minutes its business
        THEN its first minute is numbered 486
        """
        november = demo.meetings.get(slug="2023-11-17")
        assert next_minute_number(november) == (486, "486")
