"""Writes to panels and councils."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.cache import content_version
from scrutiny.core.models import AuditEvent
from scrutiny.panels.choices import ClearDaysMode, MinuteNumbering, Nation
from scrutiny.panels.models import Council, Panel
from scrutiny.panels.services import council_create, panel_create, panel_update
from scrutiny.panels.tests.factories import PanelFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture
def user():
    return UserFactory()


def _west_mercia(user, **fields):
    return panel_create(
        acting_user=user,
        name="West Mercia Police and Crime Panel",
        policing_area="West Mercia",
        force="West Mercia Police",
        **fields,
    )


class TestPanelCreate:
    def test_slug_from_the_name_and_english_defaults(self, user):
        panel = _west_mercia(user)

        assert panel.slug == "west-mercia-police-and-crime-panel"
        assert panel.nation == Nation.ENGLAND
        assert panel.clear_days_mode == ClearDaysMode.WORKING_DAYS
        assert panel.minute_numbering == MinuteNumbering.CONTINUOUS

    def test_keeps_a_given_slug(self, user):
        assert _west_mercia(user, slug="west-mercia").slug == "west-mercia"

    def test_is_audited(self, user):
        panel = _west_mercia(user, slug="west-mercia")

        event = AuditEvent.objects.get(verb="panel_create")
        assert (event.actor, event.action, event.object_id) == (user, AuditEvent.Action.CREATE, str(panel.pk))

    def test_refuses_a_taken_slug(self, user):
        _west_mercia(user, slug="west-mercia")

        with pytest.raises(ValidationError) as error:
            _west_mercia(user, slug="west-mercia")

        assert "slug" in error.value.message_dict
        assert Panel.objects.count() == 1

    def test_makes_the_public_index_stale(self, user, django_capture_on_commit_callbacks):
        """The public index lists every live panel, so a new panel must invalidate it."""
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            _west_mercia(user)

        assert content_version() != before


class TestPanelUpdate:
    def test_records_old_and_new(self, user):
        panel = _west_mercia(user, slug="west-mercia")

        panel_update(acting_user=user, panel=panel, commissioner="John Campion")

        event = AuditEvent.objects.get(verb="panel_update")
        assert event.changes == {"commissioner": ["", "John Campion"]}
        assert event.panel_id == panel.pk

    def test_a_write_makes_the_public_pages_stale(self, user, django_capture_on_commit_callbacks):
        panel = PanelFactory()
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            panel_update(acting_user=user, panel=panel, nation=Nation.WALES)

        assert content_version() != before


class TestCouncilCreate:
    def test_records_the_council_and_touches_the_panel(self, user):
        panel = PanelFactory()
        Panel.objects.filter(pk=panel.pk).update(modified=LONG_AGO)

        council = council_create(acting_user=user, panel=panel, name="Telford & Wrekin Council")

        assert council.slug == "telford-wrekin-council"
        assert Panel.objects.get(pk=panel.pk).modified > LONG_AGO
        assert AuditEvent.objects.get(verb="council_create").panel_id == panel.pk

    def test_slug_is_unique_within_the_panel(self, user):
        panel = PanelFactory()
        council_create(acting_user=user, panel=panel, name="Shropshire Council", slug="shropshire")

        with pytest.raises(ValidationError):
            council_create(acting_user=user, panel=panel, name="Shropshire Council (again)", slug="shropshire")

        assert Council.objects.count() == 1

    def test_the_same_slug_on_another_panel_is_fine(self, user):
        council_create(acting_user=user, panel=PanelFactory(), name="Shropshire Council", slug="shropshire")

        council = council_create(acting_user=user, panel=PanelFactory(), name="Shropshire Council", slug="shropshire")

        assert council.pk is not None


class TestReservedSlugs:
    @pytest.mark.parametrize("slug", ["search", "staff", "accessibility"])
    def test_a_panel_cannot_take_a_path_the_site_uses(self, slug):
        with pytest.raises(ValidationError) as error:
            panel_create(
                acting_user=None, name="Search Police and Crime Panel", slug=slug, policing_area="X", force="Y"
            )
        assert "slug" in error.value.message_dict
        assert not Panel.objects.filter(slug=slug).exists()
