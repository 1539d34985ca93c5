"""A small corpus for search: two panels, a few meetings, papers and minutes, one exempt item.

Built with factories (no services) and then indexed with `search_index_rebuild`, as existing data would be.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings.choices import ExemptParagraph
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory, MinuteItemFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.search.services import search_index_rebuild

LONDON = ZoneInfo("Europe/London")

SECRET = "Hindlip Park sale price"


@dataclass
class Corpus:
    panel: object
    other_panel: object
    march: object
    october: object
    other_meeting: object
    budget_item: object
    exempt_item: object
    exempt_minute: object
    exempt_paper: object
    paper: object
    minute: object


@pytest.fixture
def staff_user(db):
    return UserFactory()


@pytest.fixture
def corpus(db) -> Corpus:
    panel = PanelFactory(slug="west-mercia", name="West Mercia Police and Crime Panel")
    other_panel = PanelFactory(slug="dyfed-powys", name="Dyfed-Powys Police and Crime Panel")
    march = MeetingFactory(panel=panel, start=datetime.datetime(2024, 3, 12, 11, 0, tzinfo=LONDON))
    october = MeetingFactory(panel=panel, start=datetime.datetime(2024, 10, 8, 11, 0, tzinfo=LONDON))
    other_meeting = MeetingFactory(panel=other_panel, start=datetime.datetime(2024, 5, 2, 10, 0, tzinfo=LONDON))

    budget_item = AgendaItemFactory(
        meeting=march, number="6", title="Proposed precept 2024/25", description="To review the proposed precept."
    )
    paper = PaperFactory(
        agenda_item=budget_item,
        title="Precept report",
        text=(
            "The Commissioner proposes a council tax precept increase of thirteen pounds for a Band D property. "
            "Rural crime remains a priority for the force."
        ),
    )
    minute = MinuteItemFactory(
        meeting=october,
        number=512,
        agenda_item=None,
        title="Neighbourhood policing",
        text="Members asked about response times in market towns.",
        resolutions="The panel noted the report on neighbourhood policing.",
    )
    exempt_item = AgendaItemFactory(
        meeting=october,
        number="9",
        title="Estates disposal",
        description=f"The {SECRET}.",
        exempt=True,
        exempt_paragraph=ExemptParagraph.FINANCIAL,
        exempt_reason="Commercial terms.",
    )
    exempt_minute = MinuteItemFactory(
        meeting=october, number=513, agenda_item=exempt_item, title="Estates disposal", text=f"Noted the {SECRET}."
    )
    exempt_paper = PaperFactory(
        agenda_item=budget_item,
        title="Estates valuation",
        text=f"Valuation of Hindlip Park: the {SECRET} in confidence.",
        exempt=True,
        exempt_paragraph=ExemptParagraph.FINANCIAL,
        exempt_reason="Commercial terms.",
    )
    # The other panel talks about rural crime too.
    other_item = AgendaItemFactory(meeting=other_meeting, number="4", title="Rural crime strategy", description="")
    PaperFactory(agenda_item=other_item, title="Rural crime", text="Rural crime in Powys: farm thefts and rural crime.")
    search_index_rebuild()
    return Corpus(
        panel=panel,
        other_panel=other_panel,
        march=march,
        october=october,
        other_meeting=other_meeting,
        budget_item=budget_item,
        exempt_item=exempt_item,
        exempt_minute=exempt_minute,
        exempt_paper=exempt_paper,
        paper=paper,
        minute=minute,
    )
