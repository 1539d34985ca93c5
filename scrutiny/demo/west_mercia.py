"""The West Mercia Police and Crime Panel demo, as data: facts and figures from the agenda pack for the
meeting of 19 September 2023 (its cover page and the minutes of 27 July 2023).

Names, titles, dates, numbers and roles are taken as printed. Every sentence (minute texts, resolutions,
agenda descriptions, the panel's purpose) is written afresh for the demo: it summarises the record, it
does not quote it. Where the record is silent (most appointment dates, when the retiring members left),
the data says so rather than guess; `services.west_mercia_demo_load` writes it through the services.
"""

from dataclasses import dataclass
from datetime import date, time

from scrutiny.meetings.choices import AttendanceStatus, VoteResult
from scrutiny.members.choices import DatePrecision, EndReason, MembershipKind, Office

PANEL_SLUG = "west-mercia"

PANEL = {
    "name": "West Mercia Police and Crime Panel",
    "slug": PANEL_SLUG,
    "policing_area": "West Mercia",
    "force": "West Mercia Police",
    "commissioner": "John Champion",
    "address": "County Hall, Spetchley Road, Worcester WR5 2NP",
    "website": "https://www.worcestershire.gov.uk",
    "alternative_formats_email": "scrutiny@worcestershire.gov.uk",
    "alternative_formats_phone": "01905 844963",
    "first_minute_number": 472,
    "purpose": (
        "The Panel holds West Mercia's Police and Crime Commissioner to account, offering support and "
        "challenge in equal measure. Under the Police Reform and Social Responsibility Act 2011 it reviews "
        "the Commissioner's Police and Crime Plan and his annual report, questions him in public, and holds "
        "confirmation hearings on his choice of senior appointments. It can veto the precept he proposes, "
        "but only by a vote of two-thirds of its whole membership."
    ),
}

HOST_COUNCIL = "Worcestershire County Council"

# In the order the facts list them.
COUNCILS = [
    "Herefordshire Council",
    "Wychavon District Council",
    "Malvern Hills District Council",
    "Redditch Borough Council",
    "Shropshire Council",
    "Bromsgrove District Council",
    "Telford and Wrekin Council",
    "Wyre Forest District Council",
    "Worcester City Council",
    "Worcestershire County Council",
]


@dataclass(frozen=True)
class PersonFact:
    """Anyone the records name who is not a member: officers, guests, substitutes."""

    key: str
    title: str
    name: str
    role_title: str = ""
    email: str = ""
    phone: str = ""


CONTACT_OFFICER = PersonFact(
    key="morris",
    title="",
    name="Samantha Morris",
    role_title="Scrutiny Officer",
    email="sjmorris@worcestershire.gov.uk",
    phone="01905 844963",
)

OFFICERS = [
    CONTACT_OFFICER,
    PersonFact(key="champion", title="", name="John Champion", role_title="West Mercia Police & Crime Commissioner"),
    PersonFact(
        key="boulton",
        title="",
        name="Gareth Boulton",
        role_title="Chief Executive, Office of the West Mercia Police & Crime Commissioner",
    ),
    PersonFact(
        key="boote", title="", name="Andrew Boote", role_title="Head of Service for Safer Communities (Public Health)"
    ),
    PersonFact(key="spall", title="", name="Alison Spall", role_title="Overview and Scrutiny Officer"),
]

SUBSTITUTES = [
    PersonFact(key="bagnall", title="Cllr", name="Caroline Bagnall"),
    PersonFact(key="harrison", title="Cllr", name="Paul Harrison"),
]

NOTE_NEW_MEMBER = "New member welcomed at minute 474; appointment date not recorded."
NOTE_NOT_RECORDED = "Appointment date not recorded."
NOTE_CO_OPTED = "Co-opted unanimously at minute 478 of 27 July 2023."
NOTE_CO_OPTED_EARLIER = (
    NOTE_CO_OPTED + " Took part in the same meeting before that minute (see minute {minute}), which suggests an "
    "earlier co-option that the record does not show."
)


@dataclass(frozen=True)
class MemberFact:
    """A current member as listed on the 19 September 2023 agenda cover."""

    key: str
    title: str
    name: str
    kind: str
    council: str | None
    label: str
    notes: str
    co_opted_at_478: bool = False


