"""The statutory rules: every worked example of domain-rules.md P-1 to P-8 and C-1 to C-5."""

from datetime import date

import pytest

from scrutiny.work_programme.choices import AppointmentPost, PreceptDecision
from scrutiny.work_programme.statutory import (
    CC_REMOVAL_DAYS,
    allowed_actions,
    appointment_allowed_actions,
    can_issue,
    can_veto_appointment,
    cc_report_deadline,
    cc_report_status,
    cc_veto_passes,
    deadline,
    precept_deadline_list,
    precept_deadlines,
    precept_issue_deadline,
    precept_start_year,
    precept_state,
    precept_workflows,
    precept_year_for,
    validate_cc_notification,
    validate_revised,
    veto_count,
)


class TestPreceptDeadlines:
    def test_2026_27_dates_fall_in_february_2026(self):
        assert precept_deadlines("2026/27") == {
            "notify": date(2026, 2, 1),
            "panel_report": date(2026, 2, 8),
            "pcc_response_if_veto": date(2026, 2, 15),
            "panel_second_report": date(2026, 2, 22),
            "final": date(2026, 3, 1),
        }

    def test_2024_25_dates_fall_in_the_year_the_precept_year_starts(self):
        dates = precept_deadlines("2024/25")
        assert dates["notify"] == date(2024, 2, 1)
        assert dates["final"] == date(2024, 3, 1)

    def test_issue_deadline_is_the_last_day_before_1_march(self):
        assert precept_issue_deadline("2026/27") == date(2026, 2, 28)

    def test_issue_deadline_in_a_leap_year(self):
        assert precept_issue_deadline("2028/29") == date(2028, 2, 29)

    @pytest.mark.parametrize("bad", ["2024", "2024/26", "24/25", "2024-25", "", None])
    def test_rejects_a_malformed_year(self, bad):
        with pytest.raises(ValueError, match="financial year"):
            precept_start_year(bad)

    def test_century_turn(self):
        assert precept_start_year("2099/00") == 2099

    @pytest.mark.parametrize(
        ("day", "year"),
        [
            (date(2025, 11, 25), "2026/27"),
            (date(2026, 2, 8), "2026/27"),
            (date(2026, 3, 1), "2026/27"),
            (date(2026, 3, 2), "2027/28"),
        ],
    )
    def test_current_cycle(self, day, year):
        assert precept_year_for(day) == year


class TestNonWorkingDayWarning:
    """P-8: a weekend date warns; it never moves."""

    def test_2025_26_panel_report_on_a_saturday_warns(self):
        result = deadline("2025/26", "panel_report")
        assert result.date == date(2025, 2, 8)
        assert "non-working day" in result.warning

    def test_2027_28_panel_report_on_a_monday_does_not_warn(self):
        result = deadline("2027/28", "panel_report")
        assert result.date == date(2027, 2, 8)
        assert result.warning == ""

    def test_every_2025_date_is_a_saturday_and_warns_without_moving(self):
        for key in ("notify", "panel_report", "pcc_response_if_veto", "panel_second_report", "final"):
            result = deadline("2025/26", key)
            assert result.date.weekday() == 5
            assert result.warning

    def test_every_2026_date_is_a_sunday_and_warns(self):
        assert all(d.warning for d in precept_deadline_list("2026/27") if d.key != "issue")

    def test_list_is_in_date_order_with_the_issue_deadline(self):
        keys = [d.key for d in precept_deadline_list("2027/28")]
        assert keys == ["notify", "panel_report", "pcc_response_if_veto", "panel_second_report", "issue", "final"]


