"""Rules on the panel's membership: its composition, the two-thirds veto and substitutes.

Each returns what it finds; the callers show warnings and never refuse to record what happened.
"""

from dataclasses import dataclass

# PRSRA 2011 Sch 6 para 4(2): ten appointed councillor members, or one for each local authority where the
# police area has eleven or more.
MIN_APPOINTED_COUNCILLORS = 10
# Sch 6 para 4(3): two co-opted members unless the panel resolves otherwise.
MIN_CO_OPTED = 2
# Sch 6 para 4(4)-(6): extra co-options, with the Secretary of State's leave, up to twenty in all.
MAX_MEMBERS = 20


@dataclass(frozen=True)
class Composition:
    """The panel's seats at one moment, by kind."""

    local_authorities: int
    appointed_councillors: int
    co_opted_councillors: int
    independent_members: int

    @property
    def co_opted(self) -> int:
        return self.co_opted_councillors + self.independent_members

    @property
    def total(self) -> int:
        return self.appointed_councillors + self.co_opted


def required_appointed_councillors(local_authorities: int) -> int:
    """Sch 6 para 4(2): 10, or the number of local authorities where there are 11 or more."""
    return max(MIN_APPOINTED_COUNCILLORS, local_authorities)


def composition_problems(composition: Composition) -> list[str]:
    """Where the membership falls short of Sch 6 Part 2; an empty list when it complies."""
    problems = []
    required = required_appointed_councillors(composition.local_authorities)
    if composition.appointed_councillors < required:
        problems.append(
            f"{composition.appointed_councillors} appointed councillor members; "
            f"the area's {composition.local_authorities} local authorities require at least {required}."
        )
    if composition.co_opted < MIN_CO_OPTED:
        problems.append(f"{composition.co_opted} co-opted members; at least {MIN_CO_OPTED} are required.")
    # Sch 6 para 23: a councillor may be co-opted only if at least two other co-opted members are not
    # councillors of a local authority in the area.
    if composition.co_opted_councillors and composition.independent_members < 2:
        problems.append(
            f"{composition.co_opted_councillors} councillors are co-opted but only "
            f"{composition.independent_members} co-opted members are not councillors; at least 2 are required."
        )
    if composition.total > MAX_MEMBERS:
        problems.append(f"{composition.total} members exceeds the maximum of {MAX_MEMBERS}.")
    return problems


def veto_threshold(members: int) -> int:
    """Votes needed for a veto: two-thirds of the persons who are members of the panel at the time of the
    decision, not of those present or voting (PRSRA 2011 Sch 5 para 4(3)-(4)). 12 -> 8, 13 -> 9, 20 -> 14."""
    if members < 1:
        raise ValueError("A panel with no members cannot decide.")
    return -(-2 * members // 3)


def veto_passes(members: int, votes_for: int) -> bool:
    """Sch 5 para 4: at least two-thirds of the current members voted for the veto (integer arithmetic)."""
    return votes_for * 3 >= members * 2


def substitute_problems(
    *,
    substitute_council_id: int | None,
    member_council_id: int | None,
    member_sent_apologies: bool,
    member_name: str,
    council_name: str = "",
) -> list[str]:
    """A substitute stands in for a member of the same council who sent apologies."""
    problems = []
    if member_council_id is None:
        problems.append(f"{member_name} was not appointed by a council, so no substitute can stand in.")
    elif substitute_council_id != member_council_id:
        problems.append(f"The substitute for {member_name} was not named by {council_name or 'their council'}.")
    if not member_sent_apologies:
        problems.append(f"{member_name} did not send apologies, yet a substitute stood in.")
    return problems