MEMBERS = [
    MemberFact(
        "durkin",
        "Cllr",
        "Barry Durkin",
        MembershipKind.APPOINTED,
        "Herefordshire Council",
        "Substantive Member",
        NOTE_NEW_MEMBER
        + " Minute 473 says his election as Chairman left the vice-chairmanship vacant, so he was probably "
        "Vice-Chairman before; that earlier office is not recorded.",
    ),
    MemberFact(
        "adams",
        "Cllr",
        "Rob Adams",
        MembershipKind.APPOINTED,
        "Wychavon District Council",
        "Substantive Member",
        NOTE_NOT_RECORDED,
    ),
    MemberFact(
        "allen",
        "Cllr",
        "Martin Allen",
        MembershipKind.APPOINTED,
        "Malvern Hills District Council",
        "Substantive Member",
        NOTE_NEW_MEMBER,
    ),
    MemberFact(
        "beecham",
        "Cllr",
        "Joanne Beecham",
        MembershipKind.APPOINTED,
        "Redditch Borough Council",
        "Substantive member",
        NOTE_NEW_MEMBER,
    ),
    MemberFact(
        "evans",
        "Cllr",
        "Roger Evans",
        MembershipKind.CO_OPTED_COUNCILLOR,
        "Shropshire Council",
        "Co-opted Member",
        NOTE_CO_OPTED_EARLIER.format(minute=473),
        co_opted_at_478=True,
    ),
    MemberFact(
        "harvey",
        "Cllr",
        "Liz Harvey",
        MembershipKind.CO_OPTED_COUNCILLOR,
        "Herefordshire Council",
        "Co-opted Member",
        NOTE_CO_OPTED_EARLIER.format(minute=472),
        co_opted_at_478=True,
    ),
    MemberFact(
        "jones",
        "Cllr",
        "Helen Jones",
        MembershipKind.APPOINTED,
        "Bromsgrove District Council",
        "Substantive Member",
        NOTE_NOT_RECORDED,
    ),
    MemberFact(
        "lumby",
        "Cllr",
        "Nigel Lumby",
        MembershipKind.APPOINTED,
        "Shropshire Council",
        "Substantive Member",
        NOTE_NOT_RECORDED,
    ),
    MemberFact(
        "middleton",
        "Cllr",
        "Kelly Middleton",
        MembershipKind.APPOINTED,
        "Telford and Wrekin Council",
        "Substantive Member",
        NOTE_NEW_MEMBER,
    ),
    MemberFact(
        "onslow",
        "Cllr",
        "Tracey Onslow",
        MembershipKind.APPOINTED,
        "Wyre Forest District Council",
        "Substantive Member",
        NOTE_NEW_MEMBER,
    ),
    MemberFact(
        "overton",
        "Cllr",
        "Richard Overton",
        MembershipKind.CO_OPTED_COUNCILLOR,
        "Telford and Wrekin Council",
        "Co-opted Member",
        NOTE_CO_OPTED,
        co_opted_at_478=True,
    ),
    MemberFact(
        "parry",
        "Cllr",
        "Vivienne Parry",
        MembershipKind.CO_OPTED_COUNCILLOR,
        "Shropshire Council",
        "Co-opted Member",
        NOTE_CO_OPTED,
        co_opted_at_478=True,
    ),
    MemberFact(
        "parsons",
        "Cllr",
        "Tony Parsons",
        MembershipKind.CO_OPTED_COUNCILLOR,
        "Shropshire Council",
        "Co-opted Member",
        NOTE_CO_OPTED,
        co_opted_at_478=True,
    ),
    MemberFact(
        "piotrowski",
        "Cllr",
        "Tom Piotrowski",
        MembershipKind.APPOINTED,
        "Worcester City Council",
        "Substantive Member",
        NOTE_NEW_MEMBER,
    ),
    MemberFact(
        "stanley",
        "Cllr",
        "James Stanley",
        MembershipKind.APPOINTED,
        "Worcestershire County Council",
        "Substantive Member",
        NOTE_NEW_MEMBER,
    ),
    MemberFact(
        "clive",
        "Mrs",
        "C Clive",
        MembershipKind.INDEPENDENT,
        None,
        "Co-opted Independent Lay Member",
        NOTE_NOT_RECORDED,
    ),
    MemberFact(
        "mcdowall",
        "Ms",
        "B McDowall",
        MembershipKind.INDEPENDENT,
        None,
        "Co-opted Independent Lay Member",
        NOTE_NOT_RECORDED,
    ),
]