class TestCanIssue:
    """P-1, P-3, P-4."""

    def test_a_different_precept_without_a_recommendation_is_not_allowed(self):
        assert can_issue(proposed=250.00, issued=245.00, veto=False, recommendations=[]) is False

    def test_a_different_precept_that_follows_a_recommendation_is_allowed(self):
        assert can_issue(proposed=250.00, issued=245.00, veto=False, recommendations=[{"precept": 245.00}]) is True

    def test_the_proposed_precept_without_a_veto(self):
        assert can_issue(proposed=250.00, issued=250.00, veto=False) is True

    def test_never_the_proposed_precept_after_a_timely_veto(self):
        assert can_issue(proposed=250, issued=250, veto=True, revised=240, veto_reason="too_high") is False

    def test_the_revised_precept_after_a_veto(self):
        assert can_issue(proposed=250, issued=240, veto=True, revised=240, veto_reason="too_high") is True

    def test_proposed_precept_after_a_veto_reported_late(self):
        assert can_issue(proposed=250, issued=250, veto=True, report_late=True) is True

    def test_a_recommendation_against_the_direction_of_the_veto_is_not_allowed(self):
        assert not can_issue(
            proposed=250, issued=255, veto=True, revised=240, veto_reason="too_high", recommendations=[{"precept": 255}]
        )


class TestVetoCount:
    """P-2: two-thirds of the members at the time, not of those present or voting."""

    @pytest.mark.parametrize(
        ("members", "required"),
        [(10, 7), (11, 8), (12, 8), (13, 9), (14, 10), (15, 10), (16, 11), (17, 12), (18, 12), (19, 13), (20, 14)],
    )
    def test_threshold_table(self, members, required):
        assert veto_count(members=members, votes_for=required).passes
        assert veto_count(members=members, votes_for=required - 1).passes is False
        assert veto_count(members=members, votes_for=0).required == required

    @pytest.mark.parametrize(
        ("members", "votes_for", "passes"),
        [(12, 8, True), (12, 7, False), (13, 9, True), (13, 8, False), (20, 14, True), (20, 13, False)],
    )
    def test_worked_examples(self, members, votes_for, passes):
        assert veto_count(members=members, votes_for=votes_for).passes is passes

    def test_a_vacancy_is_not_a_member(self):
        # A 12-seat panel with one vacancy has 11 members: 8 are needed.
        result = veto_count(members=11, votes_for=7)
        assert (result.required, result.passes) == (8, False)

    def test_presence_is_not_in_the_formula(self):
        # 12 members, 8 present, all 8 for.
        assert veto_count(members=12, votes_for=8).passes

    def test_more_votes_than_members_is_an_error(self):
        with pytest.raises(ValueError, match="only 12 members"):
            veto_count(members=12, votes_for=13)


class TestValidateRevised:
    """P-3, reg 5(3)."""

    def test_too_high_and_higher_is_an_error(self):
        assert validate_revised(proposed=250.0, revised=251.0, veto_reason="too_high")

    def test_too_high_and_the_same_is_an_error(self):
        assert validate_revised(proposed=250.0, revised=250.0, veto_reason="too_high")

    def test_too_high_and_lower_is_fine(self):
        assert validate_revised(proposed=250.0, revised=249.99, veto_reason="too_high") == []

    def test_too_low_and_lower_is_an_error(self):
        problems = validate_revised(proposed=250.0, revised=249.0, veto_reason="too_low")
        assert "must be higher" in problems[0]

    def test_too_low_and_higher_is_fine(self):
        assert validate_revised(proposed=250.0, revised=251.0, veto_reason="too_low") == []

    def test_accepts_the_decision_choice(self):
        assert validate_revised(proposed=250, revised=251, veto_reason=PreceptDecision.VETO_TOO_HIGH)

    def test_without_a_veto_reason(self):
        assert validate_revised(proposed=250, revised=240, veto_reason="")


class TestAllowedActions:
    def test_no_second_veto(self):
        assert "veto" not in allowed_actions("second_report")

    def test_veto_at_the_first_report(self):
        assert set(allowed_actions("panel_report")) == {"support", "support_with_recommendations", "veto"}

    def test_decisions_enum_matches_practice(self):
        # P-6: support, support with recommendations, or veto with its reason (too high / too low).
        assert set(PreceptDecision.values) == {
            "support",
            "support_with_recommendations",
            "veto_too_high",
            "veto_too_low",
        }


