"""Checks on uploaded papers: bad input is refused with a clear message before anything is stored."""

import hashlib
import io
import zipfile
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.models import AuditEvent
from scrutiny.documents.models import Paper, PaperFile
from scrutiny.documents.services import paper_file_add, paper_upload
from scrutiny.documents.tests.factories import (
    PaperFactory,
    make_docx,
    make_docx_bomb,
    make_encrypted_pdf,
    make_pdf,
    make_scanned_pdf,
)
from scrutiny.documents.text import NO_TEXT_WARNING, OCR_WARNING, pdf_extract
from scrutiny.documents.uploads import DOCX, PDF, max_upload_bytes, sniff_content_type, upload_check
from scrutiny.meetings.models import Meeting
from scrutiny.meetings.tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def upload(content: bytes, name: str = "report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _bad_inputs():
    """(id, file maker, settings to apply, words the message must contain)."""
    return [
        ("zero-byte", lambda: upload(b""), {}, "empty"),
        ("too-large", lambda: upload(make_pdf()), {"SCRUTINY_MAX_UPLOAD_BYTES": 1000}, "smaller than"),
        ("not-pdf-or-docx", lambda: upload(b"GIF89a not a paper at all", "report.pdf"), {}, "PDF or a Word"),
        ("html-named-docx", lambda: upload(b"<html><body>Report</body></html>", "report.docx"), {}, "PDF or a Word"),
        ("corrupt-pdf", lambda: upload(make_pdf()[:-300]), {}, "damaged"),
        ("truncated-pdf", lambda: upload(make_pdf()[:200]), {}, "damaged"),
        ("encrypted-pdf", lambda: upload(make_encrypted_pdf()), {}, "password"),
        ("docx-not-a-zip", lambda: upload(b"PK\x03\x04 this is not really a zip", "report.docx"), {}, "damaged"),
        ("zip-bomb-ratio", lambda: upload(make_docx_bomb(20), "report.docx"), {}, "unpacks"),
        (
            "zip-bomb-size",
            lambda: upload(make_docx(), "report.docx"),
            {"SCRUTINY_MAX_DOCX_UNCOMPRESSED_BYTES": 100},
            "unpacks",
        ),
        (
            "docx-mammoth-cannot-convert",
            lambda: upload(make_docx(document_xml="<w:document><unclosed>"), "report.docx"),
            {},
            "could not be converted",
        ),
        (
            "zip-without-word-document",
            lambda: upload(make_docx_without_document(), "report.docx"),
            {},
            "PDF or a Word",
        ),
    ]


def make_docx_without_document() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("hello.txt", "A zip, not a Word document.")
    return output.getvalue()


BAD_INPUTS = [pytest.param(make, overrides, words, id=name) for name, make, overrides, words in _bad_inputs()]


class TestUploadCheck:
    @pytest.mark.parametrize(("make", "overrides", "words"), BAD_INPUTS)
    def test_bad_input_is_refused_with_its_message(self, settings, make, overrides, words):
        for name, value in overrides.items():
            setattr(settings, name, value)
        with pytest.raises(ValidationError) as raised:
            upload_check(make())
        assert words in " ".join(raised.value.messages)

    def test_a_real_pdf_is_checked_and_its_text_left_to_the_job(self):
        """The upload request only checks a PDF (and counts its pages): its text is the extraction job's."""
        content = make_pdf("Victim services commissioning")
        with mock.patch("scrutiny.documents.text.pdf_ocr") as ocr:
            checked = upload_check(upload(content))
        ocr.assert_not_called()
        assert checked.content_type == PDF
        assert checked.page_count == 1
        assert checked.text_pending
        assert checked.text == ""
        assert checked.warnings == []
        assert checked.size == len(content)
        assert checked.sha256 == hashlib.sha256(content).hexdigest()

    def test_the_type_is_judged_by_content_not_name(self):
        assert sniff_content_type(make_pdf()) == PDF
        assert sniff_content_type(make_docx()) == DOCX
        checked = upload_check(upload(make_pdf(), "precept.docx"))
        assert checked.content_type == PDF

    def test_a_scan_is_accepted_without_waiting_for_ocr(self, monkeypatch):
        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: "/usr/bin/ocrmypdf")
        with mock.patch("scrutiny.documents.text.subprocess.run") as run:
            checked = upload_check(upload(make_scanned_pdf()))
        run.assert_not_called()
        assert checked.text_pending
        assert checked.page_count == 1


