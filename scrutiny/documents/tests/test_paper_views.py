"""Staff pages for papers: the permission ladder on each, uploads with their error summary, the workflow buttons."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from scrutiny.accounts.tests.helpers import build_ladder, signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperStatus, TextStatus
from scrutiny.documents.models import Paper, PaperFile, Publication
from scrutiny.documents.services import paper_create, paper_update, paper_upload
from scrutiny.documents.tests.factories import (
    PaperFactory,
    PaperFileFactory,
    make_docx_bomb,
    make_encrypted_pdf,
    make_pdf,
    make_scanned_pdf,
)
from scrutiny.documents.text import NO_TEXT_WARNING
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

VIEWERS = ["officer", "member", "pcc_office", "administrator"]
SUBMITTERS = ["officer", "pcc_office", "administrator"]


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def item(ladder):
    return AgendaItemFactory(meeting=MeetingFactory(panel=ladder.panel), number="5", title="Proposed precept")


@pytest.fixture
def other_item(ladder):
    return AgendaItemFactory(meeting=MeetingFactory(panel=ladder.other_panel), title="Dyfed-Powys precept")


@pytest.fixture
def paper(item):
    return PaperFactory(agenda_item=item, title="Precept report", summary="The **precept** rises by 4%.")


@pytest.fixture
def submitted(item, ladder):
    return PaperFactory(agenda_item=item, status=PaperStatus.SUBMITTED, submitted_by=ladder.pcc_office)


def url(name, **kwargs):
    return reverse(f"papers:{name}", kwargs=kwargs)


def pdf_upload(content=None, name="report.pdf"):
    return SimpleUploadedFile(name, make_pdf() if content is None else content)


def counts():
    return Paper.objects.count(), PaperFile.objects.count(), AuditEvent.objects.count()


class TestPaperDetail:
    def test_anonymous_is_sent_to_sign_in(self, ladder, paper):
        response = ladder.client("anonymous").get(url("paper_detail", pk=paper.pk))
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:login"))

    def test_a_user_without_the_second_factor_is_sent_to_verify(self, ladder, paper):
        response = signed_in(ladder.officer, verified=False).get(url("paper_detail", pk=paper.pk))
        assert response.status_code == 302

    def test_a_user_without_a_role_is_refused(self, ladder, paper):
        assert ladder.client("outsider").get(url("paper_detail", pk=paper.pk)).status_code == 403

    def test_another_panels_officer_is_told_not_found(self, ladder, paper):
        assert ladder.client("other_officer").get(url("paper_detail", pk=paper.pk)).status_code == 404

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_staff_of_the_panel_see_the_paper(self, ladder, paper, rung):
        response = ladder.client(rung).get(url("paper_detail", pk=paper.pk))
        assert response.status_code == 200
        assert "Precept report" in response.text
        assert "<strong>precept</strong>" in response.text

    def test_a_member_sees_no_buttons_that_change_it(self, ladder, submitted):
        response = ladder.client("member").get(url("paper_detail", pk=submitted.pk))
        assert url("paper_accept", pk=submitted.pk) not in response.text
        assert url("paper_update", pk=submitted.pk) not in response.text
        assert url("paper_delete", pk=submitted.pk) not in response.text

    def test_the_officer_sees_accept_and_return(self, ladder, submitted):
        response = ladder.client("officer").get(url("paper_detail", pk=submitted.pk))
        assert url("paper_accept", pk=submitted.pk) in response.text
        assert url("paper_return", pk=submitted.pk) in response.text

    def test_files_warnings_versions_and_history_are_shown(
        self, ladder, item, monkeypatch, django_capture_on_commit_callbacks
    ):
        """GIVEN a scan uploaded WHEN its page is shown before the extraction job has run THEN it says the text
        is being extracted, and no scan warning yet; WHEN the job has run THEN the scan warning is shown."""
        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: None)
        with django_capture_on_commit_callbacks(execute=False) as queued:
            paper = paper_upload(
                acting_user=ladder.officer,
                agenda_item=item,
                uploaded=SimpleUploadedFile("scan.pdf", make_scanned_pdf()),
                title="Scanned report",
            )
        pending = ladder.client("member").get(url("paper_detail", pk=paper.pk))
        assert "Text being extracted" in pending.text
        assert pending.context["text_pending"]
        assert "neither searchable nor accessible" not in pending.text

        for callback in queued:  # the job, as the worker would run it once the upload has committed
            callback()
        response = ladder.client("member").get(url("paper_detail", pk=paper.pk))
        assert "scan.pdf" in response.text
        assert "Text being extracted" not in response.text
        assert "neither searchable nor accessible" in response.text
        assert "Version 1 (this one)" in response.text
        assert "officer" in response.text  # who uploaded it, in the history
        assert [row["event"].verb for row in response.context["history"]] == [
            "paper_file_text_extract",  # the paper's warnings, then its file's text
            "paper_file_text_extract",
            "paper_file_add",
            "paper_upload",
        ]

    def test_a_failed_extraction_is_shown_with_a_retry_for_the_officer(self, ladder, item):
        paper = PaperFactory(agenda_item=item)
        paper_file = PaperFileFactory(
            paper=paper, text="", text_status=TextStatus.FAILED, text_error="The text of this PDF could not be read."
        )
        officer_page = ladder.client("officer").get(url("paper_detail", pk=paper.pk)).text
        assert "Text extraction failed" in officer_page
        assert "The text of this PDF could not be read." in officer_page
        retry = url("paper_file_text_extract", pk=paper.pk, file_id=paper_file.pk)
        assert retry in officer_page
        member_page = ladder.client("member").get(url("paper_detail", pk=paper.pk)).text
        assert "The text of this PDF could not be read." in member_page
        assert retry not in member_page

    def test_the_history_names_the_fields_changed(self, ladder, item):
        paper = paper_create(acting_user=ladder.officer, agenda_item=item, title="Precept", summary="Draft")
        ladder.client("officer").post(url("paper_update", pk=paper.pk), {"title": "Precept", "summary": "Final"})
        response = ladder.client("member").get(url("paper_detail", pk=paper.pk))
        assert "Changed: summary" in response.text
        assert [row["event"].verb for row in response.context["history"]] == ["paper_update", "paper_create"]

    def test_an_exempt_paper_has_a_release_button_for_the_officer(self, ladder, item):
        paper = PaperFactory(agenda_item=item, exempt=True, exempt_paragraph=3, exempt_reason="Contract terms.")
        assert url("paper_release", pk=paper.pk) in ladder.client("officer").get(url("paper_detail", pk=paper.pk)).text
        assert (
            url("paper_release", pk=paper.pk) not in ladder.client("member").get(url("paper_detail", pk=paper.pk)).text
        )

    def test_a_deleted_paper_is_not_found(self, ladder, item):
        paper = PaperFactory(agenda_item=item, is_deleted=True)
        assert ladder.client("officer").get(url("paper_detail", pk=paper.pk)).status_code == 404

    def test_queries_do_not_grow_with_files_or_history(self, ladder, paper, django_assert_num_queries):
        """GIVEN a paper with several files and changes WHEN its page is shown THEN a fixed number of queries is
        made: session, user, device, roles, paper, files, later version, publication, history."""
        for _ in range(5):
            PaperFileFactory(paper=paper)
        paper_update(acting_user=ladder.officer, paper=paper, summary="Changed")
        client = ladder.client("officer")
        client.get(url("paper_detail", pk=paper.pk))  # warm the content-type cache
        with django_assert_num_queries(9):
            assert client.get(url("paper_detail", pk=paper.pk)).status_code == 200


class TestPaperFileDownload:
    def test_staff_of_the_panel_download_and_others_do_not(self, ladder, paper):
        paper_file = PaperFileFactory(paper=paper, content=b"%PDF-1.4 the bytes")
        address = url("paper_file_download", pk=paper.pk, file_id=paper_file.pk)
        response = ladder.client("member").get(address)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 the bytes"
        assert ladder.client("other_officer").get(address).status_code == 404
        assert ladder.client("anonymous").get(address).status_code == 302


class TestPaperUploadPage:
    def test_anonymous_is_sent_to_sign_in(self, ladder, item):
        assert ladder.client("anonymous").get(url("paper_upload", item_id=item.pk)).status_code == 302

    def test_a_user_without_a_role_is_refused(self, ladder, item):
        assert ladder.client("outsider").get(url("paper_upload", item_id=item.pk)).status_code == 403

    def test_a_member_may_not_upload(self, ladder, item):
        client = ladder.client("member")
        assert client.get(url("paper_upload", item_id=item.pk)).status_code == 403
        response = client.post(url("paper_upload", item_id=item.pk), {"title": "Report", "file": pdf_upload()})
        assert response.status_code == 403
        assert Paper.objects.count() == 0

    @pytest.mark.parametrize(("rung", "target"), [("pcc_office", "other_item"), ("other_officer", "item")])
    def test_another_panels_item_is_not_found(self, ladder, request, rung, target):
        agenda_item = request.getfixturevalue(target)
        client = ladder.client(rung)
        assert client.get(url("paper_upload", item_id=agenda_item.pk)).status_code == 404
        response = client.post(url("paper_upload", item_id=agenda_item.pk), {"title": "R", "file": pdf_upload()})
        assert response.status_code == 404
        assert Paper.objects.count() == 0

    @pytest.mark.parametrize("rung", SUBMITTERS)
    def test_the_form_is_shown(self, ladder, item, rung):
        response = ladder.client(rung).get(url("paper_upload", item_id=item.pk))
        assert response.status_code == 200
        assert 'type="file"' in response.text
        assert 'enctype="multipart/form-data"' in response.text

    def test_the_pcc_office_uploads_a_submission(self, ladder, item):
        response = ladder.client("pcc_office").post(
            url("paper_upload", item_id=item.pk), {"title": "Precept report", "file": pdf_upload()}
        )
        paper = Paper.objects.get()
        assert response.status_code == 302
        assert response.url == url("paper_detail", pk=paper.pk)
        assert paper.status == PaperStatus.SUBMITTED
        assert paper.submitted_by == ladder.pcc_office

    def test_the_officers_upload_is_accepted(self, ladder, item, django_capture_on_commit_callbacks):
        """GIVEN a PDF WHEN the officer uploads it THEN the request stores it and queues its text's extraction,
        which fills the paper's search text once it has run."""
        with django_capture_on_commit_callbacks(execute=True):
            response = ladder.client("officer").post(
                url("paper_upload", item_id=item.pk), {"title": "Report", "file": pdf_upload()}, follow=True
            )
            assert "Its text is being extracted" in response.text
        paper = Paper.objects.get()
        assert paper.status == PaperStatus.ACCEPTED
        assert "Police and Crime Plan performance report" in paper.text

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            pytest.param(b"", "The selected file is empty", id="zero-byte"),
            pytest.param(b"just some text", "must be a PDF or a Word document", id="wrong-type"),
            pytest.param(make_pdf()[:200], "damaged", id="corrupt"),
            pytest.param(make_encrypted_pdf(), "protected with a password", id="encrypted"),
            pytest.param(make_docx_bomb(20), "unpacks to far more", id="zip-bomb"),
        ],
    )
    def test_a_bad_upload_shows_its_message_and_stores_nothing(self, ladder, item, content, message):
        before = counts()
        response = ladder.client("officer").post(
            url("paper_upload", item_id=item.pk), {"title": "Report", "file": SimpleUploadedFile("r.pdf", content)}
        )
        assert response.status_code == 400
        assert "govuk-error-summary" in response.text
        assert message in response.text
        assert 'href="#id_file"' in response.text
        assert counts() == before

    def test_a_file_over_the_limit_is_refused(self, ladder, item, settings):
        settings.SCRUTINY_MAX_UPLOAD_BYTES = 1024
        response = ladder.client("officer").post(
            url("paper_upload", item_id=item.pk), {"title": "Report", "file": pdf_upload()}
        )
        assert response.status_code == 400
        assert "must be smaller than 1.0\xa0KB" in response.text
        assert counts()[:2] == (0, 0)

    def test_a_missing_title_and_file_are_both_reported(self, ladder, item):
        response = ladder.client("officer").post(url("paper_upload", item_id=item.pk), {})
        assert response.status_code == 400
        assert "Enter the title of the paper" in response.text
        assert "Select a file" in response.text

    def test_a_bad_file_is_reported_beside_a_missing_title(self, ladder, item):
        response = ladder.client("pcc_office").post(
            url("paper_upload", item_id=item.pk), {"title": "", "file": pdf_upload(make_encrypted_pdf())}
        )
        assert response.status_code == 400
        start = response.text.index("govuk-error-summary__list")
        summary = response.text[start : response.text.index("</ul>", start)]
        assert "Enter the title of the paper" in summary
        assert "protected with a password" in summary
        assert Paper.objects.count() == 0


