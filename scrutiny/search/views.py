"""The public search pages: /search/ across every panel and /<panel>/search/ within one.

Not cached: every query differs. Fast instead: a fixed number of queries against one indexed table.
"""

from django.shortcuts import get_object_or_404, render

from scrutiny.panels.models import Panel

from .forms import SearchForm
from .selectors import search

PAGE_SIZE = 20


def _pages(current: int, last: int) -> list[int | None]:
    """Page numbers to link, GOV.UK style: first, last, and those beside the current one; None for a gap."""
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    pages: list[int | None] = []
    for number in wanted:
        if pages and number - pages[-1] > 1:
            pages.append(None)
        pages.append(number)
    return pages


def _page_url(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return "?" + params.urlencode()


def search_page(request, panel_slug=None):
    panel = None
    panels = None
    if panel_slug is not None:
        panel = get_object_or_404(Panel.objects.live().only("id", "name", "slug"), slug=panel_slug)
    else:
        panels = list(Panel.objects.live().only("id", "name", "slug").order_by("name"))
    form = SearchForm(request.GET or None, panels=panels)
    results, total, query, page = [], 0, "", 1
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
        page = form.cleaned_data["page"] or 1
        if query:
            results, total = search(
                query,
                panel=panel or form.chosen_panel,
                kinds=form.cleaned_data["kind"] or None,
                date_from=form.cleaned_data["from"],
                date_to=form.cleaned_data["to"],
                limit=PAGE_SIZE,
                offset=(page - 1) * PAGE_SIZE,
            )
    last_page = max(1, -(-total // PAGE_SIZE))
    pagination = None
    if total > PAGE_SIZE:
        pagination = {
            "previous": _page_url(request, page - 1) if page > 1 else None,
            "next": _page_url(request, page + 1) if page < last_page else None,
            "pages": [
                {"number": n, "url": _page_url(request, n), "current": n == page} if n else None
                for n in _pages(page, last_page)
            ],
        }
    return render(
        request,
        "search/search.html",
        {
            "panel": panel,
            "form": form,
            "query": query,
            "results": results,
            "total": total,
            "first": (page - 1) * PAGE_SIZE + 1,
            "last": (page - 1) * PAGE_SIZE + len(results),
            "pagination": pagination,
            "first_page_url": _page_url(request, 1),
            "filtered": bool(
                form.is_bound
                and form.is_valid()
                and (
                    form.cleaned_data["kind"]
                    or form.cleaned_data["from"]
                    or form.cleaned_data["to"]
                    or form.chosen_panel
                )
            ),
        },
    )
