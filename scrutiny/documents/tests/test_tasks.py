"""The text extraction job: an uploaded PDF is stored at once, and its text (OCR for a scan) follows as a job."""

import hashlib
import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from scrutiny.accounts.choices import Role
from scrutiny.accounts.tests.factories import PanelRoleFactory
from scrutiny.accounts.tests.helpers import signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.documents import tasks
from scrutiny.documents.choices import TextStatus
from scrutiny.documents.models import PaperFile, Publication
from scrutiny.documents.services import _text_extract_record, paper_new_version, paper_upload
from scrutiny.documents.tests.factories import PaperFactory, PaperFileFactory, make_pdf, make_scanned_pdf
from scrutiny.documents.text import NO_TEXT_WARNING, OCR_WARNING, pdf_extract
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from scrutiny.search.choices import SearchKind
from scrutiny.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    meeting = MeetingFactory(status=MeetingStatus.SCHEDULED, date_of_issue=timezone.localdate())
    return AgendaItemFactory(meeting=meeting, title="Victim services")


@pytest.fixture
def officer(item):
    return PanelRoleFactory(panel=item.meeting.panel, role=Role.SCRUTINY_OFFICER).user


def upload(item, officer, content: bytes, name: str = "report.pdf"):
    return paper_upload(
        acting_user=officer, agenda_item=item, uploaded=SimpleUploadedFile(name, content), title="Victim services"
    )


def entry_body(paper) -> str:
    entry = SearchEntry.objects.filter(kind=SearchKind.PAPER, object_id=paper.pk).first()
    return entry.body if entry else ""


