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


class TestActionEvidence:
    def test_a_bad_upload_stores_nothing(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        panel = PanelFactory()
        with pytest.raises(ValidationError):
            services.action_create(
                acting_user=None,
                panel=panel,
                description="x",
                owner_name="PCC",
                evidence_upload=SimpleUploadedFile("a.pdf", b"plain text, not a PDF"),
            )
        assert not AuditEvent.objects.filter(verb="action_create").exists()

    def test_another_panels_paper_is_refused(self):
        from scrutiny.documents.tests.factories import PaperFactory

        with pytest.raises(ValidationError) as refused:
            services.action_create(
                acting_user=None, panel=PanelFactory(), description="x", owner_name="PCC", evidence_paper=PaperFactory()
            )
        assert "evidence_paper" in refused.value.error_dict

    def test_closing_keeps_the_evidence_paper(self):
        from scrutiny.documents.tests.factories import PaperFactory

        paper = PaperFactory()
        action = ActionFactory(panel=paper.agenda_item.meeting.panel, evidence_paper=paper)
        services.action_complete(
            acting_user=None, action=action, response="Done.", responded_on=datetime.date(2023, 9, 1)
        )
        action.refresh_from_db()
        assert action.evidence_paper == paper


class TestRecommendationServices:
    def test_create_update_and_respond(self):
        from scrutiny.work_programme.choices import RecommendationResponse, RecommendationSubject

        minute = MinuteItemFactory()
        panel = minute.meeting.panel
        recommendation = services.recommendation_create(
            acting_user=None,
            panel=panel,
            subject=RecommendationSubject.PLAN,
            text="Add a rural crime priority.",
            made_on=datetime.date(2023, 7, 27),
            minute_item=minute,
        )
        services.recommendation_update(acting_user=None, recommendation=recommendation, text="Add rural crime.")
        services.recommendation_respond(
            acting_user=None,
            recommendation=recommendation,
            response=RecommendationResponse.ACCEPTED,
            responded_on=datetime.date(2023, 9, 1),
        )
        verbs = set(AuditEvent.objects.filter(object_id=str(recommendation.pk)).values_list("verb", flat=True))
        assert verbs == {"recommendation_record", "recommendation_update", "recommendation_respond"}
        with pytest.raises(ValidationError):
            services.recommendation_update(
                acting_user=None, recommendation=recommendation, minute_item=MinuteItemFactory()
            )
        with pytest.raises(TypeError):
            services.recommendation_update(acting_user=None, recommendation=recommendation, response="rejected")


class TestTaskGroupMembers:
    def test_update_members_is_audited_and_checked(self):
        panel = PanelFactory()
        first, second = PersonFactory(panel=panel), PersonFactory(panel=panel)
        group = services.task_group_create(acting_user=None, panel=panel, topic="Estates", members=[first])
        services.task_group_update(acting_user=None, group=group, members=[first, second])
        event = AuditEvent.objects.filter(verb="task_group_members_set", object_id=str(group.pk)).latest("id")
        assert event.changes == {"members": [[first.pk], sorted([first.pk, second.pk])]}
        with pytest.raises(ValidationError):
            services.task_group_update(acting_user=None, group=group, members=[PersonFactory()])

    def test_champion_removed_is_a_tombstone(self):
        panel = PanelFactory()
        role = services.champion_role_create(acting_user=None, panel=panel, person=PersonFactory(panel=panel), area="x")
        services.champion_role_remove(acting_user=None, role=role)
        role.refresh_from_db()
        assert role.is_deleted
        assert AuditEvent.objects.filter(verb="champion_role_remove", object_id=str(role.pk)).exists()
