"""The demo's 19 September 2023 pack reproduces the page ranges its published agenda printed."""

import pytest
from django.core.management import call_command

from scrutiny.demo.minutes_paper import minutes_markdown
from scrutiny.documents.packs import build_agenda_pack
from scrutiny.meetings.models import Meeting

pytestmark = pytest.mark.django_db

PUBLISHED = {"5": (1, 10), "6": (11, 24), "7": (25, 34), "8": (35, 42), "9": (43, 52), "10": (53, 58)}


@pytest.fixture
def september(db):
    call_command("load_demo_data", verbosity=0)
    return Meeting.objects.get(panel__slug="west-mercia", slug="2023-09-19")


class TestMinutesPaper:
    def test_item_5_carries_the_minutes_of_27_july(self, september):
        paper = september.agenda_items.get(number="5").papers.live().get()
        assert paper.source == "generated"
        assert "## 480 Annual Report of the PCC" in paper.body
        assert "Cllr Caroline Bagnall for Cllr Tony Parsons (Shropshire Council)" in paper.body

    def test_the_minutes_come_from_the_minute_items(self, september):
        july = Meeting.objects.get(panel__slug="west-mercia", slug="2023-07-27")
        labels = [f"## {m.label} " for m in july.minute_items.order_by("number")]
        body = minutes_markdown(july)
        assert [label for label in labels if label in body] == labels


@pytest.mark.slow
class TestDemoPack:
    def test_the_built_pack_keeps_the_published_page_ranges(self, september):
        """GIVEN the West Mercia demo with its six papers
        WHEN the public agenda pack of 19 September 2023 is built
        THEN each paper occupies exactly the pages the published agenda printed (58 numbered pages)."""
        result = build_agenda_pack(september)
        items = {item.pk: item.number for item in september.agenda_items.all()}
        assert {items[pk]: pages for pk, pages in result.ranges.items()} == PUBLISHED
        september.refresh_from_db()
        written = {
            i.number: (i.page_start, i.page_end) for i in september.agenda_items.filter(page_start__isnull=False)
        }
        assert written == PUBLISHED
