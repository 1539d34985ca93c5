"""A small West Mercia, shaped like the seed's agenda of 19 September 2023 and minutes of 27 July 2023."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.meetings.choices import AttendanceStatus, DeclarationsState, ExemptParagraph, MeetingStatus, VoteKind
from scrutiny.meetings.models import AgendaItem, Meeting, MinuteItem
from scrutiny.meetings.tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.choices import DatePrecision, EndReason, MembershipKind, Office
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

from .factories import NominationFactory, VoteFactory

LONDON = ZoneInfo("Europe/London")

# Words that must never reach the public while item 9 is exempt and unreleased (no characters that HTML
# escaping would change, so that searching a page for them is a fair test).
SECRET_DESCRIPTION = "Heads of terms for the sale of Hindlip Park"
SECRET_REASON = "Disclosure would prejudice the negotiating position of the Commissioner"
SECRET_MINUTE = "The panel noted the proposed sale price of four million pounds"
SECRET_RESOLUTION = "The Commissioner be advised to accept the second bid"


@dataclass
class WestMercia:
    panel: object
    july: Meeting
    september: Meeting
    future: Meeting
    exempt_item: AgendaItem
    exempt_minute: MinuteItem
    durkin: object
    parsons: object
    bowen: object
    officer: object


@pytest.fixture
def staff_user(db):
    return UserFactory()


@pytest.fixture
def west_mercia(db) -> WestMercia:
    panel = PanelFactory(
        slug="west-mercia",
        name="West Mercia Police and Crime Panel",
        policing_area="West Mercia",
        force="West Mercia Police",
        commissioner="John Champion",
        purpose="The panel scrutinises the decisions and actions of the West Mercia Police and Crime Commissioner.",
    )
    officer = PersonFactory(
        panel=panel,
        title="",
        name="Samantha Morris",
        slug="samantha-morris",
        role_title="Scrutiny Officer",
        email="sjmorris@worcestershire.gov.uk",
        phone="01905 844963",
    )
    panel.contact_officer = officer
    panel.save()
    herefordshire = CouncilFactory(panel=panel, name="Herefordshire Council", slug="herefordshire")
    shropshire = CouncilFactory(panel=panel, name="Shropshire Council", slug="shropshire")
    wyre_forest = CouncilFactory(panel=panel, name="Wyre Forest District Council", slug="wyre-forest")

    durkin = PersonFactory(panel=panel, name="Barry Durkin", slug="barry-durkin")
    durkin_seat = MembershipFactory(
        person=durkin, kind=MembershipKind.APPOINTED, council=herefordshire, start_date=datetime.date(2023, 5, 25)
    )
    OfficeHolderFactory(
        membership=durkin_seat,
        office=Office.CHAIRMAN,
        start_date=datetime.date(2023, 7, 27),
        term_ends=datetime.date(2024, 7, 1),
    )
    adams = PersonFactory(panel=panel, name="Rob Adams", slug="rob-adams")
    adams_seat = MembershipFactory(person=adams, council=CouncilFactory(panel=panel, name="Wychavon District Council"))
    OfficeHolderFactory(
        membership=adams_seat,
        office=Office.VICE_CHAIRMAN,
        title_as_printed="Vice Chair",
        start_date=datetime.date(2023, 7, 27),
    )
    parsons = PersonFactory(panel=panel, name="Tony Parsons", slug="tony-parsons")
    parsons_seat = MembershipFactory(
        person=parsons, kind=MembershipKind.CO_OPTED_COUNCILLOR, council=shropshire, start_date=None
    )
    onslow = PersonFactory(panel=panel, name="Tracey Onslow", slug="tracey-onslow")
    onslow_seat = MembershipFactory(person=onslow, council=wyre_forest, start_date=datetime.date(2023, 5, 25))
    clive = PersonFactory(panel=panel, title="Mrs", name="C Clive", slug="c-clive")
    MembershipFactory(person=clive, kind=MembershipKind.INDEPENDENT, council=None)
    bowen = PersonFactory(panel=panel, name="Sebastian Bowen", slug="sebastian-bowen")
    MembershipFactory(
        person=bowen,
        council=shropshire,
        start_date=datetime.date(2012, 1, 1),
        start_precision=DatePrecision.YEAR,
        end_date=datetime.date(2023, 7, 1),
        end_precision=DatePrecision.MONTH,
        end_reason=EndReason.RETIRED,
    )
    bagnall = PersonFactory(panel=panel, name="Caroline Bagnall", slug="caroline-bagnall")
    harrison = PersonFactory(panel=panel, name="Paul Harrison", slug="paul-harrison")
    champion = PersonFactory(panel=panel, title="", name="John Champion", slug="john-champion")

    july = MeetingFactory(
        panel=panel,
        start=datetime.datetime(2023, 7, 27, 11, 0, tzinfo=LONDON),
        venue="County Hall, Worcester",
        status=MeetingStatus.HELD,
        ended_at=datetime.time(13, 50),
        date_of_issue=datetime.date(2023, 7, 19),
        declarations_state=DeclarationsState.NONE,
        contact_officer=officer,
    )
    AgendaItemFactory(meeting=july, number="1", order=1, title="Welcome and Introductions", description="")
    annual = AgendaItemFactory(
        meeting=july, number="7", order=7, title="Annual Report of the PCC", description="To review the draft report."
    )
    exempt_item = AgendaItemFactory(
        meeting=july,
        number="9",
        order=9,
        title="Estates disposal",
        description=SECRET_DESCRIPTION,
        exempt=True,
        exempt_paragraph=ExemptParagraph.FINANCIAL,
        exempt_reason=SECRET_REASON,
    )
    election = MinuteItemFactory(
        meeting=july, number=472, order=1, title="Election of Chairman", text="Nominations were received."
    )
    vote = VoteFactory(meeting=july, minute_item=election, kind=VoteKind.ELECTION, office=Office.CHAIRMAN)
    NominationFactory(vote=vote, person=durkin, elected=True)
    NominationFactory(vote=vote, person=PersonFactory(panel=panel, name="Liz Harvey", slug="liz-harvey"))
    MinuteItemFactory(
        meeting=july,
        number=480,
        order=9,
        agenda_item=annual,
        title="Annual Report of the PCC",
        text=(
            "The PCC introduced his Draft Annual Report.\n\n"
            "- The lack of progress on visibility.\n- Funding for victims."
        ),
        resolutions="The Chairman would write to the PCC.",
    )
    exempt_minute = MinuteItemFactory(
        meeting=july,
        number=486,
        order=15,
        agenda_item=exempt_item,
        title="Estates disposal",
        text=SECRET_MINUTE,
        resolutions=SECRET_RESOLUTION,
    )
    AttendanceFactory(meeting=july, person=durkin, status=AttendanceStatus.PRESENT, role_as_written="Chairman", order=1)
    AttendanceFactory(meeting=july, person=clive, status=AttendanceStatus.PRESENT, order=2)
    AttendanceFactory(meeting=july, person=parsons, status=AttendanceStatus.APOLOGIES, order=3)
    AttendanceFactory(meeting=july, person=onslow, status=AttendanceStatus.APOLOGIES, order=4)
    AttendanceFactory(
        meeting=july,
        person=bagnall,
        status=AttendanceStatus.SUBSTITUTE,
        substitute_for=parsons_seat,
        council=shropshire,
        order=5,
    )
    AttendanceFactory(
        meeting=july,
        person=harrison,
        status=AttendanceStatus.SUBSTITUTE,
        substitute_for=onslow_seat,
        council=wyre_forest,
        order=6,
    )
    AttendanceFactory(
        meeting=july,
        person=champion,
        status=AttendanceStatus.IN_ATTENDANCE,
        role_as_written="West Mercia Police & Crime Commissioner",
        order=7,
    )

    september = MeetingFactory(
        panel=panel,
        start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON),
        venue="County Hall, Worcester",
        status=MeetingStatus.SCHEDULED,
        date_of_issue=datetime.date(2023, 9, 11),
    )
    AgendaItemFactory(
        meeting=september,
        number="5",
        order=5,
        title="Confirmation of the Minutes of the previous meeting",
        description="To confirm the Minutes of the Panel meeting held on 27 July 2023.",
        page_start=1,
        page_end=10,
    )
    future = MeetingFactory(
        panel=panel,
        start=datetime.datetime(2099, 2, 3, 14, 30, tzinfo=LONDON),
        venue="Shirehall, Shrewsbury",
        status=MeetingStatus.SCHEDULED,
    )
    return WestMercia(
        panel=panel,
        july=july,
        september=september,
        future=future,
        exempt_item=exempt_item,
        exempt_minute=exempt_minute,
        durkin=durkin,
        parsons=parsons,
        bowen=bowen,
        officer=officer,
    )
