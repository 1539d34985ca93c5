"""The admin site (scrutiny.accounts.admin_site) through the ModelAdmins registered on it."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.accounts.choices import Role
from scrutiny.accounts.models import PanelRole
from scrutiny.accounts.tests.helpers import (
    LONDON,
    add_inline_row,
    admin_post_data,
    build_ladder,
    signed_in,
)
from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record
from scrutiny.meetings.choices import AttendanceStatus, VoteKind, VoteResult
from scrutiny.meetings.models import Meeting, Vote
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from scrutiny.members.choices import Office
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory

pytestmark = pytest.mark.django_db

MODELS = {
    "panel": "panels_panel",
    "council": "panels_council",
    "person": "members_person",
    "membership": "members_membership",
    "meeting": "meetings_meeting",
    "vote": "meetings_vote",
    "auditevent": "core_auditevent",
}
# Audit events are read-only for everyone; every other model may be changed by the panel's officer.
CHANGEABLE = [name for name in MODELS if name != "auditevent"]


def records_for(panel) -> dict:
    meeting = MeetingFactory(panel=panel, venue=f"{panel.name} hall")
    membership = MembershipFactory(person=PersonFactory(panel=panel))
    vote = Vote.objects.create(
        meeting=meeting, kind=VoteKind.MOTION, motion="That the report be noted.", result="carried"
    )
    return {
        "panel": panel,
        "council": CouncilFactory(panel=panel),
        "person": membership.person,
        "membership": membership,
        "meeting": meeting,
        "vote": vote,
        "auditevent": audit_record(
            acting_user=None,
            verb="meeting_update",
            action=AuditEvent.Action.UPDATE,
            instance=meeting,
            panel_id=panel.pk,
        ),
    }


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def ours(ladder):
    return records_for(ladder.panel)


@pytest.fixture
def theirs(ladder):
    return records_for(ladder.other_panel)


def changelist(name):
    return reverse(f"admin:{MODELS[name]}_changelist")


def change(name, obj):
    return reverse(f"admin:{MODELS[name]}_change", args=[obj.pk])


class TestAdminPermissionLadder:
    @pytest.mark.parametrize("name", MODELS)
    def test_anonymous_is_sent_to_sign_in(self, ladder, ours, name):
        for url in (changelist(name), change(name, ours[name])):
            response = ladder.client("anonymous").get(url, follow=True)
            assert response.redirect_chain[-1][0].startswith(reverse("two_factor:login"))

    @pytest.mark.parametrize("name", MODELS)
    def test_a_user_without_a_role_is_refused(self, ladder, ours, name):
        for url in (changelist(name), change(name, ours[name])):
            assert ladder.client("outsider").get(url, follow=True).status_code == 403

    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    @pytest.mark.parametrize("name", MODELS)
    def test_members_and_the_pcc_office_may_view_but_not_change(self, ladder, ours, rung, name):
        client = ladder.client(rung)
        assert client.get(changelist(name)).status_code == 200
        response = client.get(change(name, ours[name]))
        assert response.status_code == 200
        assert response.context["has_change_permission"] is False
        assert client.post(change(name, ours[name]), {}).status_code == 403

    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    def test_members_and_the_pcc_office_cannot_change_a_meeting(self, ladder, ours, rung):
        data = admin_post_data(ladder.client("officer").get(change("meeting", ours["meeting"])))
        data["venue"] = "Somewhere else"
        response = ladder.client(rung).post(change("meeting", ours["meeting"]), data)
        assert response.status_code == 403
        ours["meeting"].refresh_from_db()
        assert ours["meeting"].venue != "Somewhere else"

    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    def test_members_and_the_pcc_office_cannot_add(self, ladder, rung):
        assert ladder.client(rung).get(reverse("admin:meetings_meeting_add")).status_code == 403

    @pytest.mark.parametrize("name", CHANGEABLE)
    def test_the_officer_may_view_and_change(self, ladder, ours, name):
        client = ladder.client("officer")
        assert client.get(changelist(name)).status_code == 200
        response = client.get(change(name, ours[name]))
        assert response.status_code == 200
        assert response.context["has_change_permission"] is True

    def test_the_officer_changes_a_meeting(self, ladder, ours):
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", ours["meeting"])))
        data["venue"] = "Shire Hall, Shrewsbury"
        response = client.post(change("meeting", ours["meeting"]), data)
        assert response.status_code == 302, response.context and response.context["adminform"].form.errors
        ours["meeting"].refresh_from_db()
        assert ours["meeting"].venue == "Shire Hall, Shrewsbury"

    def test_no_one_changes_the_audit_trail(self, ladder, ours):
        response = ladder.client("administrator").get(change("auditevent", ours["auditevent"]))
        assert response.context["has_change_permission"] is False
        assert ladder.client("administrator").get(reverse("admin:core_auditevent_add")).status_code == 403

    @pytest.mark.parametrize("name", MODELS)
    def test_the_administrator_sees_every_panel(self, ladder, ours, theirs, name):
        client = ladder.client("administrator")
        listed = {obj.pk for obj in client.get(changelist(name)).context["cl"].result_list}
        assert {ours[name].pk, theirs[name].pk} <= listed
        assert client.get(change(name, theirs[name])).status_code == 200

    def test_only_administrators_manage_users(self, ladder):
        assert ladder.client("officer").get(reverse("admin:accounts_user_changelist")).status_code == 403
        assert ladder.client("administrator").get(reverse("admin:accounts_user_changelist")).status_code == 200

    def test_only_administrators_add_panels(self, ladder):
        assert ladder.client("officer").get(reverse("admin:panels_panel_add")).status_code == 403
        assert ladder.client("administrator").get(reverse("admin:panels_panel_add")).status_code == 200


class TestAdminSecondPanel:
    """An officer of panel A can neither see nor change panel B's records."""

    @pytest.mark.parametrize("name", MODELS)
    def test_the_changelist_lists_only_her_panel(self, ladder, ours, theirs, name):
        listed = {obj.pk for obj in ladder.client("officer").get(changelist(name)).context["cl"].result_list}
        assert ours[name].pk in listed
        assert theirs[name].pk not in listed

    @pytest.mark.parametrize("name", MODELS)
    def test_another_panels_change_page_is_not_found(self, ladder, theirs, name):
        response = ladder.client("officer").get(change(name, theirs[name]))
        assert response.status_code == 302
        assert response.url == reverse("admin:index")

    def test_another_panels_meeting_cannot_be_changed(self, ladder, ours, theirs):
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", ours["meeting"])))
        data["panel"] = str(ladder.other_panel.pk)
        data["venue"] = "Taken over"
        client.post(change("meeting", theirs["meeting"]), data)
        theirs["meeting"].refresh_from_db()
        assert theirs["meeting"].venue != "Taken over"

    def test_a_meeting_cannot_be_added_to_another_panel(self, ladder, ours):
        client = ladder.client("officer")
        data = admin_post_data(client.get(reverse("admin:meetings_meeting_add")))
        data.update(
            {"panel": str(ladder.other_panel.pk), "start_0": "2024-02-01", "start_1": "11:00", "venue": "Carmarthen"}
        )
        response = client.post(reverse("admin:meetings_meeting_add"), data)
        assert response.status_code == 200
        assert "panel" in response.context["adminform"].form.errors
        assert not Meeting.objects.filter(venue="Carmarthen").exists()

    def test_choices_come_only_from_her_panel(self, ladder, ours, theirs):
        response = ladder.client("officer").get(change("meeting", ours["meeting"]))
        form = response.context["adminform"].form
        assert list(form.fields["panel"].queryset) == [ladder.panel]
        attendance = next(i for i in response.context["inline_admin_formsets"] if i.opts.model.__name__ == "Attendance")
        people = attendance.formset.empty_form.fields["person"].queryset
        assert ours["person"] in people
        assert theirs["person"] not in people

    def test_an_inline_cannot_name_another_panels_person(self, ladder, ours, theirs):
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", ours["meeting"])))
        add_inline_row(data, "attendances", person=str(theirs["person"].pk), status=AttendanceStatus.PRESENT)
        response = client.post(change("meeting", ours["meeting"]), data)
        assert response.status_code == 200
        assert not ours["meeting"].attendances.exists()

    def test_the_administrator_cannot_mix_panels_either(self, ladder, ours, theirs):
        client = ladder.client("administrator")
        data = admin_post_data(client.get(change("meeting", ours["meeting"])))
        add_inline_row(data, "attendances", person=str(theirs["person"].pk), status=AttendanceStatus.PRESENT)
        response = client.post(change("meeting", ours["meeting"]), data)
        assert response.status_code == 200
        assert not ours["meeting"].attendances.exists()