class TestPaperWritePages:
    @pytest.mark.parametrize(("rung", "status"), [("member", 403), ("pcc_office", 403), ("other_officer", 404)])
    def test_only_the_officer_writes(self, ladder, item, rung, status):
        assert ladder.client(rung).get(url("paper_create", item_id=item.pk)).status_code == status
        response = ladder.client(rung).post(url("paper_create", item_id=item.pk), {"title": "Report"})
        assert response.status_code == status
        assert Paper.objects.count() == 0

    def test_the_officer_writes_a_paper_in_sections(self, ladder, item):
        client = ladder.client("officer")
        response = client.get(url("paper_create", item_id=item.pk))
        for label in ("Recommendation", "Risk implications", "Equality implications", "Background papers"):
            assert label in response.text
        response = client.post(
            url("paper_create", item_id=item.pk),
            {"title": "Complaints update", "recommendation": "To note.", "body": "## Numbers\n\n* 12 complaints"},
        )
        paper = Paper.objects.get()
        assert response.url == url("paper_detail", pk=paper.pk)
        assert paper.status == PaperStatus.ACCEPTED
        assert "12 complaints" in paper.text
        page = client.get(response.url)
        assert "<h2>Numbers</h2>" in page.text

    def test_a_paper_without_a_title_is_refused(self, ladder, item):
        response = ladder.client("officer").post(url("paper_create", item_id=item.pk), {"title": ""})
        assert response.status_code == 400
        assert "Enter the title of the paper" in response.text

    def test_the_officer_changes_an_unpublished_paper(self, ladder, paper):
        client = ladder.client("officer")
        assert client.get(url("paper_update", pk=paper.pk)).status_code == 200
        response = client.post(url("paper_update", pk=paper.pk), {"title": "Precept report", "summary": "Revised."})
        assert response.status_code == 302
        paper.refresh_from_db()
        assert paper.summary == "Revised."
        assert ladder.client("member").get(url("paper_update", pk=paper.pk)).status_code == 403

    def test_a_published_paper_is_not_changed_but_gets_a_new_version(self, ladder, paper):
        """GIVEN a published paper WHEN the officer tries to change it THEN she is sent back with the reason;
        WHEN she makes a new version THEN she is taken to version 2, which supersedes it."""
        publication = Publication.objects.create(meeting=paper.agenda_item.meeting, published_at=timezone.now())
        publication.papers.add(paper)
        client = ladder.client("officer")
        response = client.post(
            url("paper_update", pk=paper.pk), {"title": "Changed", "summary": "Changed"}, follow=True
        )
        assert "Make a new version" in response.text
        paper.refresh_from_db()
        assert paper.title == "Precept report"
        response = client.post(url("paper_new_version", pk=paper.pk))
        new = Paper.objects.get(supersedes=paper)
        assert response.url == url("paper_detail", pk=new.pk)
        assert new.version == 2
        page = client.get(url("paper_detail", pk=paper.pk))
        assert url("paper_detail", pk=new.pk) in page.text

    def test_an_appendix_is_added(self, ladder, submitted):
        paper = submitted
        response = ladder.client("pcc_office").post(
            url("paper_file_add", pk=paper.pk), {"title": "Appendix A", "file": pdf_upload(make_pdf("Scorecard"))}
        )
        assert response.status_code == 302
        assert paper.files.get().title == "Appendix A"
        assert ladder.client("member").get(url("paper_file_add", pk=paper.pk)).status_code == 403

    def test_the_pcc_office_cannot_add_to_an_accepted_paper(self, ladder, paper):
        response = ladder.client("pcc_office").post(
            url("paper_file_add", pk=paper.pk), {"title": "Late appendix", "file": pdf_upload()}
        )
        assert response.status_code == 403
        assert ladder.client("officer").get(url("paper_file_add", pk=paper.pk)).status_code == 200
        assert paper.files.count() == 0


