"""Writes to meetings, agenda items, attendance, declarations, minutes and votes."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.cache import content_version
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.choices import AttendanceStatus, DeclarationsState, InterestKind, VoteKind, VoteResult
from scrutiny.meetings.models import AgendaItem, Attendance, Meeting, MinuteItem, Nomination, Vote
from scrutiny.meetings.services import (
    agenda_item_create,
    agenda_item_delete,
    agenda_item_release,
    agenda_item_update,
    attendance_record,
    declaration_record,
    declarations_none_record,
    meeting_create,
    meeting_delete,
    meeting_update,
    minute_item_create,
    minute_item_update,
    next_minute_number,
    vote_record,
)
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from scrutiny.members.choices import MembershipKind
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.panels.choices import MinuteNumbering
from scrutiny.panels.tests.factories import PanelFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def _at(year, month, day, hour=11, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def _age(meeting):
    """Set the meeting's stored `modified` time far in the past, so that any touch shows."""
    Meeting.objects.filter(pk=meeting.pk).update(modified=LONG_AGO)


def _modified(meeting):
    return Meeting.objects.get(pk=meeting.pk).modified


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def panel():
    return PanelFactory()


@pytest.fixture
def meeting(panel):
    """The seed's meeting: Tuesday 19 September 2023, 11.00am (British Summer Time)."""
    return MeetingFactory(panel=panel, start=_at(2023, 9, 19), slug="2023-09-19", venue="County Hall")


@pytest.fixture
def exempt_item(meeting):
    return AgendaItemFactory(meeting=meeting, exempt=True, exempt_paragraph=3, exempt_reason="Contract prices.")


class TestMeetingCreate:
    def test_slug_is_the_date(self, user, panel):
        meeting = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="County Hall")

        assert meeting.slug == "2023-09-19"

    def test_second_meeting_on_the_same_day_gets_a_suffix(self, user, panel):
        meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="County Hall")

        second = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19, 14), venue="County Hall")
        third = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19, 16), venue="County Hall")

        assert (second.slug, third.slug) == ("2023-09-19-2", "2023-09-19-3")

    def test_the_same_day_on_another_panel_has_no_suffix(self, user, panel):
        meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="County Hall")

        other = meeting_create(acting_user=user, panel=PanelFactory(), start=_at(2023, 9, 19), venue="Shire Hall")

        assert other.slug == "2023-09-19"

    def test_slug_uses_the_london_date(self, user, panel):
        """00.30 on 19 September in London is still 18 September in UTC."""
        meeting = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19, 0, 30), venue="County Hall")

        assert meeting.slug == "2023-09-19"

    def test_a_deleted_meeting_keeps_its_address(self, user, panel):
        first = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="County Hall")
        meeting_delete(acting_user=user, meeting=first)

        second = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="County Hall")

        assert second.slug == "2023-09-19-2"

    def test_records_the_creation(self, user, panel):
        meeting = meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="County Hall")

        event = AuditEvent.objects.get(verb="meeting_create")
        assert (event.actor, event.action, event.panel_id) == (user, AuditEvent.Action.CREATE, panel.pk)
        assert event.object_id == str(meeting.pk)
        assert event.changes["venue"] == [None, "County Hall"]

    def test_refuses_a_meeting_without_a_venue(self, user, panel):
        with pytest.raises(ValidationError) as error:
            meeting_create(acting_user=user, panel=panel, start=_at(2023, 9, 19), venue="")

        assert "venue" in error.value.message_dict
        assert not Meeting.objects.exists()
        assert not AuditEvent.objects.exists()


class TestMeetingUpdate:
    def test_another_date_changes_the_slug(self, user, meeting):
        meeting_update(acting_user=user, meeting=meeting, start=_at(2023, 9, 26))

        meeting.refresh_from_db()
        assert meeting.slug == "2023-09-26"

    def test_another_time_the_same_day_keeps_the_slug(self, user, meeting):
        meeting_update(acting_user=user, meeting=meeting, start=_at(2023, 9, 19, 14))

        meeting.refresh_from_db()
        assert meeting.slug == "2023-09-19"

    def test_moving_onto_a_day_with_a_meeting_adds_a_suffix(self, user, panel, meeting):
        MeetingFactory(panel=panel, start=_at(2023, 9, 26), slug="2023-09-26")

        meeting_update(acting_user=user, meeting=meeting, start=_at(2023, 9, 26, 14))

        assert meeting.slug == "2023-09-26-2"

    def test_audit_records_only_what_changed(self, user, meeting):
        """GIVEN a summer meeting held in memory in London time
        WHEN only its venue changes
        THEN the audit event names the venue alone (the start has not moved)."""
        meeting_update(acting_user=user, meeting=meeting, venue="Guildhall, Worcester")

        event = AuditEvent.objects.get(verb="meeting_update")
        assert event.changes == {"venue": ["County Hall", "Guildhall, Worcester"]}

    def test_a_write_makes_the_public_pages_stale(self, user, meeting, django_capture_on_commit_callbacks):
        before = content_version()

        with django_capture_on_commit_callbacks(execute=True):
            meeting_update(acting_user=user, meeting=meeting, venue="Guildhall")

        assert content_version() != before


