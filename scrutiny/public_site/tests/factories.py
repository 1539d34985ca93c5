"""Factories the shared ones lack (declarations, votes, nominations), and a builder of whole panels."""

import datetime
from zoneinfo import ZoneInfo

import factory

from scrutiny.meetings.choices import (
    AttendanceStatus,
    DeclarationsState,
    ExemptParagraph,
    InterestKind,
    MeetingStatus,
    VoteKind,
    VoteResult,
)
from scrutiny.meetings.models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem, Nomination, Vote
from scrutiny.meetings.tests.factories import MeetingFactory
from scrutiny.members.choices import MembershipKind, Office
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.members.tests.factories import PersonFactory
from scrutiny.panels.models import Council
from scrutiny.panels.tests.factories import PanelFactory

LONDON = ZoneInfo("Europe/London")


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory, panel=factory.SelfAttribute("..meeting.panel"))
    kind = InterestKind.OTHER_REGISTRABLE
    description = "Member of a local charity funded by the Commissioner."


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    meeting = factory.SubFactory(MeetingFactory)
    kind = VoteKind.ELECTION
    office = Office.CHAIRMAN
    result = VoteResult.ELECTED


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    vote = factory.SubFactory(VoteFactory)
    person = factory.SubFactory(PersonFactory, panel=factory.SelfAttribute("..vote.meeting.panel"))
    elected = False


def build_panel(n: int, slug: str):
    """A panel with n councils and members, n held meetings (and one to come), each with n agenda items, n
    minutes and a record for every member; one item a meeting is exempt, with a minute on it, one member
    sends apologies and has a substitute, and each meeting has an election and a declaration.

    Rows are bulk-created: the point is the volume, for query counts that must not grow with it.
    """
    panel = PanelFactory(slug=slug, name=f"Panel {slug}")
    councils = Council.objects.bulk_create(
        [Council(panel=panel, name=f"Council {i}", slug=f"council-{i}") for i in range(n)]
    )
    people = Person.objects.bulk_create(
        [
            Person(panel=panel, title="Cllr", name=f"Member {i}", slug=f"member-{i}", sort_name=f"Member {i:03d}")
            for i in range(n)
        ]
    )
    substitute = Person.objects.create(panel=panel, title="Cllr", name="Sam Substitute", slug="sam-substitute")
    officer = Person.objects.create(
        panel=panel, name="Olive Officer", slug="olive-officer", role_title="Scrutiny Officer"
    )
    panel.contact_officer = officer
    panel.save()
    memberships = Membership.objects.bulk_create(
        [
            Membership(
                panel=panel,
                person=person,
                kind=MembershipKind.APPOINTED,
                council=councils[i],
                start_date=datetime.date(2015, 1, 1),
            )
            for i, person in enumerate(people)
        ]
    )
    OfficeHolder.objects.create(membership=memberships[0], office=Office.CHAIRMAN, start_date=datetime.date(2016, 6, 1))
    OfficeHolder.objects.create(
        membership=memberships[-1],
        office=Office.VICE_CHAIRMAN,
        title_as_printed="Vice Chair",
        start_date=datetime.date(2016, 6, 1),
    )
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                panel=panel,
                slug=(datetime.date(2020, 1, 7) + datetime.timedelta(days=60 * m)).isoformat(),
                start=datetime.datetime.combine(
                    datetime.date(2020, 1, 7) + datetime.timedelta(days=60 * m), datetime.time(11), tzinfo=LONDON
                ),
                venue="County Hall",
                status=MeetingStatus.HELD,
                date_of_issue=datetime.date(2020, 1, 7) + datetime.timedelta(days=60 * m - 10),
                declarations_state=DeclarationsState.RECORDED,
                contact_officer=officer,
            )
            for m in range(n)
        ]
    )
    Meeting.objects.create(
        panel=panel, slug="2099-01-06", start=datetime.datetime(2099, 1, 6, 11, tzinfo=LONDON), venue="County Hall"
    )
    agenda, minutes, attendance, declarations = [], [], [], []
    for meeting in meetings:
        for i in range(n):
            agenda.append(
                AgendaItem(
                    meeting=meeting,
                    number=str(i + 1),
                    order=i + 1,
                    title=f"Item {i + 1}",
                    description=f"Description {i + 1}",
                    page_start=10 * i + 1,
                    page_end=10 * i + 9,
                    exempt=i == n - 1,
                    exempt_paragraph=ExemptParagraph.FINANCIAL if i == n - 1 else None,
                    exempt_reason="Commercial terms." if i == n - 1 else "",
                )
            )
        for i, (person, membership) in enumerate(zip(people, memberships, strict=True)):
            status = AttendanceStatus.APOLOGIES if i == 1 else AttendanceStatus.PRESENT
            attendance.append(Attendance(meeting=meeting, person=person, status=status, order=i + 1))
            if i == 1:
                attendance.append(
                    Attendance(
                        meeting=meeting,
                        person=substitute,
                        status=AttendanceStatus.SUBSTITUTE,
                        substitute_for=membership,
                        council=membership.council,
                        order=n + 1,
                    )
                )
        attendance.append(
            Attendance(meeting=meeting, person=officer, status=AttendanceStatus.IN_ATTENDANCE, order=n + 2)
        )
        declarations.append(
            Declaration(meeting=meeting, person=people[0], kind=InterestKind.OTHER, description="A declaration.")
        )
    agenda = AgendaItem.objects.bulk_create(agenda)
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in agenda:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    number = 100
    for meeting in meetings:
        for i, item in enumerate(by_meeting[meeting.pk]):
            number += 1
            minutes.append(
                MinuteItem(
                    meeting=meeting,
                    agenda_item=item,
                    number=number,
                    label=str(number),
                    order=i + 1,
                    title=item.title,
                    text=f"Minute text {number}.",
                    resolutions="The report be noted.",
                )
            )
    minutes = MinuteItem.objects.bulk_create(minutes)
    Attendance.objects.bulk_create(attendance)
    Declaration.objects.bulk_create(declarations)
    first_minutes = {}
    for minute in minutes:
        first_minutes.setdefault(minute.meeting_id, minute)
    for meeting in meetings:
        vote = Vote.objects.create(
            meeting=meeting,
            minute_item=first_minutes[meeting.pk],
            kind=VoteKind.ELECTION,
            office=Office.CHAIRMAN,
            result=VoteResult.ELECTED,
        )
        Nomination.objects.bulk_create(
            [Nomination(vote=vote, person=person, elected=i == 0) for i, person in enumerate(people)]
        )
    return panel, meetings, people