class TestWorkflowButtons:
    @pytest.mark.parametrize("name", ["paper_accept", "paper_return", "paper_release", "paper_delete"])
    @pytest.mark.parametrize(("rung", "status"), [("member", 403), ("pcc_office", 403), ("other_officer", 404)])
    def test_only_the_officer_decides(self, ladder, submitted, name, rung, status):
        assert ladder.client(rung).post(url(name, pk=submitted.pk)).status_code == status
        submitted.refresh_from_db()
        assert submitted.status == PaperStatus.SUBMITTED
        assert not submitted.is_deleted

    def test_the_buttons_need_a_post(self, ladder, submitted):
        assert ladder.client("officer").get(url("paper_accept", pk=submitted.pk)).status_code == 405

    def test_the_officer_accepts(self, ladder, submitted):
        response = ladder.client("officer").post(url("paper_accept", pk=submitted.pk))
        assert response.url == url("paper_detail", pk=submitted.pk)
        submitted.refresh_from_db()
        assert submitted.status == PaperStatus.ACCEPTED
        assert submitted.accepted_by == ladder.officer

    def test_the_officer_returns_and_the_pcc_office_submits_again(self, ladder, submitted):
        ladder.client("officer").post(url("paper_return", pk=submitted.pk))
        submitted.refresh_from_db()
        assert submitted.status == PaperStatus.RETURNED
        page = ladder.client("pcc_office").get(url("paper_detail", pk=submitted.pk))
        assert url("paper_submit", pk=submitted.pk) in page.text
        ladder.client("pcc_office").post(url("paper_submit", pk=submitted.pk))
        submitted.refresh_from_db()
        assert submitted.status == PaperStatus.SUBMITTED
        assert ladder.client("member").post(url("paper_submit", pk=submitted.pk)).status_code == 403

    def test_a_refused_step_is_explained(self, ladder, paper):
        response = ladder.client("officer").post(url("paper_accept", pk=paper.pk), follow=True)
        assert "Only a submitted paper can be accepted" in response.text

    def test_the_officer_releases_an_exempt_paper(self, ladder, item):
        paper = paper_create(
            acting_user=ladder.officer,
            agenda_item=item,
            title="Estates contract",
            exempt=True,
            exempt_paragraph=3,
            exempt_reason="Contract terms.",
        )
        ladder.client("officer").post(url("paper_release", pk=paper.pk))
        paper.refresh_from_db()
        assert paper.released_at is not None
        assert AuditEvent.objects.filter(verb="paper_release", action=AuditEvent.Action.RELEASE).count() == 1

    def test_the_officer_deletes(self, ladder, paper):
        response = ladder.client("officer").post(url("paper_delete", pk=paper.pk))
        meeting = paper.agenda_item.meeting
        assert response.url == reverse(
            "staff:meeting_detail", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug}
        )
        paper.refresh_from_db()
        assert paper.is_deleted