# The record says only that these members had retired by 27 July 2023 (minute 474).
RETIRED_END_DATE = date(2023, 7, 26)
NOTE_RETIRED = (
    "Thanked as a retiring member at minute 474 of 27 July 2023. The date the membership ended is not "
    "recorded: the day before that meeting stands in for it. The appointing council is not recorded."
)


@dataclass(frozen=True)
class RetiredMemberFact:
    key: str
    name: str
    reason: str
    notes: str = NOTE_RETIRED
    start_date: date | None = None
    start_precision: str = DatePrecision.DAY


RETIRED_MEMBERS = [
    RetiredMemberFact(
        "luckman",
        "Aled Luckman",
        EndReason.STOOD_DOWN,
        NOTE_RETIRED + " Had stood down as Chairman (minute 472); when he became Chairman is not recorded, so "
        "no office is recorded for him.",
    ),
    RetiredMemberFact("ballinger", "Graham Ballinger", EndReason.RETIRED),
    RetiredMemberFact(
        "bowen",
        "Sebastian Bowen",
        EndReason.RETIRED,
        NOTE_RETIRED + " A member since 2012 (minute 474); the day and month are not recorded.",
        start_date=date(2012, 1, 1),
        start_precision=DatePrecision.YEAR,
    ),
    RetiredMemberFact("nazir", "Nyear Nazir", EndReason.RETIRED),
    RetiredMemberFact("wells", "Tom Wells", EndReason.RETIRED),
    RetiredMemberFact("wright", "David Wright", EndReason.RETIRED),
]

# 27 July 2023 -------------------------------------------------------------------------------------------

JULY = {
    "date": date(2023, 7, 27),
    "time": time(11, 0),
    "venue": "County Hall, Worcester",
    "ended_at": time(13, 50),
    "notes": (
        "The agenda is reconstructed from the minutes: they say the two elections were items 5 and 6 and were "
        "taken first; the numbering of the other items is inferred, and page numbers are not known.\n\n"
        "Papers before members: A, the agenda papers, and B, the record of the 3 February 2023 meeting (both "
        "sent out beforehand).\n\n"
        "Several members took part before they were co-opted at minute 478, and Councillor Bagnall stood in for "
        "Councillor Parsons, whose co-option came at the same minute. The record keeps the business in the "
        "order it was taken."
    ),
}

# (number, title): the business minuted, in a plausible agenda order.
JULY_AGENDA = [
    ("1", "Welcome and Introductions"),
    ("2", "Named Substitutes"),
    ("3", "Apologies and Declarations of Interest"),
    ("4", "Public Participation"),
    ("5", "Election of Chairman"),
    ("6", "Election of Vice-Chairman"),
    ("7", "Appointment of Co-opted Members"),
    ("8", "Confirmation of the Minutes of the previous meeting"),
    ("9", "Annual Report of the PCC"),
    ("10", "2023/24 Annual Budget Metrics Report"),
    ("11", "Combatting Drugs Partnership"),
    ("12", "Most Appropriate Agency"),
    ("13", "Police & Crime Plan Activity and Performance Monitoring Report"),
    ("14", "Work Programme"),
]


@dataclass(frozen=True)
class MinuteFact:
    number: int
    title: str
    agenda_number: str
    text: str
    resolutions: str = ""


