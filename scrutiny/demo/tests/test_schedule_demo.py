"""What the demo holds ahead of 19 September 2023: the 17 November 2023 meeting the work programme plans,
the 2024/25 precept cycle with the dates the statutory rules give, and a meeting, dated from the day the
demo is loaded, that takes questions from the public through the public form."""

from datetime import date, datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scrutiny.core.working_days import is_working_day
from scrutiny.demo import west_mercia as wm
from scrutiny.demo.schedule import (
    demo_november_load,
    demo_precept_load,
    demo_upcoming_meeting_load,
    meeting_open_for_questions,
    upcoming_meeting_day,
)
from scrutiny.demo.work_programme import PROGRAMME
from scrutiny.meetings.checks import meeting_checks, meeting_compliance
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import Meeting
from scrutiny.panels.models import Panel
from scrutiny.work_programme.choices import QuestionKind, QuestionStatus
from scrutiny.work_programme.deadlines import panel_deadlines
from scrutiny.work_programme.models import PreceptProcess, PublicQuestion, WorkProgrammeItem
from scrutiny.work_programme.participation import participation_window
from scrutiny.work_programme.statutory import precept_deadline_list, precept_year_for

LONDON = ZoneInfo("Europe/London")


def _upcoming(panel) -> Meeting:
    """The meeting the demo adds for questions: the panel's only meeting after today."""
    (meeting,) = Meeting.objects.live().filter(panel=panel, start__gt=timezone.now())
    return meeting


# 17 November 2023 ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestNovemberMeeting:
    def test_scheduled_on_the_date_the_work_programme_gives(self, demo):
        november = demo.meetings.get(slug="2023-11-17")
        assert timezone.localtime(november.start).date() == date(2023, 11, 17)
        assert november.status == MeetingStatus.SCHEDULED
        assert november.date_of_issue is None, "no agenda had been issued by 19 September 2023"
        assert november.contact_officer.name == "Samantha Morris"
        assert "work programme" in november.notes
        assert any("date of issue is not recorded" in c.message for c in meeting_checks(november))

    def test_agenda_is_the_business_the_programme_lists(self, demo):
        november = demo.meetings.get(slug="2023-11-17")
        planned = [area for section, when, area, *_ in PROGRAMME if when == "17 November 2023"]
        items = list(november.agenda_items.live())
        assert [i.title for i in items] == planned
        assert [i.number for i in items] == ["1", "2", "3", "4", "5", "6"]

    def test_the_programme_rows_attach_to_it(self, demo):
        november = demo.meetings.get(slug="2023-11-17")
        rows = WorkProgrammeItem.objects.live().filter(panel=demo, meeting=november)
        assert rows.count() == 6
        assert set(rows.values_list("planned_label", flat=True)) == {""}
        assert not WorkProgrammeItem.objects.filter(panel=demo, planned_label="17 November 2023").exists()

    def test_loading_again_finds_it(self, demo):
        november = demo.meetings.get(slug="2023-11-17")
        assert demo_november_load() == november
        assert demo.meetings.filter(start__date=date(2023, 11, 17)).count() == 1


# The 2024/25 precept --------------------------------------------------------------------------------------------

# What the rules give for 2024/25 (regs 3-7 of SI 2012/2271; LGFA 1992 s40, 2024 being a leap year).
PRECEPT_2024_25 = {
    "notify": date(2024, 2, 1),
    "panel_report": date(2024, 2, 8),
    "pcc_response_if_veto": date(2024, 2, 15),
    "panel_second_report": date(2024, 2, 22),
    "issue": date(2024, 2, 29),
    "final": date(2024, 3, 1),
}


@pytest.mark.django_db
class TestPrecept:
    def test_the_process_is_open_with_nothing_recorded(self, demo):
        process = PreceptProcess.objects.live().get(panel=demo, precept_year="2024/25")
        assert process.notified_on is None
        assert process.proposed_band_d is None
        assert process.decision == ""
        assert process.panel_report_on is None
        assert process.issued_on is None
        assert "minute 485" in process.notes
        assert demo_precept_load() == process
        assert PreceptProcess.objects.filter(panel=demo).count() == 1

    def test_statutory_dates_of_the_cycle(self):
        steps = precept_deadline_list("2024/25")
        assert {step.key: step.date for step in steps} == PRECEPT_2024_25
        # Every date of 2024 falls on a working day (Thursdays, and Friday 1 March): no weekend warning.
        assert [step.warning for step in steps] == [""] * 6
        assert [step.date.strftime("%A") for step in steps] == ["Thursday"] * 5 + ["Friday"]

    def test_the_timeline_as_the_panel_saw_it_on_19_september_2023(self, demo):
        """With no decision recorded, every step is due, the veto path marked as conditional."""
        assert precept_year_for(date(2023, 9, 19)) == "2024/25"
        rows = panel_deadlines(demo, date(2023, 9, 19))
        precept = [row for row in rows if row.uid.startswith("precept-2024-25-")]
        assert {row.uid.removeprefix("precept-2024-25-"): row.date for row in precept} == PRECEPT_2024_25
        conditional = {row.uid.removeprefix("precept-2024-25-") for row in precept if "only if" in row.label}
        assert conditional == {"pcc_response_if_veto", "panel_second_report", "final"}
        html = render_to_string("work_programme/deadlines.html", {"deadlines": rows})
        assert "Thursday 1 February 2024" in html
        assert "Precept 2024/25: The panel reports on the proposed precept" in html
        assert "Not a working day" not in html

    def test_dates_gone_by_drop_off(self, demo):
        rows = panel_deadlines(demo, date(2024, 2, 2))
        assert rows[0].uid == "precept-2024-25-panel_report"

    def test_home_page_shows_the_current_cycle(self, demo):
        html = Client().get(reverse("public_site:panel_home", args=[demo.slug])).content.decode()
        assert "Statutory deadlines" in html
        assert f"Precept {precept_year_for(timezone.localdate())}" in html