class TestMeetingDelete:
    def test_leaves_a_tombstone(self, user, meeting):
        meeting_delete(acting_user=user, meeting=meeting)

        stored = Meeting.objects.get(pk=meeting.pk)
        assert stored.is_deleted
        assert stored.deleted_at is not None
        assert not Meeting.objects.live().filter(pk=meeting.pk).exists()
        event = AuditEvent.objects.get(verb="meeting_delete")
        assert event.action == AuditEvent.Action.DELETE


class TestAgendaItemCreate:
    def test_numbers_the_order_after_the_last_item(self, user, meeting):
        first = agenda_item_create(acting_user=user, meeting=meeting, number="1", title="Apologies")
        second = agenda_item_create(acting_user=user, meeting=meeting, number="2", title="Declarations")

        assert (first.order, second.order) == (1, 2)

    def test_moves_the_meeting_modified_time(self, user, meeting):
        _age(meeting)

        agenda_item_create(acting_user=user, meeting=meeting, number="1", title="Apologies")

        assert _modified(meeting) > LONG_AGO

    def test_exempt_item_without_paragraph_or_reason_is_refused(self, user, meeting):
        with pytest.raises(ValidationError) as error:
            agenda_item_create(acting_user=user, meeting=meeting, number="9", title="Estates", exempt=True)

        messages = error.value.message_dict
        assert "An exempt item needs its Schedule 12A paragraph (1 to 7)." in messages["exempt_paragraph"]
        assert "Give the public-interest reason for excluding the public." in messages["exempt_reason"]
        assert not AgendaItem.objects.exists()

    def test_exempt_item_without_a_reason_is_refused(self, user, meeting):
        with pytest.raises(ValidationError) as error:
            agenda_item_create(
                acting_user=user, meeting=meeting, number="9", title="Estates", exempt=True, exempt_paragraph=3
            )

        assert set(error.value.message_dict) == {"exempt_reason"}

    def test_paragraph_eight_is_refused(self, user, meeting):
        with pytest.raises(ValidationError) as error:
            agenda_item_create(
                acting_user=user,
                meeting=meeting,
                number="9",
                title="Estates",
                exempt=True,
                exempt_paragraph=8,
                exempt_reason="Commercial.",
            )

        assert "exempt_paragraph" in error.value.message_dict
        assert not AgendaItem.objects.exists()

    def test_the_database_refuses_paragraph_eight(self, meeting):
        with pytest.raises(IntegrityError), transaction.atomic():
            AgendaItem.objects.create(
                meeting=meeting, number="9", title="Estates", exempt=True, exempt_paragraph=8, exempt_reason="x"
            )

    def test_the_database_refuses_an_exempt_item_without_paragraph(self, meeting):
        with pytest.raises(IntegrityError), transaction.atomic():
            AgendaItem.objects.create(meeting=meeting, number="9", title="Estates", exempt=True, exempt_reason="x")

    def test_exempt_item_with_paragraph_and_reason_is_private(self, user, meeting):
        item = agenda_item_create(
            acting_user=user,
            meeting=meeting,
            number="9",
            title="Estates",
            exempt=True,
            exempt_paragraph=3,
            exempt_reason="Contract prices.",
        )

        assert not item.is_public
        assert not AgendaItem.objects.public().filter(pk=item.pk).exists()


class TestAgendaItemUpdate:
    def test_moves_the_meeting_modified_time(self, user, meeting):
        item = AgendaItemFactory(meeting=meeting)
        _age(meeting)

        agenda_item_update(acting_user=user, item=item, title="Police and Crime Plan")

        assert _modified(meeting) > LONG_AGO
        assert AuditEvent.objects.get(verb="agenda_item_update").changes["title"][1] == "Police and Crime Plan"


