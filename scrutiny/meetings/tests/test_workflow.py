"""The officer's working week: agenda building, publication, recording the day, and the minutes' lock."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperStatus
from scrutiny.documents.models import Publication
from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings import workflow
from scrutiny.meetings.choices import AttendanceStatus, DeclarationsState, InterestKind, MeetingStatus, MinutesStatus
from scrutiny.meetings.models import AgendaItem, Attendance, MinuteItemVersion
from scrutiny.meetings.services import agenda_item_create
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# Tuesday 19 September 2023: published on Monday the 11th it has five clear working days (12-15, 18).
MEETING_START = datetime.datetime(2023, 9, 19, 14, 0, tzinfo=LONDON)
IN_GOOD_TIME = datetime.date(2023, 9, 11)
LATE = datetime.date(2023, 9, 14)


@pytest.fixture
def officer():
    return UserFactory(username="officer")


@pytest.fixture
def meeting():
    return MeetingFactory(panel=PanelFactory(), start=MEETING_START, status=MeetingStatus.SCHEDULED)


def paper_on(meeting, number="6", **fields):
    item = AgendaItemFactory(meeting=meeting, number=number)
    return PaperFactory(agenda_item=item, **fields)


class TestAgendaPublish:
    def test_records_the_date_of_issue_and_what_was_published(self, meeting, officer):
        paper = paper_on(meeting)
        paper_on(meeting, number="7", status=PaperStatus.SUBMITTED)  # not accepted: not published
        paper_on(meeting, number="8", exempt=True, exempt_paragraph=3, exempt_reason="Contract.")  # exempt

        publication = workflow.agenda_publish(acting_user=officer, meeting=meeting, today=IN_GOOD_TIME)

        meeting.refresh_from_db()
        assert meeting.date_of_issue == IN_GOOD_TIME
        assert meeting.urgency_reason == ""
        assert publication.supplementary is False
        assert publication.published_by == officer
        assert (publication.clear_days, publication.required_clear_days) == (5, 5)
        assert list(publication.papers.all()) == [paper]
        assert AuditEvent.objects.filter(verb="agenda_publish", object_id=str(publication.pk)).exists()

    def test_short_notice_needs_an_urgency_reason(self, meeting, officer):
        with pytest.raises(ValidationError) as error:
            workflow.agenda_publish(acting_user=officer, meeting=meeting, today=LATE)
        assert "urgency_reason" in error.value.message_dict
        meeting.refresh_from_db()
        assert meeting.date_of_issue is None
        assert not Publication.objects.exists()

    def test_short_notice_with_a_reason_is_published_and_the_reason_kept(self, meeting, officer):
        reason = "The Commissioner's proposed precept must be reviewed before 8 February."
        publication = workflow.agenda_publish(acting_user=officer, meeting=meeting, urgency_reason=reason, today=LATE)
        meeting.refresh_from_db()
        assert meeting.urgency_reason == reason
        assert meeting.date_of_issue == LATE
        assert (publication.clear_days, publication.required_clear_days) == (2, 5)
        assert publication.urgency_reason == reason

    def test_publishing_again_is_supplementary_with_only_new_or_changed_papers(self, meeting, officer):
        """GIVEN an agenda published with two papers WHEN one paper gets a new version, one is added and it is
        published again THEN a supplementary publication lists just those two, and the first record is unchanged."""
        kept, changed = paper_on(meeting, number="6"), paper_on(meeting, number="7")
        first = workflow.agenda_publish(acting_user=officer, meeting=meeting, today=IN_GOOD_TIME)
        # A published paper changes only by a new version (documents.services.paper_new_version).
        revised = PaperFactory(agenda_item=changed.agenda_item, supersedes=changed, version=2, title="Revised")
        added = paper_on(meeting, number="8")

        second = workflow.agenda_publish(acting_user=officer, meeting=meeting, urgency_reason="Late.", today=LATE)

        assert second.supplementary is True
        assert set(second.papers.all()) == {revised, added}
        first.refresh_from_db()
        assert first.supplementary is False
        assert set(first.papers.all()) == {kept, changed}
        meeting.refresh_from_db()
        assert meeting.date_of_issue == IN_GOOD_TIME
        assert meeting.urgency_reason == ""  # a late supplement does not rewrite the agenda's own notice
        assert second.urgency_reason == "Late."

    def test_a_superseded_paper_is_not_published(self, meeting, officer):
        old = paper_on(meeting)
        new = PaperFactory(agenda_item=old.agenda_item, supersedes=old, version=2)
        publication = workflow.agenda_publish(acting_user=officer, meeting=meeting, today=IN_GOOD_TIME)
        assert list(publication.papers.all()) == [new]

    def test_publishing_again_with_nothing_new_is_refused(self, meeting, officer):
        paper_on(meeting)
        workflow.agenda_publish(acting_user=officer, meeting=meeting, today=IN_GOOD_TIME)
        with pytest.raises(ValidationError, match="No paper has been added or changed"):
            workflow.agenda_publish(acting_user=officer, meeting=meeting, today=IN_GOOD_TIME)
        assert meeting.publications.count() == 1


class TestPublicationChecklist:
    def test_lists_what_stands_in_the_way(self, meeting, officer):
        workflow.agenda_standard_items_add(acting_user=officer, meeting=meeting)
        report = agenda_item_create(acting_user=officer, meeting=meeting, number="6", title="Budget")
        PaperFactory(agenda_item=report, title="Budget report", status=PaperStatus.SUBMITTED)
        items = list(AgendaItem.objects.live().filter(meeting=meeting).prefetch_related("papers").order_by("order"))
        for item in items:
            item.live_papers = list(item.papers.all())

        problems = workflow.publication_checklist(meeting, items, today=LATE)

        # Items 1-4 are oral; item 5 (the minutes) needs its paper; the budget paper is not accepted yet.
        assert "Item 5, Confirmation of the Minutes, has no paper." in problems
        assert not any(p.startswith(("Item 1,", "Item 2,", "Item 3,", "Item 4,")) for p in problems)
        assert any("“Budget report” on item 6 is not yet accepted" in p for p in problems)
        assert "The agenda has not been published: there is no date of issue." in problems
        assert any(
            p.startswith("Published today, the agenda would give 2 clear days; 5 are required.") for p in problems
        )


class TestAgendaBuilding:
    def test_standard_items_open_the_agenda_and_name_the_previous_meeting(self, meeting, officer):
        MeetingFactory(panel=meeting.panel, start=datetime.datetime(2023, 7, 27, 11, 0, tzinfo=LONDON))
        agenda_item_create(acting_user=officer, meeting=meeting, number="1", title="Budget")

        workflow.agenda_standard_items_add(acting_user=officer, meeting=meeting)

        items = list(meeting.agenda_items.live().order_by("order"))
        assert [(i.number, i.title) for i in items] == [
            ("1", "Welcome and Introductions"),
            ("2", "Named Substitutes"),
            ("3", "Apologies and Declarations of Interest"),
            ("4", "Public Participation"),
            ("5", "Confirmation of the Minutes"),
            ("6", "Budget"),
        ]
        assert "9am on Monday 18 September 2023" in items[3].description
        assert "held on 27 July 2023" in items[4].description

    def test_standard_items_are_not_added_twice(self, meeting, officer):
        workflow.agenda_standard_items_add(acting_user=officer, meeting=meeting)
        assert workflow.agenda_standard_items_add(acting_user=officer, meeting=meeting) == []
        assert meeting.agenda_items.live().count() == 5

    def test_moving_an_item_renumbers_plain_numbers(self, meeting, officer):
        first = agenda_item_create(acting_user=officer, meeting=meeting, number="1", title="First")
        second = agenda_item_create(acting_user=officer, meeting=meeting, number="2", title="Second")
        workflow.agenda_item_move(acting_user=officer, item=second, direction="up")
        first.refresh_from_db()
        second.refresh_from_db()
        assert (second.number, first.number) == ("1", "2")
        assert second.order < first.order
        with pytest.raises(ValidationError):
            workflow.agenda_item_move(acting_user=officer, item=second, direction="up")

    def test_removing_leaves_a_tombstone_and_closes_the_gap(self, meeting, officer):
        first = agenda_item_create(acting_user=officer, meeting=meeting, number="1", title="First")
        second = agenda_item_create(acting_user=officer, meeting=meeting, number="2", title="Second")
        workflow.agenda_item_remove(acting_user=officer, item=first)
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.is_deleted
        assert second.number == "1"
        assert AuditEvent.objects.filter(verb="agenda_item_delete", object_id=str(first.pk)).exists()


class TestMeetingDayRecord:
    def test_records_attendance_substitutes_guests_and_declarations(self, meeting, officer):
        """GIVEN two members WHEN one is present and one sends apologies with a substitute, a guest attends
        and a declaration is made THEN all is recorded; saving again without the substitute withdraws them."""
        panel = meeting.panel
        council = CouncilFactory(panel=panel)
        present = MembershipFactory(person__panel=panel, council=council)
        away = MembershipFactory(person__panel=panel, council=council)
        substitute = PersonFactory(panel=panel)
        rows = [
            workflow.MemberAttendance(membership=present, status=AttendanceStatus.PRESENT),
            workflow.MemberAttendance(
                membership=away, status=AttendanceStatus.APOLOGIES, substitute=substitute, council=council
            ),
        ]
        workflow.meeting_day_record(
            acting_user=officer,
            meeting=meeting,
            members=rows,
            also_attended=[workflow.AlsoAttended(name="John Campion", role_as_written="Police and Crime Commissioner")],
            declarations=[
                workflow.DeclarationRow(
                    person=present.person, kind=InterestKind.OTHER_REGISTRABLE, description="Member of a charity."
                )
            ],
        )
        live = {a.person_id: a for a in Attendance.objects.live().filter(meeting=meeting)}
        assert live[present.person_id].status == AttendanceStatus.PRESENT
        assert live[away.person_id].status == AttendanceStatus.APOLOGIES
        assert live[substitute.pk].substitute_for == away
        assert live[substitute.pk].council == council
        guest = next(a for a in live.values() if a.status == AttendanceStatus.IN_ATTENDANCE)
        assert (guest.person.name, guest.role_as_written) == ("John Campion", "Police and Crime Commissioner")
        meeting.refresh_from_db()
        assert meeting.declarations_state == DeclarationsState.RECORDED

        rows[1].substitute = None
        workflow.meeting_day_record(acting_user=officer, meeting=meeting, members=rows)
        assert not Attendance.objects.live().filter(meeting=meeting, person=substitute).exists()

    def test_no_declarations_is_recorded_as_a_fact(self, meeting, officer):
        workflow.meeting_day_record(acting_user=officer, meeting=meeting, members=[], no_declarations=True)
        meeting.refresh_from_db()
        assert meeting.declarations_state == DeclarationsState.NONE


class TestMinutes:
    @pytest.fixture
    def later(self, meeting):
        return MeetingFactory(panel=meeting.panel, start=MEETING_START + datetime.timedelta(days=60))

    def test_drafting_numbers_by_the_panels_scheme(self, meeting, officer):
        first = workflow.minute_item_draft(acting_user=officer, meeting=meeting, title="Welcome")
        second = workflow.minute_item_draft(acting_user=officer, meeting=meeting, title="Apologies")
        assert second.number == first.number + 1

    def test_confirming_locks_the_minutes(self, meeting, later, officer):
        minute = MinuteItemFactory(meeting=meeting, title="Budget")
        workflow.minutes_confirm(meeting=meeting, at_meeting=later, acting_user=officer)
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.CONFIRMED
        assert meeting.minutes_confirmed_at is not None
        assert meeting.minutes_confirmed_at_meeting == later
        assert AuditEvent.objects.filter(verb="minutes_confirm", object_id=str(meeting.pk)).exists()

        minute.meeting = meeting
        with pytest.raises(ValidationError, match="confirmed"):
            workflow.minute_item_edit(acting_user=officer, item=minute, text="A quiet rewrite.")
        with pytest.raises(ValidationError, match="confirmed"):
            workflow.minute_item_draft(acting_user=officer, meeting=meeting, title="Afterthought")
        with pytest.raises(ValidationError):
            workflow.minutes_confirm(meeting=meeting, at_meeting=later, acting_user=officer)
        minute.refresh_from_db()
        assert minute.text == "The panel discussed the report."

    def test_confirmation_is_at_a_later_meeting_of_the_panel(self, meeting, officer):
        MinuteItemFactory(meeting=meeting)
        earlier = MeetingFactory(panel=meeting.panel, start=MEETING_START - datetime.timedelta(days=60))
        elsewhere = MeetingFactory(start=MEETING_START + datetime.timedelta(days=60))
        for at in (earlier, elsewhere):
            with pytest.raises(ValidationError):
                workflow.minutes_confirm(meeting=meeting, at_meeting=at, acting_user=officer)

    def test_draft_minutes_can_be_edited(self, meeting, officer):
        minute = MinuteItemFactory(meeting=meeting)
        workflow.minute_item_edit(acting_user=officer, item=minute, text="Corrected before confirmation.")
        minute.refresh_from_db()
        assert minute.text == "Corrected before confirmation."
        assert minute.version == 1

    def test_a_correction_keeps_the_old_text_and_is_audited(self, meeting, later, officer):
        minute = MinuteItemFactory(meeting=meeting, title="Budget", text="The precept was agreed.")
        workflow.minutes_confirm(meeting=meeting, at_meeting=later, acting_user=officer)
        minute.refresh_from_db()

        workflow.minute_item_correct(
            item=minute, text="The precept was vetoed.", reason="Misrecorded outcome.", acting_user=officer
        )

        minute.refresh_from_db()
        assert (minute.text, minute.version) == ("The precept was vetoed.", 2)
        old = MinuteItemVersion.objects.get(minute_item=minute)
        assert (old.version, old.text, old.reason, old.replaced_by) == (
            1,
            "The precept was agreed.",
            "Misrecorded outcome.",
            officer,
        )
        event = AuditEvent.objects.get(verb="minute_item_correct")
        assert event.actor == officer
        assert event.changes["text"] == ["The precept was agreed.", "The precept was vetoed."]

    def test_a_correction_needs_a_reason_and_confirmed_minutes(self, meeting, later, officer):
        minute = MinuteItemFactory(meeting=meeting)
        with pytest.raises(ValidationError, match="still a draft"):
            workflow.minute_item_correct(item=minute, text="New.", reason="Because.", acting_user=officer)
        workflow.minutes_confirm(meeting=meeting, at_meeting=later, acting_user=officer)
        minute.refresh_from_db()
        with pytest.raises(ValidationError):
            workflow.minute_item_correct(item=minute, text="New.", reason=" ", acting_user=officer)
        assert not MinuteItemVersion.objects.exists()
