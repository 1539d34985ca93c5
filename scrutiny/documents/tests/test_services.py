"""Writes to papers: writing, uploading, the submit-and-accept workflow, versions after publication, release."""

import hashlib
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from scrutiny.accounts.choices import Role
from scrutiny.accounts.tests.factories import PanelRoleFactory
from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import FileRole, PaperSource, PaperStatus, TextStatus
from scrutiny.documents.models import Paper, PaperFile, Publication
from scrutiny.documents.services import (
    paper_accept,
    paper_create,
    paper_delete,
    paper_file_add,
    paper_new_version,
    paper_release,
    paper_return,
    paper_submit,
    paper_update,
    paper_upload,
)
from scrutiny.documents.tests.factories import PaperFactory, make_docx, make_pdf, make_scanned_pdf
from scrutiny.documents.text import NO_TEXT_WARNING
from scrutiny.documents.uploads import DOCX, PDF
from scrutiny.meetings.models import Meeting
from scrutiny.meetings.tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture
def item():
    return AgendaItemFactory(title="Proposed precept 2024/25")


@pytest.fixture
def officer(item):
    return PanelRoleFactory(panel=item.meeting.panel, role=Role.SCRUTINY_OFFICER).user


@pytest.fixture
def pcc_office(item):
    return PanelRoleFactory(panel=item.meeting.panel, role=Role.PCC_OFFICE).user


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def events(instance, verb=None):
    found = AuditEvent.objects.filter(object_id=str(instance.pk), content_type__model=type(instance)._meta.model_name)
    return found.filter(verb=verb) if verb else found


def publish(paper):
    publication = Publication.objects.create(meeting=paper.agenda_item.meeting, published_at=timezone.now())
    publication.papers.add(paper)
    return publication


class TestPaperCreate:
    def test_the_officers_paper_starts_accepted(self, item, officer):
        Meeting.objects.filter(pk=item.meeting_id).update(modified=LONG_AGO)
        paper = paper_create(
            acting_user=officer,
            agenda_item=item,
            title="Precept report",
            recommendation="The panel is asked to review the proposed precept.",
            body="## Council tax\n\nBand D rises by £13.",
        )
        assert paper.status == PaperStatus.ACCEPTED
        assert paper.source == PaperSource.WRITTEN
        assert paper.accepted_by == officer
        assert paper.order == 1
        assert "Band D rises by £13" in paper.text
        assert "review the proposed precept" in paper.text
        event = events(paper).get()
        assert (event.verb, event.action, event.actor) == ("paper_create", AuditEvent.Action.CREATE, officer)
        assert event.panel_id == item.meeting.panel_id
        assert Meeting.objects.get(pk=item.meeting_id).modified > LONG_AGO

    def test_the_pcc_offices_paper_is_submitted(self, item, pcc_office):
        paper = paper_create(acting_user=pcc_office, agenda_item=item, title="Precept report")
        assert paper.status == PaperStatus.SUBMITTED
        assert paper.submitted_by == pcc_office
        assert paper.accepted_by is None

    def test_a_paper_on_an_exempt_item_is_exempt(self, officer):
        item = AgendaItemFactory(exempt=True, exempt_paragraph=3, exempt_reason="Commercial terms of a contract.")
        paper = paper_create(acting_user=officer, agenda_item=item, title="Estates contract")
        assert paper.exempt
        assert paper.exempt_paragraph == 3
        assert not paper.is_public

    def test_workflow_fields_cannot_be_set(self, item, officer):
        with pytest.raises(TypeError):
            paper_create(acting_user=officer, agenda_item=item, title="Report", status=PaperStatus.ACCEPTED)