class TestAdminWritesThroughServices:
    def test_a_change_is_audited_and_moves_the_meeting_on(self, ladder, ours):
        """GIVEN a meeting WHEN the officer changes its venue and adds an agenda item in the admin
        THEN audit events name her and the changes, and the meeting's modified time moved on."""
        meeting = ours["meeting"]
        before = meeting.modified
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", meeting)))
        data["venue"] = "Shire Hall, Shrewsbury"
        add_inline_row(data, "agenda_items", number="7", order="0", title="Estates strategy")
        response = client.post(change("meeting", meeting), data)
        assert response.status_code == 302

        update = AuditEvent.objects.get(verb="meeting_update", actor=ladder.officer)
        assert update.changes["venue"] == [f"{ladder.panel.name} hall", "Shire Hall, Shrewsbury"]
        assert update.panel_id == ladder.panel.pk
        created = AuditEvent.objects.get(verb="agenda_item_create", actor=ladder.officer)
        assert created.changes["title"] == [None, "Estates strategy"]
        meeting.refresh_from_db()
        assert meeting.modified > before
        assert meeting.agenda_items.get().order == 1  # the service put the new item last

    def test_a_new_date_gives_a_new_address(self, ladder, ours):
        meeting = ours["meeting"]
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", meeting)))
        data["start_0"] = "2024-03-05"
        client.post(change("meeting", meeting), data)
        meeting.refresh_from_db()
        assert meeting.slug == "2024-03-05"

    def test_adding_a_meeting_uses_the_service(self, ladder):
        client = ladder.client("officer")
        data = admin_post_data(client.get(reverse("admin:meetings_meeting_add")))
        data.update({"panel": str(ladder.panel.pk), "start_0": "2024-02-01", "start_1": "11:00", "venue": "Hall"})
        response = client.post(reverse("admin:meetings_meeting_add"), data)
        assert response.status_code == 302
        meeting = Meeting.objects.get(venue="Hall")
        assert meeting.slug == "2024-02-01"
        assert AuditEvent.objects.filter(
            verb="meeting_create", actor=ladder.officer, object_id=str(meeting.pk)
        ).exists()

    def test_a_minute_without_a_number_is_numbered_by_the_panels_scheme(self, ladder, ours):
        meeting = ours["meeting"]
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", meeting)))
        add_inline_row(data, "minute_items", number="", label="", order="0", title="Welcome")
        assert client.post(change("meeting", meeting), data).status_code == 302
        minute = meeting.minute_items.get()
        assert (minute.number, minute.label) == (
            ladder.panel.first_minute_number,
            str(ladder.panel.first_minute_number),
        )

    def test_deleting_a_meeting_leaves_a_tombstone(self, ladder, ours):
        meeting = ours["meeting"]
        client = ladder.client("officer")
        response = client.post(reverse("admin:meetings_meeting_delete", args=[meeting.pk]), {"post": "yes"})
        assert response.status_code == 302
        meeting.refresh_from_db()
        assert meeting.is_deleted
        assert AuditEvent.objects.filter(verb="meeting_delete", actor=ladder.officer, action="delete").exists()
        listed = client.get(changelist("meeting")).context["cl"].result_list
        assert meeting not in listed
        assert meeting in client.get(changelist("meeting") + "?record=deleted").context["cl"].result_list

    def test_deleting_an_inline_row_leaves_a_tombstone(self, ladder, ours):
        meeting = ours["meeting"]
        item = AgendaItemFactory(meeting=meeting)
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("meeting", meeting)))
        data["agenda_items-0-DELETE"] = "on"
        assert client.post(change("meeting", meeting), data).status_code == 302
        item.refresh_from_db()
        assert item.is_deleted
        assert AuditEvent.objects.filter(verb="agenda_item_delete", actor=ladder.officer).exists()

    def test_the_bulk_delete_action_leaves_tombstones(self, ladder, ours):
        person = PersonFactory(panel=ladder.panel)
        client = ladder.client("officer")
        response = client.post(
            changelist("person"), {"action": "delete_selected", "_selected_action": [person.pk], "post": "yes"}
        )
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.is_deleted

    def test_a_member_cannot_delete(self, ladder, ours):
        meeting = ours["meeting"]
        response = ladder.client("member").post(
            reverse("admin:meetings_meeting_delete", args=[meeting.pk]), {"post": "yes"}
        )
        assert response.status_code == 403
        meeting.refresh_from_db()
        assert not meeting.is_deleted

    def test_ending_a_membership_ends_its_office(self, ladder, ours):
        membership = ours["membership"]
        office = OfficeHolderFactory(
            membership=membership, office=Office.CHAIRMAN, start_date=datetime.date(2021, 7, 1)
        )
        client = ladder.client("officer")
        data = admin_post_data(client.get(change("membership", membership)))
        data.update({"end_date": "2023-07-26", "end_reason": "retired"})
        assert client.post(change("membership", membership), data).status_code == 302
        office.refresh_from_db()
        assert office.end_date == datetime.date(2023, 7, 26)
        assert AuditEvent.objects.filter(verb="office_update", actor=ladder.officer).exists()

    def test_a_vote_is_recorded_with_its_nominations(self, ladder, ours):
        client = ladder.client("officer")
        data = admin_post_data(client.get(reverse("admin:meetings_vote_add")))
        data.update(
            {"meeting": str(ours["meeting"].pk), "kind": VoteKind.ELECTION, "office": "chairman"},
            result=VoteResult.ELECTED,
        )
        add_inline_row(data, "nominations", person=str(ours["person"].pk), elected="on")
        response = client.post(reverse("admin:meetings_vote_add"), data)
        assert response.status_code == 302
        vote = Vote.objects.get(kind=VoteKind.ELECTION)
        assert vote.nominations.get().person == ours["person"]
        assert AuditEvent.objects.filter(verb="vote_record").exists()
        assert AuditEvent.objects.filter(verb="nomination_create").exists()