class TestMissedPanelDeadline:
    """P-4, reg 4(2)."""

    def test_veto_reported_on_9_february_lets_the_pcc_issue_the_proposed_precept(self):
        state = precept_state(precept_year="2026/27", veto=True, report_date=date(2026, 2, 9))
        assert state.pcc_may_issue_proposed is True
        assert state.report_late is True

    def test_veto_reported_on_8_february_stands(self):
        state = precept_state(precept_year="2026/27", veto=True, report_date=date(2026, 2, 8))
        assert state.pcc_may_issue_proposed is False

    def test_no_report_at_all_by_8_february(self):
        state = precept_state(precept_year="2026/27", veto=False, report_date=None, today=date(2026, 2, 9))
        assert state.scrutiny_ended_by_missed_deadline is True


class TestFirePrecept:
    """P-7: a Police, Fire and Crime Panel has two precept workflows, each with the same dates."""

    def test_two_workflows_with_the_p1_dates(self):
        workflows = precept_workflows(fire_functions=True)
        assert workflows == ["police", "fire"]
        assert all(precept_deadlines("2026/27")["panel_report"] == date(2026, 2, 8) for _ in workflows)

    def test_one_workflow_without_fire_functions(self):
        assert precept_workflows(fire_functions=False) == ["police"]


class TestConfirmation:
    """C-1 to C-5."""

    def test_notification_without_terms(self):
        problems = validate_cc_notification({"name": "A Candidate", "criteria": "c", "reasons": "r"})
        assert problems == ["terms and conditions missing"]

    def test_complete_notification(self):
        assert validate_cc_notification({"name": "A", "criteria": "c", "reasons": "r", "terms": "t"}) == []

    def test_empty_notification_lists_every_part(self):
        assert len(validate_cc_notification({"name": "  "})) == 4

    def test_three_weeks_beginning_with_the_day_of_receipt(self):
        assert cc_report_deadline(date(2025, 3, 3)) == date(2025, 3, 23)

    def test_report_on_the_last_day_is_in_time(self):
        status = cc_report_status(received=date(2025, 3, 3), report=date(2025, 3, 23))
        assert (status.late, status.pcc_may_appoint) == (False, False)

    def test_late_report_lets_the_pcc_appoint(self):
        status = cc_report_status(received=date(2025, 3, 3), report=date(2025, 3, 24))
        assert (status.late, status.pcc_may_appoint) == (True, True)

    def test_no_report_when_the_three_weeks_have_run(self):
        assert cc_report_status(received=date(2025, 3, 3), today=date(2025, 3, 24)).pcc_may_appoint

    def test_cc_veto_by_two_thirds(self):
        assert cc_veto_passes(members=12, votes_for=8) is True
        assert cc_veto_passes(members=12, votes_for=7) is False

    def test_after_a_veto_a_reserve_candidate_and_no_veto(self):
        allowed = appointment_allowed_actions(AppointmentPost.CHIEF_CONSTABLE, "vetoed")
        assert "propose_reserve_candidate" in allowed
        assert "veto" not in allowed

    def test_no_second_veto_on_the_reserve_candidate(self):
        assert "veto" not in appointment_allowed_actions(AppointmentPost.CHIEF_CONSTABLE, "reserve_candidate")

    def test_chief_constable_can_be_vetoed(self):
        assert "veto" in appointment_allowed_actions(AppointmentPost.CHIEF_CONSTABLE)

    @pytest.mark.parametrize(
        "post",
        [AppointmentPost.DEPUTY_PCC, AppointmentPost.CHIEF_EXECUTIVE, AppointmentPost.CHIEF_FINANCE_OFFICER],
    )
    def test_no_veto_for_other_senior_appointments(self, post):
        assert "veto" not in appointment_allowed_actions(post)
        assert can_veto_appointment(post) is False

    def test_removal_timer_is_42_days(self):
        assert CC_REMOVAL_DAYS == 42