class TestTextExtraction:
    def test_upload_then_job_stores_the_text_and_indexes_it(self, item, officer, django_capture_on_commit_callbacks):
        """GIVEN a PDF uploaded WHEN the request commits THEN the extraction job is queued, not run in the
        request; WHEN the worker runs it THEN the file and paper have the text and the search index has it."""
        with (
            mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run") as job,
            django_capture_on_commit_callbacks(execute=True),
        ):
            paper = upload(item, officer, make_pdf("Commissioning intentions for victim services"))
        paper_file = paper.files.get()
        job.enqueue.assert_called_once_with(paper_file.pk, acting_user_id=officer.pk)
        assert paper_file.text_status == TextStatus.PENDING
        assert paper_file.text == ""
        assert "Commissioning intentions" not in entry_body(paper)

        with django_capture_on_commit_callbacks(execute=True):  # the worker: the index follows on commit
            tasks.paper_file_text_extract_run.call(paper_file.pk, acting_user_id=officer.pk)
        paper_file.refresh_from_db()
        paper.refresh_from_db()
        assert paper_file.text_status == TextStatus.DONE
        assert "Commissioning intentions for victim services" in paper_file.text
        assert paper_file.has_text_layer
        assert "Commissioning intentions for victim services" in paper.text
        assert "Commissioning intentions for victim services" in entry_body(paper)
        assert paper.warnings == []
        event = AuditEvent.objects.get(
            verb="paper_file_text_extract", object_id=str(paper_file.pk), content_type__model="paperfile"
        )
        assert event.actor == officer
        assert event.changes["text_status"] == [TextStatus.PENDING, TextStatus.DONE]

    def test_the_immediate_backend_runs_it_on_commit(self, item, officer, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            paper = upload(item, officer, make_pdf("Domestic abuse funding"))
        paper.refresh_from_db()
        assert paper.files.get().text_status == TextStatus.DONE
        assert "Domestic abuse funding" in entry_body(paper)

    def test_a_scan_done_without_text_has_its_warning(self, item, officer, monkeypatch):
        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: None)
        paper = upload(item, officer, make_scanned_pdf(), "scan.pdf")
        paper_file = paper.files.get()
        assert paper_file.warnings == []  # not known until the job has read it
        tasks.paper_file_text_extract_run.call(paper_file.pk)
        paper_file.refresh_from_db()
        paper.refresh_from_db()
        assert paper_file.text_status == TextStatus.DONE
        assert not paper_file.has_text_layer
        assert paper_file.warnings == [NO_TEXT_WARNING]
        assert paper.warnings == [NO_TEXT_WARNING]

    def test_a_recognised_scan_is_stored_as_a_new_file(self, item, officer, monkeypatch):
        """GIVEN a scan and a server with ocrmypdf WHEN the job runs THEN the recognised copy is kept under a new
        name (the uploaded file is never rewritten), with its text and the OCR warning."""
        scan = make_scanned_pdf()
        recognised = make_pdf("Recognised text of the scan")

        def fake_run(command, **kwargs):
            with open(command[-1], "wb") as target:
                target.write(recognised)

        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: "/usr/bin/ocrmypdf")
        with mock.patch("scrutiny.documents.text.subprocess.run", side_effect=fake_run) as run:
            paper = upload(item, officer, scan, "scan.pdf")
            run.assert_not_called()  # never in the upload request
            paper_file = paper.files.get()
            uploaded_name = paper_file.file.name
            tasks.paper_file_text_extract_run.call(paper_file.pk)
        paper_file.refresh_from_db()
        assert paper_file.file.name != uploaded_name
        with paper_file.file.open("rb") as stored:
            assert stored.read() == recognised
        assert paper_file.size == len(recognised)
        assert paper_file.sha256 == hashlib.sha256(recognised).hexdigest()
        assert "Recognised text of the scan" in paper_file.text
        assert paper_file.warnings == [OCR_WARNING]
        with paper_file.file.storage.open(uploaded_name, "rb") as original:
            assert original.read() == scan

    def test_a_failure_is_recorded_with_its_message(self, item, officer):
        paper = upload(item, officer, make_pdf("Unreadable"))
        paper_file = paper.files.get()
        with mock.patch("scrutiny.documents.services.pdf_extract", side_effect=ValueError("bad xref table")):
            tasks.paper_file_text_extract_run.call(paper_file.pk, acting_user_id=officer.pk)
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.FAILED
        assert "could not be extracted (ValueError: bad xref table)" in paper_file.text_error
        assert "The file is kept as uploaded" in paper_file.text_error
        assert paper_file.text == ""
        assert AuditEvent.objects.filter(verb="paper_file_text_extract", object_id=str(paper_file.pk)).exists()

    def test_a_failure_to_record_the_text_is_recorded_too(self, item, officer):
        """GIVEN text extracted WHEN writing it to the paper fails THEN nothing half-written is kept and the file
        says it failed, rather than being "extracted" for good."""
        paper = upload(item, officer, make_pdf("Half written"))
        paper_file = paper.files.get()
        with mock.patch("scrutiny.documents.services._save", side_effect=RuntimeError("database went away")):
            tasks.paper_file_text_extract_run.call(paper_file.pk)
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.FAILED
        assert "RuntimeError: database went away" in paper_file.text_error
        assert paper_file.text == ""

    def test_a_job_run_twice_does_the_work_once(self, item, officer):
        paper = upload(item, officer, make_pdf("Once only"))
        paper_file = paper.files.get()
        tasks.paper_file_text_extract_run.call(paper_file.pk)
        with mock.patch("scrutiny.documents.services.pdf_extract") as extract:
            tasks.paper_file_text_extract_run.call(paper_file.pk)
        extract.assert_not_called()

    def test_a_file_deleted_before_the_job_runs_is_skipped(self):
        paper_file = PaperFileFactory(text_status=TextStatus.PENDING)
        pk = paper_file.pk
        paper_file.paper.delete()
        tasks.paper_file_text_extract_run.call(pk)
        assert not PaperFile.objects.filter(pk=pk).exists()

    def test_the_job_does_not_undo_the_officers_edits(self, item, officer):
        """GIVEN an upload whose text is pending WHEN the officer edits the paper before the job runs THEN the
        job keeps her edit."""
        paper = upload(item, officer, make_pdf("Extracted later"))
        paper.summary = "Written while the job waited."
        paper.save()
        tasks.paper_file_text_extract_run.call(paper.files.get().pk)
        paper.refresh_from_db()
        assert paper.summary == "Written while the job waited."
        assert "Extracted later" in paper.text
        assert "Written while the job waited." in paper.text

    def test_a_new_version_of_a_pending_file_gets_its_own_job(self, item, officer, django_capture_on_commit_callbacks):
        paper = PaperFactory(agenda_item=item)
        PaperFileFactory(paper=paper, content=make_pdf("Copied with the version"), text="", text_status="pending")
        publication = Publication.objects.create(meeting=item.meeting, published_at=timezone.now())
        publication.papers.add(paper)
        with django_capture_on_commit_callbacks(execute=True):
            new = paper_new_version(acting_user=officer, paper=paper, summary="Changed")
        copy = new.files.get()
        assert copy.text_status == TextStatus.DONE
        assert "Copied with the version" in copy.text
        new.refresh_from_db()
        assert "Copied with the version" in new.text


def pending_since(paper_file, minutes: int) -> None:
    """Make the file look as if it had been pending for `minutes` (its job lost with its worker)."""
    PaperFile.objects.filter(pk=paper_file.pk).update(modified=timezone.now() - timedelta(minutes=minutes))


