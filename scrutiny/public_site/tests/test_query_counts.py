"""Every public page runs a fixed number of queries, however much the panel has on record.

Each page is counted on a panel built at scale n and again at 10n (members, meetings, and per meeting the
agenda items, minutes and attendance), with the page cache cleared before each request; the counts must be
equal, and equal to the page's count below.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import build_panel

pytestmark = pytest.mark.django_db

# Page -> the queries it runs (anonymous, cache cold). A change here should be a decision, not a surprise.
QUERIES = {
    "/": 1,  # panels
    "/accessibility/": 0,
    "/{panel}/": 8,  # panel, next meeting, latest minutes, current memberships, their offices, 3 deadlines
    "/{panel}/members/": 4,  # panel, current memberships, their offices, former memberships
    "/{panel}/members/member-0/": 6,  # panel, person, memberships, offices, attendance, meetings
    "/{panel}/meetings/": 3,  # panel, years, meetings
    "/{panel}/meetings/2020/": 3,
    # panel, meeting, member ids, minutes (public, withheld), votes, nominations, attendance, agenda (public,
    # withheld), declarations
    "/{panel}/meetings/{meeting}/": 14,  # and the latest public agenda pack, the public questions, actions
    "/{panel}/meetings.ics": 6,  # panel, meetings, agenda titles, 3 for the deadlines
}


def count_queries(client, path: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.fixture
def small_and_large(db):
    small = build_panel(2, "small")
    large = build_panel(20, "large")
    return small, large


class TestQueryCounts:
    @pytest.mark.parametrize("page", list(QUERIES))
    def test_constant_as_the_data_grows_tenfold(self, client, small_and_large, page):
        counts = []
        for panel, meetings, _people in small_and_large:
            # The first meeting: at scale 20 it has 20 items, 20 minutes and 22 attendance records.
            path = page.format(panel=panel.slug, meeting=meetings[0].slug)
            counts.append(count_queries(client, path))
        assert counts[0] == counts[1], f"{page}: {counts[0]} queries at n=2 but {counts[1]} at n=20"
        assert counts[1] == QUERIES[page]

    def test_large_pages_show_all_their_rows(self, client, small_and_large):
        _small, (panel, meetings, people) = small_and_large
        cache.clear()
        page = client.get(f"/{panel.slug}/meetings/{meetings[0].slug}/").context["page"]
        assert len(page.agenda) == 20
        assert len(page.minutes) == 20
        assert len(page.present) == 19
        assert len(page.substitutes) == 1
        assert sum(1 for item in page.agenda if item.withheld) == 1
        record = client.get(f"/{panel.slug}/members/member-1/").context["record"]
        assert record.expected == 20
        assert record.apologies_with_substitute == 20
        members = client.get(f"/{panel.slug}/members/").context["memberships"]
        assert len(members) == len(people) == 20
