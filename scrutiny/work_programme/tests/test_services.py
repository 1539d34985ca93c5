import datetime

import pytest
from django.core.exceptions import ValidationError

from scrutiny.core.models import AuditEvent
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import LONDON, MeetingFactory, MinuteItemFactory
from scrutiny.members.tests.factories import PersonFactory
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.work_programme import services
from scrutiny.work_programme.choices import ActionStatus, ItemCategory
from scrutiny.work_programme.models import WorkProgrammeItem

from .factories import ActionFactory

pytestmark = pytest.mark.django_db


def _scheduled(panel, day):
    start = datetime.datetime.combine(day, datetime.time(11), tzinfo=LONDON)
    return MeetingFactory(panel=panel, start=start, status=MeetingStatus.SCHEDULED)


class TestActions:
    def test_create_from_a_minute_is_audited(self):
        minute = MinuteItemFactory()
        action = services.action_create(
            acting_user=None,
            panel=minute.meeting.panel,
            minute_item=minute,
            description="Supply the comparisons.",
            owner_name="PCC",
            owner_email="pcc@example.org",
            due_date=datetime.date(2023, 9, 1),
        )
        assert action.status == ActionStatus.OPEN
        assert AuditEvent.objects.filter(verb="action_create", object_id=str(action.pk)).exists()

    def test_refuses_another_panels_meeting(self):
        with pytest.raises(ValidationError):
            services.action_create(
                acting_user=None,
                panel=PanelFactory(),
                description="x",
                owner_name="PCC",
                due_meeting=MeetingFactory(),
            )

    def test_complete_and_drop(self):
        action = ActionFactory()
        services.action_complete(
            acting_user=None, action=action, response="Sent on 1 September.", responded_on=datetime.date(2023, 9, 1)
        )
        assert action.status == ActionStatus.DONE
        other = services.action_drop(acting_user=None, action=ActionFactory(), reason="Overtaken by events.")
        assert other.status == ActionStatus.DROPPED

    def test_a_new_due_date_earns_a_new_reminder(self):
        action = ActionFactory(reminder_sent_at=datetime.datetime(2023, 9, 1, tzinfo=LONDON))
        services.action_update(acting_user=None, action=action, due_date=datetime.date(2023, 12, 1))
        action.refresh_from_db()
        assert action.reminder_sent_at is None


class TestPropose:
    def test_regular_items_proposed_for_each_new_meeting(self):
        panel = PanelFactory()
        first = _scheduled(panel, datetime.date(2023, 11, 17))
        second = _scheduled(panel, datetime.date(2024, 2, 6))
        assert len(services.work_programme_propose(acting_user=None, meeting=first)) == 4
        # The complaints annual report was taken in November: not again in February.
        topics = {i.topic for i in services.work_programme_propose(acting_user=None, meeting=second)}
        assert topics == {"performance-report", "budget-monitoring", "work-programme"}
        assert services.work_programme_propose(acting_user=None, meeting=second) == []
        assert WorkProgrammeItem.objects.filter(category=ItemCategory.REGULAR).count() == 7

    def test_a_dropped_item_stays_dropped(self):
        """GIVEN a meeting's proposed items WHEN the officer drops budget monitoring and proposes again
        THEN it is not brought back."""
        meeting = _scheduled(PanelFactory(), datetime.date(2024, 2, 6))
        services.work_programme_propose(acting_user=None, meeting=meeting)
        budget = WorkProgrammeItem.objects.get(meeting=meeting, topic="budget-monitoring")
        services.work_programme_item_drop(acting_user=None, item=budget)
        assert services.work_programme_propose(acting_user=None, meeting=meeting) == []
        budget.refresh_from_db()
        assert budget.dropped
        assert WorkProgrammeItem.objects.filter(meeting=meeting, topic="budget-monitoring").count() == 1


class TestTaskGroupsAndChampions:
    def test_create(self):
        panel = PanelFactory()
        person = PersonFactory(panel=panel)
        group = services.task_group_create(acting_user=None, panel=panel, topic="Precept", members=[person])
        assert list(group.members.all()) == [person]
        role = services.champion_role_create(acting_user=None, panel=panel, person=person, area="Road safety")
        assert str(role).endswith("Road safety")
        with pytest.raises(ValidationError):
            services.champion_role_create(acting_user=None, panel=PanelFactory(), person=person, area="x")
