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
else.
"""

import random
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from scrutiny.core.working_days import is_working_day
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
    )

    def add(self, other: "NationalSummary") -> None:
        for name in self.COUNTS:
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

    def write(self) -> NationalSummary:
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
        )


def generate_national_instance(
    *,
    panels: int = len(POLICE_AREAS),
    years: int = 12,
    seed: int | str = 2012,
    start_year: int = 2015,
    as_of: date | None = None,
    progress: Callable[[int, int, str, bool], None] | None = None,
) -> NationalSummary:
    """Generate `panels` panels with `years` years of records each, from `start_year`.

    Meetings after `as_of` (default: 1 October of the last year) are scheduled; the rest are held or, now and
    then, cancelled. A panel whose slug already exists is skipped, so a second run adds nothing. Each panel is
    written in its own transaction. `progress(i, n, name, skipped)` is called after each panel.
    """
    if panels < 1 or years < 1:
        raise ValueError("Generate at least one panel and one year.")
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
                summary.add(builder.write())
        if progress is not None:
            progress(index + 1, panels, name, slug in existing)
    summary.seconds = clock.monotonic() - started
    return summary
