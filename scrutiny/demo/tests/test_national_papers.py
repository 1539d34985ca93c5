"""Papers in the generated national instance: text of the expected size, indexed and found by search, exempt
papers never shown to the public, and the same papers for the same seed whether made with the panels or
added to them later."""

import hashlib
import random
from collections import Counter
from datetime import date

import pytest

from scrutiny.demo.national import (
    WORDS_PER_PAGE,
    _PanelBuilder,
    _prose,
    _vocabulary,
    generate_national_instance,
    national_papers_add,
)
from scrutiny.documents.choices import PaperStatus
from scrutiny.documents.models import Paper
from scrutiny.documents.text import paper_text
from scrutiny.meetings.models import AgendaItem, Meeting, MinuteItem
from scrutiny.panels.models import Panel
from scrutiny.search.backends import STOP_WORDS
from scrutiny.search.choices import SearchKind
from scrutiny.search.models import SearchEntry
from scrutiny.search.selectors import search
from scrutiny.search.services import search_index_rebuild

# Enough meetings for exempt papers to turn up, few pages each to stay fast.
PAPERS = {"panels": 6, "years": 3, "start_year": 2020, "seed": "test", "papers": True, "pages_per_meeting": 3}

pytestmark = pytest.mark.django_db


def _snapshot() -> list[tuple]:
    return [
        (slug, meeting, item, order, title, pages, exempt, status, hashlib.sha256(text.encode()).hexdigest())
        for slug, meeting, item, order, title, pages, exempt, status, text in Paper.objects.order_by(
            "agenda_item__meeting__panel__slug", "agenda_item__meeting__start", "agenda_item__order", "order"
        ).values_list(
            "agenda_item__meeting__panel__slug",
            "agenda_item__meeting__slug",
            "agenda_item__order",
            "order",
            "title",
            "page_count",
            "exempt",
            "status",
            "text",
        )
    ]


def _commonest_word(text: str) -> str:
    words = [w for w in text.lower().replace(".", " ").split() if len(w) >= 4 and w not in STOP_WORDS]
    return Counter(words).most_common(1)[0][0]


def _rare_terms(text: str) -> list[str]:
    rare = set(_vocabulary()[1])
    return [word for word in dict.fromkeys(text.lower().replace(".", " ").split()) if word in rare]


