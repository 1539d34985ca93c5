"""Checks on an uploaded paper before anything is stored: what it is, that it can be read, and its text.

An upload is refused, with a message the uploader can act on, when it is empty, too large, neither a PDF nor
a Word document (judged by its content, never its name), a damaged or password-protected PDF, or a Word
document that is not a sound zip, would unpack to far more than it weighs (a "zip bomb"), or cannot be
converted. A scanned PDF without a text layer is accepted with a warning: a panel must publish what it was
sent, but such a paper is neither searchable nor accessible.

Only the checks run here, in the request. A PDF's text, and the OCR of a scan, can take minutes on a long
document: they run as a job once the file is stored (`text.pdf_extract`, `tasks.paper_file_text_extract_run`),
so an accepted PDF comes back with `text_pending` set. A Word document is converted here, because a document
that cannot be converted is refused.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .text import docx_convert, pdf_reader

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_DOCX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
# XML compresses perhaps tenfold; a hundredfold over a megabyte is a file built to exhaust the server.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_FROM_BYTES = 1024 * 1024
# The PDF specification lets the header sit anywhere in the first kilobyte.
PDF_HEADER_WINDOW = 1024


@dataclass
class CheckedUpload:
    """An upload that passed every check, with what was learnt from it."""

    content: bytes
    original_name: str
    content_type: str
    size: int
    sha256: str
    page_count: int | None = None
    text: str = ""
    has_text_layer: bool = True
    # A PDF's text is extracted by a job after it is stored; until then `text` is empty.
    text_pending: bool = False
    markdown: str = ""
    warnings: list[str] = field(default_factory=list)


def max_upload_bytes() -> int:
    return getattr(settings, "SCRUTINY_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def max_docx_uncompressed_bytes() -> int:
    return getattr(settings, "SCRUTINY_MAX_DOCX_UNCOMPRESSED_BYTES", DEFAULT_MAX_DOCX_UNCOMPRESSED_BYTES)


def _read(uploaded) -> bytes:
    """The upload's bytes, refusing an empty or oversized file before reading it all into memory."""
    limit = max_upload_bytes()
    declared = getattr(uploaded, "size", None)
    if declared == 0:
        raise ValidationError(_("The selected file is empty."), code="empty")
    if declared is not None and declared > limit:
        raise ValidationError(
            _("The selected file must be smaller than %(limit)s.") % {"limit": filesizeformat(limit)}, code="too_large"
        )
    uploaded.seek(0)
    content = uploaded.read(limit + 1)
    if not content:
        raise ValidationError(_("The selected file is empty."), code="empty")
    if len(content) > limit:
        raise ValidationError(
            _("The selected file must be smaller than %(limit)s.") % {"limit": filesizeformat(limit)}, code="too_large"
        )
    return content


def sniff_content_type(content: bytes) -> str | None:
    """PDF or DOCX by the file's own bytes; None for anything else (a name ending .pdf proves nothing)."""
    if content.startswith(b"PK\x03\x04"):
        return DOCX
    if b"%PDF-" in content[:PDF_HEADER_WINDOW]:
        return PDF
    return None


def _check_pdf(checked: CheckedUpload) -> None:
    """Refuse a damaged, password-protected or empty PDF; its text is left to the extraction job."""
    damaged = ValidationError(
        _("The selected PDF is damaged and cannot be read. Save it again as a PDF and upload it."),
        code="corrupt_pdf",
    )
    try:
        reader = pdf_reader(checked.content)
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many kinds of error on a damaged file
        raise damaged from error
    if encrypted:
        raise ValidationError(
            _("The selected PDF is protected with a password. Upload a copy without a password."),
            code="encrypted_pdf",
        )
    try:
        # Walking the page tree is quick and finds a damaged file; reading every page's text is the job's.
        page_count = len(reader.pages)
    except Exception as error:
        raise damaged from error
    if page_count == 0:
        raise ValidationError(_("The selected PDF has no pages."), code="corrupt_pdf")
    checked.page_count = page_count
    checked.text_pending = True


def _check_docx(checked: CheckedUpload) -> None:
    not_word = ValidationError(
        _("The selected file must be a PDF or a Word document (.docx)."), code="not_word_document"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(checked.content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise ValidationError(
            _("The selected Word document is damaged and cannot be read. Save it again and upload it."),
            code="corrupt_docx",
        ) from error
    # Judge the declared sizes before a single byte is unpacked.
    uncompressed = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members)
    if uncompressed > max_docx_uncompressed_bytes() or (
        uncompressed > RATIO_CHECK_FROM_BYTES and uncompressed > MAX_COMPRESSION_RATIO * max(compressed, 1)
    ):
        raise ValidationError(
            _("The selected Word document unpacks to far more than its size and cannot be accepted."),
            code="zip_bomb",
        )
    if "word/document.xml" not in {member.filename for member in members}:
        raise not_word
    try:
        converted = docx_convert(checked.content)
    except Exception as error:  # mammoth raises many kinds of error on a damaged document
        raise ValidationError(
            _("The selected Word document could not be converted. Save it again as .docx, or as a PDF, and upload it."),
            code="unconvertible_docx",
        ) from error
    checked.markdown = converted.markdown
    checked.text = converted.text
    if converted.images_left_out:
        checked.warnings.append(
            _(
                "The Word document has %(count)d picture(s): they are in the original file but not in the "
                "converted text. Describe each in the text, or upload the paper as a PDF."
            )
            % {"count": converted.images_left_out}
        )
    if not converted.text:
        checked.warnings.append(_("The Word document has no text."))


def upload_check(uploaded) -> CheckedUpload:
    """Read and check an uploaded file (a Django UploadedFile or any file object with a name).

    Raises ValidationError with the message to show the uploader; nothing has been stored at that point.
    """
    content = _read(uploaded)
    content_type = sniff_content_type(content)
    if content_type is None:
        raise ValidationError(_("The selected file must be a PDF or a Word document (.docx)."), code="wrong_type")
    name = (getattr(uploaded, "name", "") or "paper").rsplit("/", 1)[-1][:300]
    checked = CheckedUpload(
        content=content,
        original_name=name,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    if content_type == PDF:
        _check_pdf(checked)
    else:
        _check_docx(checked)
    return checked
