"""Panel composition, the two-thirds veto and substitutes (domain rules M-1, M-2, M-4, P-2)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny.members.rules import (
    MAX_MEMBERS,
    MIN_CO_OPTED,
    Composition,
    composition_problems,
    required_appointed_councillors,
    substitute_problems,
    veto_passes,
    veto_threshold,
)


def _composition(las=10, appointed=10, co_opted_councillors=0, independents=2) -> Composition:
    return Composition(
        local_authorities=las,
        appointed_councillors=appointed,
        co_opted_councillors=co_opted_councillors,
        independent_members=independents,
    )


class TestRequiredAppointedCouncillors:
    @pytest.mark.parametrize(("las", "appointed"), [(1, 10), (4, 10), (10, 10), (11, 11), (14, 14), (18, 18)])
    def test_ten_or_one_per_local_authority(self, las, appointed):
        assert required_appointed_councillors(las) == appointed

    @pytest.mark.parametrize(("las", "minimum"), [(10, 12), (14, 16)])
    def test_minimum_panel_adds_two_co_opted_members(self, las, minimum):
        assert required_appointed_councillors(las) + MIN_CO_OPTED == minimum

    def test_two_co_opted_members_and_at_most_twenty(self):
        assert (MIN_CO_OPTED, MAX_MEMBERS) == (2, 20)


class TestCompositionProblems:
    def test_minimum_panel_for_ten_councils_complies(self):
        assert composition_problems(_composition()) == []

    def test_minimum_panel_for_fourteen_councils_complies(self):
        assert composition_problems(_composition(las=14, appointed=14)) == []

    def test_west_mercia_complies(self):
        """West Mercia: 10 councils, 10 appointed, 5 councillors co-opted for balance and 2 independents."""
        assert composition_problems(_composition(las=10, appointed=10, co_opted_councillors=5, independents=2)) == []

    def test_composition_counts_co_opted_and_total(self):
        west_mercia = _composition(las=10, appointed=10, co_opted_councillors=5, independents=2)

        assert (west_mercia.co_opted, west_mercia.total) == (7, 17)

    def test_too_few_appointed_for_fourteen_councils(self):
        problems = composition_problems(_composition(las=14, appointed=13))

        assert len(problems) == 1
        assert "13 appointed" in problems[0]
        assert "at least 14" in problems[0]

    def test_too_few_appointed_for_ten_councils(self):
        problems = composition_problems(_composition(las=6, appointed=9))

        assert len(problems) == 1
        assert "at least 10" in problems[0]

    def test_twenty_one_members_exceeds_twenty(self):
        problems = composition_problems(_composition(las=17, appointed=17, co_opted_councillors=2, independents=2))

        assert len(problems) == 1
        assert "21 members exceeds" in problems[0]
        assert "20" in problems[0]

    def test_twenty_members_is_allowed(self):
        assert composition_problems(_composition(las=16, appointed=16, co_opted_councillors=2, independents=2)) == []

    def test_one_co_opted_member_is_too_few(self):
        problems = composition_problems(_composition(independents=1))

        assert len(problems) == 1
        assert "at least 2 are required" in problems[0]

    def test_co_opted_councillor_needs_two_independents(self):
        """Sch 6 para 23: two co-opted members, one a councillor; neither may be a councillor."""
        problems = composition_problems(_composition(co_opted_councillors=1, independents=1))

        assert len(problems) == 1
        assert "only 1 co-opted members are not councillors" in problems[0]

    def test_many_co_opted_councillors_with_one_independent(self):
        problems = composition_problems(_composition(co_opted_councillors=5, independents=1))

        assert any("are not councillors" in problem for problem in problems)

    def test_reports_every_shortfall(self):
        problems = composition_problems(_composition(las=12, appointed=11, co_opted_councillors=1, independents=0))

        assert len(problems) == 3
        assert "at least 12" in problems[0]
        assert "1 co-opted members; at least 2" in problems[1]
        assert "0 co-opted members are not councillors" in problems[2]


class TestVetoThreshold:
    @pytest.mark.parametrize(
        ("members", "needed"),
        [(10, 7), (11, 8), (12, 8), (13, 9), (14, 10), (15, 10), (16, 11), (17, 12), (18, 12), (19, 13), (20, 14)],
    )
    def test_two_thirds_of_the_members_rounded_up(self, members, needed):
        assert veto_threshold(members) == needed

    def test_a_panel_without_members_cannot_decide(self):
        with pytest.raises(ValueError, match="no members"):
            veto_threshold(0)

    @settings(max_examples=200, deadline=None, database=None)
    @given(members=st.integers(min_value=1, max_value=40))
    def test_threshold_passes_and_one_fewer_fails(self, members):
        needed = veto_threshold(members)

        assert veto_passes(members, needed)
        assert not veto_passes(members, needed - 1)


class TestVetoPasses:
    @pytest.mark.parametrize(
        ("members", "votes_for", "passes"),
        [
            (12, 8, True),
            (12, 7, False),
            (13, 9, True),
            (13, 8, False),
            (20, 14, True),
            (20, 13, False),
            (11, 7, False),
            (11, 8, True),
        ],
    )
    def test_p2_examples(self, members, votes_for, passes):
        assert veto_passes(members, votes_for) is passes

    def test_presence_is_not_in_the_formula(self):
        """12 members, only 8 present, all 8 for: two-thirds of the membership, so the veto passes."""
        assert veto_passes(members=12, votes_for=8)


class TestSubstituteProblems:
    def _problems(self, **overrides):
        arguments = {
            "substitute_council_id": 7,
            "member_council_id": 7,
            "member_sent_apologies": True,
            "member_name": "Cllr Ann Example",
            "council_name": "Shropshire Council",
        }
        arguments.update(overrides)
        return substitute_problems(**arguments)

    def test_same_council_with_apologies_is_fine(self):
        assert self._problems() == []

    def test_substitute_from_another_council(self):
        problems = self._problems(substitute_council_id=8)

        assert problems == ["The substitute for Cllr Ann Example was not named by Shropshire Council."]

    def test_substitute_without_a_council(self):
        problems = self._problems(substitute_council_id=None)

        assert len(problems) == 1
        assert "not named by Shropshire Council" in problems[0]

    def test_member_did_not_send_apologies(self):
        problems = self._problems(member_sent_apologies=False)

        assert problems == ["Cllr Ann Example did not send apologies, yet a substitute stood in."]

    def test_member_without_a_council(self):
        problems = self._problems(member_council_id=None)

        assert len(problems) == 1
        assert "not appointed by a council" in problems[0]

    def test_reports_both_problems(self):
        problems = self._problems(substitute_council_id=8, member_sent_apologies=False)

        assert len(problems) == 2
