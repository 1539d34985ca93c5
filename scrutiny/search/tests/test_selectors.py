"""Searching, written once and run on both databases (SQLite FTS5 and PostgreSQL full-text search)."""

import datetime
import re

import pytest

from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings.tests.factories import AgendaItemFactory
from scrutiny.search.backends import headline_terms, highlight_text, parse_query
from scrutiny.search.choices import SearchKind
from scrutiny.search.selectors import search, snippet_html
from scrutiny.search.services import search_index_rebuild

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def titles(results):
    return [r.title for r in results]


class TestFinding:
    def test_finds_a_phrase_from_a_papers_extracted_text(self, corpus):
        results, total = search('"council tax precept"')
        assert total == 1
        assert results[0].title == "Precept report"
        assert results[0].kind == SearchKind.PAPER
        assert results[0].url == "/west-mercia/meetings/2024-03-12/#agenda"
        assert results[0].panel == corpus.panel
        assert results[0].date == datetime.date(2024, 3, 12)

    def test_finds_words_from_a_minute(self, corpus):
        results, total = search("response times market towns")
        assert total == 1
        assert results[0].kind == SearchKind.MINUTE
        assert results[0].title == "512 Neighbourhood policing"
        assert results[0].url == "/west-mercia/meetings/2024-10-08/#minute-512"

    def test_stems_english_words(self, corpus):
        # "properties" finds "property"; "proposing" finds "proposes".
        results, _ = search("properties proposing")
        assert titles(results) == ["Precept report"]

    def test_an_empty_or_punctuation_only_query_finds_nothing_without_error(self, corpus):
        assert search("") == ([], 0)
        assert search('  "" ( * - ') == ([], 0)

    def test_operator_words_and_quotes_are_searched_not_parsed(self, corpus):
        # "not" and "and" are common words, ignored as PostgreSQL's English dictionary ignores them.
        _, total = search('NOT AND ( "rural')
        assert total == 3
        _, total = search('rural "crime')
        assert total == 3
        assert search("the and of") == ([], 0)

    def test_excludes_words_after_a_minus(self, corpus):
        results, total = search("rural crime -farm")
        assert total == 2
        assert "Rural crime" not in titles(results)

    def test_or_finds_either(self, corpus):
        _, total = search("thirteen or towns")
        assert total == 2


class TestRanking:
    def test_a_title_match_ranks_above_a_body_match(self, corpus):
        all_results, _ = search("rural crime")
        # Both title matches come before the paper that only mentions rural crime in its text.
        assert all_results[-1].title == "Precept report"
        assert all_results[0].rank >= all_results[1].rank >= all_results[2].rank

    def test_more_occurrences_rank_higher(self, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="8", title="Other business", description="")
        PaperFactory(agenda_item=item, title="Once", text="Drones were mentioned once among many other topics here.")
        PaperFactory(agenda_item=item, title="Often", text="Drones, drones and drones: the drones programme.")
        search_index_rebuild(panels=[corpus.panel])
        results, _ = search("drones")
        assert titles(results) == ["Often", "Once"]

    def test_a_title_or_an_early_dense_match_ranks_above_one_deep_in_a_long_paper(self, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="8", title="Other business", description="")
        PaperFactory(agenda_item=item, title="Appendix", text=_filler(60_000) + " The zeppelin hangar lease.")
        PaperFactory(agenda_item=item, title="Zeppelin hangar", text="The lease of the old airfield.")
        PaperFactory(agenda_item=item, title="Estates", text="Zeppelin hangar: the zeppelin hangar lease, renewed.")
        search_index_rebuild(panels=[corpus.panel])
        results, total = search("zeppelin hangar")
        assert total == 3
        assert titles(results)[-1] == "Appendix"
        assert results[0].rank >= results[1].rank > results[2].rank