class TestPaperFileTextExtract:
    @pytest.fixture
    def failed(self, paper):
        return PaperFileFactory(
            paper=paper, content=make_pdf("Scorecard of the plan"), text="", text_status=TextStatus.FAILED
        )

    def test_only_the_officer_asks_again(self, ladder, paper, failed):
        address = url("paper_file_text_extract", pk=paper.pk, file_id=failed.pk)
        assert ladder.client("anonymous").post(address).status_code == 302
        assert ladder.client("member").post(address).status_code == 403
        assert ladder.client("pcc_office").post(address).status_code == 403
        assert ladder.client("other_officer").post(address).status_code == 404
        assert ladder.client("officer").get(address).status_code == 405
        failed.refresh_from_db()
        assert failed.text_status == TextStatus.FAILED

    def test_the_officer_has_the_text_extracted_again(self, ladder, paper, failed, django_capture_on_commit_callbacks):
        address = url("paper_file_text_extract", pk=paper.pk, file_id=failed.pk)
        with django_capture_on_commit_callbacks(execute=True):
            response = ladder.client("officer").post(address)
        assert response.url == url("paper_detail", pk=paper.pk)
        failed.refresh_from_db()
        assert failed.text_status == TextStatus.DONE
        assert "Scorecard of the plan" in failed.text
        paper.refresh_from_db()
        assert "Scorecard of the plan" in paper.text
        assert AuditEvent.objects.filter(verb="paper_file_text_extract_request").count() == 1

    def test_a_file_being_extracted_is_not_queued_twice(self, ladder, paper, failed):
        PaperFile.objects.filter(pk=failed.pk).update(text_status=TextStatus.PENDING)
        client = ladder.client("officer")
        response = client.post(url("paper_file_text_extract", pk=paper.pk, file_id=failed.pk), follow=True)
        assert "already being extracted" in response.text


def test_the_scan_warning_names_the_problem():
    assert "neither searchable nor accessible" in NO_TEXT_WARNING
