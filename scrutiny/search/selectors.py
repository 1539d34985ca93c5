"""Searching the index. One function, the same on PostgreSQL and SQLite: `search`.

`public_only=True` is the default, so a caller has to ask in so many words to see what the public may not.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from scrutiny.panels.models import Panel

from .backends import MARK_END, MARK_START, Filters, get_backend, parse_query
from .choices import SearchKind
from .models import SearchEntry

MAX_LIMIT = 100
KIND_LABELS = {SearchKind.PAPER: _("Paper"), SearchKind.AGENDA_ITEM: _("Agenda item"), SearchKind.MINUTE: _("Minute")}


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    kind: str
    date: date
    panel: Panel
    snippet: SafeString
    rank: float

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def snippet_html(raw: str) -> SafeString:
    """Escape the indexed text, then mark the matches: nothing in a paper can reach the page as HTML."""
    text = escape(raw)
    # Close an opened mark at the end, so a snippet cut mid-match cannot leave the page's HTML unbalanced.
    opened = text.count(MARK_START) > text.count(MARK_END)
    html = text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html + ("</mark>" if opened else ""))


def search(
    query: str,
    *,
    panel: Panel | None = None,
    kinds=None,
    date_from: date | None = None,
    date_to: date | None = None,
    public_only: bool = True,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[SearchResult], int]:
    """The entries matching `query` (words, "phrases", or, -exclusions), best first, and how many match.

    Three queries, whatever the number of matches: the page with the total, the highlighted extracts of the
    page, and its entries with their panels (a fourth counts the matches when asked for a page past the end).
    """
    parsed = parse_query(query)
    if parsed.is_empty:
        return [], 0
    filters = Filters(
        panel_id=panel.pk if panel is not None else None,
        kinds=tuple(kinds) if kinds is not None else None,
        date_from=date_from,
        date_to=date_to,
        public_only=public_only,
    )
    hits, total = get_backend().search(parsed, filters, limit=max(1, min(limit, MAX_LIMIT)), offset=max(0, offset))
    if not hits:
        return [], total
    entries = (
        SearchEntry.objects.select_related("panel")
        .only("id", "title", "url", "kind", "date", "panel__id", "panel__name", "panel__slug")
        .in_bulk([hit.entry_id for hit in hits])
    )
    results = [
        SearchResult(
            title=entry.title,
            url=entry.url,
            kind=entry.kind,
            date=entry.date,
            panel=entry.panel,
            snippet=snippet_html(hit.snippet),
            rank=hit.rank,
        )
        for hit in hits
        if (entry := entries.get(hit.entry_id)) is not None
    ]
    return results, total