class TestAgendaItemRelease:
    def test_release_makes_the_item_public_and_is_audited(self, user, exempt_item):
        agenda_item_release(acting_user=user, item=exempt_item)

        exempt_item.refresh_from_db()
        assert exempt_item.released_at is not None
        assert exempt_item.is_public
        assert AgendaItem.objects.public().filter(pk=exempt_item.pk).exists()
        event = AuditEvent.objects.get(verb="agenda_item_release")
        assert event.action == AuditEvent.Action.RELEASE
        assert event.actor == user
        assert "released_at" in event.changes

    def test_moves_the_meeting_modified_time(self, user, meeting, exempt_item):
        _age(meeting)

        agenda_item_release(acting_user=user, item=exempt_item)

        assert _modified(meeting) > LONG_AGO

    def test_refuses_an_item_that_is_not_exempt(self, user, meeting):
        item = AgendaItemFactory(meeting=meeting)

        with pytest.raises(ValidationError, match="Only an exempt item"):
            agenda_item_release(acting_user=user, item=item)

        item.refresh_from_db()
        assert item.released_at is None
        assert not AuditEvent.objects.exists()

    def test_refuses_an_item_already_released(self, user, exempt_item):
        agenda_item_release(acting_user=user, item=exempt_item)
        released_at = exempt_item.released_at

        with pytest.raises(ValidationError, match="already been released"):
            agenda_item_release(acting_user=user, item=exempt_item)

        exempt_item.refresh_from_db()
        assert exempt_item.released_at == released_at
        assert AuditEvent.objects.filter(verb="agenda_item_release").count() == 1


class TestAgendaItemDelete:
    def test_leaves_a_tombstone_and_moves_the_meeting(self, user, meeting):
        """GIVEN an agenda item
        WHEN it is deleted
        THEN the row stays, flagged, out of live() and public(), the deletion is audited and the meeting
        has changed."""
        item = AgendaItemFactory(meeting=meeting)
        _age(meeting)

        agenda_item_delete(acting_user=user, item=item)

        stored = AgendaItem.objects.get(pk=item.pk)
        assert stored.is_deleted
        assert stored.deleted_at is not None
        assert not meeting.agenda_items.live().exists()
        assert not AgendaItem.objects.public().exists()
        assert AuditEvent.objects.get(verb="agenda_item_delete").action == AuditEvent.Action.DELETE
        assert _modified(meeting) > LONG_AGO


class TestAttendanceRecord:
    def test_moves_the_meeting_modified_time(self, user, meeting):
        person = PersonFactory(panel=meeting.panel)
        _age(meeting)

        attendance_record(acting_user=user, meeting=meeting, person=person, status=AttendanceStatus.PRESENT)

        assert _modified(meeting) > LONG_AGO

    def test_recording_again_replaces_the_record(self, user, meeting):
        person = PersonFactory(panel=meeting.panel)
        attendance_record(acting_user=user, meeting=meeting, person=person, status=AttendanceStatus.PRESENT)

        attendance_record(acting_user=user, meeting=meeting, person=person, status=AttendanceStatus.APOLOGIES)

        assert list(meeting.attendances.values_list("status", flat=True)) == [AttendanceStatus.APOLOGIES]
        assert AuditEvent.objects.get(action=AuditEvent.Action.UPDATE).changes == {
            "status": [AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES]
        }

    def test_orders_in_the_sequence_recorded(self, user, meeting):
        first, second = PersonFactory.create_batch(2, panel=meeting.panel)

        attendance_record(acting_user=user, meeting=meeting, person=first, status=AttendanceStatus.PRESENT)
        attendance_record(acting_user=user, meeting=meeting, person=second, status=AttendanceStatus.PRESENT)

        assert list(meeting.attendances.values_list("person", flat=True)) == [first.pk, second.pk]

    def test_refuses_a_person_of_another_panel(self, user, meeting):
        stranger = PersonFactory(panel=PanelFactory())

        with pytest.raises(ValidationError, match="another panel"):
            attendance_record(acting_user=user, meeting=meeting, person=stranger, status=AttendanceStatus.PRESENT)

        assert not Attendance.objects.exists()

    def test_a_substitute_must_say_for_whom(self, user, meeting):
        person = PersonFactory(panel=meeting.panel)

        with pytest.raises(ValidationError) as error:
            attendance_record(acting_user=user, meeting=meeting, person=person, status=AttendanceStatus.SUBSTITUTE)

        assert "substitute_for" in error.value.message_dict

    def test_a_substitute_who_turns_out_present_stands_in_for_no_one(self, user, meeting):
        member = MembershipFactory(person__panel=meeting.panel, kind=MembershipKind.APPOINTED)
        person = PersonFactory(panel=meeting.panel)
        attendance_record(
            acting_user=user,
            meeting=meeting,
            person=person,
            status=AttendanceStatus.SUBSTITUTE,
            substitute_for=member,
            council=member.council,
        )

        attendance = attendance_record(
            acting_user=user, meeting=meeting, person=person, status=AttendanceStatus.PRESENT
        )

        attendance.refresh_from_db()
        assert attendance.substitute_for is None