def recover(minutes: int = 30) -> str:
    out = io.StringIO()
    call_command("extract_pending_text", "--older-than-minutes", str(minutes), stdout=out)
    return out.getvalue()


class TestLostJobs:
    def test_a_file_pending_too_long_is_queued_again_then_marked_failed(
        self, item, officer, django_capture_on_commit_callbacks
    ):
        """GIVEN a PDF whose extraction job was lost (pending 45 minutes) WHEN the command runs THEN its job is
        queued once more (audited), and a second run at once does nothing; WHEN it is still pending 45 minutes
        later THEN it is marked failed with a message, and further runs leave it so."""
        paper_file = upload(item, officer, make_pdf("Lost with its worker")).files.get()
        pending_since(paper_file, 45)
        with (
            mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run") as job,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert "Queued the text extraction of 1 file again; marked 0 files failed." in recover()
        job.enqueue.assert_called_once_with(paper_file.pk, acting_user_id=None)
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.PENDING
        assert timezone.now() - paper_file.modified < timedelta(minutes=1)
        assert AuditEvent.objects.filter(verb="paper_file_text_extract_requeue", object_id=str(paper_file.pk)).exists()

        with mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run") as job:
            assert "of 0 files again; marked 0 files failed" in recover()
        job.enqueue.assert_not_called()

        pending_since(paper_file, 45)
        with mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run") as job:
            output = recover()
        job.enqueue.assert_not_called()
        assert "marked 1 file failed" in output
        assert f"file {paper_file.pk}" in output
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.FAILED
        assert "its job stopped without finishing" in paper_file.text_error
        assert "30 minutes later" in paper_file.text_error
        assert AuditEvent.objects.filter(verb="paper_file_text_extract_abandon", object_id=str(paper_file.pk)).exists()

        pending_since(paper_file, 45)
        assert "of 0 files again; marked 0 files failed" in recover()

    def test_recent_and_finished_files_are_left_alone(self, item, officer, django_capture_on_commit_callbacks):
        recent = upload(item, officer, make_pdf("Still running")).files.get()
        pending_since(recent, 10)
        done = PaperFileFactory(paper=recent.paper, text_status=TextStatus.DONE)
        failed = PaperFileFactory(paper=recent.paper, text_status=TextStatus.FAILED, text_error="Broken.")
        for paper_file in (done, failed):
            pending_since(paper_file, 600)
        with (
            mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run") as job,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert "of 0 files again; marked 0 files failed" in recover()
        job.enqueue.assert_not_called()
        assert [f.text_status for f in PaperFile.objects.order_by("pk")] == [
            TextStatus.PENDING,
            TextStatus.DONE,
            TextStatus.FAILED,
        ]
        assert PaperFile.objects.get(pk=failed.pk).text_error == "Broken."

    def test_the_job_queued_again_extracts_the_text(self, item, officer, django_capture_on_commit_callbacks):
        paper_file = upload(item, officer, make_pdf("Recovered after a restart")).files.get()
        pending_since(paper_file, 45)
        with django_capture_on_commit_callbacks(execute=True):  # the immediate backend: the job runs on commit
            recover()
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.DONE
        assert "Recovered after a restart" in paper_file.text

    def test_a_job_finishing_after_its_file_was_marked_failed_still_records_the_text(self, item, officer):
        """GIVEN a slow job still running when its file is given up on WHEN it finishes THEN its text is kept."""
        paper_file = upload(item, officer, make_pdf("Slow but sure")).files.get()
        extracted = pdf_extract(make_pdf("Slow but sure"))
        for _ in range(2):
            pending_since(paper_file, 45)
            with mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run"):
                recover()
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.FAILED
        _text_extract_record(paper_file, acting_user=None, extracted=extracted)
        paper_file.refresh_from_db()
        assert paper_file.text_status == TextStatus.DONE
        assert paper_file.text_error == ""
        assert "Slow but sure" in paper_file.text

    def test_the_officer_can_try_again_once_it_is_marked_failed(self, item, officer):
        paper = upload(item, officer, make_pdf("Try again"))
        paper_file = paper.files.get()
        for _ in range(2):
            pending_since(paper_file, 45)
            with mock.patch("scrutiny.documents.tasks.paper_file_text_extract_run"):
                recover()
        page = signed_in(officer).get(reverse("papers:paper_detail", kwargs={"pk": paper.pk}))
        assert "Extract the text again" in page.text
        assert "its job stopped without finishing" in page.text

    def test_a_threshold_of_nothing_is_refused(self):
        with pytest.raises(CommandError, match="at least 1"):
            call_command("extract_pending_text", "--older-than-minutes", "0")
