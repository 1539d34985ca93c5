"""Writes for the precept, confirmation hearings and recommendations."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.models import AuditEvent
from scrutiny.members.choices import MembershipKind
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.work_programme.choices import (
    AppointmentPost,
    HearingOutcome,
    PreceptDecision,
    RecommendationResponse,
    RecommendationSubject,
)
from scrutiny.work_programme.models import PreceptProcess
from scrutiny.work_programme.statutory_services import (
    hearing_decide,
    hearing_notify,
    hearing_pcc_response,
    members_at,
    precept_decide,
    precept_final_response,
    precept_issue,
    precept_notify,
    precept_revise,
    precept_second_report,
    recommendation_record,
    recommendation_respond,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def panel():
    return PanelFactory()


def _seat(panel, *, start=date(2020, 5, 1), end=None, kind=MembershipKind.INDEPENDENT):
    return MembershipFactory(person=PersonFactory(panel=panel), panel=panel, kind=kind, start_date=start, end_date=end)


def _members(panel, n):
    return [_seat(panel) for _ in range(n)]


def _audited(verb):
    return AuditEvent.objects.filter(verb=verb).count()


@pytest.fixture
def notified(user, panel):
    return precept_notify(
        acting_user=user,
        panel=panel,
        precept_year="2026/27",
        notified_on=date(2026, 1, 30),
        proposed_band_d=Decimal("250.00"),
    )


class TestMembersAt:
    def test_counts_memberships_in_force_that_day(self, panel):
        _members(panel, 11)
        _seat(panel, end=date(2026, 1, 31))  # left before the decision: a vacancy
        _seat(panel, start=date(2026, 2, 10))  # joined after it
        _seat(PanelFactory())  # another panel
        assert members_at(panel, date(2026, 2, 5)) == 11

    def test_membership_ending_that_day_still_counts(self, panel):
        _seat(panel, end=date(2026, 2, 5))
        assert members_at(panel, date(2026, 2, 5)) == 1


class TestPreceptNotify:
    def test_starts_the_process_with_an_audit_event(self, notified, panel):
        assert notified.pk
        assert (notified.panel, notified.proposed_band_d) == (panel, Decimal("250.00"))
        assert _audited("precept_notify") == 1

    def test_a_second_notification_updates_the_same_process(self, user, panel, notified):
        again = precept_notify(
            acting_user=user, panel=panel, precept_year="2026/27", notified_on=date(2026, 1, 31), proposed_band_d=251
        )
        assert again.pk == notified.pk
        assert PreceptProcess.objects.filter(panel=panel).count() == 1

    def test_rejects_a_malformed_year(self, user, panel):
        with pytest.raises(ValidationError, match="financial year"):
            precept_notify(
                acting_user=user, panel=panel, precept_year="2026", notified_on=date(2026, 1, 30), proposed_band_d=1
            )


class TestPreceptDecide:
    def test_veto_with_two_thirds_of_the_members_at_the_time(self, user, panel, notified):
        """GIVEN 12 members on the day WHEN 8 vote for a veto THEN it is recorded as a veto with 12 members."""
        _members(panel, 12)
        process = precept_decide(
            acting_user=user,
            process=notified,
            decision=PreceptDecision.VETO_TOO_HIGH,
            report_on=date(2026, 2, 6),
            votes_for=8,
            votes_against=2,
            abstentions=0,
        )
        process.refresh_from_db()
        assert (process.decision, process.members_at_decision, process.votes_for) == ("veto_too_high", 12, 8)
        assert process.panel_report_on == date(2026, 2, 6)
        assert _audited("precept_decide") == 1

    def test_veto_short_of_two_thirds_is_refused_with_the_numbers(self, user, panel, notified):
        _members(panel, 12)
        with pytest.raises(ValidationError, match="7 of the 12 members voted for the veto; 8"):
            precept_decide(
                acting_user=user,
                process=notified,
                decision=PreceptDecision.VETO_TOO_HIGH,
                report_on=date(2026, 2, 6),
                votes_for=7,
            )
        notified.refresh_from_db()
        assert notified.decision == ""
        assert _audited("precept_decide") == 0

    def test_a_vacancy_lowers_the_members_but_11_still_need_8(self, user, panel, notified):
        _members(panel, 11)
        _seat(panel, end=date(2026, 1, 1))
        with pytest.raises(ValidationError, match="7 of the 11 members"):
            precept_decide(
                acting_user=user,
                process=notified,
                decision=PreceptDecision.VETO_TOO_LOW,
                report_on=date(2026, 2, 6),
                votes_for=7,
            )

    def test_thirteen_members_need_nine(self, user, panel, notified):
        _members(panel, 13)
        process = precept_decide(
            acting_user=user,
            process=notified,
            decision=PreceptDecision.VETO_TOO_HIGH,
            report_on=date(2026, 2, 6),
            votes_for=9,
        )
        assert process.members_at_decision == 13

    def test_veto_needs_the_votes(self, user, panel, notified):
        _members(panel, 12)
        with pytest.raises(ValidationError, match="number of votes"):
            precept_decide(
                acting_user=user, process=notified, decision=PreceptDecision.VETO_TOO_HIGH, report_on=date(2026, 2, 6)
            )

    def test_support_records_the_members_without_a_threshold(self, user, panel, notified):
        _members(panel, 10)
        process = precept_decide(
            acting_user=user,
            process=notified,
            decision=PreceptDecision.SUPPORT,
            report_on=date(2026, 2, 6),
            votes_for=5,
        )
        assert (process.decision, process.members_at_decision) == ("support", 10)

    def test_no_second_decision(self, user, panel, notified):
        _members(panel, 10)
        precept_decide(acting_user=user, process=notified, decision=PreceptDecision.SUPPORT, report_on=date(2026, 2, 6))
        with pytest.raises(ValidationError, match="already reported"):
            precept_decide(
                acting_user=user,
                process=notified,
                decision=PreceptDecision.VETO_TOO_HIGH,
                report_on=date(2026, 2, 7),
                votes_for=10,
            )

    def test_needs_the_notification_first(self, user, panel):
        process = PreceptProcess.objects.create(panel=panel, precept_year="2026/27")
        with pytest.raises(ValidationError, match="notification"):
            precept_decide(
                acting_user=user, process=process, decision=PreceptDecision.SUPPORT, report_on=date(2026, 2, 6)
            )


@pytest.fixture
def vetoed(user, panel, notified):
    _members(panel, 12)
    return precept_decide(
        acting_user=user,
        process=notified,
        decision=PreceptDecision.VETO_TOO_HIGH,
        report_on=date(2026, 2, 6),
        votes_for=9,
    )


class TestPreceptVetoPath:
    def test_revised_precept_must_be_lower_after_too_high(self, user, vetoed):
        with pytest.raises(ValidationError, match="must be lower"):
            precept_revise(
                acting_user=user, process=vetoed, revised_band_d=Decimal("251.00"), notified_on=date(2026, 2, 13)
            )

    def test_revised_precept_lower_is_recorded(self, user, vetoed):
        process = precept_revise(
            acting_user=user, process=vetoed, revised_band_d=Decimal("249.99"), notified_on=date(2026, 2, 13)
        )
        assert process.revised_band_d == Decimal("249.99")
        assert _audited("precept_revise") == 1

    def test_no_revision_without_a_veto(self, user, panel, notified):
        _members(panel, 10)
        precept_decide(acting_user=user, process=notified, decision=PreceptDecision.SUPPORT, report_on=date(2026, 2, 6))
        with pytest.raises(ValidationError, match="only a veto"):
            precept_revise(acting_user=user, process=notified, revised_band_d=240, notified_on=date(2026, 2, 13))

    def test_full_veto_path_ends_with_the_revised_precept_issued(self, user, vetoed):
        """GIVEN a veto as too high WHEN the PCC revises, the panel reports again, the PCC responds and issues
        the revised precept THEN every step is recorded and nothing is flagged."""
        precept_revise(
            acting_user=user, process=vetoed, revised_band_d=Decimal("245.00"), notified_on=date(2026, 2, 13)
        )
        precept_second_report(acting_user=user, process=vetoed, report_on=date(2026, 2, 20))
        precept_final_response(acting_user=user, process=vetoed, responded_on=date(2026, 2, 27))
        process, problems = precept_issue(
            acting_user=user, process=vetoed, issued_band_d=Decimal("245.00"), issued_on=date(2026, 2, 28)
        )
        process.refresh_from_db()
        assert problems == []
        assert (process.second_report_on, process.final_response_on) == (date(2026, 2, 20), date(2026, 2, 27))
        assert process.issued_band_d == Decimal("245.00")

    def test_issuing_the_proposed_precept_after_a_veto_is_flagged(self, user, vetoed):
        precept_revise(
            acting_user=user, process=vetoed, revised_band_d=Decimal("245.00"), notified_on=date(2026, 2, 13)
        )
        _, problems = precept_issue(
            acting_user=user, process=vetoed, issued_band_d=Decimal("250.00"), issued_on=date(2026, 2, 20)
        )
        assert "may not issue the proposed precept" in problems[0]

    def test_second_report_needs_the_revised_precept(self, user, vetoed):
        with pytest.raises(ValidationError, match="revised precept"):
            precept_second_report(acting_user=user, process=vetoed, report_on=date(2026, 2, 20))


class TestPreceptIssue:
    def test_missed_8_february_after_a_veto_lets_the_pcc_issue_the_proposed_precept(self, user, panel, notified):
        """P-4: GIVEN a veto reported on 9 February WHEN the PCC issues the proposed precept THEN no problem."""
        _members(panel, 12)
        precept_decide(
            acting_user=user,
            process=notified,
            decision=PreceptDecision.VETO_TOO_HIGH,
            report_on=date(2026, 2, 9),
            votes_for=12,
        )
        _, problems = precept_issue(acting_user=user, process=notified, issued_band_d=250, issued_on=date(2026, 2, 20))
        assert problems == []

    def test_a_different_precept_without_a_recommendation_is_flagged(self, user, panel, notified):
        _members(panel, 10)
        precept_decide(acting_user=user, process=notified, decision=PreceptDecision.SUPPORT, report_on=date(2026, 2, 6))
        process, problems = precept_issue(
            acting_user=user, process=notified, issued_band_d=Decimal("245.00"), issued_on=date(2026, 2, 20)
        )
        assert "para 5(3)" in problems[0]
        assert process.issued_band_d == Decimal("245.00")  # recorded all the same: it is what happened
        assert _audited("precept_issue") == 1

    def test_a_different_precept_following_the_recommendation(self, user, panel, notified):
        _members(panel, 10)
        precept_decide(
            acting_user=user,
            process=notified,
            decision=PreceptDecision.SUPPORT_WITH_RECOMMENDATIONS,
            report_on=date(2026, 2, 6),
        )
        _, problems = precept_issue(
            acting_user=user,
            process=notified,
            issued_band_d=Decimal("245.00"),
            issued_on=date(2026, 2, 20),
            recommended_band_d=Decimal("245.00"),
        )
        assert problems == []

    def test_issued_on_1_march_is_flagged(self, user, panel, notified):
        _members(panel, 10)
        precept_decide(acting_user=user, process=notified, decision=PreceptDecision.SUPPORT, report_on=date(2026, 2, 6))
        _, problems = precept_issue(acting_user=user, process=notified, issued_band_d=250, issued_on=date(2026, 3, 1))
        assert "1 March" in problems[0]


class TestHearings:
    def _notify(self, user, panel, post=AppointmentPost.CHIEF_CONSTABLE, **parts):
        fields = {"criteria": "Criteria", "how_criteria_met": "Meets them", "terms_and_conditions": "Terms"} | parts
        return hearing_notify(
            acting_user=user, panel=panel, post=post, candidate="A Candidate", received_on=date(2025, 3, 3), **fields
        )

    def test_complete_notification(self, user, panel):
        hearing, missing = self._notify(user, panel)
        assert hearing.pk
        assert missing == []
        assert _audited("hearing_notify") == 1

    def test_incomplete_notification_is_recorded_and_flagged(self, user, panel):
        hearing, missing = self._notify(user, panel, terms_and_conditions="")
        assert hearing.pk
        assert missing == ["terms and conditions missing"]

    def test_chief_constable_veto_with_two_thirds(self, user, panel):
        _members(panel, 12)
        hearing, _ = self._notify(user, panel)
        hearing = hearing_decide(
            acting_user=user,
            hearing=hearing,
            outcome=HearingOutcome.VETO,
            report_on=date(2025, 3, 20),
            votes_for_veto=8,
        )
        assert (hearing.outcome, hearing.members_at_decision) == ("veto", 12)

    def test_chief_constable_veto_short_of_two_thirds_is_refused(self, user, panel):
        _members(panel, 20)
        hearing, _ = self._notify(user, panel)
        with pytest.raises(ValidationError, match="13 of the 20 members voted for the veto; 14"):
            hearing_decide(
                acting_user=user,
                hearing=hearing,
                outcome=HearingOutcome.VETO,
                report_on=date(2025, 3, 20),
                votes_for_veto=13,
            )

    @pytest.mark.parametrize(
        "post", [AppointmentPost.DEPUTY_PCC, AppointmentPost.CHIEF_EXECUTIVE, AppointmentPost.CHIEF_FINANCE_OFFICER]
    )
    def test_no_veto_for_other_posts(self, user, panel, post):
        _members(panel, 12)
        hearing, _ = self._notify(user, panel, post=post)
        with pytest.raises(ValidationError, match="only a chief constable"):
            hearing_decide(
                acting_user=user,
                hearing=hearing,
                outcome=HearingOutcome.VETO,
                report_on=date(2025, 3, 20),
                votes_for_veto=12,
            )

    def test_recommendation_and_pcc_response(self, user, panel):
        _members(panel, 12)
        hearing, _ = self._notify(user, panel, post=AppointmentPost.DEPUTY_PCC)
        hearing_decide(
            acting_user=user, hearing=hearing, outcome=HearingOutcome.RECOMMEND_APPOINT, report_on=date(2025, 3, 20)
        )
        hearing = hearing_pcc_response(acting_user=user, hearing=hearing, accepted=True, responded_on=date(2025, 3, 25))
        hearing.refresh_from_db()
        assert (hearing.pcc_accepted, hearing.pcc_response_on) == (True, date(2025, 3, 25))

    def test_no_pcc_acceptance_after_a_veto(self, user, panel):
        _members(panel, 12)
        hearing, _ = self._notify(user, panel)
        hearing_decide(
            acting_user=user,
            hearing=hearing,
            outcome=HearingOutcome.VETO,
            report_on=date(2025, 3, 20),
            votes_for_veto=10,
        )
        with pytest.raises(ValidationError, match="must not appoint"):
            hearing_pcc_response(acting_user=user, hearing=hearing, accepted=True, responded_on=date(2025, 3, 25))

    def test_no_response_before_the_report(self, user, panel):
        hearing, _ = self._notify(user, panel)
        with pytest.raises(ValidationError, match="not reported"):
            hearing_pcc_response(acting_user=user, hearing=hearing, accepted=True, responded_on=date(2025, 3, 25))


class TestRecommendations:
    def test_record_and_respond(self, user, panel):
        recommendation = recommendation_record(
            acting_user=user,
            panel=panel,
            subject=RecommendationSubject.ANNUAL_REPORT,
            text="Publish the victim satisfaction figures.",
            made_on=date(2025, 7, 10),
        )
        assert recommendation.response == RecommendationResponse.AWAITED
        recommendation = recommendation_respond(
            acting_user=user,
            recommendation=recommendation,
            response=RecommendationResponse.PARTLY,
            response_text="From next year.",
            responded_on=date(2025, 8, 1),
        )
        recommendation.refresh_from_db()
        assert (recommendation.response, recommendation.responded_on) == ("partly", date(2025, 8, 1))
        assert _audited("recommendation_record") == 1
        assert _audited("recommendation_respond") == 1

    def test_a_response_must_say_something(self, user, panel):
        recommendation = recommendation_record(
            acting_user=user,
            panel=panel,
            subject=RecommendationSubject.PLAN,
            text="Add a rural crime objective.",
            made_on=date(2025, 1, 10),
        )
        with pytest.raises(ValidationError, match="accepted"):
            recommendation_respond(
                acting_user=user,
                recommendation=recommendation,
                response=RecommendationResponse.AWAITED,
                responded_on=date(2025, 2, 1),
            )
