"""The panel's upcoming statutory deadlines."""

from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.work_programme.choices import (
    AppointmentPost,
    HearingOutcome,
    PreceptDecision,
    RecommendationResponse,
    RecommendationSubject,
)
from scrutiny.work_programme.deadlines import panel_deadlines
from scrutiny.work_programme.models import ConfirmationHearing, PreceptProcess, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    return PanelFactory()


def _uids(rows):
    return [row.uid for row in rows]


class TestPreceptDeadlines:
    def test_before_any_notification_the_whole_cycle_shows(self, panel):
        rows = panel_deadlines(panel, date(2026, 1, 15))
        assert _uids(rows) == [
            "precept-2026-27-notify",
            "precept-2026-27-panel_report",
            "precept-2026-27-pcc_response_if_veto",
            "precept-2026-27-panel_second_report",
            "precept-2026-27-issue",
            "precept-2026-27-final",
        ]
        assert rows[1].date == date(2026, 2, 8)
        assert "only if the panel vetoes" in rows[2].label

    def test_weekend_dates_warn_and_do_not_move(self, panel):
        rows = panel_deadlines(panel, date(2025, 1, 15))
        report = next(r for r in rows if r.uid.endswith("panel_report"))
        assert (report.date, bool(report.warning)) == (date(2025, 2, 8), True)
        rows = panel_deadlines(panel, date(2027, 1, 15))
        report = next(r for r in rows if r.uid.endswith("panel_report"))
        assert (report.date, report.warning) == (date(2027, 2, 8), "")

    def test_after_1_march_the_next_cycle_shows(self, panel):
        rows = panel_deadlines(panel, date(2026, 3, 2))
        assert rows[0].uid == "precept-2027-28-notify"
        assert rows[0].date == date(2027, 2, 1)

    def test_past_dates_are_left_out(self, panel):
        rows = panel_deadlines(panel, date(2026, 2, 10))
        assert rows[0].uid == "precept-2026-27-pcc_response_if_veto"

    def test_recorded_steps_and_the_veto_path_after_support_are_left_out(self, panel):
        PreceptProcess.objects.create(
            panel=panel,
            precept_year="2026/27",
            notified_on=date(2026, 1, 28),
            proposed_band_d=Decimal("250.00"),
            panel_report_on=date(2026, 2, 5),
            decision=PreceptDecision.SUPPORT,
        )
        assert _uids(panel_deadlines(panel, date(2026, 2, 6))) == ["precept-2026-27-issue"]

    def test_after_a_veto_the_veto_path_shows_without_the_condition(self, panel):
        PreceptProcess.objects.create(
            panel=panel,
            precept_year="2026/27",
            notified_on=date(2026, 1, 28),
            proposed_band_d=Decimal("250.00"),
            panel_report_on=date(2026, 2, 5),
            decision=PreceptDecision.VETO_TOO_HIGH,
        )
        rows = panel_deadlines(panel, date(2026, 2, 6))
        assert rows[0].uid == "precept-2026-27-pcc_response_if_veto"
        assert "only if" not in rows[0].label

    def test_a_deleted_process_is_ignored(self, panel):
        PreceptProcess.objects.create(
            panel=panel, precept_year="2026/27", notified_on=date(2026, 1, 28), is_deleted=True
        )
        assert "precept-2026-27-notify" in _uids(panel_deadlines(panel, date(2026, 1, 15)))


class TestHearingAndRecommendationDeadlines:
    def test_open_hearing_report_deadline(self, panel):
        hearing = ConfirmationHearing.objects.create(
            panel=panel,
            post=AppointmentPost.CHIEF_CONSTABLE,
            candidate="A Candidate",
            notification_received_on=date(2025, 3, 3),
        )
        rows = panel_deadlines(panel, date(2025, 3, 10))
        row = next(r for r in rows if r.uid == f"hearing-{hearing.pk}-report")
        assert row.date == date(2025, 3, 23)
        assert row.warning  # a Sunday
        assert "A Candidate" in row.label

    def test_decided_and_expired_hearings_are_left_out(self, panel):
        ConfirmationHearing.objects.create(
            panel=panel,
            post=AppointmentPost.CHIEF_CONSTABLE,
            candidate="Decided",
            notification_received_on=date(2025, 3, 3),
            outcome=HearingOutcome.RECOMMEND_APPOINT,
            report_on=date(2025, 3, 20),
        )
        ConfirmationHearing.objects.create(
            panel=panel, post=AppointmentPost.DEPUTY_PCC, candidate="Expired", notification_received_on=date(2025, 1, 1)
        )
        assert not [r for r in panel_deadlines(panel, date(2025, 3, 10)) if r.uid.startswith("hearing-")]

    def test_recommendation_awaiting_a_response_with_a_date(self, panel):
        due = Recommendation.objects.create(
            panel=panel,
            subject=RecommendationSubject.PRECEPT,
            text="Lower the precept.",
            made_on=date(2026, 2, 5),
            response_due=date(2026, 2, 15),
        )
        Recommendation.objects.create(
            panel=panel, subject=RecommendationSubject.PLAN, text="No date.", made_on=date(2026, 2, 5)
        )
        Recommendation.objects.create(
            panel=panel,
            subject=RecommendationSubject.PRECEPT,
            text="Answered.",
            made_on=date(2026, 2, 5),
            response_due=date(2026, 2, 15),
            response=RecommendationResponse.ACCEPTED,
        )
        rows = [r for r in panel_deadlines(panel, date(2026, 2, 6)) if r.uid.startswith("recommendation-")]
        assert _uids(rows) == [f"recommendation-{due.pk}-response"]

    def test_other_panels_are_left_out(self, panel):
        ConfirmationHearing.objects.create(
            panel=PanelFactory(),
            post=AppointmentPost.CHIEF_CONSTABLE,
            candidate="X",
            notification_received_on=date(2025, 3, 3),
        )
        assert not [r for r in panel_deadlines(panel, date(2025, 3, 10)) if r.uid.startswith("hearing-")]

    def test_three_queries_however_many_rows(self, panel, django_assert_num_queries):
        for n in range(5):
            ConfirmationHearing.objects.create(
                panel=panel,
                post=AppointmentPost.DEPUTY_PCC,
                candidate=f"C{n}",
                notification_received_on=date(2025, 3, 3),
            )
        with django_assert_num_queries(3):
            rows = panel_deadlines(panel, date(2025, 3, 10))
        assert len([r for r in rows if r.uid.startswith("hearing-")]) == 5


class TestTemplate:
    def test_renders_the_deadlines_with_warnings(self, panel):
        html = render_to_string(
            "work_programme/deadlines.html", {"deadlines": panel_deadlines(panel, date(2025, 1, 15))}
        )
        assert "Statutory deadlines" in html
        assert "8 February 2025" in html
        assert "non-working day" in html

    def test_renders_nothing_without_deadlines(self):
        assert render_to_string("work_programme/deadlines.html", {"deadlines": []}).strip() == ""
