import datetime

import pytest

from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import LONDON, AgendaItemFactory, MeetingFactory, MinuteItemFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.work_programme.choices import ActionStatus, ItemCategory
from scrutiny.work_programme.selectors import action_tracker, actions_overdue, actions_raised_at, work_programme_rows

from .factories import ActionFactory, WorkProgrammeItemFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2023, 10, 1)


def _meeting(panel, day, status=MeetingStatus.HELD):
    return MeetingFactory(
        panel=panel, start=datetime.datetime.combine(day, datetime.time(11), tzinfo=LONDON), status=status
    )


class TestOverdue:
    def test_open_and_past_its_due_date_or_due_meeting(self):
        panel = PanelFactory()
        september = _meeting(panel, datetime.date(2023, 9, 19))
        late = ActionFactory(panel=panel, due_date=datetime.date(2023, 9, 1))
        late_by_meeting = ActionFactory(panel=panel, due_meeting=september)
        ActionFactory(panel=panel, due_date=datetime.date(2023, 10, 30))
        ActionFactory(panel=panel, due_date=datetime.date(2023, 9, 1), status=ActionStatus.DONE)
        ActionFactory(panel=panel)
        assert set(actions_overdue(panel, today=TODAY)) == {late, late_by_meeting}

    def test_tracker_sorts_open_overdue_closed_and_by_owner(self):
        panel = PanelFactory()
        ActionFactory(panel=panel, due_date=datetime.date(2023, 9, 1), owner_name="PCC")
        ActionFactory(panel=panel, owner_name="Chairman")
        ActionFactory(panel=panel, status=ActionStatus.DONE)
        tracker = action_tracker(panel, today=TODAY)
        assert len(tracker.open) == 2
        assert len(tracker.overdue) == 1
        assert len(tracker.closed) == 1
        assert list(tracker.by_owner) == ["Chairman", "PCC"]


class TestPublicTracker:
    def test_hides_actions_from_exempt_minutes(self):
        panel = PanelFactory()
        meeting = _meeting(panel, datetime.date(2023, 7, 27))
        exempt_item = AgendaItemFactory(meeting=meeting, exempt=True, exempt_paragraph=3, exempt_reason="Contract.")
        secret = ActionFactory(panel=panel, minute_item=MinuteItemFactory(meeting=meeting, agenda_item=exempt_item))
        public = ActionFactory(panel=panel, minute_item=MinuteItemFactory(meeting=meeting))
        assert action_tracker(panel, public=True).open == [public]
        assert set(action_tracker(panel).open) == {public, secret}
        assert actions_raised_at(meeting) == [public]


class TestDateOfLastReport:
    @pytest.fixture
    def panel(self):
        panel = PanelFactory()
        july = _meeting(panel, datetime.date(2023, 7, 27))
        AgendaItemFactory(meeting=july, title="Police & Crime Plan Activity and Performance Monitoring Report")
        _meeting(panel, datetime.date(2023, 9, 19), status=MeetingStatus.SCHEDULED)
        _meeting(panel, datetime.date(2023, 11, 17), status=MeetingStatus.SCHEDULED)
        return panel

    def test_derived_from_an_earlier_agenda(self, panel):
        WorkProgrammeItemFactory(
            panel=panel,
            planned_label="June/July 2024",
            area="Police & Crime Plan Activity and Performance Monitoring Report",
            topic="performance-report",
        )
        (row,) = work_programme_rows(panel)
        assert row.derived
        assert row.last_report == datetime.date(2023, 7, 27)
        assert row.last_report_text == "27 July 2023"
        assert not row.flags

    def test_derived_from_an_earlier_meetings_programme_item_with_the_topic(self, panel):
        held = _meeting(panel, datetime.date(2023, 8, 10))
        WorkProgrammeItemFactory(
            panel=panel, meeting=held, topic="estates", area="Estates", category=ItemCategory.REQUESTED
        )
        WorkProgrammeItemFactory(panel=panel, planned_label="TBC", topic="estates", area="Estates strategy update")
        rows = {r.item.planned_label: r for r in work_programme_rows(panel)}
        assert rows["TBC"].last_report == datetime.date(2023, 8, 10)

    def test_kept_as_recorded_where_the_database_has_no_history(self, panel):
        WorkProgrammeItemFactory(
            panel=panel, planned_label="TBC", area="Prevention", last_report_recorded="7 September 2022"
        )
        (row,) = work_programme_rows(panel)
        assert not row.derived
        assert row.last_report_text == "7 September 2022"
        assert not row.flags

    def test_flags_a_recorded_date_with_no_meeting(self, panel):
        WorkProgrammeItemFactory(
            panel=panel,
            planned_label="February 2024",
            area="PCC's Proposed Precept",
            last_report_recorded="2 November 2023",
        )
        (row,) = work_programme_rows(panel)
        assert row.last_report_text == "2 November 2023"
        assert row.flags == [
            "The programme records a report on 2 November 2023, but the panel held no meeting that day."
        ]

    def test_flags_a_recorded_date_older_than_the_meetings_show(self, panel):
        WorkProgrammeItemFactory(
            panel=panel,
            planned_label="TBC",
            area="Update on the progress of Combating Drug Partnerships (CDPs)",
            topic="police-crime-plan-activity-and-performance-monitoring-report",
            last_report_recorded="23 November 2022",
        )
        (row,) = work_programme_rows(panel)
        assert row.last_report == datetime.date(2023, 7, 27)
        assert "Recorded as 23 November 2022" in row.flags[0]

    def test_dropped_items_left_out_of_the_public_programme(self, panel):
        WorkProgrammeItemFactory(panel=panel, planned_label="TBC", dropped=True)
        assert work_programme_rows(panel) == []
        assert len(work_programme_rows(panel, include_dropped=True)) == 1
