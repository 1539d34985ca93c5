"""The generic write helpers: validate, save, audit, touch parents, invalidate public pages."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.cache import content_version
from scrutiny.core.models import AuditEvent
from scrutiny.core.services import diff_against_database, object_save, object_tombstone
from scrutiny.meetings.models import Meeting
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from scrutiny.panels.models import Council, Panel
from scrutiny.panels.tests.factories import PanelFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def panel():
    return PanelFactory()


def _age(instance):
    """Set the stored `modified` time far in the past, so that any touch shows."""
    type(instance).objects.filter(pk=instance.pk).update(modified=LONG_AGO)


class TestObjectSave:
    def test_create_records_an_audit_event(self, user, panel):
        council = Council(panel=panel, name="Shropshire Council", slug="shropshire")

        object_save(instance=council, acting_user=user, verb="council_create", panel_id=panel.pk)

        event = AuditEvent.objects.get(object_id=str(council.pk), content_type__model="council")
        assert event.actor == user
        assert event.verb == "council_create"
        assert event.action == AuditEvent.Action.CREATE
        assert event.panel_id == panel.pk
        assert event.object_repr == "Shropshire Council"
        assert event.changes["name"] == [None, "Shropshire Council"]
        assert event.changes["panel_id"] == [None, panel.pk]

    def test_update_records_each_changed_field_as_old_and_new(self, user):
        """GIVEN a stored meeting
        WHEN its venue changes through object_save
        THEN the audit event holds exactly that field, as [old, new]."""
        meeting = MeetingFactory(venue="County Hall")
        meeting.venue = "Guildhall"

        object_save(instance=meeting, acting_user=user, verb="meeting_update", panel_id=meeting.panel_id)

        event = AuditEvent.objects.get(verb="meeting_update")
        assert event.action == AuditEvent.Action.UPDATE
        assert event.changes == {"venue": ["County Hall", "Guildhall"]}

    def test_the_same_instant_in_another_timezone_is_not_a_change(self, user):
        """A meeting held in memory in London time and stored in UTC has not moved."""
        meeting = MeetingFactory(start=datetime(2023, 9, 19, 11, 0, tzinfo=LONDON))
        meeting.start = meeting.start.astimezone(LONDON)

        assert diff_against_database(meeting) == {}

    def test_an_unchanged_save_records_nothing_and_touches_nothing(self, user, panel):
        meeting = MeetingFactory(panel=panel)
        meeting.refresh_from_db()
        _age(panel)

        object_save(instance=meeting, acting_user=user, verb="meeting_update", panel_id=panel.pk, parents=[panel])

        assert not AuditEvent.objects.exists()
        panel.refresh_from_db()
        assert panel.modified == LONG_AGO

    def test_a_change_touches_the_parents(self, user, panel):
        meeting = MeetingFactory(panel=panel)
        _age(panel)
        meeting.venue = "Guildhall"

        object_save(instance=meeting, acting_user=user, verb="meeting_update", panel_id=panel.pk, parents=[panel])

        panel.refresh_from_db()
        assert panel.modified > LONG_AGO

    def test_a_validation_error_writes_nothing(self, user, panel, django_capture_on_commit_callbacks):
        council = Council(panel=panel, name="", slug="nameless")

        with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ValidationError) as error:
            object_save(instance=council, acting_user=user, verb="council_create", panel_id=panel.pk, parents=[panel])

        assert "name" in error.value.message_dict
        assert not Council.objects.exists()
        assert not AuditEvent.objects.exists()
        assert callbacks == []

    def test_an_anonymous_writer_is_recorded_as_the_system(self, panel):
        council = Council(panel=panel, name="Herefordshire Council", slug="herefordshire")

        object_save(instance=council, acting_user=None, verb="council_create", panel_id=panel.pk)

        assert AuditEvent.objects.get().actor is None

    def test_a_write_makes_the_public_pages_stale_after_commit(self, user, panel, django_capture_on_commit_callbacks):
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            object_save(
                instance=Council(panel=panel, name="Worcestershire County Council", slug="worcestershire"),
                acting_user=user,
                verb="council_create",
                panel_id=panel.pk,
            )

        assert content_version() != before

    def test_the_public_pages_stay_fresh_until_commit(self, user, panel, django_capture_on_commit_callbacks):
        before = content_version()

        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            object_save(
                instance=Council(panel=panel, name="Telford & Wrekin Council", slug="telford"),
                acting_user=user,
                verb="council_create",
                panel_id=panel.pk,
            )

        assert content_version() == before
        assert len(callbacks) == 1

    def test_a_write_without_a_panel_also_makes_the_public_pages_stale(self, user, django_capture_on_commit_callbacks):
        """The public index lists every panel: creating one must not leave a cached index behind."""
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            object_save(
                instance=Panel(
                    name="Dyfed-Powys Police and Crime Panel",
                    slug="dyfed-powys",
                    policing_area="Dyfed-Powys",
                    force="Dyfed-Powys Police",
                ),
                acting_user=user,
                verb="panel_create",
            )

        assert content_version() != before


class TestObjectTombstone:
    def test_keeps_the_row_flagged_deleted(self, user):
        item = AgendaItemFactory()

        object_tombstone(instance=item, acting_user=user, verb="agenda_item_delete")

        item.refresh_from_db()
        assert item.is_deleted
        assert item.deleted_at is not None
        assert type(item).objects.filter(pk=item.pk).exists()
        assert not type(item).objects.live().filter(pk=item.pk).exists()
        assert type(item).objects.deleted().filter(pk=item.pk).exists()

    def test_records_the_deletion(self, user):
        meeting = MeetingFactory()

        object_tombstone(instance=meeting, acting_user=user, verb="meeting_delete", panel_id=meeting.panel_id)

        event = AuditEvent.objects.get()
        assert event.action == AuditEvent.Action.DELETE
        assert event.verb == "meeting_delete"
        assert event.actor == user
        assert event.object_id == str(meeting.pk)
        assert event.changes == {"is_deleted": [False, True]}

    def test_touches_the_parents(self, user):
        item = AgendaItemFactory()
        _age(item.meeting)

        object_tombstone(instance=item, acting_user=user, verb="agenda_item_delete", parents=[item.meeting])

        assert Meeting.objects.get(pk=item.meeting_id).modified > LONG_AGO

    def test_makes_the_public_pages_stale(self, user, django_capture_on_commit_callbacks):
        meeting = MeetingFactory()
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            object_tombstone(instance=meeting, acting_user=user, verb="meeting_delete", panel_id=meeting.panel_id)

        assert content_version() != before


class TestDiffAgainstDatabase:
    def test_a_new_instance_lists_its_set_fields(self, panel):
        council = Council(panel=panel, name="Wyre Forest District Council", slug="wyre-forest")

        changes = diff_against_database(council)

        assert changes["name"] == [None, "Wyre Forest District Council"]
        assert "website" not in changes
        assert "is_deleted" not in changes

    def test_dates_are_recorded_as_iso_text(self):
        meeting = MeetingFactory(start=datetime(2023, 9, 19, 11, 0, tzinfo=LONDON))
        meeting.start = datetime(2023, 9, 20, 11, 0, tzinfo=LONDON)

        changes = diff_against_database(meeting)

        assert set(changes) == {"start"}
        old, new = changes["start"]
        assert datetime.fromisoformat(new) - datetime.fromisoformat(old) == timedelta(days=1)
