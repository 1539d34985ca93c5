"""Browser tests: Debian's Chromium driven by Playwright for Python; axe-core checks accessibility.

No browser is ever downloaded: Playwright launches /usr/bin/chromium. Tests here are marked `browser` and run
once, on PostgreSQL (see the Makefile).
"""

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the tests are still
# synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    browser_tests = []
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            browser_tests.append(item)
    # The browser tests run last (pytest-django has already put the database tests in its order; this keeps
    # that order within each part). Modules sharing one demo load are not transactional, and would otherwise
    # start the browser, and Playwright's event loop, before the rest of the suite's transactional tests.
    chosen = set(browser_tests)
    items[:] = [item for item in items if item not in chosen] + browser_tests


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        # While Playwright's event loop runs in this thread, Django keeps this thread's database connections
        # apart from the ones it uses without a loop: close them now, or the test database cannot be dropped.
        from django.db import connections

        connections.close_all()
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the site's Content Security Policy rightly forbids.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs it)")
    return AXE.read_text()


@pytest.fixture
def axe_violations(axe_source):
    """Run axe-core on the page for WCAG 2.2 A and AA; returns the violations, readable in a failure."""

    def run(page):
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def axe_rule_violations(axe_source):
    """Run only the named axe-core rules, best-practice ones included (such as `region`: all content in a
    landmark), for checks the WCAG tags leave out."""

    def run(page, rules):
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "async (rules) => await axe.run(document, {runOnly: {type: 'rule', values: rules}})", rules
        )
        return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]

    return run


@pytest.fixture
def static_built(settings):
    """The compiled stylesheet must exist for the pages to look (and be judged) as users see them."""
    css = ROOT / "frontend" / "build" / "scrutiny.css"
    if not css.exists():
        if shutil.which("npm"):
            pytest.fail("frontend/build/scrutiny.css is missing: run `npm run build` (make test does)")
        pytest.skip("npm is not installed")
    return json.dumps(str(css))


# The West Mercia demo, loaded once per module ----------------------------------------------------------------
#
# Loading the demo takes seconds and flushing it as long again, so a module of read-only page checks shares one
# load. The `live_server` fixture cannot do that: pytest-django gives every test that asks for it a transactional
# database, flushed after each test. `demo_site` starts its own live server instead, with the database unblocked
# for the whole module, and flushes the database when the module is done so that later tests start empty.
# Tests that change data (journeys) keep to the function-scoped `live_server`.


class DemoSite:
    """The running demo: its address, what the tests look up in it, and signed-in browser contexts."""

    def __init__(self, url, browser):
        self.url = url
        self.browser = browser
        self.refs = {}
        self._sessions = {}

    def sign_in(self, user) -> str:
        """The key of a session for `user`; made once, so best made before the tests (outside their
        transactions, which the live server's own connection cannot see into)."""
        if user.pk not in self._sessions:
            self._sessions[user.pk] = session_key(user)
        return self._sessions[user.pk]

    def close_connections(self):
        """Close this thread's database connections. Module fixtures call it when done writing: with
        Playwright's event loop running in the thread, Django may hand the next fixture or test another
        connection, and one left open keeps the test database from being dropped at the end."""
        site_connections_close()

    def new_page(self, user=None, *, width=1280):
        """A page in a fresh browser context; signed in as `user` (with two-factor verified) when given."""
        context = self.browser.new_context(
            viewport={"width": width, "height": 900}, locale="en-GB", bypass_csp=True, base_url=self.url
        )
        if user is not None:
            name = settings_value("SESSION_COOKIE_NAME")
            context.add_cookies([{"name": name, "value": self.sign_in(user), "url": self.url}])
        return context.new_page()


def site_connections_close():
    from django.db import connections

    connections.close_all()


def settings_value(name):
    from django.conf import settings

    return getattr(settings, name)


def session_key(user) -> str:
    """A session for `user` as if they had signed in with their password and their authenticator's code."""
    from scrutiny.accounts.tests.helpers import signed_in

    return signed_in(user, verified=True).cookies[settings_value("SESSION_COOKIE_NAME")].value


def _flush_database():
    from django.core.management import call_command

    call_command("flush", verbosity=0, interactive=False, allow_cascade=True, inhibit_post_migrate=False)


@pytest.fixture(scope="module")
def demo_site(request, django_db_setup, django_db_blocker, browser):
    """The West Mercia demo behind a live server, shared by the tests of one module (which must not change it).
    A module-scoped fixture built on it may add, once, records the demo lacks."""
    from django.core.management import call_command
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        call_command("load_demo_data", verbosity=0)
        site_connections_close()
        server = LiveServer("localhost")
        site = DemoSite(server.url, browser)
        try:
            yield site
        finally:
            server.stop()
            _flush_database()
            site.close_connections()
