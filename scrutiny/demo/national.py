"""A generated national instance: one panel for each of the 41 territorial police areas outside London.

Tests and every benchmark share it, so it is deterministic (one seeded random generator per panel: the
first k panels come out the same whatever the total) and fast. Speed is why it writes with `bulk_create`
instead of the services: this is generated data, not a record anyone made, so it carries no audit events
and skips the per-object validation the services run. It keeps the models' invariants all the same
(memberships end after they start, offices sit inside memberships, exempt items name a paragraph,
minutes number continuously per panel), and it sits beside the West Mercia demo: its slugs end in
"-pcp" ("west-mercia-pcp"), the demo's do not.

What each panel gets, from `start_year` for `years` years: 10-14 councils; 17-20 seats (one appointed
councillor per council, co-opted councillors, two or three independent members) whose occupants change
over the years with end dates and reasons; a Chairman and Vice-Chairman elected at each annual meeting;
4-6 meetings a year with agenda items (a few exempt, with paragraph and reason, some since released);
attendance (present, apologies, absent, substitutes from the same council); declarations; continuously
numbered minutes; and occasional votes. Meetings after `as_of` are scheduled, with an agenda and nothing
else. Optionally (`papers=True`, or `national_papers_add` for an instance already written) the reports on
the agendas, with generated text: about 300,000 pages for the full instance, for the search benchmark.
"""

import random
import re
import sys
import time as clock
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from scrutiny.core.working_days import is_working_day
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.documents.models import Paper
from scrutiny.meetings.choices import (
    AttendanceStatus,
    DeclarationsState,
    InterestKind,
    MeetingKind,
    MeetingStatus,
    VoteKind,
    VoteResult,
)
from scrutiny.meetings.models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem, Nomination, Vote
from scrutiny.meetings.rules import latest_publication_date, required_clear_days
from scrutiny.members.choices import DatePrecision, EndReason, MembershipKind, Office
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.panels.choices import MinuteNumbering, Nation
from scrutiny.panels.models import Council, Panel

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class PoliceArea:
    name: str
    force: str
    nation: str = Nation.ENGLAND


# The 41 territorial police forces of England and Wales outside London (the Metropolitan and City of London
# forces answer to other bodies).
POLICE_AREAS = [
    PoliceArea("Avon and Somerset", "Avon and Somerset Police"),
    PoliceArea("Bedfordshire", "Bedfordshire Police"),
    PoliceArea("Cambridgeshire", "Cambridgeshire Constabulary"),
    PoliceArea("Cheshire", "Cheshire Constabulary"),
    PoliceArea("Cleveland", "Cleveland Police"),
    PoliceArea("Cumbria", "Cumbria Constabulary"),
    PoliceArea("Derbyshire", "Derbyshire Constabulary"),
    PoliceArea("Devon and Cornwall", "Devon and Cornwall Police"),
    PoliceArea("Dorset", "Dorset Police"),
    PoliceArea("Durham", "Durham Constabulary"),
    PoliceArea("Essex", "Essex Police"),
    PoliceArea("Gloucestershire", "Gloucestershire Constabulary"),
    PoliceArea("Greater Manchester", "Greater Manchester Police"),
    PoliceArea("Hampshire and Isle of Wight", "Hampshire and Isle of Wight Constabulary"),
    PoliceArea("Hertfordshire", "Hertfordshire Constabulary"),
    PoliceArea("Humberside", "Humberside Police"),
    PoliceArea("Kent", "Kent Police"),
    PoliceArea("Lancashire", "Lancashire Constabulary"),
    PoliceArea("Leicestershire", "Leicestershire Police"),
    PoliceArea("Lincolnshire", "Lincolnshire Police"),
    PoliceArea("Merseyside", "Merseyside Police"),
    PoliceArea("Norfolk", "Norfolk Constabulary"),
    PoliceArea("North Yorkshire", "North Yorkshire Police"),
    PoliceArea("Northamptonshire", "Northamptonshire Police"),
    PoliceArea("Northumbria", "Northumbria Police"),
    PoliceArea("Nottinghamshire", "Nottinghamshire Police"),
    PoliceArea("South Yorkshire", "South Yorkshire Police"),
    PoliceArea("Staffordshire", "Staffordshire Police"),
    PoliceArea("Suffolk", "Suffolk Constabulary"),
    PoliceArea("Surrey", "Surrey Police"),
    PoliceArea("Sussex", "Sussex Police"),
    PoliceArea("Thames Valley", "Thames Valley Police"),
    PoliceArea("Warwickshire", "Warwickshire Police"),
    PoliceArea("West Mercia", "West Mercia Police"),
    PoliceArea("West Midlands", "West Midlands Police"),
    PoliceArea("West Yorkshire", "West Yorkshire Police"),
    PoliceArea("Wiltshire", "Wiltshire Police"),
    PoliceArea("Dyfed-Powys", "Dyfed-Powys Police", Nation.WALES),
    PoliceArea("Gwent", "Gwent Police", Nation.WALES),
    PoliceArea("North Wales", "North Wales Police", Nation.WALES),
    PoliceArea("South Wales", "South Wales Police", Nation.WALES),
]

# Word pools -------------------------------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    """A pool of words written as one string: easier to read and extend than a list of literals."""
    return tuple(text.split())


FIRST_NAMES = _words(
    "Alan Alison Amanda Andrew Angela Anne Anthony Barbara Ben Bridget Carol Catherine Chris Claire Colin David "
    "Deborah Derek Diane Elaine Emma Fiona Gareth Gillian Graham Hannah Helen Ian Jane Janet Jason Jennifer "
    "John Jonathan Julie Karen Keith Kevin Laura Linda Lisa Malcolm Mark Martin Mary Matthew Michael Nicola "
    "Nigel Patricia Paul Peter Philip Rachel Richard Robert Roger Sarah Sharon Simon Stephen Susan Tom Tracey "
    "Trevor Victoria William Zoe"
)
SURNAMES = _words(
    "Adams Allen Armstrong Bailey Baker Barnes Bennett Brooks Butler Carter Chapman Clarke Cole Cooper Cox "
    "Crawford Dixon Ellis Fisher Fletcher Foster Gibson Graham Grant Hall Harris Harvey Hill Holmes Hudson Hunt "
    "Jackson James Johnson Kelly Kennedy King Knight Lane Lawrence Marshall Mason Miller Mills Moore Murray "
    "Palmer Parker Pearson Porter Reynolds Richardson Robinson Russell Shaw Simpson Spencer Stevens Stone "
    "Taylor Turner Walker Ward Watson Webb Wells West White Wilkinson Wood Wright Young"
)
WELSH_SURNAMES = _words(
    "Bevan Davies Evans Griffiths Howells Hughes Jenkins Jones Lewis Llewellyn Morgan Owen Parry Powell Price "
    "Pritchard Rees Roberts Thomas Vaughan Williams"
)
PLACE_HEADS = _words(
    "Ash Ayle Brad Bram Bur Chel Cran Dart Dun Elm Farn Ford Glen Ham Hart Kings Lang Lud Mar Mid New Nor "
    "Ox Pen Rad Ring Sel Stan Tad Thorn Wal Wick Wood"
)
PLACE_TAILS = _words("bridge bury by combe den field ford ham ley minster mouth stead thorpe ton well wick worth")
WELSH_HEADS = _words("Aber Bryn Caer Cwm Glyn Llan Pen Pont Rhos Tre")
WELSH_TAILS = _words("avon coed dare ffordd gwyn mawr nant tawe wen ystwyth")
COUNCIL_KINDS = ("District Council", "Borough Council", "City Council", "Council")
WELSH_COUNCIL_KINDS = ("County Council", "County Borough Council", "Council")