JULY_MINUTES = [
    MinuteFact(
        472,
        "Election of Chairman",
        "5",
        "The officer opening the meeting explained that the elections, items 5 and 6 on the agenda, would be "
        "taken before the rest of the business.\n\n"
        "The chair was vacant because Councillor Aled Luckman had stepped down from it. Two councillors were "
        "nominated to succeed him: Barry Durkin and Liz Harvey. Councillor Durkin won the vote and took the "
        "chair for what remains of the three-year term, which ends in July 2024.",
        "Councillor Barry Durkin elected Chairman for the rest of the term, to July 2024.",
    ),
    MinuteFact(
        473,
        "Election of Vice-Chairman",
        "6",
        "Councillor Durkin's election as Chairman left the post of Vice-Chairman empty. Two nominations were "
        "made, Councillor Roger Evans and Councillor Rob Adams, and the vote went to Councillor Adams, who will "
        "serve until the term ends in July 2024.",
        "Councillor Rob Adams elected Vice-Chairman for the rest of the term, to July 2024.",
    ),
    MinuteFact(
        474,
        "Welcome and Introductions",
        "1",
        "The Chairman thanked the six members who had left the Panel: Councillors Aled Luckman, Graham "
        "Ballinger, Sebastian Bowen, Nyear Nazir, Tom Wells and David Wright. He singled out Councillor Bowen, "
        "who had served since 2012.\n\n"
        "Seven new substantive members were introduced: Councillors Barry Durkin (Herefordshire), Martin Allen "
        "(Malvern), Joanne Beecham (Redditch), Kelly Middleton (Telford and Wrekin), Tracey Onslow (Wyre "
        "Forest), Tom Piotrowski (Worcester City) and James Stanley (Worcestershire County).\n\n"
        "The Commissioner offered new members sessions, arranged through his office, on any subject they wished "
        "to look into.",
        "The Panel to send a letter of thanks to each retiring member.",
    ),
    MinuteFact(
        475,
        "Apologies and Declarations of Interest",
        "3",
        "Councillors Joanne Beecham, Helen Jones, Tracey Onslow and Tony Parsons sent their apologies. No "
        "interests were declared.",
    ),
    MinuteFact(
        476,
        "Named Substitutes",
        "2",
        "Two named substitutes attended: Councillor Caroline Bagnall in place of Councillor Tony Parsons "
        "(Shropshire Council) and Councillor Paul Harrison in place of Councillor Tracey Onslow (Wyre Forest "
        "District Council).",
    ),
    MinuteFact(
        477,
        "Public Participation",
        "4",
        "No member of the public took part.",
    ),
    MinuteFact(
        478,
        "Appointment of Co-opted Members",
        "7",
        "The Panel co-opted five councillors without dissent: Roger Evans, Vivienne Parry and Tony Parsons "
        "(Shropshire), Liz Harvey (Herefordshire) and Richard Overton (Telford and Wrekin).",
        "Councillors Roger Evans, Vivienne Parry, Tony Parsons, Liz Harvey and Richard Overton co-opted to the "
        "Panel (unanimous).",
    ),
    MinuteFact(
        479,
        "Confirmation of the Minutes of the previous meeting",
        "8",
        "The minutes of the meeting of 3 February 2023 were approved as an accurate record, and the Chairman "
        "signed them.",
        "Minutes of 3 February 2023 confirmed.",
    ),
    MinuteFact(
        480,
        "Annual Report of the PCC",
        "9",
        "The Commissioner presented the draft of his Annual Report. The Panel reviews it and may make "
        "recommendations, to which he must reply before the final version is published.\n\n"
        "He pointed to £15m more for policing over the past year and a marked increase in officer numbers, and "
        "said more than £2m had been obtained this year for work against sexual and domestic violence and for "
        "safer spaces.\n\n"
        "Asked how many of the 500 additional officers in the report work on the front line, he could not give "
        "the share at the meeting; the Panel will receive the details. The benefits of the technology investment "
        "should show by October, with a report on its outcomes due at the February meeting. A member asked for "
        "earlier years' figures beside each indicator and a view on whether it is on track. The Commissioner "
        "offered a later report on the ethical recording of outcomes if the Panel wants one, and mentioned recent "
        "work on public perceptions in Pershore.",
        "The Chairman to write formally to the Commissioner with the Panel's comments on the draft Annual Report.",
    ),
    MinuteFact(
        481,
        "2023/24 Annual Budget Metrics Report",
        "10",
        "The report set out the key performance indicators the Commissioner and the Chief Constable agreed while "
        "setting the 2023/24 budget; they were agreed too late for the Panel's precept meeting.\n\n"
        "Members would find trends over a longer period, and comparisons with other areas, useful.",
        "The Commissioner to send figures comparing robbery and burglary with the most similar group of forces.",
    ),
    MinuteFact(
        482,
        "Combatting Drugs Partnership",
        "11",
        "The Commissioner, who is Senior Responsible Officer for West Mercia's two Combatting Drugs "
        "Partnerships, updated the Panel on their work, referring to the Government's ten-year drugs plan, From "
        "Harm to Hope, and to the newly launched Neighbourhood Crime fighting team.\n\n"
        "He was not certain how the partnerships report back to councils.",
    ),
    MinuteFact(
        483,
        "Most Appropriate Agency (MAA)",
        "12",
        "Since 3 April 2023 the Force has applied a Most Appropriate Agency policy, modelled on Humberside's "
        "Right Care Right Person approach. The Commissioner supports its principles but has doubts about how it "
        "is being put into practice.\n\n"
        "Members were concerned about the speed of the change, its effect on vulnerable people and on those with "
        "mental health needs, who would bear the cost, and the conditions that must be met before the police "
        "have a duty to act (paragraph 40 of the report). The Force has completed an Equalities Impact "
        "Assessment, and the Commissioner will find out whether it has been published. The College of Policing's "
        "toolkit had been launched the day before, and the main partners had signed the agreement.",
        "The Chairman to write on the Panel's behalf to every council, encouraging them to engage with the "
        "partnership approach. The Commissioner to make sure the Chief Constable hears the Panel's concerns.",
    ),
    MinuteFact(
        484,
        "Police & Crime Plan Activity and Performance Monitoring Report",
        "13",
        "The Commissioner reported on his work under the Safer West Mercia Plan and on police performance. His "
        "public holding-to-account meetings will be hybrid, and a single force-wide meeting in person is being "
        "considered. The Chief Constable is carrying out a cultural audit across the Force, whose results will "
        "come to the Panel.\n\n"
        "A member asked for an account of the Force's progress on diversity over five years, and for a fuller "
        "section on equality implications. The Commissioner agreed to say more about financial management in "
        "future reports. He is funding wider use of smart water, and noted new Ministry of Justice money, just "
        "announced, that will help support for victims of sexual violence.",
        "The Commissioner to consider how the lived experience of domestic abuse could be explained to the "
        "public, and to report back.",
    ),
    MinuteFact(
        485,
        "Work Programme",
        "14",
        "The Panel may commission deep dives. Four first topics were put forward: smart water and rural crime, "
        "partnership working on sexual violence, estates, and key performance indicators.\n\n"
        "A member asked what services West Mercia still shares with Warwickshire now the Alliance has ended. The "
        "Commissioner will agree with officers how the Panel scrutinises the draft precept, with details to "
        "follow. Members were invited to consider taking on 'champion' roles.",
        "A report on the diversity of the Force added to the 19 September 2023 meeting.",
    ),
]


