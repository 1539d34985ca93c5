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
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


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
def static_built(settings):
    """The compiled stylesheet must exist for the pages to look (and be judged) as users see them."""
    css = ROOT / "frontend" / "build" / "scrutiny.css"
    if not css.exists():
        if shutil.which("npm"):
            pytest.fail("frontend/build/scrutiny.css is missing: run `npm run build` (make test does)")
        pytest.skip("npm is not installed")
    return json.dumps(str(css))
