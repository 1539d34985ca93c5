"""Agenda packs: the front sheet, then every paper in agenda order, as one PDF numbered from page 1.

The papers are rendered once with WeasyPrint. Each paper is a section that starts on a right-hand page
(`break-before: right`), so a paper ending on an odd page is followed by a blank page that WeasyPrint marks
"This page is intentionally left blank" (`@page :blank`); that page belongs to the paper's item. Uploaded PDF
files take their place as placeholder pages that carry only the page number, and are then laid under those
numbers with pypdf, so the numbering runs on through them. The page on which each item's first paper starts
is read from the rendered pages' anchors; the front sheet, unnumbered, is rendered afterwards with those
ranges and put in front, so the agenda always matches the pack without a second pass over the papers.

Each paper's own page count is written to `Paper.page_count` by the public build (and by a supplementary build
for the papers it holds). Duplex blanks do not count: the blank page after a paper that ends on an odd page is
in its item's range on the agenda (the reader turns it), but it is not a page of the paper, so a one-page paper
has `page_count` 1 and the range "1 - 2".

A supplementary publication (a late or changed paper after the agenda was published) gets its own pack of
only the papers it issued, with its own front sheet, numbered from page 1; the published pack is never
rebuilt in its place (`build_supplementary_pack`).
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from scrutiny.core.services import object_save
from scrutiny.meetings.checks import meeting_compliance
from scrutiny.meetings.rules import LONDON
from scrutiny.meetings.selectors import meeting_get_for_public
from scrutiny.meetings.services import agenda_item_update
from scrutiny.members.choices import Office
from scrutiny.members.selectors import memberships_current_on

from .choices import BuildStatus, PackKind, PaperStatus, TextStatus
from .markdown import render_markdown
from .models import PackBuild, Paper, PaperFile, Publication
from .text import pdf_text

Progress = Callable[[int, str], None]

# The seed's report headings, in the order a panel report prints them.
SECTIONS = [
    ("recommendation", "Recommendation"),
    ("summary", "Summary"),
    ("background", "Background"),
    ("body", ""),
    ("risk_implications", "Risk Management Implications"),
    ("financial_implications", "Financial Implications"),
    ("legal_implications", "Legal Implications"),
    ("equality_implications", "Equality Implications"),
    ("supporting_information", "Supporting Information"),
    ("contact_points", "Contact Points"),
    ("background_papers", "Background Papers"),
]

A4 = (595.28, 841.89)


class PackError(Exception):
    """A pack cannot be built as asked (an unreadable file, an unknown kind)."""


@dataclass
class PackResult:
    pdf: bytes
    html: str
    page_count: int
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)  # agenda item id -> first, last page
    outline: list[tuple[str, int]] = field(default_factory=list)  # (title, 0-based page in the PDF)
    # paper id -> first, last page (the duplex blank that pads it included, as in the agenda's ranges)
    paper_ranges: dict[int, tuple[int, int]] = field(default_factory=dict)
    # paper id -> the paper's own pages: its span less the blank page that only pads it to an even length
    paper_page_counts: dict[int, int] = field(default_factory=dict)


def _noop(percent: int, message: str) -> None:
    pass


def _shift_headings(html: str) -> str:
    """Markdown headings start at h2; under a paper's h2 title and its h3 section headings they go one down."""
    return re.sub(r"<(/?)h([2-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _time_label(when) -> str:
    """11.00 am, as the seed prints it."""
    local = timezone.localtime(when)
    hour = local.hour % 12 or 12
    return f"{hour}.{local:%M} {'am' if local.hour < 12 else 'pm'}"


def _day_label(day: date) -> str:
    return f"{day:%A}, {day.day} {day:%B %Y}"


def _read_pdf(paper_file: PaperFile) -> PdfReader:
    try:
        with paper_file.file.open("rb") as handle:
            data = handle.read()
        reader = PdfReader(io.BytesIO(data))
        if not reader.pages:
            raise PackError("it has no pages")
        return reader
    except Exception as error:  # pypdf raises many kinds; the officer needs to know which file
        raise PackError(f"Could not read {paper_file} (paper “{paper_file.paper}”) as a PDF: {error}") from error


def _is_pdf(paper_file: PaperFile) -> bool:
    return paper_file.content_type == "application/pdf" or paper_file.file.name.lower().endswith(".pdf")


# What goes in --------------------------------------------------------------------------------------------------


def _papers_for(meeting, kind: str) -> list[Paper]:
    """Accepted papers on live items in agenda order, each at its latest accepted version; the public kinds
    leave out exempt business.

    A newer version still awaiting acceptance does not displace the accepted one it will replace.
    """
    papers = list(
        Paper.objects.live()
        .filter(agenda_item__meeting=meeting, agenda_item__is_deleted=False)
        .select_related("agenda_item")
        .prefetch_related("files")
        .order_by("agenda_item__order", "agenda_item__id", "order", "id")
    )
    newer = {paper.supersedes_id: paper for paper in papers if paper.supersedes_id}

    def replaced(paper: Paper) -> bool:
        later = newer.get(paper.pk)
        while later is not None:
            if later.status == PaperStatus.ACCEPTED:
                return True
            later = newer.get(later.pk)
        return False

    papers = [p for p in papers if p.status == PaperStatus.ACCEPTED and not replaced(p)]
    if kind != PackKind.RESTRICTED:
        papers = [p for p in papers if p.is_public and p.agenda_item.is_public]
    return papers


def _context(meeting, kind: str, items, papers, ranges) -> dict:
    panel = meeting.panel
    day = timezone.localdate(meeting.start)
    memberships = []
    # Office holders first (Chairman, then Vice-Chairman), as the panel's agendas print them; then by surname.
    office_rank = {Office.CHAIRMAN: 0, Office.VICE_CHAIRMAN: 1}
    in_force = sorted(
        memberships_current_on(panel, day),
        key=lambda m: min((office_rank.get(o.office, 2) for o in m.offices_held), default=2),
    )
    for membership in in_force:
        memberships.append(
            {
                "name": membership.person.display_name,
                "offices": ", ".join(o.title for o in membership.offices_held),
                "kind": membership.label_as_printed or membership.get_kind_display(),
                "council": membership.council.name if membership.council_id else "",
            }
        )
    restricted = kind == PackKind.RESTRICTED
    agenda = []
    for item in items:
        withheld = not item.is_public and not restricted
        first_last = ranges.get(item.pk)
        pages = ""
        if first_last:
            pages = str(first_last[0]) if first_last[0] == first_last[1] else f"{first_last[0]} - {first_last[1]}"
        agenda.append(
            {
                "number": item.number,
                "title": item.title,
                "description": "" if withheld else item.description,
                "exempt": item.exempt and item.released_at is None,
                "exempt_paragraph": item.exempt_paragraph,
                "pages": pages,
                "anchor": f"item-{item.pk}",
            }
        )
    compliance = meeting_compliance(meeting)
    deadline = compliance["participation_deadline"]
    return {
        "meeting": meeting,
        "panel": panel,
        "kind": kind,
        "kind_label": PackKind(kind).label,
        "large_print": kind == PackKind.LARGE_PRINT,
        "restricted": restricted,
        "day_label": _day_label(day),
        "time_label": _time_label(meeting.start),
        "memberships": memberships,
        "agenda": agenda,
        "deadline_label": f"{_time_label(deadline)} on {_day_label(deadline.date())}",
        "contact": meeting.contact_officer or panel.contact_officer,
        "date_of_issue": _day_label(meeting.date_of_issue or timezone.localdate()),
        "papers": papers,
    }


def _paper_sections(paper: Paper) -> list[dict]:
    sections = []
    for name, heading in SECTIONS:
        text = getattr(paper, name)
        if text and text.strip():
            sections.append({"heading": heading, "html": _shift_headings(render_markdown(text))})
    return sections


def _file_text(paper_file: PaperFile, reader: PdfReader) -> str:
    """The file's text for the accessible version. The PDF pages themselves never depend on it; while the job
    is still extracting it (or after it failed) the text layer is read here, quickly and without OCR."""
    if paper_file.text_status == TextStatus.DONE:
        return paper_file.text
    try:
        return pdf_text(reader).text
    except Exception:  # the pages still go in the pack; only the accessible text is missing
        return ""


def _paper_blocks(paper: Paper, readers: dict[int, PdfReader]) -> dict:
    """A paper as the templates need it: its written sections and its PDF files with their page counts."""
    files = []
    for paper_file in paper.files.all():
        if paper_file.pk in readers:
            files.append(
                {
                    "file": paper_file,
                    "title": str(paper_file),
                    "text": _file_text(paper_file, readers[paper_file.pk]),
                    "placeholders": [f"file-{paper_file.pk}-{n}" for n in range(len(readers[paper_file.pk].pages))],
                }
            )
    return {
        "paper": paper,
        "anchor": f"paper-{paper.pk}",
        "sections": _paper_sections(paper),
        "files": files,
        "exempt": not paper.is_public or not paper.agenda_item.is_public,
    }


# Rendering -----------------------------------------------------------------------------------------------------


def _render(template: str, context: dict):
    return HTML(string=render_to_string(template, context), base_url=".").render()


def _blank_page(context: dict, number: int | None):
    """One page saying it is intentionally left blank, with `number` in the footer (none on the front sheet)."""
    return _render("documents/pack/blank.html", {**context, "number": number})


def _outline(writer: PdfWriter, entries: list[tuple[str, int, list[tuple[str, int]]]]) -> None:
    for title, page, children in entries:
        parent = writer.add_outline_item(title=title, page_number=page)
        for child_title, child_page in children:
            writer.add_outline_item(title=child_title, page_number=child_page, parent=parent)


def _is_blank(page) -> bool:
    """Whether WeasyPrint made `page` only to put the next paper on a right-hand page (`@page :blank`).

    WeasyPrint (70) keeps this on the page box's page type; no public attribute says it.
    """
    page_type = getattr(getattr(page, "_page_box", None), "page_type", None)
    return bool(getattr(page_type, "blank", False))


def _assemble(
    meeting,
    kind: str,
    items,
    papers: list[Paper],
    *,
    make_context: Callable[[dict, dict], dict],
    progress: Progress,
) -> PackResult:
    """Lay out `papers` numbered from page 1, put the unnumbered front sheet in front and add the bookmarks.

    `make_context(ranges, paper_ranges)` gives the templates' context; it is called once before the papers
    are laid out (without ranges) and once after, for the front sheet, with the ranges read from the pages.
    """
    readers: dict[int, PdfReader] = {}
    blocks = []
    for n, paper in enumerate(papers):
        progress(2 + 8 * n // len(papers), f"Preparing paper {n + 1} of {len(papers)}: {paper.title}")
        for paper_file in paper.files.all():
            if _is_pdf(paper_file):
                readers[paper_file.pk] = _read_pdf(paper_file)
        blocks.append(_paper_blocks(paper, readers))
    context = make_context({}, {})
    context["blocks"] = blocks

    # The papers, rendered once. WeasyPrint's own bookmarks are off: pypdf adds them after the merge.
    progress(10, "Laying out the papers")
    papers_doc = _render("documents/pack/papers.html", context) if blocks else None
    pages = papers_doc.pages if papers_doc else []
    first_page: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            first_page.setdefault(anchor, index + 1)
    total = len(pages)
    trailing_blank = total % 2 == 1
    if trailing_blank:
        total += 1

    # Each item runs from its first paper's page to the page before the next item's.
    starts = []
    for item in items:
        paper_pages = [first_page[f"paper-{p.pk}"] for p in papers if p.agenda_item_id == item.pk]
        if paper_pages:
            starts.append((item, min(paper_pages)))
    ranges = {}
    for n, (item, start) in enumerate(starts):
        end = starts[n + 1][1] - 1 if n + 1 < len(starts) else total
        ranges[item.pk] = (start, end)

    # Each paper runs likewise to the page before the next paper's (its duplex blank included, as in the
    # agenda's ranges); its own pages are that span less the blank page that only pads it.
    paper_ranges: dict[int, tuple[int, int]] = {}
    page_counts: dict[int, int] = {}
    paper_starts = [(paper, first_page[f"paper-{paper.pk}"]) for paper in papers]
    for n, (paper, start) in enumerate(paper_starts):
        next_start = paper_starts[n + 1][1] if n + 1 < len(paper_starts) else len(pages) + 1
        paper_ranges[paper.pk] = (start, total if n + 1 == len(paper_starts) else next_start - 1)
        last = next_start - 1
        while last > start and _is_blank(pages[last - 1]):
            last -= 1
        page_counts[paper.pk] = last - start + 1

    progress(60, "Writing the front sheet")
    context = make_context(ranges, paper_ranges)
    context["blocks"] = blocks
    front = _render("documents/pack/front_sheet.html", context)
    front_pdf = PdfReader(io.BytesIO(front.write_pdf()))
    writer = PdfWriter()
    for page in front_pdf.pages:
        writer.add_page(page)
    if len(front_pdf.pages) % 2 == 1:  # paper 1 goes on a right-hand page
        writer.add_page(PdfReader(io.BytesIO(_blank_page(context, None).write_pdf())).pages[0])
    offset = len(writer.pages)

    progress(70, "Merging uploaded files")
    if papers_doc is not None:
        placeholder_of = {}
        for block in blocks:
            for entry in block["files"]:
                for n, anchor in enumerate(entry["placeholders"]):
                    placeholder_of[anchor] = (entry["file"].pk, n)
        papers_pdf = PdfReader(io.BytesIO(papers_doc.write_pdf()))
        paper_anchors = {block["anchor"]: n for n, block in enumerate(blocks)}
        for index, page in enumerate(papers_pdf.pages):
            for anchor in pages[index].anchors:
                if first_page.get(anchor) == index + 1 and anchor in paper_anchors:
                    n = paper_anchors[anchor]
                    progress(70 + 15 * n // len(blocks), f"Assembling paper {n + 1} of {len(blocks)}")
            hit = next((placeholder_of[a] for a in pages[index].anchors if a in placeholder_of), None)
            if hit is None:
                writer.add_page(page)
                continue
            upload = readers[hit[0]].pages[hit[1]]
            width, height = float(upload.mediabox.width), float(upload.mediabox.height)
            if abs(width - A4[0]) > 2 or abs(height - A4[1]) > 2:
                upload.scale_by(min(A4[0] / width, A4[1] / height))
            added = writer.add_page(upload)
            added.merge_page(page)  # the page number, over the uploaded page
        if trailing_blank:
            writer.add_page(PdfReader(io.BytesIO(_blank_page(context, total).write_pdf())).pages[0])

    progress(85, "Adding bookmarks")
    entries = [(context.get("front_bookmark", "Agenda"), 0, [])]
    papers_by_item: dict[int, list[Paper]] = {}
    for paper in papers:
        papers_by_item.setdefault(paper.agenda_item_id, []).append(paper)
    for item, start in starts:
        children = [
            (paper.title, offset + first_page[f"paper-{paper.pk}"] - 1)
            for paper in papers_by_item.get(item.pk, [])
            if f"paper-{paper.pk}" in first_page and paper.title != item.title
        ]
        entries.append((f"{item.number}. {item.title}", offset + start - 1, children))
    _outline(writer, entries)
    writer.add_metadata({"/Title": f"{context['kind_label']}: {meeting.panel.name}, {context['day_label']}"})
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)

    html = render_to_string("documents/pack/accessible.html", context)
    return PackResult(
        pdf=buffer.getvalue(),
        html=html,
        page_count=len(writer.pages),
        ranges=ranges,
        outline=[(title, page) for title, page, _children in entries],
        paper_ranges=paper_ranges,
        paper_page_counts=page_counts,
    )


def first_publication(meeting) -> Publication | None:
    """The agenda's first publication (its pack is the agenda pack the public reads), if it was published."""
    return (
        Publication.objects.filter(meeting=meeting, supplementary=False)
        .select_related("pack")
        .order_by("published_at", "id")
        .first()
    )


def agenda_ranges_fixed(meeting, publication: Publication | None = None) -> bool:
    """Whether the agenda's page ranges are fixed, so that a public build must not write its own.

    Before the agenda is published every public build writes them. Once it is published they are the ranges of
    the first publication's pack, which the public downloads (`pack_views.public_pack_download`): only the
    build made for that publication (`publication`) writes them, and only until its pack is done; any other
    build, even one queued before the agenda was published, leaves them as published.
    """
    first = first_publication(meeting)
    if first is None:
        return False
    if publication is None or publication.pk != first.pk:
        return True
    return first.pack is not None and first.pack.status == BuildStatus.DONE


def build_agenda_pack(
    meeting,
    kind: str = PackKind.PUBLIC,
    progress: Progress | None = None,
    acting_user=None,
    write_back=None,
    paper_ids: set[int] | None = None,
    publication: Publication | None = None,
) -> PackResult:
    """Build the pack of `kind` for `meeting`: the PDF, its accessible HTML, page ranges and bookmarks.

    The public pack's page ranges are written back to the agenda items (through `agenda_item_update`, as
    `acting_user`), and each paper's own page count to the paper, unless `write_back` is False or the ranges
    are fixed by the published agenda pack (`agenda_ranges_fixed`: after publication only the first
    publication's own build, given as `publication`, writes them); other kinds have their own numbering and
    write nothing. `paper_ids`, when given, keeps only those papers: the pack of a publication holds what that
    publication issued and nothing added since.
    """
    progress = progress or _noop
    if kind == PackKind.MINUTES:
        return build_minutes(meeting, progress=progress)
    if kind == PackKind.SUPPLEMENTARY:
        raise PackError("A supplementary pack is built from its publication (build_supplementary_pack).")
    if kind not in (PackKind.PUBLIC, PackKind.RESTRICTED, PackKind.LARGE_PRINT):
        raise PackError(f"Packs of kind “{kind}” are not built here.")
    if write_back is None:
        write_back = kind == PackKind.PUBLIC and not agenda_ranges_fixed(meeting, publication)

    progress(2, "Reading the agenda and papers")
    # Withheld items stay on the public agenda by number and title (LGA 1972 s100B(2)), with no pages.
    items = list(meeting.agenda_items.live().order_by("order", "id"))
    papers = _papers_for(meeting, kind)
    if paper_ids is not None:
        papers = [paper for paper in papers if paper.pk in paper_ids]

    def make_context(ranges, paper_ranges):
        return _context(meeting, kind, items, papers, ranges)

    result = _assemble(meeting, kind, items, papers, make_context=make_context, progress=progress)
    if write_back:
        progress(95, "Writing page numbers to the agenda")
        agenda_ranges_write(items=items, ranges=result.ranges, acting_user=acting_user)
        paper_page_counts_record(counts=result.paper_page_counts, acting_user=acting_user)
    progress(100, "Done")
    return result


# Supplementary packs -------------------------------------------------------------------------------------------


def supplement_number(publication: Publication) -> int:
    """Which supplement this is: 1 for the first publication after the agenda, 2 for the next, and so on."""
    return (
        Publication.objects.filter(meeting_id=publication.meeting_id, supplementary=True)
        .filter(
            Q(published_at__lt=publication.published_at)
            | Q(published_at=publication.published_at, id__lte=publication.pk)
        )
        .count()
    )


def _supplement_papers(publication: Publication) -> list[Paper]:
    """The papers the publication issued, as issued (a later version does not replace them), in agenda order;
    exempt business is never in a public supplement, even if it was recorded against the publication."""
    papers = (
        publication.papers.live()
        .filter(agenda_item__is_deleted=False)
        .select_related("agenda_item")
        .prefetch_related("files")
        .order_by("agenda_item__order", "agenda_item__id", "order", "id")
    )
    return [paper for paper in papers if paper.is_public and paper.agenda_item.is_public]


def build_supplementary_pack(
    publication: Publication, progress: Progress | None = None, acting_user=None
) -> PackResult:
    """The supplementary pack of a supplementary publication: only the late or changed papers it issued.

    It has its own unnumbered front sheet (the meeting, the papers with their pages in this supplement, its own
    date of issue and the contact officer) and is numbered from page 1 like the main pack, whose file is never
    touched: the agenda as first published stays as it was. Agenda items keep the main pack's ranges; each
    paper in the supplement gets its own page count.
    """
    progress = progress or _noop
    if not publication.supplementary:
        raise PackError("Only a supplementary publication has a supplementary pack.")
    meeting = publication.meeting
    progress(2, "Reading the supplement's papers")
    papers = _supplement_papers(publication)
    item_ids = {paper.agenda_item_id for paper in papers}
    items = [item for item in meeting.agenda_items.live().order_by("order", "id") if item.pk in item_ids]
    number = supplement_number(publication)
    # Dated as agenda_publish recorded it (the day given, for a publication recorded after the event); an
    # older record without a date of issue is dated by the day, in London, it was published.
    issued = publication.date_of_issue or timezone.localtime(publication.published_at, LONDON).date()

    def make_context(ranges, paper_ranges):
        context = _context(meeting, PackKind.SUPPLEMENTARY, items, papers, ranges)
        rows = []
        for item in items:
            for n, paper in enumerate(p for p in papers if p.agenda_item_id == item.pk):
                first, last = paper_ranges.get(paper.pk, (None, None))
                rows.append(
                    {
                        "number": item.number if n == 0 else "",
                        "item_title": item.title if n == 0 else "",
                        "paper": paper,
                        "pages": "" if first is None else (str(first) if first == last else f"{first} - {last}"),
                    }
                )
        context.update(
            {
                "supplement": publication,
                "supplement_number": number,
                "supplement_rows": rows,
                "kind_label": f"{PackKind.SUPPLEMENTARY.label} {number}",
                "front_template": "documents/pack/_supplementary_front_content.html",
                "front_bookmark": f"Supplementary agenda {number}",
                "date_of_issue": _day_label(issued),
                "agenda_issued": _day_label(meeting.date_of_issue) if meeting.date_of_issue else "",
            }
        )
        return context

    result = _assemble(meeting, PackKind.SUPPLEMENTARY, items, papers, make_context=make_context, progress=progress)
    progress(95, "Writing page counts to the papers")
    paper_page_counts_record(counts=result.paper_page_counts, acting_user=acting_user)
    progress(100, "Done")
    return result


def paper_page_counts_record(*, counts: dict[int, int], acting_user) -> None:
    """Put each paper's own page count (from the pack just built) on the paper."""
    from .services import paper_page_count_record  # services import nothing from the builder

    with transaction.atomic():
        for paper in Paper.objects.filter(pk__in=counts).select_related("agenda_item__meeting"):
            paper_page_count_record(acting_user=acting_user, paper=paper, page_count=counts[paper.pk])


def agenda_ranges_write(*, items, ranges: dict[int, tuple[int, int]], acting_user) -> None:
    """Put the pack's page ranges on the agenda; items without papers lose any old range."""
    with transaction.atomic():
        for item in items:
            start, end = ranges.get(item.pk, (None, None))
            if (item.page_start, item.page_end) != (start, end):
                agenda_item_update(acting_user=acting_user, item=item, page_start=start, page_end=end)


def build_minutes(meeting, progress: Progress | None = None) -> PackResult:
    """The minutes as a PDF with the Chairman's signature line, exempt business withheld as on the public page."""
    progress = progress or _noop
    progress(10, "Reading the minutes")
    public = meeting_get_for_public(meeting.panel, meeting.slug)
    day = timezone.localdate(meeting.start)
    context = {
        "meeting": meeting,
        "panel": meeting.panel,
        "public": public,
        "day_label": _day_label(day),
        "time_label": _time_label(meeting.start),
        "large_print": False,
        "kind_label": PackKind.MINUTES.label,
        "minutes": [
            {
                "minute": minute,
                "paragraphs": [p.strip() for p in minute.text.split("\n\n") if p.strip()],
                "resolutions": [p.strip() for p in minute.resolutions.split("\n\n") if p.strip()],
            }
            for minute in public.minutes
        ],
    }
    progress(40, "Laying out the minutes")
    html = render_to_string("documents/pack/minutes.html", context)
    document = HTML(string=html, base_url=".").render()
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(document.write_pdf())))
    writer.add_outline_item(title=f"Minutes, {context['day_label']}", page_number=0)
    writer.add_metadata({"/Title": f"Minutes of the {meeting.panel.name}, {context['day_label']}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    progress(100, "Done")
    return PackResult(pdf=buffer.getvalue(), html=html, page_count=len(writer.pages))


# The job's service ---------------------------------------------------------------------------------------------


def pack_build_request(*, meeting, kind: str, acting_user, publication: Publication | None = None) -> PackBuild:
    """Queue a build of the pack; the job starts once the request is committed.

    With `publication`, the build is that publication's pack (the agenda pack of the first publication, the
    supplementary pack of a later one): the job links it to the publication when it is done.

    Once the agenda is published, a public pack is built only for a publication: the agenda pack as published
    is what the public reads and its ranges are on the agenda, so an officer's rebuild is refused with a
    ValidationError saying that a late or changed paper goes out in a supplementary agenda. The restricted,
    large-print and minutes packs may still be built (their ranges are never written to the agenda).
    """
    from .tasks import pack_build_run  # the job calls back into this module

    if kind == PackKind.SUPPLEMENTARY and (publication is None or not publication.supplementary):
        raise PackError("A supplementary pack is built for a supplementary publication.")
    if kind == PackKind.PUBLIC and publication is None and first_publication(meeting) is not None:
        raise ValidationError(
            _(
                "The agenda has been published: its pack is the one built for that publication, and the agenda's "
                "page numbers are that pack's, so it is never rebuilt. A late or changed paper goes out in a "
                "supplementary agenda (publish again from the meeting's page); a publication whose pack failed is "
                "built again from there."
            ),
            code="published",
        )
    requester = acting_user if getattr(acting_user, "is_authenticated", False) else None
    build = object_save(
        instance=PackBuild(meeting=meeting, kind=kind, requested_by=requester, message="Waiting to start"),
        acting_user=acting_user,
        verb="pack_build_request",
        panel_id=meeting.panel_id,
    )
    if publication is None:
        transaction.on_commit(lambda: pack_build_run.enqueue(build.pk))
    else:
        publication_id = publication.pk
        transaction.on_commit(lambda: pack_build_run.enqueue(build.pk, publication_id=publication_id))
    return build


def pack_file_names(meeting, kind: str, number: int | None = None) -> tuple[str, str]:
    """The build's file names; a supplement carries its number (storage never overwrites a stored file)."""
    stem = f"{meeting.slug}-{kind.replace('_', '-')}"
    if number:
        stem = f"{stem}-{number}"
    return f"{stem}.pdf", f"{stem}.html"


# Measuring -----------------------------------------------------------------------------------------------------


def pack_print_html(meeting, kind: str = PackKind.PUBLIC) -> str:
    """The whole pack (front sheet and papers) as one print document, for measuring a single WeasyPrint render
    against a full build (bench/packs.py). The pack itself is never built from this: its front sheet would not
    know the page ranges."""
    items = list(meeting.agenda_items.live().order_by("order", "id"))
    papers = _papers_for(meeting, kind)
    readers = {f.pk: _read_pdf(f) for paper in papers for f in paper.files.all() if _is_pdf(f)}
    context = _context(meeting, kind, items, papers, {})
    context["blocks"] = [_paper_blocks(paper, readers) for paper in papers]
    context["include_front"] = True
    return render_to_string("documents/pack/papers.html", context)