class TestPdfExtract:
    def test_a_real_pdf_gives_its_pages_and_text(self):
        extracted = pdf_extract(make_pdf("Victim services commissioning"))
        assert extracted.page_count == 1
        assert "Victim services commissioning" in extracted.text
        assert extracted.has_text_layer
        assert extracted.ocr_content is None
        assert extracted.warnings == []

    def test_a_scan_has_a_warning(self, monkeypatch):
        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: None)
        extracted = pdf_extract(make_scanned_pdf())
        assert not extracted.has_text_layer
        assert extracted.text == ""
        assert extracted.warnings == [NO_TEXT_WARNING]
        assert "neither searchable nor accessible" in NO_TEXT_WARNING

    def test_a_scan_is_recognised_where_ocrmypdf_is_installed(self, monkeypatch):
        """GIVEN a server with ocrmypdf WHEN a scan is extracted THEN the recognised copy and its text are kept."""
        recognised = make_pdf("Recognised text of the scan")

        def fake_run(command, **kwargs):
            with open(command[-1], "wb") as target:
                target.write(recognised)

        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: "/usr/bin/ocrmypdf")
        with mock.patch("scrutiny.documents.text.subprocess.run", side_effect=fake_run) as run:
            extracted = pdf_extract(make_scanned_pdf())
        assert run.call_args.args[0][0] == "/usr/bin/ocrmypdf"
        assert "Recognised text of the scan" in extracted.text
        assert extracted.ocr_content == recognised
        assert extracted.warnings == [OCR_WARNING]

    def test_a_failed_ocr_keeps_the_scan(self, monkeypatch):
        monkeypatch.setattr("scrutiny.documents.text.shutil.which", lambda name: "/usr/bin/ocrmypdf")
        with mock.patch("scrutiny.documents.text.subprocess.run", side_effect=OSError("no tesseract")):
            extracted = pdf_extract(make_scanned_pdf())
        assert extracted.ocr_content is None
        assert extracted.warnings == [NO_TEXT_WARNING]


class TestUploadCheckWordAndLimits:
    def test_a_word_document_is_converted_to_markdown(self):
        checked = upload_check(upload(make_docx(), "precept.docx"))
        assert checked.content_type == DOCX
        assert "__Precept proposal 2024/25__" in checked.markdown
        assert "The panel is asked to review the precept" in checked.text
        assert checked.page_count is None

    @pytest.mark.slow
    def test_a_real_zip_bomb_is_refused_by_its_declared_size(self):
        """300 MB of zeros packs into about 300 KB: refused on the 200 MB default, before anything is unpacked."""
        bomb = make_docx_bomb(300)
        assert len(bomb) < 1024 * 1024
        with (
            mock.patch("scrutiny.documents.uploads.docx_convert") as convert,
            pytest.raises(ValidationError, match="unpacks to far more"),
        ):
            upload_check(upload(bomb, "bomb.docx"))
        convert.assert_not_called()

    def test_the_size_limit_defaults_to_50_mb(self, settings):
        del settings.SCRUTINY_MAX_UPLOAD_BYTES
        assert max_upload_bytes() == 50 * 1024 * 1024


class TestNothingIsStoredOnBadInput:
    @pytest.mark.parametrize(("make", "overrides", "words"), BAD_INPUTS)
    def test_paper_upload_stores_nothing(self, settings, make, overrides, words):
        """GIVEN an agenda item WHEN a bad file is uploaded THEN the message is given and no paper, file or
        audit event is added, and the meeting is unchanged."""
        item = AgendaItemFactory()
        user = UserFactory()
        meeting_modified = Meeting.objects.get(pk=item.meeting_id).modified
        audit_before = AuditEvent.objects.count()
        for name, value in overrides.items():
            setattr(settings, name, value)
        with pytest.raises(ValidationError) as raised:
            paper_upload(acting_user=user, agenda_item=item, uploaded=make(), title="Precept report")
        assert words in " ".join(raised.value.messages)
        assert Paper.objects.count() == 0
        assert PaperFile.objects.count() == 0
        assert AuditEvent.objects.count() == audit_before
        assert Meeting.objects.get(pk=item.meeting_id).modified == meeting_modified

    @pytest.mark.parametrize(("make", "overrides", "words"), BAD_INPUTS)
    def test_paper_file_add_stores_nothing(self, settings, make, overrides, words):
        paper = PaperFactory()
        audit_before = AuditEvent.objects.count()
        text_before = paper.text
        for name, value in overrides.items():
            setattr(settings, name, value)
        with pytest.raises(ValidationError):
            paper_file_add(acting_user=UserFactory(), paper=paper, uploaded=make())
        assert PaperFile.objects.count() == 0
        assert AuditEvent.objects.count() == audit_before
        paper.refresh_from_db()
        assert paper.text == text_before