TOPICS = (
    "rural crime",
    "response times",
    "101 call handling",
    "neighbourhood policing",
    "violence against women and girls",
    "road safety",
    "anti-social behaviour",
    "retail crime",
    "county lines",
    "fraud",
    "officer recruitment",
    "vetting",
    "custody",
    "victim services",
    "youth diversion",
    "the estate",
    "the vehicle fleet",
    "digital investigation",
    "mental health demand",
    "domestic abuse",
)
SUBSTANTIVE_ITEMS = (
    "Police and Crime Plan Performance Monitoring Report",
    "Budget Monitoring Report",
    "HMICFRS Inspection Update",
    "Estates Strategy Update",
    "Road Safety Update",
    "Violence Against Women and Girls Update",
    "Victim Services Commissioning",
    "Rural Crime Update",
    "Complaints Reviews",
    "Call Handling and 101 Performance",
    "Serious Violence Duty",
    "Community Safety Partnerships",
)
EXEMPT_ITEMS = (
    ("Proposed senior appointment: candidate information", 1, "The report describes an individual candidate."),
    ("Estates disposal: commercial terms", 3, "Publishing the terms now would harm the sale."),
    ("Update on a live investigation", 7, "Disclosure could prejudice an investigation in progress."),
    ("Legal advice on a complaint", 5, "The advice is protected by legal professional privilege."),
)

# Papers (optional): pages of WORDS_PER_PAGE words, PAGES_PER_MEETING a meeting on average (see "Papers" below).
WORDS_PER_PAGE = 450
PAGES_PER_MEETING = 120

# Councils replace their appointees; co-opted and independent members serve fixed terms.
END_REASONS_APPOINTED = {EndReason.REPLACED: 4, EndReason.RETIRED: 3, EndReason.STOOD_DOWN: 2, EndReason.TERM_ENDED: 1}
END_REASONS_CO_OPTED = {EndReason.TERM_ENDED: 6, EndReason.STOOD_DOWN: 3, EndReason.RETIRED: 1}

# Helpers ----------------------------------------------------------------------------------------------------


