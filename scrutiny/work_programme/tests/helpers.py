"""Helpers for the work programme's view tests."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url) -> int:
    """The queries one GET of `url` makes (the public page cache cleared first, so it renders)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
