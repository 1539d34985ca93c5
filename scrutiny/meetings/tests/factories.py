import datetime
from zoneinfo import ZoneInfo

import factory

from scrutiny.meetings.choices import AttendanceStatus, MeetingStatus
from scrutiny.meetings.models import AgendaItem, Attendance, Meeting, MinuteItem
from scrutiny.members.tests.factories import PersonFactory
from scrutiny.panels.tests.factories import PanelFactory

LONDON = ZoneInfo("Europe/London")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    panel = factory.SubFactory(PanelFactory)
    start = factory.Sequence(
        lambda n: datetime.datetime(2023, 1, 10, 11, 0, tzinfo=LONDON) + datetime.timedelta(days=7 * n)
    )
    slug = factory.LazyAttribute(lambda o: o.start.astimezone(LONDON).date().isoformat())
    venue = "County Hall"
    status = MeetingStatus.HELD


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    description = "What the panel is asked to consider."


class MinuteItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinuteItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    label = factory.LazyAttribute(lambda o: str(o.number))
    order = factory.LazyAttribute(lambda o: o.number)
    title = factory.Sequence(lambda n: f"Minute {n}")
    text = "The panel discussed the report."


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory, panel=factory.SelfAttribute("..meeting.panel"))
    status = AttendanceStatus.PRESENT