class TestProse:
    def test_deterministic_for_a_seed(self):
        assert _prose(random.Random("a"), 2000) == _prose(random.Random("a"), 2000)
        assert _prose(random.Random("a"), 2000) != _prose(random.Random("b"), 2000)

    def test_words_sentences_and_rare_terms(self):
        paragraphs = _prose(random.Random("a"), 20_000)
        words = " ".join(paragraphs).split()
        assert len(words) == 20_000
        assert all(p[0].isupper() and p.endswith(".") for p in paragraphs)
        table, rare = _vocabulary()
        assert len(set(rare)) == len(rare)
        assert not set(rare) & set(table)
        # Zipf-like: a few words make much of the text, and there is a long tail.
        counts = {}
        for word in words:
            counts[word.lower().strip(".")] = counts.get(word.lower().strip("."), 0) + 1
        ordered = sorted(counts.values(), reverse=True)
        assert ordered[0] > 20 * ordered[len(ordered) // 2]
        assert sum(1 for word in counts if word in set(rare)) > 50


class TestGeneratedPapers:
    def test_without_papers_by_default(self):
        summary = generate_national_instance(panels=1, years=1, start_year=2023, seed="test")
        assert summary.papers == 0
        assert not Paper.objects.exists()

    def test_refuses_no_pages(self):
        with pytest.raises(ValueError, match="at least one page"):
            generate_national_instance(panels=1, years=1, papers=True, pages_per_meeting=0)

    def test_papers_with_text_on_report_items(self):
        summary = generate_national_instance(**PAPERS)
        assert summary.papers == Paper.objects.count() > 0
        assert summary.paper_pages == sum(Paper.objects.values_list("page_count", flat=True))
        assert summary.paper_words == summary.paper_pages * WORDS_PER_PAGE
        for paper in Paper.objects.select_related("agenda_item"):
            item = paper.agenda_item
            assert paper.text.startswith(paper.title)
            assert len(paper.text.split()) >= paper.page_count * WORDS_PER_PAGE
            assert item.exempt or item.page_start is not None
            assert not item.title.startswith("Confirmation of the Minutes")
            assert paper.status == (PaperStatus.ACCEPTED if item.meeting.date_of_issue else PaperStatus.SUBMITTED)
            if paper.exempt:
                assert paper.exempt_paragraph
                assert paper.exempt_reason
            paper.full_clean()
        # Every report on a published agenda has a paper.
        reports = AgendaItem.objects.filter(page_start__isnull=False).exclude(title__startswith="Confirmation of")
        assert not reports.filter(papers__isnull=True).exists()

    def test_text_is_what_the_documents_app_makes_of_the_sections(self):
        generate_national_instance(**{**PAPERS, "panels": 1})
        for paper in Paper.objects.order_by("id")[:5]:
            assert paper.text == paper_text(paper, files=[])

    def test_meetings_items_and_minutes_unchanged_by_papers(self):
        generate_national_instance(**PAPERS)
        for index, panel in enumerate(Panel.objects.order_by("id")):
            builder = _PanelBuilder(index=index, seed="test", start_year=2020, years=3, as_of=date(2022, 10, 1))
            builder.build()
            assert builder.panel.slug == panel.slug
            assert [m.slug for m in builder.meetings] == list(
                Meeting.objects.filter(panel=panel).order_by("start").values_list("slug", flat=True)
            )
            assert [(i.title, i.exempt) for i in builder.agenda_items] == list(
                AgendaItem.objects.filter(meeting__panel=panel)
                .order_by("meeting__start", "order")
                .values_list("title", "exempt")
            )
            assert [(m.number, m.text) for m in builder.minutes] == list(
                MinuteItem.objects.filter(meeting__panel=panel).order_by("number").values_list("number", "text")
            )

    def test_same_papers_for_a_seed_added_later(self):
        """
        GIVEN an instance generated with papers
        WHEN its papers are deleted and added again to the panels already there
        THEN the same papers come out; a second addition adds nothing
        """
        generate_national_instance(**PAPERS)
        first = _snapshot()
        Paper.objects.all().delete()
        summary = national_papers_add(seed="test", pages_per_meeting=3)
        assert summary.papers == len(first)
        assert _snapshot() == first
        again = national_papers_add(seed="test", pages_per_meeting=3)
        assert again.papers == 0
        assert len(again.skipped) == PAPERS["panels"]


class TestSearchOverPapers:
    @pytest.fixture
    def indexed(self):
        generate_national_instance(**PAPERS)
        search_index_rebuild()

    def test_every_paper_indexed(self, indexed):
        assert SearchEntry.objects.filter(kind=SearchKind.PAPER).count() == Paper.objects.count()

    def test_public_papers_found_by_their_rare_terms(self, indexed):
        public = Paper.objects.filter(exempt=False, status=PaperStatus.ACCEPTED).order_by("id")
        for paper in public[:10]:
            term = _rare_terms(paper.text)[0]
            results, total = search(f"{term} {_commonest_word(paper.text)}")
            assert total >= 1
            assert any(r.kind == SearchKind.PAPER and r.title == paper.title for r in results)

    def test_exempt_papers_never_returned_publicly(self, indexed):
        exempt = list(Paper.objects.filter(exempt=True, released_at__isnull=True).select_related("agenda_item"))
        assert exempt, "the generation should hold exempt papers"
        for paper in exempt:
            entry = SearchEntry.objects.get(kind=SearchKind.PAPER, object_id=paper.pk)
            assert not entry.is_public
            for term in _rare_terms(paper.text)[:3]:
                public, _ = search(term, limit=100)
                assert entry.url not in {r.url for r in public if r.kind == SearchKind.PAPER and r.title == paper.title}
                private, _ = search(term, public_only=False, limit=100)
                assert any(r.kind == SearchKind.PAPER and r.title == paper.title for r in private)

    def test_released_exempt_papers_are_public(self, indexed):
        for paper in Paper.objects.filter(exempt=True, released_at__isnull=False):
            assert SearchEntry.objects.get(kind=SearchKind.PAPER, object_id=paper.pk).is_public
