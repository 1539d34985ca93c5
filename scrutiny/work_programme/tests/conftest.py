"""Shared data for the staff form tests: the permission ladder, a held meeting with a public and an exempt
minute, a paper of each panel, and a real PDF (made once: weasyprint is slow to start)."""

import datetime

import pytest

from scrutiny.accounts.tests.helpers import build_ladder
from scrutiny.documents.tests.factories import PaperFactory, make_pdf
from scrutiny.meetings.tests.factories import LONDON, AgendaItemFactory, MeetingFactory, MinuteItemFactory


@pytest.fixture(scope="session")
def pdf_bytes() -> bytes:
    return make_pdf("Evidence of the action")


@pytest.fixture
def ladder(db):
    return build_ladder()


@pytest.fixture
def records(ladder):
    """GIVEN a held meeting of the panel with a public minute and an exempt one, a paper on each side, and a
    paper of the other panel."""
    panel = ladder.panel
    held = MeetingFactory(panel=panel, start=datetime.datetime(2023, 7, 27, 11, tzinfo=LONDON))
    public_item = AgendaItemFactory(meeting=held, title="Performance report")
    exempt_item = AgendaItemFactory(meeting=held, exempt=True, exempt_paragraph=1, exempt_reason="A person.")
    other_meeting = MeetingFactory(panel=ladder.other_panel, start=datetime.datetime(2023, 7, 28, 11, tzinfo=LONDON))
    return {
        "held": held,
        "minute": MinuteItemFactory(meeting=held, agenda_item=public_item, title="Performance"),
        "exempt_minute": MinuteItemFactory(meeting=held, agenda_item=exempt_item, title="Exempt business"),
        "paper": PaperFactory(agenda_item=public_item, title="Response on the 101 service"),
        "exempt_paper": PaperFactory(
            agenda_item=exempt_item, title="Secret staffing paper", exempt=True, exempt_paragraph=1
        ),
        "other_paper": PaperFactory(agenda_item=AgendaItemFactory(meeting=other_meeting), title="Elsewhere"),
        "other_minute": MinuteItemFactory(meeting=other_meeting),
    }