class TestPaperUpload:
    def test_a_pdf_becomes_a_paper_with_its_text(self, item, officer, django_capture_on_commit_callbacks):
        """GIVEN a PDF WHEN it is uploaded THEN it is stored at once, its text pending; WHEN the job queued on
        commit has run THEN the file and the paper have its text."""
        content = make_pdf("Victim services commissioning intentions")
        with django_capture_on_commit_callbacks(execute=True):
            paper = paper_upload(
                acting_user=officer, agenda_item=item, uploaded=upload(content, "victims.pdf"), title="Victim services"
            )
            assert paper.files.get().text_status == TextStatus.PENDING
            assert "Victim services commissioning intentions" not in paper.text
        paper.refresh_from_db()
        assert paper.source == PaperSource.UPLOADED
        assert paper.status == PaperStatus.ACCEPTED
        assert "Victim services commissioning intentions" in paper.text
        main = paper.files.get()
        assert main.text_status == TextStatus.DONE
        assert main.role == FileRole.MAIN
        assert main.content_type == PDF
        assert main.original_name == "victims.pdf"
        assert main.size == len(content)
        assert main.sha256 == hashlib.sha256(content).hexdigest()
        assert main.page_count == 1
        assert main.has_text_layer
        assert main.file.name.startswith(f"papers/{paper.pk}/")
        with main.file.open("rb") as stored:
            assert stored.read() == content
        assert events(paper, "paper_upload").count() == 1
        assert events(main, "paper_file_add").count() == 1
        assert events(main, "paper_file_text_extract").get().actor == officer

    def test_a_word_document_is_converted_and_kept(self, item, officer):
        paper = paper_upload(
            acting_user=officer, agenda_item=item, uploaded=upload(make_docx(), "precept.docx"), title="Precept"
        )
        assert "__Precept proposal 2024/25__" in paper.body
        assert "The panel is asked to review the precept" in paper.text
        main = paper.files.get()
        assert main.content_type == DOCX
        assert main.original_name == "precept.docx"

    def test_a_scan_is_stored_with_a_warning(self, item, officer, monkeypatch, django_capture_on_commit_callbacks):
        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: None)
        with django_capture_on_commit_callbacks(execute=True):
            paper = paper_upload(
                acting_user=officer, agenda_item=item, uploaded=upload(make_scanned_pdf(), "scan.pdf"), title="Scan"
            )
        paper.refresh_from_db()
        main = paper.files.get()
        assert main.text_status == TextStatus.DONE
        assert not main.has_text_layer
        assert main.warnings == [NO_TEXT_WARNING]
        assert paper.warnings == [NO_TEXT_WARNING]

    def test_an_appendix_is_added_and_searchable(self, item, officer, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            paper = paper_upload(
                acting_user=officer, agenda_item=item, uploaded=upload(make_pdf("Main report"), "r.pdf"), title="Report"
            )
            paper.refresh_from_db()
            appendix = paper_file_add(
                acting_user=officer,
                paper=paper,
                uploaded=upload(make_pdf("Appendix scorecard figures"), "a.pdf"),
                title="Appendix A",
            )
        assert appendix.role == FileRole.APPENDIX
        assert appendix.order == 2
        paper.refresh_from_db()
        assert "Main report" in paper.text
        assert "Appendix scorecard figures" in paper.text


class TestWorkflow:
    def test_the_pcc_office_submits_and_the_officer_accepts(self, item, officer, pcc_office):
        """GIVEN the PCC's office uploads a paper WHEN the officer accepts it THEN it is accepted, by her."""
        paper = paper_upload(
            acting_user=pcc_office, agenda_item=item, uploaded=upload(make_pdf(), "r.pdf"), title="Precept"
        )
        assert paper.status == PaperStatus.SUBMITTED
        assert paper.submitted_by == pcc_office
        paper = paper_accept(acting_user=officer, paper=paper)
        paper.refresh_from_db()
        assert paper.status == PaperStatus.ACCEPTED
        assert paper.accepted_by == officer
        assert paper.accepted_at is not None
        assert events(paper, "paper_accept").get().changes["status"] == ["submitted", "accepted"]

    def test_a_returned_paper_is_submitted_again(self, item, officer, pcc_office):
        paper = paper_create(acting_user=pcc_office, agenda_item=item, title="Precept")
        paper_return(acting_user=officer, paper=paper)
        assert paper.status == PaperStatus.RETURNED
        with pytest.raises(ValidationError):
            paper_accept(acting_user=officer, paper=paper)
        paper_submit(acting_user=pcc_office, paper=paper)
        assert paper.status == PaperStatus.SUBMITTED

    def test_an_accepted_paper_cannot_be_submitted_or_returned(self, item, officer):
        paper = paper_create(acting_user=officer, agenda_item=item, title="Precept")
        with pytest.raises(ValidationError):
            paper_submit(acting_user=officer, paper=paper)
        with pytest.raises(ValidationError):
            paper_return(acting_user=officer, paper=paper)


class TestVersions:
    def test_an_unpublished_paper_is_changed_in_place(self, item, officer):
        paper = paper_create(acting_user=officer, agenda_item=item, title="Precept", summary="Old summary")
        paper_update(acting_user=officer, paper=paper, summary="New summary")
        paper.refresh_from_db()
        assert paper.summary == "New summary"
        assert "New summary" in paper.text
        assert "Old summary" not in paper.text
        assert events(paper, "paper_update").get().changes["summary"] == ["Old summary", "New summary"]

    def test_a_published_paper_cannot_be_edited_but_gets_a_new_version(
        self, item, officer, django_capture_on_commit_callbacks
    ):
        """GIVEN a published paper with a file WHEN it is changed THEN the change is refused, pointing to a
        new version; the new version copies it, with its file, and supersedes it; the old one is unchanged."""
        with django_capture_on_commit_callbacks(execute=True):
            paper = paper_upload(
                acting_user=officer, agenda_item=item, uploaded=upload(make_pdf("Original"), "r.pdf"), title="Precept"
            )
        paper.refresh_from_db()
        publish(paper)
        with pytest.raises(ValidationError) as raised:
            paper_update(acting_user=officer, paper=paper, summary="Corrected")
        assert "new version" in raised.value.messages[0]
        with pytest.raises(ValidationError):
            paper_file_add(acting_user=officer, paper=paper, uploaded=upload(make_pdf(), "a.pdf"))

        new = paper_new_version(acting_user=officer, paper=paper, summary="Corrected")
        assert new.pk != paper.pk
        assert new.version == 2
        assert new.supersedes == paper
        assert new.summary == "Corrected"
        assert new.status == PaperStatus.ACCEPTED
        assert "Original" in new.text
        copied = new.files.get()
        assert copied.file.name == paper.files.get().file.name
        paper.refresh_from_db()
        assert paper.summary == ""
        paper_update(acting_user=officer, paper=new, summary="Corrected again")
        with pytest.raises(ValidationError):
            paper_new_version(acting_user=officer, paper=paper)

    def test_the_pcc_offices_new_version_is_submitted(self, item, officer, pcc_office):
        paper = paper_create(acting_user=officer, agenda_item=item, title="Precept")
        publish(paper)
        new = paper_new_version(acting_user=pcc_office, paper=paper)
        assert new.status == PaperStatus.SUBMITTED
        assert new.submitted_by == pcc_office


class TestReleaseAndDelete:
    def test_an_exempt_paper_is_released(self, officer):
        item = AgendaItemFactory(exempt=True, exempt_paragraph=3, exempt_reason="Commercial terms.")
        officer_here = PanelRoleFactory(panel=item.meeting.panel, role=Role.SCRUTINY_OFFICER).user
        paper = paper_create(acting_user=officer_here, agenda_item=item, title="Estates contract")
        paper_release(acting_user=officer_here, paper=paper)
        paper.refresh_from_db()
        assert paper.released_at is not None
        assert paper.is_public
        assert events(paper, "paper_release").get().action == AuditEvent.Action.RELEASE
        with pytest.raises(ValidationError):
            paper_release(acting_user=officer_here, paper=paper)

    def test_a_public_paper_cannot_be_released(self, item, officer):
        paper = PaperFactory(agenda_item=item)
        with pytest.raises(ValidationError):
            paper_release(acting_user=officer, paper=paper)

    def test_delete_leaves_a_tombstone(self, item, officer):
        paper = paper_create(acting_user=officer, agenda_item=item, title="Precept")
        paper_delete(acting_user=officer, paper=paper)
        paper = Paper.objects.get(pk=paper.pk)
        assert paper.is_deleted
        assert not Paper.objects.live().filter(pk=paper.pk).exists()
        assert events(paper, "paper_delete").get().action == AuditEvent.Action.DELETE
        with pytest.raises(ValidationError):
            paper_update(acting_user=officer, paper=paper, summary="Too late")
        assert PaperFile.objects.count() == 0