@dataclass(frozen=True)
class ElectionFact:
    minute: int
    office: str
    title_as_printed: str
    nominees: tuple[str, ...]
    elected: str
    term_ends: date = date(2024, 7, 1)


ELECTIONS = [
    ElectionFact(472, Office.CHAIRMAN, "Chairman", ("durkin", "harvey"), "durkin"),
    ElectionFact(473, Office.VICE_CHAIRMAN, "Vice Chair", ("evans", "adams"), "adams"),
]

CO_OPTION_MINUTE = 478
CO_OPTION_MOTION = (
    "That Councillors Roger Evans, Vivienne Parry, Tony Parsons, Liz Harvey and Richard Overton be co-opted to "
    "the Panel."
)
CO_OPTION_RESULT = VoteResult.UNANIMOUS


@dataclass(frozen=True)
class AttendanceFact:
    key: str
    status: str
    role_as_written: str = ""
    substitute_for: str = ""
    council: str = ""


# In the order the minutes print them.
JULY_ATTENDANCE = [
    AttendanceFact("durkin", AttendanceStatus.PRESENT, "Chairman"),
    AttendanceFact("adams", AttendanceStatus.PRESENT, "Vice Chairman"),
    AttendanceFact("allen", AttendanceStatus.PRESENT),
    AttendanceFact("bagnall", AttendanceStatus.SUBSTITUTE, substitute_for="parsons", council="Shropshire Council"),
    AttendanceFact("evans", AttendanceStatus.PRESENT),
    AttendanceFact(
        "harrison", AttendanceStatus.SUBSTITUTE, substitute_for="onslow", council="Wyre Forest District Council"
    ),
    AttendanceFact("harvey", AttendanceStatus.PRESENT),
    AttendanceFact("lumby", AttendanceStatus.PRESENT),
    AttendanceFact("middleton", AttendanceStatus.PRESENT),
    AttendanceFact("overton", AttendanceStatus.PRESENT),
    AttendanceFact("parry", AttendanceStatus.PRESENT),
    AttendanceFact("piotrowski", AttendanceStatus.PRESENT),
    AttendanceFact("stanley", AttendanceStatus.PRESENT),
    AttendanceFact("clive", AttendanceStatus.PRESENT),
    AttendanceFact("mcdowall", AttendanceStatus.PRESENT),
    AttendanceFact("beecham", AttendanceStatus.APOLOGIES),
    AttendanceFact("jones", AttendanceStatus.APOLOGIES),
    AttendanceFact("onslow", AttendanceStatus.APOLOGIES),
    AttendanceFact("parsons", AttendanceStatus.APOLOGIES),
    AttendanceFact("champion", AttendanceStatus.IN_ATTENDANCE, "West Mercia Police & Crime Commissioner"),
    AttendanceFact(
        "boulton",
        AttendanceStatus.IN_ATTENDANCE,
        "Chief Executive, Office of the West Mercia Police & Crime Commissioner",
    ),
    AttendanceFact("boote", AttendanceStatus.IN_ATTENDANCE, "Head of Service for Safer Communities (Public Health)"),
    AttendanceFact("morris", AttendanceStatus.IN_ATTENDANCE, "Interim Democratic Governance and Scrutiny Manager"),
    AttendanceFact("spall", AttendanceStatus.IN_ATTENDANCE, "Overview and Scrutiny Officer"),
]