class TestDeclarations:
    def test_recording_a_declaration_marks_the_meeting(self, user, meeting):
        person = PersonFactory(panel=meeting.panel)
        _age(meeting)

        declaration_record(
            acting_user=user,
            meeting=meeting,
            person=person,
            kind=InterestKind.OTHER_REGISTRABLE,
            description="Member of the fire authority.",
        )

        meeting.refresh_from_db()
        assert meeting.declarations_state == DeclarationsState.RECORDED
        assert meeting.modified > LONG_AGO
        assert meeting.declarations.count() == 1

    def test_no_declarations_is_recorded_as_a_fact(self, user, meeting):
        declarations_none_record(acting_user=user, meeting=meeting)

        meeting.refresh_from_db()
        assert meeting.declarations_state == DeclarationsState.NONE

    def test_no_declarations_is_refused_when_there_are_some(self, user, meeting):
        person = PersonFactory(panel=meeting.panel)
        declaration_record(
            acting_user=user, meeting=meeting, person=person, kind=InterestKind.OTHER, description="Neighbour."
        )

        with pytest.raises(ValidationError, match="Declarations are recorded"):
            declarations_none_record(acting_user=user, meeting=meeting)

        meeting.refresh_from_db()
        assert meeting.declarations_state == DeclarationsState.RECORDED

    def test_refuses_an_item_of_another_meeting(self, user, panel, meeting):
        person = PersonFactory(panel=panel)
        elsewhere = AgendaItemFactory(meeting=MeetingFactory(panel=panel))

        with pytest.raises(ValidationError, match="another meeting"):
            declaration_record(
                acting_user=user,
                meeting=meeting,
                person=person,
                kind=InterestKind.OTHER,
                description="Neighbour.",
                agenda_item=elsewhere,
            )

        assert not meeting.declarations.exists()


