import pytest

from scrutiny.accounts.permissions import (
    can_edit_panel,
    can_view_panel,
    is_editor,
    is_staff_user,
    panel_id_of,
    scope_to_panels,
)
from scrutiny.accounts.tests.helpers import build_ladder
from scrutiny.meetings.models import Meeting, Nomination, Vote
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from scrutiny.members.tests.factories import OfficeHolderFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ladder():
    return build_ladder()


class TestRoles:
    @pytest.mark.parametrize(
        ("rung", "views", "edits"),
        [
            ("officer", True, True),
            ("member", True, False),
            ("pcc_office", True, False),
            ("outsider", False, False),
            ("administrator", True, True),
            ("other_officer", False, False),
        ],
    )
    def test_the_ladder(self, ladder, rung, views, edits):
        user = getattr(ladder, rung)
        assert can_view_panel(user, ladder.panel) is views
        assert can_view_panel(user, ladder.panel.pk) is views
        assert can_edit_panel(user, ladder.panel) is edits

    def test_staff_and_editors(self, ladder):
        assert is_staff_user(ladder.member)
        assert not is_editor(ladder.member)
        assert is_editor(ladder.officer)
        assert not is_staff_user(ladder.outsider)

    def test_scope_follows_the_lookup(self, ladder):
        ours = MeetingFactory(panel=ladder.panel)
        MeetingFactory(panel=ladder.other_panel)
        assert list(scope_to_panels(Meeting.objects.all(), ladder.member)) == [ours]


class TestPanelIdOf:
    def test_follows_parents_to_the_panel(self, ladder):
        panel = ladder.panel
        item = AgendaItemFactory(meeting__panel=panel)
        office = OfficeHolderFactory(membership__person__panel=panel)
        vote = Vote.objects.create(meeting=item.meeting, kind="motion", motion="That…", result="carried")
        nomination = Nomination(vote=vote, person=PersonFactory(panel=panel))
        assert {panel_id_of(o) for o in (panel, item, item.meeting, office, office.membership, vote, nomination)} == {
            panel.pk
        }

    def test_an_unattached_row_has_no_panel(self):
        assert panel_id_of(Nomination()) is None
