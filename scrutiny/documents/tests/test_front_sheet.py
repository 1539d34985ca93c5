"""The front sheet lists the membership as the panel's agendas do: Chairman, Vice-Chairman, then by surname."""

import datetime

import pytest

from scrutiny.documents.choices import PackKind
from scrutiny.documents.packs import _context
from scrutiny.meetings.tests.factories import MeetingFactory
from scrutiny.members.choices import Office
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_office_holders_come_first():
    meeting = MeetingFactory()
    day = datetime.date(2020, 6, 1)
    seats = {}
    for name in ("Ann Able", "Zoe Zed", "Mel Mid"):
        person = PersonFactory(panel=meeting.panel, name=name, sort_name=name.split()[-1])
        seats[name] = MembershipFactory(person=person, start_date=day)
    OfficeHolderFactory(membership=seats["Zoe Zed"], office=Office.CHAIRMAN, start_date=day)
    OfficeHolderFactory(membership=seats["Mel Mid"], office=Office.VICE_CHAIRMAN, start_date=day)

    names = [row["name"] for row in _context(meeting, PackKind.PUBLIC, [], [], {})["memberships"]]

    assert names == ["Cllr Zoe Zed", "Cllr Mel Mid", "Cllr Ann Able"]