# A meeting open for questions -----------------------------------------------------------------------------------


class TestUpcomingMeetingDay:
    def test_first_tuesday_four_weeks_on(self):
        assert upcoming_meeting_day(date(2026, 11, 10)) == date(2026, 12, 8)
        assert upcoming_meeting_day(date(2026, 11, 12)) == date(2026, 12, 15)

    def test_skips_the_christmas_break(self):
        """Tuesdays 22 and 29 December 2026 fall in the break between Christmas and New Year: 5 January 2027."""
        assert upcoming_meeting_day(date(2026, 11, 24)) == date(2027, 1, 5)
        assert upcoming_meeting_day(date(2026, 11, 26)) == date(2027, 1, 5)

    def test_skips_a_tuesday_bank_holiday(self):
        """Christmas Day 2029 and New Year's Day 2030 are Tuesdays: the meeting moves on to 8 January 2030."""
        assert not is_working_day(date(2029, 12, 25))
        assert not is_working_day(date(2030, 1, 1))
        assert upcoming_meeting_day(date(2029, 11, 27)) == date(2030, 1, 8)


@pytest.mark.django_db
class TestUpcomingMeeting:
    def test_scheduled_ahead_with_a_published_agenda(self, demo):
        meeting = _upcoming(demo)
        today = timezone.localdate()
        day = timezone.localtime(meeting.start).date()
        assert meeting.status == MeetingStatus.SCHEDULED
        assert day == upcoming_meeting_day(today)
        assert day >= today + timedelta(weeks=4)
        assert day.weekday() == 1
        assert is_working_day(day)
        assert timezone.localtime(meeting.start).time() == time(11, 0)
        assert meeting.date_of_issue == today
        assert meeting_compliance(meeting)["clear_days_met"]
        assert not [c for c in meeting_checks(meeting) if "agenda" in c.message]
        assert [i.title for i in meeting.agenda_items.live()] == [f.title for f in wm.UPCOMING_AGENDA]
        assert "not in the Panel's real calendar" in meeting.notes

    def test_takes_questions_until_9am_on_the_working_day_before(self, demo):
        meeting = _upcoming(demo)
        window = participation_window(meeting)
        assert window.is_open
        assert window.deadline.time() == time(9, 0)
        assert window.deadline.date() < timezone.localtime(meeting.start).date()
        participation = meeting.agenda_items.get(number="4")
        assert f"9.00am on {window.deadline:%A %-d %B %Y}" in participation.description
        assert meeting_open_for_questions(demo) == meeting

    def test_is_the_next_meeting_on_the_home_page(self, demo):
        meeting = _upcoming(demo)
        html = Client().get(reverse("public_site:panel_home", args=[demo.slug])).content.decode()
        assert meeting.get_absolute_url() in html

    def test_the_public_form_accepts_a_question_today(self, demo):
        """
        GIVEN the loaded demo
        WHEN a member of the public sends a question through the public form
        THEN it is received for the upcoming meeting
        """
        meeting = _upcoming(demo)
        page = Client().get(meeting.get_absolute_url()).content.decode()
        form_url = reverse("participation:question_create", args=[demo.slug, meeting.slug])
        assert form_url in page
        response = Client().post(
            form_url,
            {
                "kind": QuestionKind.QUESTION,
                "text": "How many officers now work in rural neighbourhood teams?",
                "submitter_name": "Demo Questioner",
                "submitter_email": "demo-questioner@example.org",
                "consent": "on",
            },
            REMOTE_ADDR="192.0.2.31",
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("participation:question_sent", args=[demo.slug, meeting.slug])
        question = PublicQuestion.objects.get(meeting=meeting)
        assert question.status == QuestionStatus.RECEIVED
        assert question.text.startswith("How many officers")

    def test_loading_again_adds_no_meeting(self, demo):
        before = Meeting.objects.filter(panel=demo).count()
        assert demo_upcoming_meeting_load() is None
        assert Meeting.objects.filter(panel=demo).count() == before

    def test_a_new_one_once_the_last_has_closed(self, demo):
        """A demo loaded again after its meeting's deadline gains the next meeting, once."""
        meeting = _upcoming(demo)
        later = participation_window(meeting).deadline + timedelta(minutes=1)
        assert meeting_open_for_questions(demo, now=later) is None
        created = demo_upcoming_meeting_load(now=later)
        assert created is not None
        assert created != meeting
        assert timezone.localtime(created.start).date() == upcoming_meeting_day(later.date())
        assert participation_window(created, now=later).is_open
        assert demo_upcoming_meeting_load(now=later) is None


# Loading twice --------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_loading_twice_keeps_one_of_each(west_mercia):
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    assert "already loaded" in out.getvalue()
    assert "nothing to do" in out.getvalue()
    panel = Panel.objects.get(slug="west-mercia")
    assert Meeting.objects.filter(panel=panel, start__gt=timezone.now()).count() == 1
    assert Meeting.objects.filter(panel=panel, slug="2023-11-17").count() == 1
    assert PreceptProcess.objects.filter(panel=panel).count() == 1
    slugs = set(panel.meetings.values_list("slug", flat=True))
    assert {"2023-07-27", "2023-09-19", "2023-11-17"} < slugs
    assert len(slugs) == 4
    assert datetime.now(LONDON).date() < min(
        timezone.localtime(m.start).date() for m in panel.meetings.filter(start__gt=timezone.now())
    )
