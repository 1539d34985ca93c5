"""Writes to people, memberships and offices."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.cache import content_version
from scrutiny.core.models import AuditEvent
from scrutiny.members.choices import EndReason, MembershipKind, Office
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.members.services import (
    membership_create,
    membership_delete,
    membership_end,
    office_assign,
    person_create,
    person_update,
)
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def panel():
    return PanelFactory()


class TestPersonCreate:
    def test_slug_from_the_name_unique_within_the_panel(self, user, panel):
        first = person_create(acting_user=user, panel=panel, name="Barry Durkin", title="Cllr")
        second = person_create(acting_user=user, panel=panel, name="Barry Durkin")
        elsewhere = person_create(acting_user=user, panel=PanelFactory(), name="Barry Durkin")

        assert (first.slug, second.slug, elsewhere.slug) == ("barry-durkin", "barry-durkin-2", "barry-durkin")

    def test_sorts_by_surname_and_is_audited(self, user, panel):
        person = person_create(acting_user=user, panel=panel, name="Barry Durkin", title="Cllr")

        assert person.sort_name == "Durkin"
        assert str(person) == "Cllr Barry Durkin"
        event = AuditEvent.objects.get(verb="person_create")
        assert (event.actor, event.panel_id, event.changes["name"]) == (user, panel.pk, [None, "Barry Durkin"])

    def test_update_records_old_and_new(self, user, panel):
        person = person_create(acting_user=user, panel=panel, name="Barry Durkin")

        person_update(acting_user=user, person=person, title="Cllr")

        assert AuditEvent.objects.get(verb="person_update").changes == {"title": ["", "Cllr"]}


class TestMembershipCreate:
    def test_seats_the_person_and_touches_them(self, user, panel):
        person = PersonFactory(panel=panel)
        council = CouncilFactory(panel=panel)
        Person.objects.filter(pk=person.pk).update(modified=LONG_AGO)

        membership = membership_create(
            acting_user=user, person=person, kind=MembershipKind.APPOINTED, council=council, start_date=date(2023, 6, 1)
        )

        assert membership.panel_id == panel.pk
        assert Person.objects.get(pk=person.pk).modified > LONG_AGO
        assert AuditEvent.objects.get(verb="membership_create").action == AuditEvent.Action.CREATE

    def test_refuses_a_council_of_another_panel(self, user, panel):
        person = PersonFactory(panel=panel)

        with pytest.raises(ValidationError) as error:
            membership_create(acting_user=user, person=person, kind=MembershipKind.APPOINTED, council=CouncilFactory())

        assert "council" in error.value.message_dict
        assert not Membership.objects.exists()

    def test_an_end_reason_needs_an_end_date(self, user, panel):
        with pytest.raises(ValidationError) as error:
            membership_create(
                acting_user=user,
                person=PersonFactory(panel=panel),
                kind=MembershipKind.INDEPENDENT,
                end_reason=EndReason.RETIRED,
            )

        assert "end_date" in error.value.message_dict

    def test_a_write_makes_the_public_pages_stale(self, user, panel, django_capture_on_commit_callbacks):
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            membership_create(acting_user=user, person=PersonFactory(panel=panel), kind=MembershipKind.INDEPENDENT)

        assert content_version() != before


class TestMembershipEnd:
    def test_sets_the_end_date_and_reason(self, user):
        membership = MembershipFactory(start_date=date(2021, 6, 1))

        membership_end(acting_user=user, membership=membership, end_date=date(2023, 5, 31), reason=EndReason.RETIRED)

        membership.refresh_from_db()
        assert (membership.end_date, membership.end_reason) == (date(2023, 5, 31), EndReason.RETIRED)
        assert AuditEvent.objects.get(verb="membership_update").changes == {
            "end_date": [None, "2023-05-31"],
            "end_reason": ["", EndReason.RETIRED],
        }

    def test_ends_the_offices_held(self, user):
        """GIVEN a member who chairs the panel
        WHEN the membership ends
        THEN the chairmanship ends the same day, and an office already ended keeps its date."""
        membership = MembershipFactory(start_date=date(2021, 6, 1))
        chair = OfficeHolderFactory(membership=membership, office=Office.CHAIRMAN, start_date=date(2022, 7, 1))
        earlier = OfficeHolderFactory(
            membership=membership, office=Office.VICE_CHAIRMAN, start_date=date(2021, 7, 1), end_date=date(2022, 6, 30)
        )

        membership_end(acting_user=user, membership=membership, end_date=date(2023, 5, 31), reason=EndReason.REPLACED)

        chair.refresh_from_db()
        earlier.refresh_from_db()
        assert chair.end_date == date(2023, 5, 31)
        assert earlier.end_date == date(2022, 6, 30)

    def test_refuses_a_membership_already_ended(self, user):
        membership = MembershipFactory(start_date=date(2021, 6, 1), end_date=date(2022, 5, 31))

        with pytest.raises(ValidationError, match="already ended"):
            membership_end(
                acting_user=user, membership=membership, end_date=date(2023, 5, 31), reason=EndReason.RETIRED
            )

        membership.refresh_from_db()
        assert membership.end_date == date(2022, 5, 31)

    def test_refuses_an_end_before_the_start(self, user):
        membership = MembershipFactory(start_date=date(2021, 6, 1))

        with pytest.raises(ValidationError):
            membership_end(
                acting_user=user, membership=membership, end_date=date(2020, 5, 31), reason=EndReason.RETIRED
            )

        assert Membership.objects.get(pk=membership.pk).end_date is None


class TestMembershipDelete:
    def test_leaves_a_tombstone_out_of_current(self, user):
        membership = MembershipFactory(start_date=date(2021, 6, 1))

        membership_delete(acting_user=user, membership=membership)

        stored = Membership.objects.get(pk=membership.pk)
        assert stored.is_deleted
        assert stored.deleted_at is not None
        assert not Membership.objects.current_on(date(2023, 1, 1)).exists()
        assert AuditEvent.objects.get(verb="membership_delete").action == AuditEvent.Action.DELETE


class TestOfficeAssign:
    def test_ends_the_previous_holder_the_day_before(self, user, panel):
        """GIVEN a Chairman since July 2021
        WHEN another member is elected Chairman from 27 July 2023
        THEN the first tenure ends on 26 July 2023 and the new one is current."""
        old = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))
        new = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))
        previous = OfficeHolderFactory(membership=old, office=Office.CHAIRMAN, start_date=date(2021, 7, 1))

        holder = office_assign(acting_user=user, membership=new, office=Office.CHAIRMAN, start_date=date(2023, 7, 27))

        previous.refresh_from_db()
        assert previous.end_date == date(2023, 7, 26)
        current = OfficeHolder.objects.current_on(date(2023, 7, 27)).filter(office=Office.CHAIRMAN)
        assert list(current) == [holder]
        assert AuditEvent.objects.get(verb="office_assign").action == AuditEvent.Action.CREATE

    def test_leaves_other_offices_and_other_panels_alone(self, user, panel):
        old = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))
        vice = OfficeHolderFactory(membership=old, office=Office.VICE_CHAIRMAN, start_date=date(2021, 7, 1))
        other_chair = OfficeHolderFactory(office=Office.CHAIRMAN, start_date=date(2021, 7, 1))
        new = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))

        office_assign(acting_user=user, membership=new, office=Office.CHAIRMAN, start_date=date(2023, 7, 27))

        vice.refresh_from_db()
        other_chair.refresh_from_db()
        assert vice.end_date is None
        assert other_chair.end_date is None

    def test_a_holder_from_the_same_day_is_ended_that_day(self, user, panel):
        old = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))
        previous = OfficeHolderFactory(membership=old, office=Office.CHAIRMAN, start_date=date(2023, 7, 27))
        new = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))

        office_assign(acting_user=user, membership=new, office=Office.CHAIRMAN, start_date=date(2023, 7, 27))

        previous.refresh_from_db()
        assert previous.end_date == date(2023, 7, 27)

    def test_an_invalid_office_changes_nothing(self, user, panel):
        old = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))
        previous = OfficeHolderFactory(membership=old, office=Office.CHAIRMAN, start_date=date(2021, 7, 1))
        new = MembershipFactory(person__panel=panel, start_date=date(2021, 6, 1))

        with pytest.raises(ValidationError):
            office_assign(
                acting_user=user,
                membership=new,
                office=Office.CHAIRMAN,
                start_date=date(2023, 7, 27),
                end_date=date(2023, 1, 1),
            )

        previous.refresh_from_db()
        assert previous.end_date is None
