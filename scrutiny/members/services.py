"""Writes to people, memberships and offices."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from scrutiny.core.services import object_save, object_tombstone

from .models import Membership, OfficeHolder, Person


def _unique_person_slug(panel, name: str) -> str:
    base = slugify(name)[:70] or "person"
    slug, n = base, 2
    while Person.objects.filter(panel=panel, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def person_create(*, acting_user, panel, name: str, title: str = "", **fields) -> Person:
    """Record a person the panel's records name: a member, substitute, officer or guest."""
    person = Person(panel=panel, name=name, title=title, slug=_unique_person_slug(panel, name), **fields)
    return object_save(instance=person, acting_user=acting_user, verb="person_create", panel_id=panel.pk)


def person_update(*, acting_user, person: Person, **fields) -> Person:
    for name, value in fields.items():
        setattr(person, name, value)
    return object_save(instance=person, acting_user=acting_user, verb="person_update", panel_id=person.panel_id)


def membership_create(*, acting_user, person: Person, kind: str, council=None, start_date=None, **fields):
    """Seat a person on the panel. The composition rules are checked by `panel_composition_problems`,
    which warns; a membership that breaks them is still recorded, as the panel's own records show it."""
    membership = Membership(
        panel_id=person.panel_id, person=person, kind=kind, council=council, start_date=start_date, **fields
    )
    return object_save(
        instance=membership,
        acting_user=acting_user,
        verb="membership_create",
        panel_id=person.panel_id,
        parents=[person],
    )


def membership_update(*, acting_user, membership: Membership, **fields) -> Membership:
    for name, value in fields.items():
        setattr(membership, name, value)
    return object_save(
        instance=membership,
        acting_user=acting_user,
        verb="membership_update",
        panel_id=membership.panel_id,
        parents=[membership.person],
    )


@transaction.atomic
def membership_end(*, acting_user, membership: Membership, end_date: date, reason: str, **fields) -> Membership:
    """End a membership (retired, stood down, term ended, replaced); any office held ends with it."""
    if membership.end_date:
        raise ValidationError("This membership has already ended.")
    membership = membership_update(
        acting_user=acting_user, membership=membership, end_date=end_date, end_reason=reason, **fields
    )
    for office in membership.offices.live().filter(end_date__isnull=True):
        office_update(acting_user=acting_user, office=office, end_date=max(end_date, office.start_date))
    return membership


def membership_delete(*, acting_user, membership: Membership) -> Membership:
    return object_tombstone(
        instance=membership,
        acting_user=acting_user,
        verb="membership_delete",
        panel_id=membership.panel_id,
        parents=[membership.person],
    )


@transaction.atomic
def office_assign(*, acting_user, membership: Membership, office: str, start_date: date, **fields) -> OfficeHolder:
    """Give a member an office (Chairman, Vice-Chairman); the previous holder's tenure ends the day before."""
    holder = OfficeHolder(membership=membership, office=office, start_date=start_date, **fields)
    holder.full_clean()
    current = (
        OfficeHolder.objects.current_on(start_date)
        .filter(office=office, membership__panel_id=membership.panel_id)
        .exclude(membership=membership)
    )
    for previous in current:
        office_update(
            acting_user=acting_user,
            office=previous,
            end_date=max(previous.start_date, start_date - timedelta(days=1)),
        )
    return object_save(
        instance=holder,
        acting_user=acting_user,
        verb="office_assign",
        panel_id=membership.panel_id,
        parents=[membership],
    )


def office_update(*, acting_user, office: OfficeHolder, **fields) -> OfficeHolder:
    for name, value in fields.items():
        setattr(office, name, value)
    return object_save(
        instance=office,
        acting_user=acting_user,
        verb="office_update",
        panel_id=office.membership.panel_id,
        parents=[office.membership],
    )