# 19 September 2023 --------------------------------------------------------------------------------------

SEPTEMBER = {
    "date": date(2023, 9, 19),
    "time": time(11, 0),
    "venue": "County Hall, Worcester",
    "date_of_issue": date(2023, 9, 11),
}


@dataclass(frozen=True)
class AgendaFact:
    number: str
    title: str
    description: str = ""
    pages: tuple[int, int] | None = None


SEPTEMBER_AGENDA = [
    AgendaFact("1", "Welcome and Introductions"),
    AgendaFact("2", "Named Substitutes"),
    AgendaFact("3", "Apologies and Declarations of Interest"),
    AgendaFact(
        "4",
        "Public Participation",
        "Anyone who wants to take part should write or email to the Assistant Director for Legal and Governance, "
        "saying what they wish to raise, by 9.00am on Monday 18 September 2023.",
    ),
    AgendaFact(
        "5",
        "Confirmation of the Minutes of the previous meeting",
        "The Panel is asked to confirm the minutes of its meeting on 27 July 2023.",
        (1, 10),
    ),
    AgendaFact(
        "6",
        "Police & Crime Plan Activity and Performance Monitoring Report",
        "What the Commissioner has done under the Safer West Mercia Plan, with an update on how the police are "
        "performing, for the Panel to consider.",
        (11, 24),
    ),
    AgendaFact(
        "7",
        "2023-24 Annual Budget Metrics report",
        "The first-quarter 2023/24 position on the budget indicators the Commissioner and the Chief Constable "
        "agreed, for the Panel to consider.",
        (25, 34),
    ),
    AgendaFact(
        "8",
        "Estates Strategy Progress report",
        "How the Commissioner's Estates Strategy, drawn up in 2022, is progressing, for the Panel to consider.",
        (35, 42),
    ),
    AgendaFact(
        "9",
        "Diversity, Equality and Inclusion report",
        "An update on diversity, equality and inclusion, including the workforce figures for Black, Asian and "
        "minority ethnic staff from 2020 to 2023 that the Panel asked for.",
        (43, 52),
    ),
    AgendaFact(
        "10",
        "Work Programme",
        "The Panel's 2023/24 work programme, and any changes it wishes to make.",
        (53, 58),
    ),
]

