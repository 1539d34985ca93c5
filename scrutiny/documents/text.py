"""Text out of papers and their files: for search, for the accessible version, and to tell a scan from a report.

A PDF keeps its pages and gives up its text layer (pypdf), or, for a scan, the text recognised by OCR where the
server has `ocrmypdf` (`pdf_extract`: slow on a long scan, so it runs as a job after the upload, see
`tasks.paper_file_text_extract_run`); a Word document is converted with mammoth to
Markdown, so that it is shown and packed like a paper written in the application. `paper_text` joins a
paper's sections and its files' text into the one field that search reads.
"""

import io
import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import mammoth
import pypdf
from django.utils.html import strip_tags

from .markdown import render_markdown

logger = logging.getLogger(__name__)

# The sections of a panel report, in the order they are printed. Every one holds Markdown.
SECTION_FIELDS = [
    "recommendation",
    "summary",
    "background",
    "body",
    "risk_implications",
    "financial_implications",
    "legal_implications",
    "equality_implications",
    "supporting_information",
    "background_papers",
]
OCR_TIMEOUT_SECONDS = 300
NO_TEXT_WARNING = (
    "This PDF has no text layer (it is probably a scan): it is neither searchable nor accessible. "
    "Ask the author for a PDF made from the original document."
)
OCR_WARNING = (
    "This PDF had no text layer (it is probably a scan). Its text was recognised automatically (OCR) and may "
    "contain mistakes: ask the author for a PDF made from the original document."
)


@dataclass
class PdfText:
    page_count: int
    text: str
    has_text_layer: bool
    ocr_content: bytes | None = None


@dataclass
class ExtractedPdf:
    """What extraction learnt from a PDF: its text, and the recognised copy to keep when a scan was OCR'd."""

    page_count: int
    text: str
    has_text_layer: bool
    ocr_content: bytes | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class DocxText:
    markdown: str
    text: str
    messages: list[str] = field(default_factory=list)
    images_left_out: int = 0


def pdf_reader(content: bytes) -> pypdf.PdfReader:
    """A reader over the bytes; raises pypdf's errors (or others) when the file is damaged."""
    return pypdf.PdfReader(io.BytesIO(content))


def pdf_text(reader: pypdf.PdfReader) -> PdfText:
    """Every page's text, pages separated by a blank line. No text at all means a scan without a text layer."""
    pages = [page.extract_text() or "" for page in reader.pages]
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    return PdfText(page_count=len(pages), text=text, has_text_layer=bool(text))


def pdf_ocr(content: bytes) -> PdfText | None:
    """Recognise the text of a scanned PDF with `ocrmypdf`, where the server has it; None when it has not,
    or when recognition fails (the scan is kept as it is, with its warning)."""
    command = shutil.which("ocrmypdf")
    if command is None:
        return None
    with tempfile.TemporaryDirectory() as directory:
        source, target = Path(directory) / "in.pdf", Path(directory) / "out.pdf"
        source.write_bytes(content)
        try:
            subprocess.run(
                [command, "--skip-text", "--language", "eng", str(source), str(target)],
                check=True,
                capture_output=True,
                timeout=OCR_TIMEOUT_SECONDS,
            )
            recognised = target.read_bytes()
            result = pdf_text(pdf_reader(recognised))
        except Exception:  # any failure leaves the scan as uploaded
            logger.exception("OCR of an uploaded PDF failed")
            return None
    result.ocr_content = recognised
    return result


def pdf_extract(content: bytes) -> ExtractedPdf:
    """The text of a PDF that passed the upload checks; a scan is recognised (OCR) where the server can.

    Raises whatever pypdf raises when a page cannot be read: the caller records the failure.
    """
    extracted = pdf_text(pdf_reader(content))
    warnings = []
    ocr_content = None
    if not extracted.has_text_layer:
        recognised = pdf_ocr(content)
        if recognised is not None and recognised.has_text_layer:
            # The recognised copy is what is kept: it can at least be searched and read aloud.
            extracted, ocr_content = recognised, recognised.ocr_content
            warnings.append(OCR_WARNING)
        else:
            warnings.append(NO_TEXT_WARNING)
    return ExtractedPdf(
        page_count=extracted.page_count,
        text=extracted.text,
        has_text_layer=extracted.has_text_layer,
        ocr_content=ocr_content,
        warnings=warnings,
    )


def docx_convert(content: bytes) -> DocxText:
    """A Word document as Markdown, faithfully: headings, lists, tables, bold and italic.

    Images are left out of the Markdown (the sanitiser would drop them, and base64 would bloat the paper);
    they stay in the original file, which is kept. Raises whatever mammoth raises on a damaged document.
    """
    images = 0

    def leave_out_image(image):
        nonlocal images
        images += 1
        return []

    converted = mammoth.convert_to_markdown(io.BytesIO(content), convert_image=leave_out_image)
    raw = mammoth.extract_raw_text(io.BytesIO(content))
    messages = [message.message for message in converted.messages if message.type == "warning"]
    return DocxText(markdown=converted.value.strip(), text=raw.value.strip(), messages=messages, images_left_out=images)


def markdown_plain_text(text: str) -> str:
    """Markdown as the words a reader sees: rendered (and sanitised), then stripped of its tags."""
    if not text or not text.strip():
        return ""
    html = render_markdown(text).replace("</", " </")
    return " ".join(unescape(strip_tags(html)).split())


def paper_text(paper, files=None) -> str:
    """The plain text search reads: title, sections and each file's text. `files` defaults to the stored ones."""
    if files is None:
        files = paper.files.all() if paper.pk else []
    parts = [paper.title, paper.author]
    # Sections are Markdown: index what a reader sees (table cells, list items), not the markup around it.
    parts += [markdown_plain_text(getattr(paper, name)) for name in SECTION_FIELDS]
    parts += [paper_file.text for paper_file in files]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())
