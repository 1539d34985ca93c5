"""Factories for papers and their files."""

import hashlib
import io
import zipfile

import factory
import pypdf
from django.core.files.base import ContentFile

from scrutiny.documents.choices import FileRole, PaperSource, PaperStatus
from scrutiny.documents.models import Paper, PaperFile
from scrutiny.meetings.tests.factories import AgendaItemFactory

# The smallest file that pypdf and a browser both read as a PDF is not needed here: the factory's file is
# stored bytes, and tests that extract text build a real PDF with weasyprint.
PDF_BYTES = b"%PDF-1.4\n% factory placeholder\n%%EOF\n"


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper

    agenda_item = factory.SubFactory(AgendaItemFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Report {n}")
    source = PaperSource.WRITTEN
    status = PaperStatus.ACCEPTED
    author = "Chief Executive, Office of the Police and Crime Commissioner"
    recommendation = "The panel is asked to note the report."
    summary = "A summary of the report."
    body = "## Introduction\n\nThe report itself."


class PaperFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PaperFile

    paper = factory.SubFactory(PaperFactory, source=PaperSource.UPLOADED)
    role = FileRole.MAIN
    order = factory.Sequence(lambda n: n)
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.original_name))
    original_name = factory.Sequence(lambda n: f"report-{n}.pdf")
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: len(o.content))
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    page_count = 1
    text = "The report's text."

    class Params:
        content = PDF_BYTES


# Files made in the test, as a panel would be sent them -------------------------------------------------------


def _html_pdf(html: str) -> bytes:
    # Imported here: weasyprint loads its fonts on import, which only the tests that make PDFs need.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def make_pdf(text: str = "Police and Crime Plan performance report") -> bytes:
    """A real PDF with a text layer, made by weasyprint."""
    return _html_pdf(f"<h1>{text}</h1><p>{text}, for the panel.</p>")


def make_scanned_pdf() -> bytes:
    """A PDF with no text layer: a page with only a drawing on it, as a scan would be."""
    return _html_pdf("<div style='width: 8cm; height: 8cm; background: #333'></div>")


def make_encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf()))
    writer.encrypt("secret")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_document_xml(paragraphs) -> str:
    """word/document.xml with one paragraph per (text, bold) pair."""
    body = "".join(
        f"<w:p><w:r>{'<w:rPr><w:b/></w:rPr>' if bold else ''}<w:t>{text}</w:t></w:r></w:p>" for text, bold in paragraphs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )


def make_docx(
    paragraphs=(("Precept proposal 2024/25", True), ("The panel is asked to review the precept.", False)),
    *,
    document_xml=None,
) -> bytes:
    """A tiny Word document built by hand: enough parts for mammoth to convert it."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        archive.writestr("_rels/.rels", RELS_XML)
        archive.writestr(
            "word/document.xml", document_xml if document_xml is not None else docx_document_xml(paragraphs)
        )
    return output.getvalue()


def make_docx_bomb(megabytes: int = 20) -> bytes:
    """A Word document one of whose parts is megabytes of zeros: it weighs kilobytes and unpacks hugely."""
    output = io.BytesIO()
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        archive.writestr("_rels/.rels", RELS_XML)
        archive.writestr("word/document.xml", docx_document_xml([("Precept", False)]))
        with archive.open("word/media/padding.bin", "w") as member:
            for _ in range(megabytes):
                member.write(chunk)
    return output.getvalue()
