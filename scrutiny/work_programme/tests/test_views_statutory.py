"""Pages for the statutory processes: the public precept timeline and confirmation hearings, the officer's
forms that record each step through the services, the permission ladder and the query counts."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from scrutiny.accounts.tests.helpers import signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.tests.factories import LONDON, MeetingFactory
from scrutiny.members.choices import MembershipKind
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.work_programme import statutory_services
from scrutiny.work_programme.choices import AppointmentPost, HearingOutcome, PreceptDecision
from scrutiny.work_programme.models import ConfirmationHearing, PreceptProcess

from .helpers import query_count

pytestmark = pytest.mark.django_db


def _url(name, ladder, *args):
    return reverse(f"work_programme:{name}", args=[ladder.panel.slug, *args])


def _members(panel, n, *, start=datetime.date(2020, 5, 1)):
    for _ in range(n):
        MembershipFactory(
            person=PersonFactory(panel=panel), panel=panel, kind=MembershipKind.INDEPENDENT, start_date=start
        )


def _meeting(panel, day):
    return MeetingFactory(panel=panel, start=datetime.datetime(day.year, day.month, day.day, 11, tzinfo=LONDON))


@pytest.fixture
def twelve(ladder):
    """GIVEN a panel of twelve members (a veto needs eight)."""
    _members(ladder.panel, 12)
    return ladder


@pytest.fixture
def year_2024(twelve):
    """GIVEN the 2024/25 precept notified, supported with recommendations at the meeting of 5 February 2024
    (10 for, 1 against, 1 abstaining) and issued on 20 February 2024."""
    ladder = twelve
    officer = ladder.officer
    process = statutory_services.precept_notify(
        acting_user=officer,
        panel=ladder.panel,
        precept_year="2024/25",
        notified_on=datetime.date(2024, 1, 31),
        proposed_band_d=Decimal("264.04"),
    )
    meeting = _meeting(ladder.panel, datetime.date(2024, 2, 5))
    statutory_services.precept_decide(
        acting_user=officer,
        process=process,
        decision=PreceptDecision.SUPPORT_WITH_RECOMMENDATIONS,
        meeting=meeting,
        votes_for=10,
        votes_against=1,
        abstentions=1,
    )
    statutory_services.precept_issue(
        acting_user=officer, process=process, issued_band_d=Decimal("264.04"), issued_on=datetime.date(2024, 2, 20)
    )
    return process


def _vetoed_short(panel, **overrides):
    """A 2026/27 veto recorded with 7 votes of 12 members (the record as it reached us: the service would have
    refused it), and a revised precept the wrong way. Every February date of 2026 is a Sunday."""
    fields = {
        "panel": panel,
        "precept_year": "2026/27",
        "notified_on": datetime.date(2026, 1, 30),
        "proposed_band_d": Decimal("250.00"),
        "decision": PreceptDecision.VETO_TOO_HIGH,
        "panel_report_on": datetime.date(2026, 2, 6),
        "votes_for": 7,
        "votes_against": 4,
        "abstentions": 1,
        "members_at_decision": 12,
        "revised_notified_on": datetime.date(2026, 2, 13),
        "revised_band_d": Decimal("251.00"),
    }
    fields.update(overrides)
    return PreceptProcess.objects.create(**fields)


class TestPublicPrecept:
    def test_the_timeline_of_a_year_with_steps(self, client, ladder, year_2024):
        response = client.get(_url("precept_detail", ladder, "2024-25"))
        assert response.status_code == 200
        page = response.content.decode()
        for text in (
            "The precept for 2024/25",
            "Thursday 1 February 2024",  # reg 3
            "Thursday 8 February 2024",  # reg 4
            "Thursday 15 February 2024",
            "Thursday 22 February 2024",
            "Thursday 29 February 2024",  # issued before 1 March: a leap year
            "Friday 1 March 2024",
            "Recorded: 31 January 2024",
            "Proposed Band D precept: £264.04",
            "Supported, with recommendations",
            "10 for, 1 against, 1 abstaining; 12 members of the panel at the time",
            "Recorded: 5 February 2024",
            "Not needed: the panel did not veto the proposed precept.",
            "Band D precept issued: £264.04",
            reverse("public_site:meeting_detail", args=[ladder.panel.slug, "2024-02-05"]),
        ):
            assert text in page, text
        assert "What the rules say was not in order" not in page

    def test_the_rules_warnings(self, client, ladder):
        _vetoed_short(ladder.panel)
        page = client.get(_url("precept_detail", ladder, "2026-27")).content.decode()
        assert "Sunday 8 February 2026" in page
        assert "Not a working day" in page
        assert "The veto had 7 votes for it, of 12 members of the panel at the time: 8" in page
        assert "the revised precept (£251.00) is not lower than the proposed precept (£250.00)" in page

    def test_a_late_report_and_a_missed_date(self, client, ladder):
        _vetoed_short(
            ladder.panel,
            panel_report_on=datetime.date(2026, 2, 10),
            votes_for=9,
            revised_band_d=None,
            revised_notified_on=None,
        )
        page = client.get(_url("precept_detail", ladder, "2026-27")).content.decode()
        assert "The panel reported on 10 February 2026, after 8 February 2026" in page
        assert "the PCC may issue the proposed precept, the veto notwithstanding" in page
        assert "The veto had" not in page
        assert 'govuk-tag--red">Late<' in page

    def test_a_year_with_nothing_recorded_stays_visible_once_its_dates_pass(self, client, ladder):
        """GIVEN the demo's 2024/25 process, opened with no step recorded THEN its page lists every date, and
        says the panel's report is missing."""
        PreceptProcess.objects.create(panel=ladder.panel, precept_year="2024/25", notes="Staff note")
        page = client.get(_url("precept_detail", ladder, "2024-25")).content.decode()
        assert "Nothing recorded yet." in page
        assert "No report of the panel is recorded by 8 February 2024" in page
        assert "Staff note" not in page  # notes are for staff

    def test_the_list_newest_first_and_linked_from_the_home_page(self, client, ladder, year_2024):
        PreceptProcess.objects.create(panel=ladder.panel, precept_year="2025/26")
        PreceptProcess.objects.create(panel=ladder.panel, precept_year="2023/24", is_deleted=True)
        PreceptProcess.objects.create(panel=ladder.other_panel, precept_year="2022/23")
        page = client.get(_url("precept_list", ladder)).content.decode()
        assert page.index("2025/26") < page.index("2024/25")
        assert "2023/24" not in page
        assert "2022/23" not in page
        assert _url("precept_detail", ladder, "2024-25") in page
        home = client.get(reverse("public_site:panel_home", args=[ladder.panel.slug])).content.decode()
        assert _url("precept_list", ladder) in home

    @pytest.mark.parametrize("year_slug", ["2023-24", "2024-26", "nonsense"])
    def test_an_unknown_year_is_not_found(self, client, ladder, year_2024, year_slug):
        assert client.get(_url("precept_detail", ladder, year_slug)).status_code == 404

    def test_another_panels_year_is_not_found(self, client, ladder):
        PreceptProcess.objects.create(panel=ladder.other_panel, precept_year="2024/25")
        assert client.get(_url("precept_detail", ladder, "2024-25")).status_code == 404