# 17 November 2023 -----------------------------------------------------------------------------------------
# The work programme report of 19 September 2023 names this as the Panel's next planned meeting and lists
# its business; it gives no time or venue, and no agenda had been issued. The time and venue are those of
# the Panel's two recorded meetings, and the items are numbered in the order the programme lists them.

NOVEMBER = {
    "date": date(2023, 11, 17),
    "time": time(11, 0),
    "venue": "County Hall, Worcester",
    "notes": (
        "The Panel's next planned meeting, as its 2023/24 work programme (19 September 2023) records it. The "
        "programme gives the date and the business only: the time and venue are those of the Panel's July and "
        "September meetings, and the items are numbered in the order the programme lists them, until the "
        "agenda is issued."
    ),
}

NOVEMBER_AGENDA = [
    AgendaFact("1", "Police & Crime Plan Activity and Performance Monitoring Report"),
    AgendaFact("2", "Quarterly budget monitoring (and key performance indicators)"),
    AgendaFact("3", "Update on the Crime Disorder Partnerships"),
    AgendaFact("4", "Specification for the refresh of the road safety needs assessment"),
    AgendaFact("5", "Annual Report on Complaints"),
    AgendaFact("6", "Work Programme"),
]

# The precept for 2024/25 --------------------------------------------------------------------------------
# The pack records none of the cycle's steps (it predates them): the process is opened with its statutory
# dates to come and no notification, report or decision.

PRECEPT_YEAR = "2024/25"
PRECEPT_NOTES = (
    "Nothing of this cycle is recorded yet. By September 2023 the Commissioner had begun work on the 2024/25 "
    "budget, meeting the Chief Constable monthly; at minute 485 (27 July 2023) he undertook to agree with "
    "officers how the Panel would scrutinise the draft precept; and the work programme brings the proposed "
    "precept and medium term financial plan, with the budget briefing and task group arrangements, to the "
    "Panel in February 2024."
)

# A meeting open for questions -----------------------------------------------------------------------------
# Not a meeting of the record: the demo adds one, dated from the day it is loaded, so that the public can
# try the question form. It meets on a Tuesday at the hour and place of the Panel's recorded meetings, and its
# agenda is the standing business of the September agenda with the reports the work programme brings to
# every meeting.

UPCOMING = {
    "weeks_ahead": 4,
    "weekday": 1,  # Tuesday, as on 19 September 2023
    "time": time(11, 0),
    "venue": "County Hall, Worcester",
    "notes": (
        "This meeting is not in the Panel's real calendar. The demo adds it, a few weeks after the day the demo "
        "was loaded, so that there is always a meeting taking questions and statements from the public. Its "
        "agenda is the Panel's standing business and the reports its work programme brings to every meeting."
    ),
}

# "{deadline}" is filled in with the participation deadline (9.00am on the working day before the meeting).
UPCOMING_PARTICIPATION = (
    "Members of the public may ask a question or make a statement. Send it through this website, or in writing "
    "or by email to the Assistant Director for Legal and Governance, by {deadline}."
)

UPCOMING_AGENDA = [
    AgendaFact("1", "Welcome and Introductions"),
    AgendaFact("2", "Named Substitutes"),
    AgendaFact("3", "Apologies and Declarations of Interest"),
    AgendaFact("4", "Public Participation"),
    AgendaFact(
        "5",
        "Confirmation of the Minutes of the previous meeting",
        "The Panel is asked to confirm the minutes of its previous meeting.",
    ),
    AgendaFact(
        "6",
        "Police & Crime Plan Activity and Performance Monitoring Report",
        "The Commissioner's regular report on his plan and on police performance.",
    ),
    AgendaFact(
        "7",
        "Quarterly budget monitoring (including key performance indicators)",
        "The latest quarter's budget position and the indicators that go with it.",
    ),
    AgendaFact("8", "Work Programme", "The Panel's work programme, and any changes it wishes to make."),
]
