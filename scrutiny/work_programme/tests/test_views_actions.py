"""The officer's forms for actions (create, change, evidence) and the public's view of their evidence."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scrutiny.accounts.tests.helpers import signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.meetings.tests.factories import MinuteItemFactory
from scrutiny.work_programme.choices import ActionStatus
from scrutiny.work_programme.models import Action

from .factories import ActionFactory
from .helpers import query_count

pytestmark = pytest.mark.django_db


def _url(name, ladder, *args):
    return reverse(f"work_programme:{name}", args=[ladder.panel.slug, *args])


def _post_data(records, **overrides) -> dict:
    data = {
        "minute_item": records["minute"].pk,
        "description": "Supply the 101 call-answering figures",
        "owner_name": "Office of the PCC",
        "owner_email": "opcc@example.org",
        "due_date": "2023-09-19",
        "due_meeting": "",
        "status": ActionStatus.OPEN,
        "response": "",
        "responded_on": "",
        "evidence_paper": "",
    }
    data.update(overrides)
    return data


def _evidence_files() -> list[str]:
    """Every stored evidence file (the test storage lives as long as the process: compare, not count)."""
    try:
        directories, _files = default_storage.listdir("action-evidence")
    except FileNotFoundError:
        return []
    return [name for directory in directories for name in default_storage.listdir(f"action-evidence/{directory}")[1]]


class TestActionCreate:
    def test_with_an_evidence_paper(self, ladder, records):
        response = signed_in(ladder.officer).post(
            _url("staff_action_create", ladder),
            _post_data(
                records,
                status=ActionStatus.DONE,
                response="Figures sent.",
                responded_on="2023-08-30",
                evidence_paper=records["paper"].pk,
            ),
        )
        assert response.status_code == 302
        action = Action.objects.get()
        assert action.evidence_paper == records["paper"]
        assert action.minute_item == records["minute"]
        assert action.status == ActionStatus.DONE
        assert action.responded_on == datetime.date(2023, 8, 30)
        assert AuditEvent.objects.filter(verb="action_create", object_id=str(action.pk), actor=ladder.officer).exists()

    def test_with_an_uploaded_file(self, ladder, records, pdf_bytes):
        """GIVEN a real PDF WHEN the officer uploads it as evidence THEN it is stored under action-evidence/
        and staff may download it."""
        client = signed_in(ladder.officer)
        upload = SimpleUploadedFile("Figures from the OPCC.pdf", pdf_bytes, content_type="application/pdf")
        response = client.post(_url("staff_action_create", ladder), {**_post_data(records), "evidence_file": upload})
        assert response.status_code == 302
        action = Action.objects.get()
        assert action.evidence_file.name.startswith(f"action-evidence/{ladder.panel.pk}/")
        assert action.evidence_file.name.endswith(".pdf")
        download = client.get(_url("staff_action_evidence", ladder, action.pk))
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == pdf_bytes

    @pytest.mark.parametrize(
        ("name", "content"),
        [("figures.pdf", b"this is not a PDF at all"), ("empty.pdf", b""), ("macro.exe", b"MZ\x90\x00binary")],
    )
    def test_a_bad_upload_is_refused_and_nothing_stored(self, ladder, records, name, content):
        stored = _evidence_files()
        upload = SimpleUploadedFile(name, content, content_type="application/pdf")
        response = signed_in(ladder.officer).post(
            _url("staff_action_create", ladder), {**_post_data(records), "evidence_file": upload}
        )
        assert response.status_code == 400
        assert b"govuk-error-summary" in response.content
        assert b'href="#id_evidence_file"' in response.content
        assert not Action.objects.exists()
        assert not AuditEvent.objects.filter(verb="action_create").exists()
        assert _evidence_files() == stored

    def test_a_damaged_pdf_is_refused(self, ladder, records, pdf_bytes):
        upload = SimpleUploadedFile("cut.pdf", pdf_bytes[:200], content_type="application/pdf")
        response = signed_in(ladder.officer).post(
            _url("staff_action_create", ladder), {**_post_data(records), "evidence_file": upload}
        )
        assert response.status_code == 400
        assert not Action.objects.exists()

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"description": ""}, "description"),
            ({"owner_name": ""}, "owner_name"),
            ({"owner_email": "not an address"}, "owner_email"),
            ({"due_date": "31/02/2023"}, "due_date"),
            ({"status": ActionStatus.DONE}, "response"),
            ({"due_meeting": "held"}, "due_meeting"),
            ({"evidence_paper": "other_paper"}, "evidence_paper"),
            ({"minute_item": "other_minute"}, "minute_item"),
        ],
    )
    def test_bad_input_shows_the_error_summary_and_stores_nothing(self, ladder, records, overrides, field):
        overrides = {key: records[value].pk if value in records else value for key, value in overrides.items()}
        response = signed_in(ladder.officer).post(_url("staff_action_create", ladder), _post_data(records, **overrides))
        assert response.status_code == 400
        assert f'href="#id_{field}"'.encode() in response.content
        assert not Action.objects.exists()

    def test_a_paper_and_a_file_together_are_refused(self, ladder, records, pdf_bytes):
        stored = _evidence_files()
        upload = SimpleUploadedFile("figures.pdf", pdf_bytes, content_type="application/pdf")
        response = signed_in(ladder.officer).post(
            _url("staff_action_create", ladder),
            {**_post_data(records, evidence_paper=records["paper"].pk), "evidence_file": upload},
        )
        assert response.status_code == 400
        assert not Action.objects.exists()
        assert _evidence_files() == stored

    def test_the_form_offers_only_the_panels_own_choices(self, ladder, records, django_assert_max_num_queries):
        client = signed_in(ladder.officer)
        with django_assert_max_num_queries(12):  # one query per list of choices
            response = client.get(_url("staff_action_create", ladder))
        assert response.status_code == 200
        assert b"Response on the 101 service" in response.content
        assert b"Elsewhere" not in response.content
        assert b"Secret staffing paper (exempt)" in response.content
        assert b"Exempt business (exempt)" in response.content


class TestActionUpdate:
    def test_change_status_response_and_evidence(self, ladder, records, pdf_bytes):
        """GIVEN an open action with a file in evidence WHEN the officer marks it done and names a paper
        THEN the paper replaces the file, and the change is audited."""
        action = ActionFactory(panel=ladder.panel, minute_item=records["minute"], due_date=datetime.date(2023, 9, 19))
        client = signed_in(ladder.officer)
        upload = SimpleUploadedFile("first.pdf", pdf_bytes, content_type="application/pdf")
        data = _post_data(records, description=action.description, owner_name="PCC", owner_email=action.owner_email)
        response = client.post(_url("staff_action_update", ladder, action.pk), {**data, "evidence_file": upload})
        assert response.status_code == 302
        action.refresh_from_db()
        assert action.evidence_file

        response = client.post(
            _url("staff_action_update", ladder, action.pk),
            {
                **data,
                "status": ActionStatus.DONE,
                "response": "Sent.",
                "responded_on": "2023-09-01",
                "evidence_paper": records["paper"].pk,
            },
        )
        assert response.status_code == 302
        action.refresh_from_db()
        assert action.status == ActionStatus.DONE
        assert action.evidence_paper == records["paper"]
        assert not action.evidence_file
        assert AuditEvent.objects.filter(verb="action_update", object_id=str(action.pk)).count() == 2

    def test_an_unchanged_due_date_keeps_the_reminder(self, ladder, records):
        sent = datetime.datetime(2023, 9, 1, 9, tzinfo=datetime.UTC)
        action = ActionFactory(
            panel=ladder.panel, due_date=datetime.date(2023, 9, 19), reminder_sent_at=sent, owner_name="PCC"
        )
        data = _post_data(records, description=action.description, owner_name="PCC", owner_email=action.owner_email)
        data["minute_item"] = ""
        assert signed_in(ladder.officer).post(_url("staff_action_update", ladder, action.pk), data).status_code == 302
        action.refresh_from_db()
        assert action.reminder_sent_at == sent

    def test_the_form_shows_the_action(self, ladder, records):
        action = ActionFactory(panel=ladder.panel, description="Write to the Chief Constable")
        response = signed_in(ladder.officer).get(_url("staff_action_update", ladder, action.pk))
        assert response.status_code == 200
        assert b"Write to the Chief Constable" in response.content

    def test_another_panels_action_is_not_found(self, ladder, records):
        action = ActionFactory(panel=ladder.other_panel)
        assert signed_in(ladder.officer).get(_url("staff_action_update", ladder, action.pk)).status_code == 404


class TestPermissions:
    @pytest.mark.parametrize(
        ("rung", "status"), [("officer", 200), ("member", 403), ("pcc_office", 403), ("other_officer", 404)]
    )
    def test_the_forms(self, ladder, records, rung, status):
        action = ActionFactory(panel=ladder.panel)
        client = signed_in(getattr(ladder, rung))
        assert client.get(_url("staff_action_create", ladder)).status_code == status
        assert client.get(_url("staff_action_update", ladder, action.pk)).status_code == status

    @pytest.mark.parametrize("rung", ["member", "pcc_office", "other_officer"])
    def test_a_refused_post_stores_nothing(self, ladder, records, rung):
        signed_in(getattr(ladder, rung)).post(_url("staff_action_create", ladder), _post_data(records))
        assert not Action.objects.exists()

    def test_anonymous_is_sent_to_sign_in(self, client, ladder, records):
        response = client.get(_url("staff_action_create", ladder))
        assert response.status_code == 302
        assert "login" in response.url

    def test_lookers_may_download_evidence(self, ladder, records):
        action = ActionFactory(panel=ladder.panel, evidence_file=SimpleUploadedFile("e.pdf", b"%PDF-1.4 x"))
        assert signed_in(ladder.member).get(_url("staff_action_evidence", ladder, action.pk)).status_code == 200
        assert signed_in(ladder.other_officer).get(_url("staff_action_evidence", ladder, action.pk)).status_code == 404


class TestPublicEvidence:
    def test_a_public_actions_file_is_public(self, client, ladder, records):
        action = ActionFactory(
            panel=ladder.panel, minute_item=records["minute"], evidence_file=SimpleUploadedFile("e.pdf", b"%PDF-1.4 x")
        )
        page = client.get(_url("action_list", ladder))
        assert _url("action_evidence", ladder, action.pk).encode() in page.content
        assert client.get(_url("action_evidence", ladder, action.pk)).status_code == 200

    def test_an_exempt_actions_file_is_never_public(self, client, ladder, records):
        action = ActionFactory(
            panel=ladder.panel,
            minute_item=records["exempt_minute"],
            description="A private action",
            evidence_file=SimpleUploadedFile("secret.pdf", b"%PDF-1.4 secret"),
        )
        page = client.get(_url("action_list", ladder))
        assert b"A private action" not in page.content
        assert _url("action_evidence", ladder, action.pk).encode() not in page.content
        assert client.get(_url("action_evidence", ladder, action.pk)).status_code == 404

    def test_an_exempt_paper_in_evidence_is_not_named(self, client, ladder, records):
        ActionFactory(panel=ladder.panel, minute_item=records["minute"], evidence_paper=records["exempt_paper"])
        ActionFactory(panel=ladder.panel, minute_item=records["minute"], evidence_paper=records["paper"])
        page = client.get(_url("action_list", ladder))
        assert b"Response on the 101 service" in page.content
        assert b"Secret staffing paper" not in page.content
        meeting_page = client.get(reverse("public_site:meeting_detail", args=[ladder.panel.slug, records["held"].slug]))
        assert b"Secret staffing paper" not in meeting_page.content

    def test_an_action_without_a_file_has_none(self, client, ladder, records):
        action = ActionFactory(panel=ladder.panel, minute_item=records["minute"])
        assert client.get(_url("action_evidence", ladder, action.pk)).status_code == 404


class TestQueryCounts:
    def _rows(self, ladder, records, n):
        for _ in range(n):
            ActionFactory(
                panel=ladder.panel,
                minute_item=MinuteItemFactory(meeting=records["held"]),
                evidence_paper=records["paper"],
                evidence_file=SimpleUploadedFile("e.pdf", b"%PDF-1.4 x"),
            )

    @pytest.mark.parametrize(("name", "rung"), [("staff_action_list", "officer"), ("action_list", "anonymous")])
    def test_constant_as_rows_grow(self, ladder, records, name, rung):
        client = ladder.client(rung)
        self._rows(ladder, records, 2)
        few = query_count(client, _url(name, ladder))
        self._rows(ladder, records, 8)
        assert query_count(client, _url(name, ladder)) == few
