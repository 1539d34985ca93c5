"""The public page cache: one content version, bumped by every write."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from scrutiny.core.cache import content_version, panel_pages_invalidate, public_page


class _CountingView:
    """A view that says how many times it rendered."""

    def __init__(self):
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        return HttpResponse(f"render {self.calls}")


def _get(path="/west-mercia/", user=None):
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    return request


class _SignedIn:
    is_authenticated = True


class TestContentVersion:
    def test_is_stable_between_writes(self):
        assert content_version() == content_version()

    def test_changes_when_the_pages_are_invalidated(self):
        before = content_version()

        panel_pages_invalidate(panel_id=1)

        assert content_version() != before


class TestPublicPage:
    def test_serves_an_anonymous_repeat_from_the_cache(self):
        view = _CountingView()
        cached = public_page(view)

        first = cached(_get())
        second = cached(_get())

        assert view.calls == 1
        assert second.content == first.content == b"render 1"
        assert "public" in second["Cache-Control"]

    def test_renders_afresh_after_invalidation(self):
        """GIVEN a cached page
        WHEN a write invalidates the public pages
        THEN the next anonymous request renders again."""
        view = _CountingView()
        cached = public_page(view)
        cached(_get())

        panel_pages_invalidate()
        response = cached(_get())

        assert view.calls == 2
        assert response.content == b"render 2"

    def test_a_cache_that_keeps_nothing_renders_every_request(self):
        """With DummyCache (no version is ever stored) the process must not keep its own copy either:
        it could never learn that a write had made the copy stale."""
        view = _CountingView()
        cached = public_page(view)
        with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}):
            cached(_get("/dummy-cache/"))
            panel_pages_invalidate()
            response = cached(_get("/dummy-cache/"))

        assert view.calls == 2
        assert response.content == b"render 2"

    def test_keys_by_the_full_path(self):
        view = _CountingView()
        cached = public_page(view)

        cached(_get("/west-mercia/"))
        cached(_get("/west-mercia/?page=2"))

        assert view.calls == 2

    def test_never_caches_a_signed_in_user(self):
        view = _CountingView()
        cached = public_page(view)

        cached(_get(user=_SignedIn()))
        response = cached(_get(user=_SignedIn()))

        assert view.calls == 2
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]

    @pytest.mark.parametrize("status", [404, 500])
    def test_does_not_cache_an_error(self, status):
        calls = []

        def failing(request):
            calls.append(request)
            return HttpResponse("missing", status=status)

        cached = public_page(failing)
        cached(_get())
        cached(_get())

        assert len(calls) == 2