@dataclass
class NationalSummary:
    """What the generator created, by model; `skipped` lists panels that already existed."""

    panels: int = 0
    councils: int = 0
    people: int = 0
    memberships: int = 0
    offices: int = 0
    meetings: int = 0
    agenda_items: int = 0
    attendances: int = 0
    declarations: int = 0
    minute_items: int = 0
    votes: int = 0
    nominations: int = 0
    papers: int = 0
    paper_pages: int = 0
    paper_words: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    COUNTS = (
        "panels",
        "councils",
        "people",
        "memberships",
        "offices",
        "meetings",
        "agenda_items",
        "attendances",
        "declarations",
        "minute_items",
        "votes",
        "nominations",
        "papers",
    )

    def add(self, other: "NationalSummary") -> None:
        for name in (*self.COUNTS, "paper_pages", "paper_words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def panel_slug(index: int) -> str:
    """The slug of the index-th generated panel: '<area>-pcp', then '-2', '-3' … past the 41 areas."""
    area = POLICE_AREAS[index % len(POLICE_AREAS)]
    round_ = index // len(POLICE_AREAS)
    return f"{slugify(area.name)}-pcp" + (f"-{round_ + 1}" if round_ else "")


@dataclass
class _Seat:
    kind: str
    council: Council | None
    membership: Membership | None = None


class _PanelBuilder:
    """Simulates one panel's years in memory, then writes them with one bulk_create per model."""

    def __init__(self, *, index: int, seed, start_year: int, years: int, as_of: date):
        self.rng = random.Random(f"{seed}:{index}")
        self.seed = seed
        self.area = POLICE_AREAS[index % len(POLICE_AREAS)]
        self.slug = panel_slug(index)
        self.start_year, self.years, self.as_of = start_year, years, as_of
        self.welsh = self.area.nation == Nation.WALES
        self.people: list[Person] = []
        self.person_slugs: set[str] = set()
        self.memberships: list[Membership] = []
        self.offices: list[OfficeHolder] = []
        self.meetings: list[Meeting] = []
        self.agenda_items: list[AgendaItem] = []
        self.minutes: list[MinuteItem] = []
        self.votes: list[Vote] = []
        self.nominations: list[Nomination] = []
        self.attendances: list[Attendance] = []
        self.declarations: list[Declaration] = []
        self.current_office: dict[str, OfficeHolder | None] = {Office.CHAIRMAN: None, Office.VICE_CHAIRMAN: None}

    # Names ------------------------------------------------------------------------------------------------

    def _place(self) -> str:
        heads, tails = (WELSH_HEADS, WELSH_TAILS) if self.welsh else (PLACE_HEADS, PLACE_TAILS)
        return self.rng.choice(heads) + self.rng.choice(tails)

    def _person(self, *, title: str = "", role_title: str = "") -> Person:
        surnames = WELSH_SURNAMES if self.welsh and self.rng.random() < 0.6 else SURNAMES
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(surnames)
        name = f"{first} {last}"
        base = slugify(name)
        slug, n = base, 2
        while slug in self.person_slugs:
            slug, n = f"{base}-{n}", n + 1
        self.person_slugs.add(slug)
        person = Person(panel=self.panel, title=title, name=name, slug=slug, sort_name=last, role_title=role_title)
        self.people.append(person)
        return person

    # The panel, its councils and officers -----------------------------------------------------------------

    def _panel(self) -> None:
        area = self.area
        self.host_town = self._place()
        self.panel = Panel(
            name=f"{area.name} Police and Crime Panel",
            slug=self.slug,
            purpose=(
                f"The Panel supports and challenges the Police and Crime Commissioner for {area.name}: it reviews "
                "the Police and Crime Plan, the annual report and the proposed precept, and holds confirmation "
                "hearings for senior appointments."
            ),
            policing_area=area.name,
            force=area.force,
            nation=area.nation,
            minute_numbering=MinuteNumbering.CONTINUOUS,
            first_minute_number=self.rng.randint(1, 400),
            address=f"Council Offices, High Street, {self.host_town}",
            alternative_formats_email=f"scrutiny@{slugify(self.host_town)}.example.gov.uk",
            alternative_formats_phone=f"01{self.rng.randint(200, 999)} {self.rng.randint(100000, 999999)}",
        )
        kinds = WELSH_COUNCIL_KINDS if self.welsh else COUNCIL_KINDS
        host_name = f"{self.host_town} {kinds[0]}"
        names, slugs = [host_name], {slugify(host_name)}
        target = self.rng.randint(10, 14)
        while len(names) < target:
            name = f"{self._place()} {self.rng.choice(kinds)}"
            if slugify(name) not in slugs:
                names.append(name)
                slugs.add(slugify(name))
        self.councils = [Council(panel=self.panel, name=name, slug=slugify(name)[:80]) for name in names]
        self.host_council = self.councils[0]
        self.venues = [f"Council Chamber, {self.host_town}", f"Committee Room 1, {self.host_town}"]
        self.officer = self._person(role_title="Scrutiny Officer")
        self.chief_executive = self._person(role_title="Chief Executive, Office of the Police and Crime Commissioner")
        self.finance_officer = self._person(
            role_title="Chief Finance Officer, Office of the Police and Crime Commissioner"
        )
        # PCC elections fall in May 2016, 2021 and 2024; some commissioners are re-elected.
        self.commissioners: list[tuple[date, Person]] = [(date(2012, 11, 15), self._person(role_title=self._pcc_role))]
        for year in (2016, 2021, 2024):
            if self.rng.random() < 0.5:
                self.commissioners.append((date(year, 5, 10), self._person(role_title=self._pcc_role)))
        self.panel.commissioner = self.commissioners[-1][1].name
        self.substitutes = {
            id(c): [self._person(title="Cllr") for _ in range(self.rng.randint(1, 2))] for c in self.councils
        }

    @property
    def _pcc_role(self) -> str:
        return f"{self.area.name} Police and Crime Commissioner"

    def _commissioner_on(self, day: date) -> Person:
        return [person for start, person in self.commissioners if start <= day][-1]

    # Seats and their occupants ----------------------------------------------------------------------------

    def _seats(self) -> None:
        independents = 3 if self.rng.random() < 0.3 else 2
        total = self.rng.randint(17, 20)
        co_opted = max(0, total - len(self.councils) - independents)
        self.seats = [_Seat(MembershipKind.APPOINTED, council) for council in self.councils]
        self.seats += [
            _Seat(MembershipKind.CO_OPTED_COUNCILLOR, self.rng.choice(self.councils)) for _ in range(co_opted)
        ]
        self.seats += [_Seat(MembershipKind.INDEPENDENT, None) for _ in range(independents)]
        first_day = date(self.start_year, 1, 1)
        for seat in self.seats:
            roll = self.rng.random()
            if roll < 0.7:
                start = date(2012, 11, 22) + timedelta(days=self.rng.randint(0, (first_day - date(2012, 11, 22)).days))
                self._seat(seat, start=start)
            elif roll < 0.85:
                year = self.rng.randint(2012, self.start_year - 1)
                self._seat(seat, start=date(year, 1, 1), precision=DatePrecision.YEAR)
            else:
                self._seat(seat, start=None, notes="Appointment date not recorded.")

    def _seat(self, seat: _Seat, *, start, precision=DatePrecision.DAY, start_minute=None, notes="") -> Membership:
        if seat.kind == MembershipKind.INDEPENDENT:
            person = self._person(title=self.rng.choice(("Mr", "Mrs", "Ms", "Dr")))
            label = "Co-opted Independent Member"
        else:
            person = self._person(title="Cllr")
            label = "Substantive Member" if seat.kind == MembershipKind.APPOINTED else "Co-opted Member"
        membership = Membership(
            panel=self.panel,
            person=person,
            kind=seat.kind,
            council=seat.council,
            start_date=start,
            start_precision=precision,
            start_minute=start_minute,
            label_as_printed=label,
            notes=notes,
        )
        self.memberships.append(membership)
        seat.membership = membership
        return membership

    def _end(self, membership: Membership, end: date) -> None:
        """End a membership for a plausible reason; an office held ends with it."""
        weights = END_REASONS_APPOINTED if membership.kind == MembershipKind.APPOINTED else END_REASONS_CO_OPTED
        membership.end_date = end
        membership.end_reason = self.rng.choices(list(weights), list(weights.values()))[0]
        for office, holder in self.current_office.items():
            if holder is not None and holder.membership is membership:
                holder.end_date = max(holder.start_date, end)
                self.current_office[office] = None

    def _holders(self) -> set[int]:
        return {id(h.membership) for h in self.current_office.values() if h is not None}

    def _initial_offices(self) -> None:
        day = date(self.start_year - 1, 7, 1)
        eligible = [
            s.membership for s in self.seats if s.membership.start_date is None or s.membership.start_date <= day
        ]
        if len(eligible) < 2:
            eligible = [s.membership for s in self.seats]
            day = max(m.start_date or day for m in eligible)
        chair, vice = self.rng.sample(eligible, 2)
        for office, membership in ((Office.CHAIRMAN, chair), (Office.VICE_CHAIRMAN, vice)):
            holder = OfficeHolder(
                membership=membership,
                office=office,
                start_date=day,
                term_ends=date(day.year + 1, 7, 1),
                term_ends_precision=DatePrecision.MONTH,
            )
            self.offices.append(holder)
            self.current_office[office] = holder

    # Meetings ---------------------------------------------------------------------------------------------

    def _meeting_days(self) -> list[tuple[date, bool]]:
        """(day, is_annual) for every meeting: four to six a year, the annual meeting in June or July."""
        days = []
        for year in range(self.start_year, self.start_year + self.years):
            annual_month = self.rng.choice((6, 7))
            months = {2, annual_month, 9, 11}
            extra = [m for m in (1, 3, 4, 10, 12) if m not in months]
            months |= set(self.rng.sample(extra, self.rng.randint(0, 2)))
            for month in sorted(months):
                day = date(year, month, self.rng.randint(3, 26))
                while not is_working_day(day):
                    day += timedelta(days=1)
                days.append((day, month == annual_month))
        return days

    def _meetings(self) -> None:
        self.number = self.panel.first_minute_number
        hour = self.rng.choice((time(10, 0), time(10, 30), time(11, 0), time(14, 0)))
        previous_held: date | None = None
        for day, annual in self._meeting_days():
            future = day > self.as_of
            cancelled = not future and not annual and self.rng.random() < 0.02
            status = MeetingStatus.SCHEDULED if future else MeetingStatus.CANCELLED if cancelled else MeetingStatus.HELD
            kind = MeetingKind.ANNUAL if annual else MeetingKind.ORDINARY
            if not annual and day.month != 2 and self.rng.random() < 0.04:
                kind = MeetingKind.CONFIRMATION_HEARING
            meeting = Meeting(
                panel=self.panel,
                slug=day.isoformat(),
                start=datetime.combine(day, hour, tzinfo=LONDON),
                venue=self.rng.choice(self.venues),
                status=status,
                kind=kind,
                contact_officer=self.officer,
            )
            self._issue(meeting, day)
            self.meetings.append(meeting)
            joiners = [] if future or cancelled else self._turnover(day, annual, previous_held)
            self._business(meeting, day, annual=annual, joiners=joiners, previous_held=previous_held)
            if status == MeetingStatus.HELD:
                previous_held = day

    def _issue(self, meeting: Meeting, day: date) -> None:
        latest = latest_publication_date(day, required_clear_days(self.area.nation))
        issued = latest - timedelta(days=self.rng.choice((0, 0, 1, 3)))
        if self.rng.random() < 0.03:
            issued = day - timedelta(days=3)
            if self.rng.random() < 0.5:
                meeting.urgency_reason = "The Commissioner's report arrived late and the decision could not wait."
        meeting.date_of_issue = issued if issued <= self.as_of else None

    def _turnover(self, day: date, annual: bool, previous: date | None) -> list[Membership]:
        """Members leave and are replaced: mostly at the annual meeting, now and then in between."""
        joiners = []
        holders = self._holders()
        for seat in self.seats:
            old = seat.membership
            if annual:
                chance = 0.22 if seat.kind == MembershipKind.APPOINTED else 0.15
            else:
                chance = 0.0 if id(old) in holders else 0.02
            if self.rng.random() >= chance:
                continue
            if seat.kind == MembershipKind.APPOINTED:
                # Councils appoint at their own annual meetings, a few weeks before the panel meets.
                start = day - timedelta(days=self.rng.randint(7, 20))
                floor = max(d for d in (previous, old.start_date, day - timedelta(days=20)) if d is not None)
                start = max(start, floor + timedelta(days=1))
                start = min(start, day)
                self._end(old, start - timedelta(days=1))
                self._seat(seat, start=start)
            else:
                self._end(old, day - timedelta(days=1))
                joiners.append(self._seat(seat, start=day, notes="Co-opted by the Panel."))
        return joiners

    def _current(self, day: date) -> list[Membership]:
        return [
            s.membership
            for s in self.seats
            if (s.membership.start_date is None or s.membership.start_date <= day)
            and (s.membership.end_date is None or s.membership.end_date >= day)
        ]

    def _business(self, meeting: Meeting, day: date, *, annual: bool, joiners, previous_held) -> None:
        rng = self.rng
        items: list[tuple[str, str]] = []  # (kind, title)
        if annual:
            items += [("chair", "Election of Chairman"), ("vice", "Election of Vice-Chairman")]
        items += [("welcome", "Welcome and Apologies"), ("declarations", "Declarations of Interest")]
        if rng.random() < 0.6:
            items.append(("public", "Public Participation"))
        if joiners:
            items.append(("co_option", "Appointment of Co-opted Members"))
        if previous_held:
            items.append(("minutes", "Confirmation of the Minutes of the previous meeting"))
        if day.month == 2:
            items.append(("precept", f"Proposed Precept {day.year}/{(day.year + 1) % 100:02d}"))
        if annual:
            items.append(("report", "Annual Report of the Police and Crime Commissioner"))
        if meeting.kind == MeetingKind.CONFIRMATION_HEARING:
            items.append(("report", "Confirmation Hearing: Proposed Appointment of Chief Constable"))
        for title in rng.sample(SUBSTANTIVE_ITEMS, rng.randint(1, 3)):
            items.append(("report", title))
        items.append(("work_programme", "Work Programme"))
        if rng.random() < 0.07:
            items.append(("exempt", ""))

        held = meeting.status == MeetingStatus.HELD
        attendance = self._attendance(meeting, day, joiners) if held else []
        present = [a for a in attendance if a.status == AttendanceStatus.PRESENT]
        meeting_items: list[AgendaItem] = []
        page = 1
        for order, (kind, title) in enumerate(items, start=1):
            item = AgendaItem(meeting=meeting, number=str(order), order=order, title=title)
            if kind in ("report", "precept", "work_programme", "minutes"):
                length = rng.randint(4, 24)
                item.page_start, item.page_end = page, page + length - 1
                page += length
            if kind == "exempt":
                item.title, item.exempt_paragraph, item.exempt_reason = rng.choice(EXEMPT_ITEMS)
                item.exempt = True
                released = meeting.start + timedelta(days=rng.randint(60, 700))
                if rng.random() < 0.25 and released.date() <= self.as_of:
                    item.released_at = released
            elif kind == "report":
                item.description = f"The Panel is asked to consider the report and comment on {rng.choice(TOPICS)}."
            self.agenda_items.append(item)
            meeting_items.append(item)
            if held:
                self._minute(meeting, item, kind, day, order, joiners=joiners, present=present, attendance=attendance)
        if held:
            self._declarations(meeting, meeting_items, present)

    def _attendance(self, meeting: Meeting, day: date, joiners: list[Membership]) -> list[Attendance]:
        """Members present, sending apologies (some with a substitute from the same council) or absent, and the
        officers. Members co-opted at this meeting take their seats from the next one."""
        rng = self.rng
        rows: list[Attendance] = []
        roles = {id(h.membership): h.office for h in self.current_office.values() if h is not None}
        substitutes_used: set[int] = set()
        later: list[Attendance] = []
        seated = [m for m in self._current(day) if m not in joiners]
        for order, membership in enumerate(seated, start=1):
            roll = rng.random()
            status = (
                AttendanceStatus.PRESENT
                if roll < 0.8
                else AttendanceStatus.APOLOGIES
                if roll < 0.96
                else AttendanceStatus.ABSENT
            )
            role = {Office.CHAIRMAN: "Chairman", Office.VICE_CHAIRMAN: "Vice-Chairman"}.get(
                roles.get(id(membership)), ""
            )
            rows.append(
                Attendance(meeting=meeting, person=membership.person, status=status, role_as_written=role, order=order)
            )
            if status == AttendanceStatus.APOLOGIES and membership.council is not None and rng.random() < 0.4:
                pool = [p for p in self.substitutes[id(membership.council)] if id(p) not in substitutes_used]
                if pool:
                    substitute = rng.choice(pool)
                    substitutes_used.add(id(substitute))
                    later.append(
                        Attendance(
                            meeting=meeting,
                            person=substitute,
                            status=AttendanceStatus.SUBSTITUTE,
                            substitute_for=membership,
                            council=membership.council,
                        )
                    )
        guests = [self._commissioner_on(day), self.chief_executive, self.officer]
        if rng.random() < 0.3:
            guests.append(self.finance_officer)
        for person in guests:
            later.append(
                Attendance(
                    meeting=meeting,
                    person=person,
                    status=AttendanceStatus.IN_ATTENDANCE,
                    role_as_written=person.role_title,
                )
            )
        for order, row in enumerate(later, start=len(rows) + 1):
            row.order = order
        rows += later
        self.attendances += rows
        return rows

    def _minute(self, meeting, item, kind, day, order, *, joiners, present, attendance) -> None:
        rng = self.rng
        minute = MinuteItem(
            meeting=meeting,
            agenda_item=item,
            number=self.number,
            label=str(self.number),
            order=order,
            title=item.title,
        )
        self.number += 1
        self.minutes.append(minute)
        topic, other = rng.sample(TOPICS, 2)
        if kind in ("chair", "vice"):
            office = Office.CHAIRMAN if kind == "chair" else Office.VICE_CHAIRMAN
            self._election(meeting, minute, office, day)
        elif kind == "welcome":
            apologies = [a.person.display_name for a in attendance if a.status == AttendanceStatus.APOLOGIES]
            minute.text = (
                f"Apologies were received from {', '.join(apologies)}." if apologies else "There were no apologies."
            )
            subs = [a for a in attendance if a.status == AttendanceStatus.SUBSTITUTE]
            if subs:
                minute.text += " " + " ".join(
                    f"{a.person.display_name} attended as substitute for {a.substitute_for.person.display_name}."
                    for a in subs
                )
        elif kind == "declarations":
            minute.text = "Declarations are recorded with the meeting."
        elif kind == "public":
            minute.text = (
                "No member of the public took part."
                if rng.random() < 0.7
                else f"A member of the public asked a question about {topic}; the Commissioner replied."
            )
        elif kind == "co_option":
            names = ", ".join(m.person.display_name for m in joiners)
            minute.text = f"The Panel co-opted {names}."
            minute.resolutions = f"{names} co-opted to the Panel."
            for membership in joiners:
                membership.start_minute = minute
            self._vote(meeting, minute, VoteKind.MOTION, VoteResult.UNANIMOUS, motion=f"That {names} be co-opted.")
        elif kind == "minutes":
            minute.text = (
                "The minutes of the previous meeting were confirmed as a correct record and signed by the Chairman."
            )
            minute.resolutions = "Minutes confirmed."
        elif kind == "precept":
            rise = rng.choice((10, 12, 13, 15, 5, 4.95, 9.99, 14))
            minute.text = (
                f"The Commissioner proposed raising the Band D precept by £{rise} a year. Members asked about "
                f"{topic} and {other}."
            )
            members = len(present)
            against = rng.randint(0, max(0, members // 4))
            abstain = rng.randint(0, 2) if members - against > 2 else 0
            supported = rng.random() < 0.9
            minute.resolutions = (
                "The Panel supports the proposed precept."
                if supported
                else ("The Panel does not support the proposed precept; too few members voted to veto it.")
            )
            self._vote(
                meeting,
                minute,
                VoteKind.MOTION,
                VoteResult.CARRIED if supported else VoteResult.LOST,
                motion="That the Panel supports the proposed precept.",
                votes_for=members - against - abstain if supported else against,
                votes_against=against if supported else members - against - abstain,
                abstentions=abstain,
            )
        elif kind == "report":
            minute.text = (
                f"The Panel received the report. Members asked about {topic}, and the Commissioner agreed to "
                f"provide more information on {other}."
            )
            minute.resolutions = rng.choice(
                ("The report was noted.", f"The Commissioner to report back on {topic} at a future meeting.", "")
            )
        elif kind == "work_programme":
            minute.text = "The Panel reviewed its work programme."
            minute.resolutions = f"Work programme agreed, with an item on {topic} added."
        elif kind == "exempt":
            minute.text = "The Panel considered the item in private."

    def _vote(self, meeting, minute, kind, result, **fields) -> Vote:
        vote = Vote(meeting=meeting, minute_item=minute, kind=kind, result=result, **fields)
        self.votes.append(vote)
        return vote

    def _election(self, meeting, minute, office: str, day: date) -> None:
        """Elect a Chairman or Vice-Chairman for the year; one member cannot hold both offices."""
        rng = self.rng
        incumbent = self.current_office[office]
        other_office = Office.VICE_CHAIRMAN if office == Office.CHAIRMAN else Office.CHAIRMAN
        other = self.current_office[other_office]
        candidates = self._current(day)
        if office == Office.VICE_CHAIRMAN and other is not None:
            candidates = [m for m in candidates if m is not other.membership]
        if incumbent is not None and incumbent.membership in candidates and rng.random() < 0.65:
            elected = incumbent.membership
        else:
            elected = rng.choice(candidates)
        nominees = [elected]
        others = [m for m in candidates if m is not elected]
        if others and rng.random() < 0.4:
            nominees.append(rng.choice(others))
        with_counts = len(nominees) > 1 and rng.random() < 0.5
        vote = self._vote(meeting, minute, VoteKind.ELECTION, VoteResult.ELECTED, office=office)
        for nominee in nominees:
            votes = None
            if with_counts:
                votes = rng.randint(9, 14) if nominee is elected else rng.randint(2, 8)
            self.nominations.append(
                Nomination(vote=vote, person=nominee.person, elected=nominee is elected, votes=votes)
            )
        names = " and ".join(n.person.display_name for n in nominees)
        title = "Chairman" if office == Office.CHAIRMAN else "Vice-Chairman"
        minute.text = f"Nominations were received for {names}. {elected.person.display_name} was elected {title}."
        minute.resolutions = f"{elected.person.display_name} elected {title} for the year."
        if incumbent is not None:
            incumbent.end_date = max(incumbent.start_date, day - timedelta(days=1))
        # A Vice-Chairman elected Chairman leaves the vice-chairmanship, to be filled at the next minute.
        if other is not None and other.membership is elected:
            other.end_date = max(other.start_date, day - timedelta(days=1))
            self.current_office[other_office] = None
        holder = OfficeHolder(
            membership=elected,
            office=office,
            start_date=day,
            term_ends=date(day.year + 1, 7, 1),
            term_ends_precision=DatePrecision.MONTH,
            elected_at=vote,
            title_as_printed=title,
        )
        self.offices.append(holder)
        self.current_office[office] = holder

    def _declarations(self, meeting: Meeting, meeting_items: list[AgendaItem], present: list[Attendance]) -> None:
        items = [i for i in meeting_items if i.page_start and not i.exempt]
        if present and items and self.rng.random() < 0.12:
            for attendance in self.rng.sample(present, min(len(present), self.rng.randint(1, 2))):
                item = self.rng.choice(items)
                self.declarations.append(
                    Declaration(
                        meeting=meeting,
                        agenda_item=item,
                        person=attendance.person,
                        kind=self.rng.choice((InterestKind.OTHER_REGISTRABLE, InterestKind.NON_REGISTRABLE)),
                        description=f"A relative works in {self.rng.choice(TOPICS)} for a partner agency.",
                    )
                )
            meeting.declarations_state = DeclarationsState.RECORDED
        else:
            meeting.declarations_state = DeclarationsState.NONE

    # Writing ----------------------------------------------------------------------------------------------

    def build(self) -> None:
        self._panel()
        self._seats()
        self._initial_offices()
        self._meetings()

    def write(self, *, papers: bool = False, pages_per_meeting: int = 0) -> NationalSummary:
        self.panel.save()
        Council.objects.bulk_create(self.councils)
        Person.objects.bulk_create(self.people)
        self.panel.host_council, self.panel.contact_officer = self.host_council, self.officer
        Panel.objects.filter(pk=self.panel.pk).update(host_council=self.host_council, contact_officer=self.officer)
        Meeting.objects.bulk_create(self.meetings)
        AgendaItem.objects.bulk_create(self.agenda_items)
        MinuteItem.objects.bulk_create(self.minutes)
        Vote.objects.bulk_create(self.votes)
        Nomination.objects.bulk_create(self.nominations)
        Membership.objects.bulk_create(self.memberships)
        OfficeHolder.objects.bulk_create(self.offices)
        Attendance.objects.bulk_create(self.attendances)
        Declaration.objects.bulk_create(self.declarations)
        writer = None
        if papers:
            # After the items are written (papers need their ids); from a generator of their own, so that the
            # rest of the panel comes out the same with papers or without.
            writer = _panel_papers(
                self.panel, self.meetings, self.agenda_items, seed=self.seed, pages_per_meeting=pages_per_meeting
            )
            writer.write()
        return NationalSummary(
            panels=1,
            councils=len(self.councils),
            people=len(self.people),
            memberships=len(self.memberships),
            offices=len(self.offices),
            meetings=len(self.meetings),
            agenda_items=len(self.agenda_items),
            attendances=len(self.attendances),
            declarations=len(self.declarations),
            minute_items=len(self.minutes),
            votes=len(self.votes),
            nominations=len(self.nominations),
            papers=len(writer.papers) if writer else 0,
            paper_pages=writer.pages if writer else 0,
            paper_words=writer.words if writer else 0,
        )


def generate_national_instance(
    *,
    panels: int = len(POLICE_AREAS),
    years: int = 12,
    seed: int | str = 2012,
    start_year: int = 2015,
    as_of: date | None = None,
    papers: bool = False,
    pages_per_meeting: int = PAGES_PER_MEETING,
    progress: Callable[[int, int, str, bool], None] | None = None,
) -> NationalSummary:
    """Generate `panels` panels with `years` years of records each, from `start_year`.

    With `papers=True` the report, precept, work programme and exempt items also get papers with generated
    text, `pages_per_meeting` pages a meeting on average (WORDS_PER_PAGE words a page); the search index is
    not built here (`search.services.search_index_rebuild` does it in bulk).

    Meetings after `as_of` (default: 1 October of the last year) are scheduled; the rest are held or, now and
    then, cancelled. A panel whose slug already exists is skipped, so a second run adds nothing. Each panel is
    written in its own transaction. `progress(i, n, name, skipped)` is called after each panel.
    """
    if panels < 1 or years < 1:
        raise ValueError("Generate at least one panel and one year.")
    if papers and pages_per_meeting < 1:
        raise ValueError("Give each meeting at least one page of papers.")
    if start_year < 2013:
        raise ValueError("Police and Crime Panels first met in late 2012; start in 2013 or later.")
    as_of = as_of or date(start_year + years - 1, 10, 1)
    started = clock.monotonic()
    summary = NationalSummary()
    existing = set(Panel.objects.filter(slug__in=[panel_slug(i) for i in range(panels)]).values_list("slug", flat=True))
    for index in range(panels):
        slug = panel_slug(index)
        name = f"{POLICE_AREAS[index % len(POLICE_AREAS)].name} Police and Crime Panel"
        if slug in existing:
            summary.skipped.append(slug)
        else:
            builder = _PanelBuilder(index=index, seed=seed, start_year=start_year, years=years, as_of=as_of)
            builder.build()
            with transaction.atomic():
                summary.add(builder.write(papers=papers, pages_per_meeting=pages_per_meeting))
        if progress is not None:
            progress(index + 1, panels, name, slug in existing)
    summary.seconds = clock.monotonic() - started
    return summary


# Papers -----------------------------------------------------------------------------------------------------
#
# Optional (`papers=True`): one or more papers on each report, precept and work programme item, and on each
# exempt item, with text made by a word generator: a Zipf-like vocabulary of English function words and
# policing and governance words, plus a long tail of rare terms (invented place, operation and system names).
# A paper is sized in pages of WORDS_PER_PAGE words; PAGES_PER_MEETING pages a meeting on average makes the
# full national instance (2,478 meetings) about 300,000 pages. The agenda items' own page ranges are left as
# the generator always made them.

FUNCTION_WORDS = _words(
    "the of and to in a for is that on be with by as are will this was from it has at have an which not or "
    "been would their its also all were these there any more other into than such should can may had over "
    "each where within through during between including further against across both per"
)
DOMAIN_WORDS = _words(
    "police crime panel commissioner force report officers public community policing plan performance "
    "budget year service services support victims local partners work officer data national safety risk "
    "demand increase reduction funding staff members recorded investigation custody response calls "
    "neighbourhood communities offences violence domestic abuse women girls road roads rural county lines "
    "fraud cyber digital estate fleet vehicles recruitment vetting training wellbeing complaints standards "
    "professional conduct misconduct review reviews inspection hmicfrs inspectorate recommendations "
    "improvement improvements outcome outcomes charge charged prosecution court courts justice criminal "
    "youth diversion prevention early intervention mental health partnership partnerships council councils "
    "authority authorities precept council tax band capital revenue reserves savings efficiency efficiencies "
    "medium term financial strategy forecast overspend underspend pressures inflation pay award pension "
    "grant government home office settlement allocation commissioning commissioned contract contracts "
    "provider providers procurement value money scrutiny accountability governance board meeting meetings "
    "quarter quarterly annual monthly period previous current compared target targets measure measures "
    "indicator indicators trend trends rate rates percentage number numbers total average median overall "
    "satisfaction confidence trust survey surveys feedback engagement consultation residents people "
    "children young adults older vulnerable exploitation safeguarding missing persons sexual offences rape "
    "serious organised knife crime weapons drugs drug supply burglary robbery theft shoplifting retail "
    "business businesses vehicle antisocial behaviour nuisance hate incidents incident emergency contact "
    "centre handling answered abandoned waiting time times seconds minutes hours days weeks months "
    "attendance attended deployed deployment patrol patrols visible presence resources resourcing capacity "
    "capability workforce establishment headcount strength vacancies retention attrition leavers joiners "
    "sergeants constables inspectors detectives specials volunteers staff pcsos uplift programme project "
    "projects delivery deliver delivered implementation implement implemented progress milestone milestones "
    "timescale timescales phase phases stage approach model operating structure change changes transformation "
    "technology systems system software records management information sharing protection privacy "
    "assurance audit auditor internal external controls compliance legislation statutory duty duties "
    "guidance policy policies procedure procedures framework frameworks protocol agreement memorandum "
    "understanding collaboration regional forces neighbouring shared joint alliance arrangements "
    "estates buildings station stations headquarters disposal disposals refurbishment maintenance energy "
    "carbon environmental sustainability equality diversity inclusion representative representation "
    "ethnic minority background disproportionality stop search searches powers use force body worn video "
    "cameras taser evidence analysis analyst analytical insight intelligence led problem solving hotspot "
    "hotspots prevention preventative licensing alcohol night economy town city centres villages farms "
    "wildlife heritage livestock machinery equipment thefts fly tipping speeding drivers driving casualties "
    "killed seriously injured collisions camera enforcement education campaign campaigns awareness "
    "communications media social website newsletter residents meetings forums groups advisory independent "
    "members chief constable deputy assistant executive finance treasurer "
    "monitoring officer chair chairman vice questions question answer answers asked requested agreed noted "
    "resolved recommendation recommended consider considered comment comments view views concerns concern "
    "issues issue matters matter areas area district borough wards ward parish town urban coastal "
    "seasonal summer winter tourism visitors events event festival football match operation operations "
    "warrant warrants arrests arrest arrested suspects suspect offenders offender reoffending probation "
    "prison prisons rehabilitation restorative victim witness witnesses care code compliance referrals "
    "referral advocacy advocates independent counselling helpline hub hubs specialist specialists "
    "funding bid bids fund funded successful application applications award awarded pilot pilots "
    "evaluation evaluated evaluating learning lessons good practice benchmarking comparison peer group"
)
# Rare terms: invented names of places, operations and systems, made of these syllables.
RARE_ONSETS = _words("b br bl c ch cl cr d dr f fl fr g gl gr h k l m n p pl pr qu r s sh sk st str t th tr v w wh")
RARE_NUCLEI = _words("a e i o u ai ea ee oa ou ar er or ur")
RARE_CODAS = _words("ck ld lm ll nd ng nk rn rk rth sk st th mb n m r s t x ft ld")
RARE_TAILS = _words("mere moor wick field ford thorpe gate holme dale croft stead wold hurst ley ton by")
RARE_TERMS_COUNT = 32768  # a power of two: two random bytes pick one

SECTION_HEADINGS = (
    "Introduction",
    "Background",
    "Current position",
    "Performance",
    "Financial implications",
    "Risk",
    "Partnership working",
    "Legal implications",
    "Equality implications",
    "Next steps",
    "Options considered",
    "Consultation",
)
AUTHORS = (
    "Chief Executive, Office of the Police and Crime Commissioner",
    "Police and Crime Commissioner",
    "Chief Finance Officer, Office of the Police and Crime Commissioner",
    "Head of Commissioning, Office of the Police and Crime Commissioner",
    "Head of Performance and Assurance, Office of the Police and Crime Commissioner",
)
EXEMPT_APPENDIX = (3, "The appendix sets out commercial terms still under negotiation.")


@cache
def _vocabulary() -> tuple[list[str], tuple[str, ...]]:
    """The common-word table (65,536 slots, each word in proportion to its Zipf weight 1/rank) and the pool
    of rare terms. Deterministic: both come from fixed seeds."""
    rng = random.Random("national-paper-vocabulary")
    # The first domain words listed keep their rank (police, crime, panel …); the rest are shuffled, so that
    # frequency does not follow the order they are written in.
    domain = list(dict.fromkeys(DOMAIN_WORDS))
    head, tail = domain[:24], domain[24:]
    rng.shuffle(tail)
    domain = head + tail
    words = list(dict.fromkeys(FUNCTION_WORDS)) + [w for w in domain if w not in FUNCTION_WORDS]
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    scale = 65536 / sum(weights)
    slots = [max(1, round(w * scale)) for w in weights]
    slots[0] += 65536 - sum(slots)
    table = [word for word, n in zip(words, slots, strict=True) for _ in range(n)]
    known, rare = set(words), []
    while len(rare) < RARE_TERMS_COUNT:
        term = "".join(
            rng.choice(RARE_ONSETS) + rng.choice(RARE_NUCLEI) + rng.choice(RARE_CODAS)
            for _ in range(rng.choice((1, 2, 2)))
        ) + (rng.choice(RARE_TAILS) if rng.random() < 0.6 else "")
        if len(term) >= 6 and term not in known:
            known.add(term)
            rare.append(term)
    return table, tuple(rare)


def _prose(rng: random.Random, words: int) -> list[str]:
    """About `words` words of prose, as paragraphs of three to seven sentences of 8 to 24 words; one sentence
    in ten carries a rare term. Built from random bytes in bulk: this writes a hundred million words."""
    table, rare = _vocabulary()
    codes = array("H")
    codes.frombytes(rng.randbytes(2 * words))
    if sys.byteorder == "big":
        codes.byteswap()
    tokens = list(map(table.__getitem__, codes))
    control = rng.randbytes((words // 8 + 2) * 6)
    paragraphs, sentences, i, c = [], [], 0, 0
    paragraph_size = 3 + control[c] % 5
    c += 1
    while i < words:
        length = 8 + control[c] % 17
        sentence = tokens[i : i + length]
        i += length
        if control[c + 1] < 26:
            sentence[control[c + 2] % len(sentence)] = rare[(control[c + 3] << 8 | control[c + 4]) & 0x7FFF]
        c += 5
        sentence[0] = sentence[0].capitalize()
        sentences.append(" ".join(sentence) + ".")
        if len(sentences) >= paragraph_size:
            paragraphs.append(" ".join(sentences))
            sentences = []
            paragraph_size = 3 + control[c] % 5
            c += 1
    if sentences:
        paragraphs.append(" ".join(sentences))
    return paragraphs


def _paper_kind(item: AgendaItem) -> str | None:
    """What paper an agenda item carries, read from the item alone (so papers can be added to items already
    in the database): a report, the precept proposal, the work programme, an exempt report, or none."""
    if item.exempt:
        return "exempt"
    if item.page_start is None or item.title.startswith("Confirmation of the Minutes"):
        return None
    if item.title == "Work Programme":
        return "work_programme"
    if item.title.startswith("Proposed Precept"):
        return "precept"
    return "report"


class _PaperWriter:
    """Papers for one panel's agenda items, from a generator seeded by the panel's slug: the same papers
    whether they are made with the panel or added to it later."""

    WEIGHTS = {"report": 3, "precept": 4, "work_programme": 1}

    def __init__(self, *, panel: Panel, seed, pages_per_meeting: int):
        self.rng = random.Random(f"{seed}:{panel.slug}:papers")
        self.panel = panel
        self.pages_per_meeting = pages_per_meeting
        self.papers: list[Paper] = []
        self.pages = 0
        self.words = 0

    def meeting(self, meeting: Meeting, items: list[AgendaItem]) -> None:
        rng = self.rng
        kinds = [(item, kind) for item in items if (kind := _paper_kind(item)) is not None]
        weights = sum(self.WEIGHTS.get(kind, 0) for _, kind in kinds)
        budget = self.pages_per_meeting * rng.uniform(0.6, 1.4)
        issued = meeting.date_of_issue
        accepted_at = datetime.combine(issued, time(9, 0), tzinfo=LONDON) if issued else None
        for item, kind in kinds:
            common = {"agenda_item": item, "accepted_at": accepted_at}
            if kind == "exempt":
                self._paper(
                    item.title,
                    rng.randint(3, 10),
                    author=AUTHORS[0],
                    exempt=True,
                    exempt_paragraph=item.exempt_paragraph,
                    exempt_reason=item.exempt_reason,
                    released_at=item.released_at,
                    order=1,
                    **common,
                )
                continue
            pages = max(2, round(budget * self.WEIGHTS[kind] / weights))
            if kind == "work_programme":
                self._paper(f"Work Programme {meeting.start.year}", pages, author="Scrutiny Officer", order=1, **common)
                continue
            author = AUTHORS[2] if kind == "precept" else rng.choice(AUTHORS)
            appendix = round(pages * rng.uniform(0.2, 0.4)) if kind == "report" and rng.random() < 0.35 else 0
            self._paper(item.title, pages - appendix, author=author, order=1, **common)
            order = 2
            if appendix:
                topic = rng.choice(TOPICS)
                self._paper(
                    f"Appendix A: {topic[0].upper()}{topic[1:]} data", appendix, author=author, order=2, **common
                )
                order = 3
            if rng.random() < 0.03:
                paragraph, reason = EXEMPT_APPENDIX
                self._paper(
                    f"Appendix {'ABC'[order - 1]}: commercially sensitive information (exempt)",
                    rng.randint(2, 6),
                    author=author,
                    exempt=True,
                    exempt_paragraph=paragraph,
                    exempt_reason=reason,
                    order=order,
                    **common,
                )

    def _paper(self, title: str, pages: int, *, author: str, **fields) -> None:
        rng = self.rng
        words = pages * WORDS_PER_PAGE
        topic = rng.choice(TOPICS)
        recommendation = f"That the Panel notes the report and comments on {topic}."
        summary, *rest = _prose(rng, words)
        body, sections = [], rng.sample(SECTION_HEADINGS, min(len(SECTION_HEADINGS), max(1, len(rest) // 4)))
        per_section = -(-len(rest) // len(sections))
        for n, heading in enumerate(sections):
            paragraphs = rest[n * per_section : (n + 1) * per_section]
            if paragraphs:
                body.append((heading, paragraphs))
        markdown = "\n\n".join(f"## {heading}\n\n" + "\n\n".join(paragraphs) for heading, paragraphs in body)
        # What `documents.text.paper_text` makes of these sections: rendered Markdown as plain words.
        plain = " ".join(f"{heading} " + " ".join(paragraphs) for heading, paragraphs in body)
        text = "\n\n".join(part for part in (title, author, recommendation, summary, plain) if part)
        status = PaperStatus.ACCEPTED if fields.get("accepted_at") else PaperStatus.SUBMITTED
        self.papers.append(
            Paper(
                title=title,
                author=author,
                source=PaperSource.WRITTEN,
                status=status,
                recommendation=recommendation,
                summary=summary,
                body=markdown,
                page_count=pages,
                text=text,
                **fields,
            )
        )
        self.pages += pages
        self.words += words

    def write(self) -> None:
        # About 100 kB of text a paper, twice (sections and search text): small batches keep statements sane.
        Paper.objects.bulk_create(self.papers, batch_size=50)


def _panel_papers(panel: Panel, meetings, items, *, seed, pages_per_meeting: int) -> _PaperWriter:
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_meeting.setdefault(id(item.meeting), []).append(item)
    writer = _PaperWriter(panel=panel, seed=seed, pages_per_meeting=pages_per_meeting)
    for meeting in sorted(meetings, key=lambda m: m.start):
        writer.meeting(meeting, sorted(by_meeting.get(id(meeting), []), key=lambda i: i.order))
    return writer


GENERATED_SLUG = re.compile(r"^[a-z0-9-]+-pcp(-\d+)?$")


def national_papers_add(
    *,
    seed: int | str = 2012,
    pages_per_meeting: int = PAGES_PER_MEETING,
    progress: Callable[[int, int, str, bool], None] | None = None,
) -> NationalSummary:
    """Add the papers to generated panels already in the database that have none (an instance generated
    without `papers=True`). They come out as `generate_national_instance(papers=True)` would have made them
    with the same seed. Panels that have papers are skipped; each panel is written in its own transaction."""
    started = clock.monotonic()
    summary = NationalSummary()
    panels = [p for p in Panel.objects.order_by("id") if GENERATED_SLUG.match(p.slug)]
    with_papers = set(
        Paper.objects.filter(agenda_item__meeting__panel__in=panels)
        .values_list("agenda_item__meeting__panel_id", flat=True)
        .distinct()
    )
    for index, panel in enumerate(panels, start=1):
        skipped = panel.pk in with_papers
        if skipped:
            summary.skipped.append(panel.slug)
        else:
            meetings = {m.pk: m for m in Meeting.objects.filter(panel=panel)}
            items = list(AgendaItem.objects.filter(meeting__panel=panel))
            for item in items:
                item.meeting = meetings[item.meeting_id]
            writer = _panel_papers(panel, meetings.values(), items, seed=seed, pages_per_meeting=pages_per_meeting)
            with transaction.atomic():
                writer.write()
            summary.papers += len(writer.papers)
            summary.paper_pages += writer.pages
            summary.paper_words += writer.words
        if progress is not None:
            progress(index, len(panels), panel.name, skipped)
    summary.seconds = clock.monotonic() - started
    return summary