def _filler(chars: int) -> str:
    """Plain committee prose, none of it the words the tests look for."""
    sentence = "The panel reviewed the quarterly performance report and noted the commissioner's budget. "
    return (sentence * (chars // len(sentence) + 1))[:chars]


class TestExemptBusiness:
    @pytest.mark.parametrize("query", [SECRET, "Hindlip", "valuation", "Estates disposal"])
    def test_the_public_never_finds_unreleased_exempt_business(self, corpus, query):
        assert search(query) == ([], 0)
        assert search(query, panel=corpus.panel, kinds=list(SearchKind.values)) == ([], 0)

    def test_staff_may_ask_for_everything(self, corpus):
        _, total = search("Hindlip", public_only=False)
        assert total == 3  # the item, its minute, the exempt paper

    def test_released_item_and_its_minute_become_searchable(
        self, corpus, staff_user, django_capture_on_commit_callbacks
    ):
        from scrutiny.meetings.services import agenda_item_release

        with django_capture_on_commit_callbacks(execute=True):
            agenda_item_release(acting_user=staff_user, item=corpus.exempt_item)
        results, total = search("Hindlip")
        assert total == 2
        assert {r.kind for r in results} == {SearchKind.AGENDA_ITEM, SearchKind.MINUTE}
        # The exempt paper stays exempt until it is released itself.
        assert search("valuation") == ([], 0)

    def test_released_paper_becomes_searchable(self, corpus, staff_user, django_capture_on_commit_callbacks):
        from django.utils import timezone

        from scrutiny.core.services import object_save

        paper = corpus.exempt_paper
        paper.released_at = timezone.now()
        with django_capture_on_commit_callbacks(execute=True):
            object_save(instance=paper, acting_user=staff_user, verb="paper_release", panel_id=corpus.panel.pk)
        assert titles(search("valuation")[0]) == ["Estates valuation"]

    def test_a_public_paper_on_an_exempt_item_is_withheld_with_it(self, corpus):
        PaperFactory(agenda_item=corpus.exempt_item, title="Site plan", text="The Hindlip plan of the estate.")
        search_index_rebuild()
        assert search("plan estate") == ([], 0)

    def test_a_paper_not_yet_accepted_is_not_public(self, corpus):
        from scrutiny.documents.choices import PaperStatus

        PaperFactory(agenda_item=corpus.budget_item, title="Draft", text="Unicorns", status=PaperStatus.SUBMITTED)
        search_index_rebuild()
        assert search("unicorns") == ([], 0)


class TestFilters:
    def test_by_panel(self, corpus):
        _, everywhere = search("rural crime")
        results, in_panel = search("rural crime", panel=corpus.other_panel)
        assert everywhere == 3
        assert in_panel == 2
        assert {r.panel for r in results} == {corpus.other_panel}

    def test_by_date_range(self, corpus):
        assert search("rural", date_from=datetime.date(2024, 4, 1))[1] == 2
        assert search("rural", date_to=datetime.date(2024, 4, 1))[1] == 1
        assert search("rural", date_from=datetime.date(2024, 3, 12), date_to=datetime.date(2024, 3, 12))[1] == 1
        assert search("rural", date_from=datetime.date(2025, 1, 1))[1] == 0

    def test_by_kind(self, corpus):
        results, total = search("rural crime", kinds=[SearchKind.AGENDA_ITEM])
        assert total == 1
        assert results[0].kind == SearchKind.AGENDA_ITEM
        assert search("rural crime", kinds=[SearchKind.PAPER, SearchKind.AGENDA_ITEM])[1] == 3
        assert search("rural crime", kinds=[SearchKind.MINUTE])[1] == 0
        assert search("rural crime", kinds=[])[1] == 0

    def test_pages_with_limit_and_offset(self, corpus):
        first, total = search("rural crime", limit=2)
        second, _ = search("rural crime", limit=2, offset=2)
        assert total == 3
        assert len(first) == 2
        assert len(second) == 1
        assert not set(titles(first)) & set(titles(second))
        assert search("rural crime", offset=10) == ([], 3)


class TestSnippets:
    def test_matches_are_marked(self, corpus):
        results, _ = search("precept increase")
        snippet = str(results[0].snippet)
        assert "<mark>precept</mark>" in snippet
        assert "<mark>increase</mark>" in snippet

    def test_indexed_html_comes_out_escaped(self, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="10", title="<b>Bold</b> title", description="")
        PaperFactory(
            agenda_item=item,
            title="Injected",
            text='Quokka <script>alert("x")</script> and <img src=x onerror=alert(1)> quokka \ue000 done.',
        )
        search_index_rebuild(panels=[corpus.panel])
        results, _ = search("quokka")
        snippet = str(results[0].snippet)
        assert "<script>" not in snippet
        assert "<img" not in snippet
        # PostgreSQL's ts_headline drops what it reads as tags; SQLite keeps them: escaped on both.
        assert "alert(&quot;x&quot;)" in snippet
        assert "&lt;img src=x" in snippet
        assert "<mark>Quokka</mark>" in snippet
        assert snippet.count("<mark>") == snippet.count("</mark>") == 2
        title_results, _ = search("bold")
        assert title_results[0].title == "<b>Bold</b> title"  # escaped by the template, as any text

    def test_a_match_deep_in_a_long_paper_is_shown_highlighted(self, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="11", title="Estates strategy", description="")
        # 60,000 characters in: far past the opening that ranks and the window that is highlighted, and still
        # within the 16,383 words whose positions PostgreSQL records (phrases match within those only).
        text = _filler(60_000) + " Sale of the (Properties) at Hindlip: the zeppelin hangar. " + _filler(30_000)
        PaperFactory(agenda_item=item, title="Estates strategy report", text=text)
        search_index_rebuild(panels=[corpus.panel])
        # Words and their other forms, a phrase, or a word of the title with one deep in the text.
        for query in ("zeppelin hangar", "property hangars", '"zeppelin hangar"', "estates zeppelin"):
            results, total = search(query)
            assert total == 1, query
            snippet = str(results[0].snippet)
            # (SQLite marks neighbouring matches as one: <mark>zeppelin hangar</mark>.)
            assert re.search(r"<mark>[^<]*(zeppelin|hangar)[^<]*</mark>", snippet), query
        snippet = str(search("property hangars")[0][0].snippet)
        assert "<mark>Properties</mark>" in snippet
        assert "<mark>hangar</mark>" in snippet

    def test_a_long_paper_without_the_words_in_its_text_shows_its_opening(self, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="12", title="Other business", description="")
        PaperFactory(agenda_item=item, title="Zeppelin hangar", text="Opening words. " + _filler(50_000))
        search_index_rebuild(panels=[corpus.panel])
        results, _ = search("zeppelin")
        assert str(results[0].snippet).startswith("Opening words.")

    def test_snippet_html_escapes_and_balances(self):
        assert snippet_html("a <b> \ue000c&d\ue001 \ue000e") == "a &lt;b&gt; <mark>c&amp;d</mark> <mark>e</mark>"


class TestParseQuery:
    def test_reads_phrases_alternatives_and_exclusions(self):
        parsed = parse_query('"rural crime" drones or fraud -powys')
        assert parsed.groups == ((("rural", "crime"), ("drones",)), (("fraud",),))
        assert parsed.excluded == (("powys",),)

    def test_only_exclusions_is_empty(self):
        assert parse_query("-powys").is_empty

    def test_what_postgresql_highlights_and_looks_for_to_place_the_snippet(self):
        parsed = parse_query('"Council Tax precept" the Properties or drones -powys')
        # Any wanted word or phrase is marked, whichever group it is in; never an excluded one.
        assert highlight_text(parsed) == '"Council Tax precept" or Properties or drones'
        # Words alone (not stop words) and each phrase, its last word to be stemmed in the database.
        assert headline_terms(parsed) == [
            ("", "council"),
            ("", "drones"),
            ("", "precept"),
            ("", "properties"),
            ("", "tax"),
            ("council tax ", "precept"),
        ]
