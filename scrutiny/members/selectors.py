"""Reads across people, memberships and offices."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from .choices import MembershipKind
from .models import Membership, OfficeHolder
from .rules import Composition, composition_problems


def memberships_current_on(panel, day: date):
    """The panel's memberships in force on `day`, with person, council and the offices then held."""
    return (
        Membership.objects.current_on(day)
        .filter(panel=panel)
        .select_related("person", "council")
        .prefetch_related(Prefetch("offices", queryset=OfficeHolder.objects.current_on(day), to_attr="offices_held"))
        .order_by("person__sort_name", "person__name")
    )


def composition_on(panel, day: date, memberships=None) -> Composition:
    memberships = list(memberships if memberships is not None else memberships_current_on(panel, day))
    kinds = [m.kind for m in memberships]
    return Composition(
        local_authorities=panel.councils.live().count(),
        appointed_councillors=kinds.count(MembershipKind.APPOINTED),
        co_opted_councillors=kinds.count(MembershipKind.CO_OPTED_COUNCILLOR),
        independent_members=kinds.count(MembershipKind.INDEPENDENT),
    )


def panel_composition_problems(panel, day: date) -> list[str]:
    return composition_problems(composition_on(panel, day))


@dataclass(frozen=True)
class AttendanceRecord:
    """A member's attendance over the meetings held while they were a member."""

    expected: int
    present: int
    apologies_with_substitute: int
    apologies_without_substitute: int
    absent: int

    @property
    def percentage(self) -> int | None:
        """Present over expected, as a whole percentage; None when no meeting was expected."""
        if not self.expected:
            return None
        return round(100 * self.present / self.expected)