class TestAdminTwoFactor:
    def test_an_unverified_officer_is_sent_to_set_up_two_factor(self, ladder):
        response = signed_in(ladder.officer, verified=False).get(reverse("admin:index"), follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("two_factor:setup"))

    def test_an_officer_with_a_device_signs_in_again(self, ladder):
        client = signed_in(ladder.officer)
        session = client.session
        session.pop("otp_device_id")
        session.save()
        response = client.get(reverse("admin:index"), follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("two_factor:login"))


class TestUserAdmin:
    def test_granting_a_role_is_audited(self, ladder):
        client = ladder.client("administrator")
        url = reverse("admin:accounts_user_change", args=[ladder.outsider.pk])
        data = admin_post_data(client.get(url))
        add_inline_row(data, "panel_roles", panel=str(ladder.panel.pk), role=Role.PANEL_MEMBER)
        response = client.post(url, data)
        assert response.status_code == 302
        assert PanelRole.objects.filter(user=ladder.outsider, panel=ladder.panel).exists()
        event = AuditEvent.objects.get(verb="panel_role_grant")
        assert event.actor == ladder.administrator

    def test_a_password_change_is_audited_without_its_hash(self, ladder):
        client = ladder.client("administrator")
        url = reverse("admin:accounts_user_change", args=[ladder.outsider.pk])
        data = admin_post_data(client.get(url))
        data["first_name"] = "Olive"
        assert client.post(url, data).status_code == 302
        event = AuditEvent.objects.get(verb="user_update")
        assert event.changes["first_name"] == ["", "Olive"]
        assert "password" not in event.changes

    def test_setting_a_password_on_the_admin_password_page_is_audited_without_its_hash(self, ladder):
        client = ladder.client("administrator")
        url = reverse("admin:auth_user_password_change", args=[ladder.outsider.pk])
        new = "a-long-new-passphrase-for-olive"
        response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
        assert response.status_code == 302
        ladder.outsider.refresh_from_db()
        assert ladder.outsider.check_password(new)
        event = AuditEvent.objects.get(verb="user_password_change")
        assert event.actor == ladder.administrator
        assert event.changes == {"password": ["…", "(changed)"]}
        assert ladder.outsider.password not in str(event.changes)

    def test_a_refused_password_is_neither_set_nor_audited(self, ladder):
        client = ladder.client("administrator")
        url = reverse("admin:auth_user_password_change", args=[ladder.outsider.pk])
        before = ladder.outsider.password
        response = client.post(url, {"password1": "short", "password2": "different", "usable_password": "true"})
        assert response.status_code == 200
        ladder.outsider.refresh_from_db()
        assert ladder.outsider.password == before
        assert not AuditEvent.objects.filter(verb="user_password_change").exists()


def test_meeting_start_is_london_time(ladder):
    """The admin posts dates and times in London time (TIME_ZONE), as the officer reads them."""
    meeting = MeetingFactory(panel=ladder.panel, start=datetime.datetime(2023, 7, 27, 11, 0, tzinfo=LONDON))
    data = admin_post_data(ladder.client("officer").get(change("meeting", meeting)))
    assert (data["start_0"], data["start_1"]) == ("2023-07-27", "11:00:00")
