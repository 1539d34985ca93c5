"""The demo's commands: load_demo_data (idempotent, audited, refusing a clash), demo_password and
generate_national_instance."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from scrutiny.accounts.choices import Role
from scrutiny.accounts.models import PanelRole, User
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.models import AgendaItem, Attendance, Meeting, MinuteItem, Nomination, Vote
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.panels.models import Council, Panel
from scrutiny.panels.tests.factories import PanelFactory

# Every kind of object the demo writes, and how it reaches the panel.
_PANEL_LOOKUPS = {
    Council: "panel",
    Person: "panel",
    Membership: "panel",
    OfficeHolder: "membership__panel",
    Meeting: "panel",
    AgendaItem: "meeting__panel",
    Attendance: "meeting__panel",
    MinuteItem: "meeting__panel",
    Vote: "meeting__panel",
    Nomination: "vote__meeting__panel",
}


def _counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
class TestLoadDemoDataCommand:
    def test_second_run_changes_nothing(self, west_mercia):
        """
        GIVEN the demo loaded once
        WHEN load_demo_data runs again
        THEN no row of any model is added, and it says the demo is already loaded
        """
        before = _counts()
        out = StringIO()
        call_command("load_demo_data", stdout=out)
        assert _counts() == before
        assert "already loaded" in out.getvalue()

    def test_a_run_after_the_open_meeting_has_gone_by_adds_and_names_a_new_one(self, west_mercia):
        """
        GIVEN the demo loaded, and its meeting open for questions since past its deadline
        WHEN load_demo_data runs again
        THEN it adds one new meeting open for questions and says so, instead of "nothing to do"
        """
        from datetime import timedelta

        from django.utils import timezone

        from scrutiny.demo.schedule import meeting_open_for_questions

        open_meeting = meeting_open_for_questions(west_mercia)
        Meeting.objects.filter(pk=open_meeting.pk).update(start=timezone.now() - timedelta(days=1))
        before = Meeting.objects.count()
        out = StringIO()
        call_command("load_demo_data", stdout=out)
        added = meeting_open_for_questions(west_mercia)
        assert Meeting.objects.count() == before + 1
        assert added is not None
        assert added.pk != open_meeting.pk
        assert f"Added a meeting open for public questions on {timezone.localtime(added.start):%-d %B %Y}" in (
            out.getvalue()
        )
        assert "nothing to do" not in out.getvalue()

    def test_prints_the_checks_for_july(self, db):
        out = StringIO()
        call_command("load_demo_data", stdout=out)
        assert "took part before becoming a member at minute 478" in out.getvalue()
        assert "whose membership began only at minute 478" in out.getvalue()

    def test_writes_are_audited(self, west_mercia):
        """Every object the demo holds was written by a service, which audited its creation."""
        events = AuditEvent.objects.filter(panel_id=west_mercia.pk, action=AuditEvent.Action.CREATE)
        # panel_create records no panel_id on its own event (the panel has no id until saved).
        assert AuditEvent.objects.filter(verb="panel_create", object_id=str(west_mercia.pk)).exists()
        assert all(e.actor is None for e in events)
        for model in _PANEL_LOOKUPS:
            ids = {
                str(pk)
                for pk in model.objects.filter(**{_PANEL_LOOKUPS[model]: west_mercia}).values_list("pk", flat=True)
            }
            audited = set(
                events.filter(content_type=ContentType.objects.get_for_model(model)).values_list("object_id", flat=True)
            )
            assert ids, model.__name__
            assert ids <= audited, model.__name__

    def test_refuses_a_panel_that_is_not_the_demo(self, db):
        PanelFactory(slug="west-mercia")
        with pytest.raises(CommandError, match="does not hold the complete demo"):
            call_command("load_demo_data", stdout=StringIO())


@pytest.mark.django_db
class TestDemoOfficer:
    def test_officer_can_edit_west_mercia_with_the_printed_password(self, west_mercia):
        out = StringIO()
        call_command("demo_password", stdout=out)
        password = out.getvalue().strip()
        officer = User.objects.get(username="demo-officer")
        assert len(password) >= 12
        assert officer.check_password(password)
        assert PanelRole.objects.filter(user=officer, panel=west_mercia, role=Role.SCRUTINY_OFFICER).exists()
        assert not officer.is_superuser

    def test_password_from_the_environment(self, db, monkeypatch, settings):
        monkeypatch.setenv("DEMO_PASSWORD", "a long demo password")
        call_command("load_demo_data", stdout=StringIO())
        out = StringIO()
        call_command("demo_password", stdout=out)
        assert out.getvalue().strip() == "a long demo password"
        assert User.objects.get(username="demo-officer").check_password("a long demo password")
        assert not settings.DEMO_PASSWORD_FILE.exists()

    def test_generated_password_is_kept_between_loads(self, west_mercia, settings):
        stored = settings.DEMO_PASSWORD_FILE.read_text().strip()
        call_command("load_demo_data", stdout=StringIO())
        assert settings.DEMO_PASSWORD_FILE.read_text().strip() == stored
        assert User.objects.get(username="demo-officer").check_password(stored)

    def test_no_password_yet(self, db):
        with pytest.raises(CommandError, match="No demo password"):
            call_command("demo_password", stdout=StringIO())


@pytest.mark.django_db
class TestGenerateNationalInstanceCommand:
    def test_prints_progress_and_counts(self):
        out = StringIO()
        call_command("generate_national_instance", panels=2, years=1, stdout=out)
        text = out.getvalue()
        assert "Panel 1 of 2: Avon and Somerset Police and Crime Panel" in text
        assert "Panel 2 of 2: Bedfordshire Police and Crime Panel" in text
        assert "Created 2 panels" in text
        assert Panel.objects.count() == 2

    def test_refuses_nonsense(self):
        with pytest.raises(CommandError, match="at least one panel"):
            call_command("generate_national_instance", panels=0, stdout=StringIO())
