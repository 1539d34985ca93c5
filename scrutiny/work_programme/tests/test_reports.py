import datetime

import pytest

from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperSource
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import LONDON, AgendaItemFactory, MeetingFactory, MinuteItemFactory
from scrutiny.work_programme.reports import actions_update_paper_generate, work_programme_paper_generate

from .factories import ActionFactory, WorkProgrammeItemFactory

pytestmark = pytest.mark.django_db


class TestActionsUpdate:
    def test_lists_an_overdue_action(self):
        held = MeetingFactory(start=datetime.datetime(2023, 7, 27, 11, tzinfo=LONDON))
        panel = held.panel
        ActionFactory(
            panel=panel,
            minute_item=MinuteItemFactory(meeting=held, number=481, label="481"),
            description="Supply most similar group comparisons",
            due_date=datetime.date(2023, 9, 1),
        )
        ActionFactory(panel=panel, description="Write to all councils")
        nxt = MeetingFactory(
            panel=panel, start=datetime.datetime(2023, 11, 17, 11, tzinfo=LONDON), status=MeetingStatus.SCHEDULED
        )
        item = AgendaItemFactory(meeting=nxt, title="Actions update")
        paper = actions_update_paper_generate(acting_user=None, agenda_item=item, today=datetime.date(2023, 10, 1))
        assert paper.source == PaperSource.GENERATED
        assert "| 481 | Supply most similar group comparisons | PCC | 1 September 2023 | Overdue |" in paper.body
        assert "Write to all councils" in paper.body
        assert "2 in all, 1 of them overdue" in paper.background
        assert AuditEvent.objects.filter(verb="paper_generate", object_id=str(paper.pk)).exists()


class TestWorkProgrammeReport:
    def test_seed_layout_with_the_flag(self):
        meeting = MeetingFactory(
            start=datetime.datetime(2023, 11, 17, 11, tzinfo=LONDON), status=MeetingStatus.SCHEDULED
        )
        MeetingFactory(panel=meeting.panel, start=datetime.datetime(2023, 7, 27, 11, tzinfo=LONDON))
        WorkProgrammeItemFactory(
            panel=meeting.panel,
            planned_label="February 2024",
            area="PCC's Proposed Precept",
            last_report_recorded="2 November 2023",
        )
        paper = work_programme_paper_generate(
            acting_user=None, agenda_item=AgendaItemFactory(meeting=meeting, title="Work Programme")
        )
        assert "| Meeting date | Area of scrutiny | Date of last report | Notes |" in paper.body
        assert "| February 2024 | PCC's Proposed Precept | 2 November 2023 | The programme records" in paper.body
