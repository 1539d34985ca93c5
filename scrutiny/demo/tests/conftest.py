from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from scrutiny.panels.models import Panel


@pytest.fixture(autouse=True)
def _demo_password_file(settings, tmp_path, monkeypatch):
    """A generated demo password goes to a temporary file, never to the checkout's var/."""
    settings.DEMO_PASSWORD_FILE = tmp_path / "demo-password"
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)


@pytest.fixture
def west_mercia(db):
    """The West Mercia demo, freshly loaded by its command (for tests of the command itself)."""
    call_command("load_demo_data", stdout=StringIO())
    return Panel.objects.get(slug="west-mercia")


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once per module, in a transaction rolled back after the module's last test.

    Each test still runs in its own savepoint (the `db` fixture), so what a test writes is undone.
    """
    password_file = tmp_path_factory.mktemp("demo") / "demo-password"
    with django_db_blocker.unblock(), override_settings(DEMO_PASSWORD_FILE=password_file), transaction.atomic():
        call_command("load_demo_data", stdout=StringIO())
        yield Panel.objects.get(slug="west-mercia").pk
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_once, db):
    """The West Mercia demo, shared by a module's tests that only read it."""
    return Panel.objects.get(pk=_demo_once)