@pytest.fixture
def hearing(ladder):
    return ConfirmationHearing.objects.create(
        panel=ladder.panel,
        post=AppointmentPost.CHIEF_CONSTABLE,
        candidate="Richard Cooper",
        notification_received_on=datetime.date(2025, 3, 3),
        criteria="Senior command experience",
        how_criteria_met="Twenty years in the force; lives in Worcester",
        terms_and_conditions="",
    )


class TestPublicHearings:
    def test_the_page_shows_name_post_dates_and_completeness_only(self, client, ladder, hearing):
        page = client.get(_url("hearing_detail", ladder, hearing.pk)).content.decode()
        assert "Richard Cooper" in page
        assert "Chief Constable" in page
        assert "Monday 3 March 2025" in page
        assert "Sunday 23 March 2025" in page  # three weeks beginning with the day of receipt
        assert "terms and conditions missing" in page
        assert "Senior command experience" not in page
        assert "lives in Worcester" not in page

    def test_outcome_veto_and_meeting(self, client, twelve, hearing):
        meeting = _meeting(twelve.panel, datetime.date(2025, 3, 17))
        hearing.terms_and_conditions = "Salary"
        hearing.save()
        statutory_services.hearing_decide(
            acting_user=twelve.officer, hearing=hearing, outcome=HearingOutcome.VETO, meeting=meeting, votes_for_veto=9
        )
        page = client.get(_url("hearing_detail", twelve, hearing.pk)).content.decode()
        assert "Vetoed (chief constable only)" in page
        assert "9 votes for the veto, of 12 members of the panel at the time (8 needed)" in page
        assert reverse("public_site:meeting_detail", args=[twelve.panel.slug, "2025-03-17"]) in page
        assert "After a veto the PCC must not appoint this candidate." in page
        assert "Salary" not in page

    def test_the_list(self, client, ladder, hearing):
        ConfirmationHearing.objects.create(
            panel=ladder.other_panel,
            post=AppointmentPost.DEPUTY_PCC,
            candidate="Someone Elsewhere",
            notification_received_on=datetime.date(2025, 1, 1),
        )
        page = client.get(_url("hearing_list", ladder)).content.decode()
        assert "Richard Cooper" in page
        assert "Someone Elsewhere" not in page
        assert _url("hearing_detail", ladder, hearing.pk) in page

    def test_another_panels_hearing_is_not_found(self, client, ladder, hearing):
        assert client.get(reverse("work_programme:hearing_detail", args=["dyfed-powys", hearing.pk])).status_code == 404


