"""The public page cache.

Anonymous GET responses of public pages are cached whole, keyed by URL and by one content version. Every
write made through the services bumps the version after commit, so the next request renders afresh: the
cache can never show what the database no longer says. One version for the whole site keeps this simple
and always right; writes are rare beside reads. Pages also expire after PUBLIC_CACHE_SECONDS, which bounds
how stale time-dependent wording ("next meeting") can get.

A hit costs one small round trip to the shared cache, for the version: each process also keeps the pages
it served lately, by versioned key, so the page itself rarely crosses the network.

Signed-in users are never served from, nor stored in, the public cache: they may see what the public may
not (staff views, exempt items).
"""

import functools
import hashlib
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "public-pages:version"

# Pages this process has served lately, by versioned key: a hit then costs only the small version read.
# Keys carry the version, so an entry is never served once the version has moved on.
_LOCAL_PAGES: OrderedDict[str, tuple] = OrderedDict()
_LOCAL_PAGES_MAX = 256


def panel_pages_invalidate(panel_id=None) -> None:
    """Make every cached public page stale. `panel_id` is accepted for the callers' clarity."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_version() -> int | None:
    """The current content version; None when the configured cache keeps nothing (DummyCache)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _page_key(version, digest: str) -> str:
    return f"public-page:2:{version}:{digest}"  # 2: the stored format, (headers, content)


def _local_get(key: str):
    entry = _LOCAL_PAGES.get(key)
    if entry is None:
        return None
    expires, page = entry
    if expires < time.monotonic():
        del _LOCAL_PAGES[key]
        return None
    _LOCAL_PAGES.move_to_end(key)
    return page


def _local_put(key: str, page) -> None:
    _LOCAL_PAGES[key] = (time.monotonic() + settings.PUBLIC_CACHE_SECONDS, page)
    _LOCAL_PAGES.move_to_end(key)
    while len(_LOCAL_PAGES) > _LOCAL_PAGES_MAX:
        _LOCAL_PAGES.popitem(last=False)


def _cached_page(digest: str):
    """The stored page for the current version (or None), and the key to store it under (None: do not store,
    since a cache that keeps no version could never tell this process's copy is stale)."""
    version = content_version()
    if version is None:
        return None, None
    key = _page_key(version, digest)
    page = _local_get(key)
    if page is None:
        page = cache.get(key)
        if page is not None:
            _local_put(key, page)
    return page, key


def public_page(view):
    """Serve an anonymous GET from the shared cache, rendering and storing it on a miss."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        digest = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
        page, key = _cached_page(digest)
        if page is not None:
            headers, content = page
            response = HttpResponse(content, headers=headers)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if key is not None and response.status_code == 200 and not response.streaming:
                page = (dict(response.headers), response.content)
                cache.set(key, page, settings.PUBLIC_CACHE_SECONDS)
                _local_put(key, page)
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapper
