"""The public search pages."""

import pytest
from django.urls import reverse

from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings.tests.factories import AgendaItemFactory
from scrutiny.search.services import search_index_rebuild

from .conftest import SECRET

pytestmark = pytest.mark.django_db


class TestSearchPage:
    def test_empty_page_shows_the_form(self, client, corpus):
        response = client.get(reverse("search:search"))
        assert response.status_code == 200
        assert b'name="q"' in response.content
        assert b"All panels" in response.content

    def test_renders_results_with_highlighted_snippets(self, client, corpus):
        response = client.get(reverse("search:search"), {"q": "council tax"})
        html = response.content.decode()
        assert "1 result" in html
        assert 'href="/west-mercia/meetings/2024-03-12/#agenda"' in html
        assert "<mark>council</mark>" in html
        assert "West Mercia Police and Crime Panel" in html

    def test_panel_page_searches_only_that_panel(self, client, corpus):
        response = client.get(reverse("search:panel_search", args=["dyfed-powys"]), {"q": "rural crime"})
        html = response.content.decode()
        assert "2 results" in html
        assert "Precept report" not in html
        assert response.context["panel"] == corpus.other_panel

    def test_unknown_panel_is_not_found(self, client, corpus):
        assert client.get("/no-such-panel/search/", {"q": "x"}).status_code == 404

    def test_filters_from_the_query_string(self, client, corpus):
        url = reverse("search:search")
        assert client.get(url, {"q": "rural crime", "panel": "dyfed-powys"}).context["total"] == 2
        assert client.get(url, {"q": "rural crime", "kind": ["agenda_item"]}).context["total"] == 1
        assert client.get(url, {"q": "rural crime", "kind": ["paper", "agenda_item"]}).context["total"] == 3
        assert client.get(url, {"q": "rural", "from": "1/4/2024"}).context["total"] == 2
        assert client.get(url, {"q": "rural", "to": "2024-04-01"}).context["total"] == 1
        assert client.get(url, {"q": "rural", "from": "2025"}).context["total"] == 0
        assert client.get(url, {"q": "rural", "to": "2024"}).context["total"] == 3

    def test_a_bad_date_is_an_error_not_a_crash(self, client, corpus):
        response = client.get(reverse("search:search"), {"q": "rural", "from": "31/2/2024", "to": "x"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in html
        assert "Enter a real date" in html

    def test_no_results_gives_advice(self, client, corpus):
        html = client.get(reverse("search:search"), {"q": "zebra", "kind": ["minute"]}).content.decode()
        assert "There are no matching results." in html
        assert "removing filters" in html

    def test_exempt_business_never_appears(self, client, corpus):
        for q in (SECRET, "Hindlip", "valuation", "estates"):
            response = client.get(reverse("search:search"), {"q": q})
            html = response.content.decode()
            assert response.context["total"] == 0
            assert "No results" in html
            assert "Estates valuation" not in html
            assert "in confidence" not in html
            assert "Noted the" not in html

    def test_html_in_indexed_text_is_escaped_on_the_page(self, client, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="11", title="Wombats", description="")
        PaperFactory(agenda_item=item, title="<i>Wombat</i>", text="<script>alert(1)</script> wombat burrows")
        search_index_rebuild(panels=[corpus.panel])
        html = client.get(reverse("search:search"), {"q": "wombat burrows"}).content.decode()
        assert "<script>alert" not in html
        assert "<i>Wombat</i>" not in html
        assert "&lt;i&gt;Wombat&lt;/i&gt;" in html

    def test_pagination(self, client, corpus):
        item = AgendaItemFactory(meeting=corpus.march, number="12", title="Many", description="")
        for n in range(45):
            PaperFactory(agenda_item=item, title=f"Capybara {n}", text="capybara")
        search_index_rebuild(panels=[corpus.panel])
        first = client.get(reverse("search:search"), {"q": "capybara"})
        assert first.context["total"] == 45
        assert len(first.context["results"]) == 20
        assert "page=2" in first.content.decode()
        third = client.get(reverse("search:search"), {"q": "capybara", "page": "3"})
        assert len(third.context["results"]) == 5
        assert 'rel="prev"' in third.content.decode()
        assert 'rel="next"' not in third.content.decode()
        beyond = client.get(reverse("search:search"), {"q": "capybara", "page": "9"}).content.decode()
        assert "There are no results on this page." in beyond
        assert "page=1" in beyond

    def test_the_query_count_does_not_grow_with_results(self, client, corpus, django_assert_max_num_queries):
        item = AgendaItemFactory(meeting=corpus.march, number="13", title="Mustelids", description="")
        PaperFactory(agenda_item=item, title="Otter 1", text="otter")
        search_index_rebuild(panels=[corpus.panel])
        with django_assert_max_num_queries(4) as few:
            client.get(reverse("search:search"), {"q": "otter"})
        for n in range(2, 20):
            PaperFactory(agenda_item=item, title=f"Otter {n}", text="otter")
        search_index_rebuild(panels=[corpus.panel])
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(reverse("search:search"), {"q": "otter"})
        assert response.context["total"] == 19