def _audited(verb, ladder) -> bool:
    return AuditEvent.objects.filter(verb=verb, actor=ladder.officer).exists()


class TestStaffPrecept:
    def test_record_every_step_of_a_veto_year(self, twelve):
        """GIVEN a panel of twelve WHEN the officer starts 2025/26 and records each step through the forms
        THEN each is stored and audited, and the timeline shows them."""
        ladder = twelve
        client = signed_in(ladder.officer)
        response = client.post(_url("staff_precept_start", ladder), {"precept_year": "2025/26", "notes": ""})
        assert response.status_code == 302
        assert response.url == _url("staff_precept_detail", ladder, "2025-26")
        assert _audited("precept_start", ladder)

        steps = [
            ("staff_precept_notify", {"notified_on": "2025-01-31", "proposed_band_d": "270.00"}, "precept_notify"),
            (
                "staff_precept_decide",
                {
                    "decision": PreceptDecision.VETO_TOO_HIGH,
                    "report_on": "2025-02-06",
                    "meeting": "",
                    "votes_for": "8",
                    "votes_against": "3",
                    "abstentions": "1",
                },
                "precept_decide",
            ),
            ("staff_precept_revise", {"notified_on": "2025-02-14", "revised_band_d": "265.00"}, "precept_revise"),
            ("staff_precept_second_report", {"report_on": "2025-02-20"}, "precept_second_report"),
            ("staff_precept_final_response", {"responded_on": "2025-02-27"}, "precept_final_response"),
            (
                "staff_precept_issue",
                {"issued_band_d": "265.00", "issued_on": "2025-02-28", "recommended_band_d": ""},
                "precept_issue",
            ),
        ]
        for name, data, verb in steps:
            assert client.get(_url(name, ladder, "2025-26")).status_code == 200, name
            response = client.post(_url(name, ladder, "2025-26"), data)
            assert response.status_code == 302, (name, response.content.decode()[:3000])
            assert _audited(verb, ladder), verb
        process = PreceptProcess.objects.get(panel=ladder.panel)
        assert process.members_at_decision == 12
        assert process.votes_for == 8
        assert process.revised_band_d == Decimal("265.00")
        assert process.issued_on == datetime.date(2025, 2, 28)
        page = client.get(_url("staff_precept_detail", ladder, "2025-26")).content.decode()
        assert "Vetoed as too high" in page
        assert "Revised Band D precept: £265.00" in page

    def test_a_veto_short_of_two_thirds_is_refused_with_the_numbers(self, twelve):
        ladder = twelve
        process = statutory_services.precept_notify(
            acting_user=ladder.officer,
            panel=ladder.panel,
            precept_year="2025/26",
            notified_on=datetime.date(2025, 1, 31),
            proposed_band_d=Decimal("270.00"),
        )
        response = signed_in(ladder.officer).post(
            _url("staff_precept_decide", ladder, "2025-26"),
            {"decision": PreceptDecision.VETO_TOO_LOW, "report_on": "2025-02-06", "votes_for": "7"},
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "govuk-error-summary" in page
        assert 'href="#id_votes_for"' in page
        assert "7 of the 12 members voted for the veto; 8" in page
        process.refresh_from_db()
        assert process.decision == ""
        assert not AuditEvent.objects.filter(verb="precept_decide").exists()

    def test_a_revised_precept_the_wrong_way_is_refused(self, ladder):
        _vetoed_short(ladder.panel, precept_year="2025/26", votes_for=9, revised_band_d=None, revised_notified_on=None)
        response = signed_in(ladder.officer).post(
            _url("staff_precept_revise", ladder, "2025-26"), {"notified_on": "2025-02-14", "revised_band_d": "260.00"}
        )
        assert response.status_code == 400
        assert 'href="#id_revised_band_d"' in response.content.decode()
        assert PreceptProcess.objects.get().revised_band_d is None

    def test_an_issue_out_of_order_is_recorded_with_a_warning(self, ladder, year_2024):
        response = signed_in(ladder.officer).post(
            _url("staff_precept_issue", ladder, "2024-25"),
            {"issued_band_d": "270.00", "issued_on": "2024-03-04", "recommended_band_d": ""},
            follow=True,
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "The precept was issued on or after 1 March" in page
        year_2024.refresh_from_db()
        assert year_2024.issued_band_d == Decimal("270.00")

    @pytest.mark.parametrize(
        ("name", "data", "field"),
        [
            ("staff_precept_notify", {"notified_on": "31/02/2025", "proposed_band_d": "270"}, "notified_on"),
            ("staff_precept_notify", {"notified_on": "2025-01-31", "proposed_band_d": "lots"}, "proposed_band_d"),
            ("staff_precept_notify", {"notified_on": "2025-01-31", "proposed_band_d": "-1"}, "proposed_band_d"),
            ("staff_precept_decide", {"decision": "", "report_on": "2025-02-06"}, "decision"),
            ("staff_precept_decide", {"decision": PreceptDecision.SUPPORT}, "report_on"),
            (
                "staff_precept_decide",
                {"decision": PreceptDecision.VETO_TOO_HIGH, "report_on": "2025-02-06"},
                "votes_for",
            ),
            (
                "staff_precept_decide",
                {"decision": PreceptDecision.SUPPORT, "report_on": "2025-02-06", "votes_for": "-2"},
                "votes_for",
            ),
        ],
    )
    def test_bad_input_shows_the_error_summary_and_stores_nothing(self, twelve, name, data, field):
        PreceptProcess.objects.create(
            panel=twelve.panel,
            precept_year="2025/26",
            notified_on=datetime.date(2025, 1, 31),
            proposed_band_d=Decimal("270.00"),
        )
        before = AuditEvent.objects.count()
        response = signed_in(twelve.officer).post(_url(name, twelve, "2025-26"), data)
        assert response.status_code == 400
        page = response.content.decode()
        assert "govuk-error-summary" in page
        assert f'href="#id_{field}' in page
        assert AuditEvent.objects.count() == before
        process = PreceptProcess.objects.get()
        assert (process.notified_on, process.proposed_band_d, process.decision) == (
            datetime.date(2025, 1, 31),
            Decimal("270.00"),
            "",
        )

    @pytest.mark.parametrize("year", ["2025", "2025/27", ""])
    def test_a_bad_year_is_refused(self, ladder, year):
        response = signed_in(ladder.officer).post(_url("staff_precept_start", ladder), {"precept_year": year})
        assert response.status_code == 400
        assert 'href="#id_precept_year"' in response.content.decode()
        assert not PreceptProcess.objects.exists()

    def test_a_year_already_started_is_refused(self, ladder, year_2024):
        response = signed_in(ladder.officer).post(_url("staff_precept_start", ladder), {"precept_year": "2024-25"})
        assert response.status_code == 400
        assert "already started" in response.content.decode()
        assert PreceptProcess.objects.count() == 1

    def test_the_detail_links_the_next_steps(self, ladder, year_2024):
        page = signed_in(ladder.officer).get(_url("staff_precept_detail", ladder, "2024-25")).content.decode()
        assert _url("staff_precept_issue", ladder, "2024-25") in page
        assert _url("staff_precept_decide", ladder, "2024-25") not in page  # already reported
        assert _url("staff_precept_revise", ladder, "2024-25") not in page  # no veto
        member_page = signed_in(ladder.member).get(_url("staff_precept_detail", ladder, "2024-25")).content.decode()
        assert _url("staff_precept_issue", ladder, "2024-25") not in member_page


class TestStaffHearings:
    def test_record_a_hearing_from_notification_to_response(self, twelve):
        ladder = twelve
        client = signed_in(ladder.officer)
        response = client.post(
            _url("staff_hearing_notify", ladder),
            {
                "post": AppointmentPost.CHIEF_FINANCE_OFFICER,
                "candidate": "Jane Example",
                "received_on": "2025-03-03",
                "criteria": "CIPFA",
                "how_criteria_met": "",
                "terms_and_conditions": "Salary",
            },
            follow=True,
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "The notification is incomplete: reasons the candidate meets the criteria missing." in page
        assert "CIPFA" in page  # staff see the notification
        hearing = ConfirmationHearing.objects.get()
        assert _audited("hearing_notify", ladder)

        response = client.post(
            _url("staff_hearing_decide", ladder, hearing.pk),
            {"outcome": HearingOutcome.VETO, "report_on": "2025-03-17", "votes_for_veto": "10"},
        )
        assert response.status_code == 400  # only a chief constable's appointment can be vetoed
        assert "only a chief constable" in response.content.decode()
        hearing.refresh_from_db()
        assert hearing.outcome == HearingOutcome.PENDING

        meeting = _meeting(ladder.panel, datetime.date(2025, 3, 17))
        response = client.post(
            _url("staff_hearing_decide", ladder, hearing.pk),
            {"outcome": HearingOutcome.RECOMMEND_APPOINT, "report_on": "", "meeting": meeting.pk},
        )
        assert response.status_code == 302
        assert _audited("hearing_decide", ladder)
        response = client.post(
            _url("staff_hearing_respond", ladder, hearing.pk), {"accepted": "yes", "responded_on": "2025-03-20"}
        )
        assert response.status_code == 302
        hearing.refresh_from_db()
        assert (hearing.outcome, hearing.hearing, hearing.pcc_accepted) == (
            HearingOutcome.RECOMMEND_APPOINT,
            meeting,
            True,
        )
        assert _audited("hearing_pcc_response", ladder)

    def test_a_chief_constable_veto_short_of_two_thirds_is_refused(self, twelve, hearing):
        response = signed_in(twelve.officer).post(
            _url("staff_hearing_decide", twelve, hearing.pk),
            {"outcome": HearingOutcome.VETO, "report_on": "2025-03-17", "votes_for_veto": "7"},
        )
        assert response.status_code == 400
        assert 'href="#id_votes_for_veto"' in response.content.decode()
        hearing.refresh_from_db()
        assert hearing.outcome == HearingOutcome.PENDING

    def test_bad_input_stores_nothing(self, ladder):
        response = signed_in(ladder.officer).post(
            _url("staff_hearing_notify", ladder), {"post": "sheriff", "candidate": "", "received_on": "soon"}
        )
        assert response.status_code == 400
        page = response.content.decode()
        for field in ("post", "candidate", "received_on"):
            assert f'href="#id_{field}' in page
        assert not ConfirmationHearing.objects.exists()


class TestPermissions:
    @pytest.mark.parametrize(
        ("rung", "status"),
        [("officer", 200), ("member", 200), ("pcc_office", 200), ("other_officer", 404), ("administrator", 200)],
    )
    def test_the_staff_pages(self, ladder, year_2024, hearing, rung, status):
        client = ladder.client(rung)
        for url in (
            _url("staff_precept_list", ladder),
            _url("staff_precept_detail", ladder, "2024-25"),
            _url("staff_hearing_list", ladder),
            _url("staff_hearing_detail", ladder, hearing.pk),
        ):
            assert client.get(url).status_code == status, url

    @pytest.mark.parametrize(
        ("rung", "status"), [("officer", 200), ("member", 403), ("pcc_office", 403), ("other_officer", 404)]
    )
    def test_the_forms(self, ladder, year_2024, hearing, rung, status):
        client = ladder.client(rung)
        for url in (
            _url("staff_precept_start", ladder),
            _url("staff_precept_notify", ladder, "2024-25"),
            _url("staff_precept_decide", ladder, "2024-25"),
            _url("staff_precept_issue", ladder, "2024-25"),
            _url("staff_hearing_notify", ladder),
            _url("staff_hearing_decide", ladder, hearing.pk),
            _url("staff_hearing_respond", ladder, hearing.pk),
        ):
            assert client.get(url).status_code == status, url

    @pytest.mark.parametrize("rung", ["member", "pcc_office", "other_officer", "outsider"])
    def test_a_refused_post_stores_nothing(self, ladder, rung):
        before = AuditEvent.objects.count()
        ladder.client(rung).post(_url("staff_precept_start", ladder), {"precept_year": "2025/26"})
        ladder.client(rung).post(
            _url("staff_hearing_notify", ladder),
            {"post": AppointmentPost.DEPUTY_PCC, "candidate": "A Person", "received_on": "2025-03-03"},
        )
        assert not PreceptProcess.objects.exists()
        assert not ConfirmationHearing.objects.exists()
        assert AuditEvent.objects.count() == before

    def test_anonymous_is_sent_to_sign_in(self, client, ladder):
        for name in ("staff_precept_list", "staff_precept_start", "staff_hearing_list"):
            response = client.get(_url(name, ladder))
            assert response.status_code == 302
            assert "login" in response.url

    def test_the_staff_links(self, ladder):
        page = signed_in(ladder.officer).get(_url("staff_action_list", ladder)).content.decode()
        assert _url("staff_precept_list", ladder) in page
        assert _url("staff_hearing_list", ladder) in page


class TestQueryCounts:
    def _years(self, ladder, first, n):
        meeting = _meeting(ladder.panel, datetime.date(first, 2, 5))
        for year in range(first, first + n):
            PreceptProcess.objects.create(
                panel=ladder.panel,
                precept_year=f"{year}/{(year + 1) % 100:02d}",
                notified_on=datetime.date(year, 1, 31),
                proposed_band_d=Decimal("200.00"),
                decision=PreceptDecision.VETO_TOO_HIGH,
                panel_report_on=datetime.date(year, 2, 5),
                decision_meeting=meeting,
                votes_for=5,
                members_at_decision=12,
            )

    def _hearings(self, ladder, n, day):
        meeting = _meeting(ladder.panel, day)
        for i in range(n):
            ConfirmationHearing.objects.create(
                panel=ladder.panel,
                post=AppointmentPost.CHIEF_CONSTABLE,
                candidate=f"Candidate {i}",
                notification_received_on=datetime.date(2020, 3, 3) + datetime.timedelta(days=i),
                hearing=meeting,
            )

    @pytest.mark.parametrize(("name", "rung"), [("precept_list", "anonymous"), ("staff_precept_list", "officer")])
    def test_precept_list_constant_as_years_grow(self, ladder, name, rung):
        client = ladder.client(rung)
        self._years(ladder, 2013, 2)
        few = query_count(client, _url(name, ladder))
        self._years(ladder, 2015, 10)
        assert query_count(client, _url(name, ladder)) == few

    @pytest.mark.parametrize(("name", "rung"), [("hearing_list", "anonymous"), ("staff_hearing_list", "officer")])
    def test_hearing_list_constant_as_hearings_grow(self, ladder, name, rung):
        client = ladder.client(rung)
        self._hearings(ladder, 2, datetime.date(2020, 3, 17))
        few = query_count(client, _url(name, ladder))
        self._hearings(ladder, 8, datetime.date(2021, 3, 17))
        assert query_count(client, _url(name, ladder)) == few

    def test_the_public_detail_pages(self, client, ladder, year_2024, hearing, django_assert_max_num_queries):
        from django.core.cache import cache

        cache.clear()
        with django_assert_max_num_queries(4):
            assert client.get(_url("precept_detail", ladder, "2024-25")).status_code == 200
        with django_assert_max_num_queries(4):
            assert client.get(_url("hearing_detail", ladder, hearing.pk)).status_code == 200