class TestMinuteNumbering:
    @pytest.fixture
    def continuous_panel(self):
        return PanelFactory(minute_numbering=MinuteNumbering.CONTINUOUS, first_minute_number=472)

    def test_continuous_starts_at_the_panel_first_number(self, user, continuous_panel):
        meeting = MeetingFactory(panel=continuous_panel, start=_at(2023, 7, 27))

        minute = minute_item_create(acting_user=user, meeting=meeting, title="Apologies")

        assert (minute.number, minute.label) == (472, "472")

    def test_continuous_runs_on_into_the_next_meeting(self, user, continuous_panel):
        """GIVEN West Mercia's 27 July 2023 meeting minuted 472 to 485
        WHEN the next meeting's first minute is taken
        THEN it is 486."""
        july = MeetingFactory(panel=continuous_panel, start=_at(2023, 7, 27))
        numbers = [minute_item_create(acting_user=user, meeting=july, title=f"Item {n}").number for n in range(14)]
        september = MeetingFactory(panel=continuous_panel, start=_at(2023, 9, 19))

        minute = minute_item_create(acting_user=user, meeting=september, title="Apologies")

        assert numbers == list(range(472, 486))
        assert minute.number == 486
        assert minute_item_create(acting_user=user, meeting=september, title="Minutes").number == 487

    def test_continuous_follows_the_highest_number_recorded(self, user, continuous_panel):
        july = MeetingFactory(panel=continuous_panel, start=_at(2023, 7, 27))
        minute_item_create(acting_user=user, meeting=july, title="Loaded", number=485)
        september = MeetingFactory(panel=continuous_panel, start=_at(2023, 9, 19))

        assert next_minute_number(september) == (486, "486")

    def test_continuous_ignores_other_panels_and_deleted_meetings(self, user, continuous_panel):
        elsewhere = minute_item_create(
            acting_user=user, meeting=MeetingFactory(start=_at(2023, 7, 1)), title="Other panel", number=900
        )
        deleted = MeetingFactory(panel=continuous_panel, start=_at(2023, 7, 27))
        minute_item_create(acting_user=user, meeting=deleted, title="Gone", number=800)
        meeting_delete(acting_user=user, meeting=deleted)
        september = MeetingFactory(panel=continuous_panel, start=_at(2023, 9, 19))

        assert elsewhere.meeting.panel_id != continuous_panel.pk
        assert next_minute_number(september) == (472, "472")

    def test_per_meeting_restarts_at_one(self, user):
        panel = PanelFactory(minute_numbering=MinuteNumbering.PER_MEETING)
        july = MeetingFactory(panel=panel, start=_at(2023, 7, 27))
        minute_item_create(acting_user=user, meeting=july, title="Apologies")
        second = minute_item_create(acting_user=user, meeting=july, title="Minutes")
        september = MeetingFactory(panel=panel, start=_at(2023, 9, 19))

        minute = minute_item_create(acting_user=user, meeting=september, title="Apologies")

        assert (second.number, second.label) == (2, "2")
        assert (minute.number, minute.label) == (1, "1")

    def test_per_year_labels_with_the_year_and_restarts_in_a_new_year(self, user):
        """GIVEN a panel numbering minutes per year
        WHEN minutes are taken at two 2023 meetings and one 2024 meeting
        THEN they print as 23/1, 23/2, 23/3 and then 24/1."""
        panel = PanelFactory(minute_numbering=MinuteNumbering.PER_YEAR)
        july = MeetingFactory(panel=panel, start=_at(2023, 7, 27))
        september = MeetingFactory(panel=panel, start=_at(2023, 9, 19))
        february = MeetingFactory(panel=panel, start=_at(2024, 2, 5))

        labels = [
            minute_item_create(acting_user=user, meeting=july, title="Apologies").label,
            minute_item_create(acting_user=user, meeting=july, title="Minutes").label,
            minute_item_create(acting_user=user, meeting=september, title="Apologies").label,
            minute_item_create(acting_user=user, meeting=february, title="Apologies").label,
        ]

        assert labels == ["23/1", "23/2", "23/3", "24/1"]

    def test_a_given_number_is_kept_with_its_label(self, user, meeting):
        minute = minute_item_create(acting_user=user, meeting=meeting, title="Loaded", number=45, label="23/45")

        assert (minute.number, minute.label) == (45, "23/45")

    def test_a_label_without_its_number_is_refused(self, user, meeting):
        with pytest.raises(ValidationError, match="number with its printed label"):
            minute_item_create(acting_user=user, meeting=meeting, title="Loaded", label="23/45")

        assert not MinuteItem.objects.exists()

    def test_creating_a_minute_moves_the_meeting_modified_time(self, user, meeting):
        _age(meeting)

        minute_item_create(acting_user=user, meeting=meeting, title="Apologies")

        assert _modified(meeting) > LONG_AGO

    def test_updating_a_minute_moves_the_meeting_modified_time(self, user, meeting):
        minute = minute_item_create(acting_user=user, meeting=meeting, title="Apologies")
        _age(meeting)

        minute_item_update(acting_user=user, item=minute, resolutions="RESOLVED that the report be noted.")

        assert _modified(meeting) > LONG_AGO

    def test_the_same_number_twice_at_one_meeting_is_refused(self, user, meeting):
        minute_item_create(acting_user=user, meeting=meeting, title="Apologies", number=472)

        with pytest.raises(ValidationError):
            minute_item_create(acting_user=user, meeting=meeting, title="Minutes", number=472)

        assert MinuteItem.objects.count() == 1


class TestVoteRecord:
    def test_an_election_records_nominees_and_the_elected(self, user, meeting):
        chosen, other = PersonFactory.create_batch(2, panel=meeting.panel)

        vote = vote_record(
            acting_user=user,
            meeting=meeting,
            kind=VoteKind.ELECTION,
            result=VoteResult.ELECTED,
            office="chairman",
            nominees=[chosen, other],
            elected=chosen,
        )

        assert set(vote.nominations.values_list("person", "elected")) == {(chosen.pk, True), (other.pk, False)}

    def test_the_elected_must_be_among_the_nominees(self, user, meeting):
        nominee, outsider = PersonFactory.create_batch(2, panel=meeting.panel)

        with pytest.raises(ValidationError, match="among the nominees"):
            vote_record(
                acting_user=user,
                meeting=meeting,
                kind=VoteKind.ELECTION,
                result=VoteResult.ELECTED,
                office="chairman",
                nominees=[nominee],
                elected=outsider,
            )

        assert not Vote.objects.exists()
        assert not Nomination.objects.exists()

    def test_a_motion_needs_its_words(self, user, meeting):
        with pytest.raises(ValidationError) as error:
            vote_record(acting_user=user, meeting=meeting, kind=VoteKind.MOTION, result=VoteResult.CARRIED)

        assert "motion" in error.value.message_dict
        assert not Vote.objects.exists()
