"""The public page cache.

Anonymous GET responses of public pages are cached whole, keyed by URL and by one content version. Every
write made through the services bumps the version after commit, so the next request renders afresh: the
cache can never show what the database no longer says. One version for the whole site keeps this simple
and always right; writes are rare beside reads.

Signed-in users are never served from, nor stored in, the public cache: they may see what the public may
not (staff views, exempt items).
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "public-pages:version"


def panel_pages_invalidate(panel_id=None) -> None:
    """Make every cached public page stale. `panel_id` is accepted for the callers' clarity."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def public_page(view):
    """Serve an anonymous GET from the shared cache, rendering and storing it on a miss."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response
        digest = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
        key = f"public-page:{content_version()}:{digest}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code == 200:
                cache.set(key, response, settings.PUBLIC_CACHE_SECONDS)
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapper
