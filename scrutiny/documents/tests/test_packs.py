"""Agenda packs: the pages each paper occupies, duplex padding, exempt papers, bookmarks and the front sheet.

Every test reads the built PDF back with pypdf, as a reader of the pack would see it.
"""

import datetime
import hashlib
import io
import itertools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.core.models import AuditEvent
from scrutiny.documents import tasks
from scrutiny.documents.choices import BuildStatus, PackKind, PaperSource, PaperStatus, TextStatus
from scrutiny.documents.models import PackBuild, Paper, Publication
from scrutiny.documents.packs import PackError, build_agenda_pack, build_supplementary_pack, pack_build_request
from scrutiny.documents.services import publication_pack_link
from scrutiny.documents.tests.factories import PaperFactory, PaperFileFactory
from scrutiny.meetings import workflow
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory, MinuteItemFactory
from scrutiny.members.choices import MembershipKind
from scrutiny.members.tests.factories import MembershipFactory, OfficeHolderFactory, PersonFactory
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# Paragraphs of this length fill seven A4 pages of the pack's 11pt body text (with the report's heading).
PARAGRAPH = "The panel reviewed the Commissioner's performance against the Police and Crime Plan in detail. " * 6
SEVEN_PAGES = 40


def make_pdf(pages: int, label: str) -> bytes:
    """A real PDF of `pages` A4 pages, each saying which page of `label` it is."""
    body = (
        "".join(f'<p style="break-after: page">{label} uploaded page {n}</p>' for n in range(1, pages))
        + f"<p>{label} uploaded page {pages}</p>"
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces, as a reader would read it."""
    return re.sub(r"\s+", " ", text)


def footer(text: str) -> str:
    """The last line of a page: its number in the footer, where it has one."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


@dataclass
class Pack:
    meeting: object
    welcome: object
    minutes_item: object
    performance: object
    estates: object
    exempt_item: object
    short: object
    long: object
    uploaded: object
    exempt: object
    officer: object


@pytest.fixture
def pack() -> Pack:
    """GIVEN a meeting on 19 September 2023 with papers of 1 page (written), 7 pages (written) and 12 pages
    (a written cover and an uploaded 11-page PDF), and an exempt item with its paper."""
    panel = PanelFactory(
        name="West Mercia Police and Crime Panel",
        slug="west-mercia",
        alternative_formats_email="scrutiny@example.gov.uk",
        alternative_formats_phone="01905 844963",
    )
    officer_person = PersonFactory(
        panel=panel, title="", name="Samantha Morris", role_title="Scrutiny Officer", email="sm@example.gov.uk"
    )
    panel.contact_officer = officer_person
    panel.save()
    herefordshire = CouncilFactory(panel=panel, name="Herefordshire Council")
    chair = MembershipFactory(
        person=PersonFactory(panel=panel, name="Barry Durkin", sort_name="Durkin"),
        council=herefordshire,
        label_as_printed="Substantive Member",
    )
    OfficeHolderFactory(membership=chair, start_date=datetime.date(2023, 6, 1))
    MembershipFactory(
        person=PersonFactory(panel=panel, title="Mrs", name="C Clive", sort_name="Clive"),
        kind=MembershipKind.INDEPENDENT,
        label_as_printed="Co-opted Independent Lay Member",
    )
    meeting = MeetingFactory(
        panel=panel,
        start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON),
        venue="County Hall, Worcester",
        date_of_issue=datetime.date(2023, 9, 11),
    )
    welcome = AgendaItemFactory(meeting=meeting, number="1", order=1, title="Welcome and Introductions")
    minutes_item = AgendaItemFactory(meeting=meeting, number="5", order=5, title="Confirmation of the Minutes")
    performance = AgendaItemFactory(meeting=meeting, number="6", order=6, title="Performance Monitoring Report")
    estates = AgendaItemFactory(meeting=meeting, number="7", order=7, title="Estates Strategy Progress report")
    exempt_item = AgendaItemFactory(
        meeting=meeting,
        number="8",
        order=8,
        title="Chief Constable's Contract",
        exempt=True,
        exempt_paragraph=1,
        exempt_reason="Information about an individual.",
    )
    short = PaperFactory(agenda_item=minutes_item, title="Minutes of 27 July 2023", body="A short paper.")
    long = PaperFactory(
        agenda_item=performance,
        title="Police and Crime Plan Activity",
        body="\n\n".join(f"PERF-{n} {PARAGRAPH}" for n in range(SEVEN_PAGES)),
        financial_implications="None arising.",
    )
    uploaded = PaperFactory(
        agenda_item=estates,
        title="Estates Strategy",
        source=PaperSource.UPLOADED,
        recommendation="The panel is asked to note the strategy.",
        summary="",
        body="",
    )
    PaperFileFactory(paper=uploaded, content=make_pdf(11, "ESTATES"), original_name="estates.pdf", page_count=11)
    exempt = PaperFactory(
        agenda_item=exempt_item,
        title="Contract Terms",
        exempt=True,
        exempt_paragraph=1,
        exempt_reason="Information about an individual.",
        body="SECRET-TERMS of the contract.",
    )
    return Pack(
        meeting=meeting,
        welcome=welcome,
        minutes_item=minutes_item,
        performance=performance,
        estates=estates,
        exempt_item=exempt_item,
        short=short,
        long=long,
        uploaded=uploaded,
        exempt=exempt,
        officer=UserFactory(username="officer"),
    )


def front_length(pages: list[str], first_title: str) -> int:
    """The front sheet's pages: those before the first paper's title."""
    return next(n for n, text in enumerate(pages) if first_title.upper() in text)


class TestPageRanges:
    def test_the_agenda_ranges_are_the_pages_each_paper_occupies(self, pack):
        result = build_agenda_pack(pack.meeting, kind=PackKind.PUBLIC, acting_user=pack.officer)
        pages = texts(result.pdf)
        offset = front_length(pages, pack.short.title)

        assert result.ranges == {
            pack.minutes_item.pk: (1, 2),
            pack.performance.pk: (3, 10),
            pack.estates.pk: (11, 22),
        }
        assert len(pages) == offset + 22 == result.page_count
        # Numbered from 1 after the front sheet, every page.
        assert [footer(text) for text in pages[offset:]] == [str(n) for n in range(1, 23)]
        for paper, (start, _end) in [
            (pack.short, (1, 2)),
            (pack.long, (3, 10)),
            (pack.uploaded, (11, 22)),
        ]:
            assert paper.title.upper() in pages[offset + start - 1]
        # The written paper's text runs over pages 3 to 9; the uploaded file over 12 to 22.
        perf_pages = [n - offset + 1 for n, text in enumerate(pages) if "PERF-" in text]
        assert perf_pages == list(range(3, 10))
        estates_pages = [n - offset + 1 for n, text in enumerate(pages) if "ESTATES uploaded page" in text]
        assert estates_pages == list(range(12, 23))
        assert "ESTATES uploaded page 1" in pages[offset + 11]
        assert footer(pages[offset + 11]) == "12"

    def test_the_front_sheet_prints_the_ranges(self, pack):
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        front = "\n".join(texts(result.pdf)[: front_length(texts(result.pdf), pack.short.title)])
        assert re.search(r"Confirmation of the Minutes.*?1 - 2", front, re.S)
        assert re.search(r"Performance Monitoring Report.*?3 - 10", front, re.S)
        assert re.search(r"Estates Strategy Progress report.*?11 - 22", front, re.S)

    def test_an_odd_length_paper_is_padded_with_a_blank_page_in_its_range(self, pack):
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        pages = texts(result.pdf)
        offset = front_length(pages, pack.short.title)
        for number in (2, 10):  # after the 1-page minutes and the 7-page report
            blank = pages[offset + number - 1]
            assert "This page is intentionally left blank" in blank
            assert footer(blank) == str(number)
        assert "intentionally left blank" not in pages[offset]

    def test_a_pack_ending_on_an_odd_page_gets_a_last_blank_page(self, pack):
        pack.uploaded.delete()
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        pages = texts(result.pdf)
        offset = front_length(pages, pack.short.title)
        assert result.ranges[pack.performance.pk] == (3, 10)
        assert len(pages) - offset == 10
        assert "intentionally left blank" in pages[-1]
        assert footer(pages[-1]) == "10"


class TestVersions:
    def test_the_latest_accepted_version_is_packed(self, pack):
        newer = PaperFactory(
            agenda_item=pack.minutes_item, title="Minutes of 27 July 2023 (corrected)", supersedes=pack.short
        )
        draft = PaperFactory(
            agenda_item=pack.minutes_item, title="Minutes draft v3", supersedes=newer, status=PaperStatus.SUBMITTED
        )
        text = flat("\n".join(texts(build_agenda_pack(pack.meeting, write_back=False).pdf)))
        assert newer.title.upper() in text
        assert f"{pack.short.title.upper()} " not in text.replace(newer.title.upper(), "")
        assert draft.title.upper() not in text


class TestExemptPapers:
    def test_an_exempt_paper_is_not_in_the_public_pack_or_its_numbering(self, pack):
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        text = flat("\n".join(texts(result.pdf)))
        assert "SECRET-TERMS" not in text
        assert pack.exempt.title.upper() not in text
        assert pack.exempt_item.pk not in result.ranges
        # The item stays on the agenda by its number and title, with its paragraph.
        assert "Chief Constable's Contract" in text
        assert "paragraph 1" in text
        assert "Information about an individual." not in text

    def test_an_unreleased_paper_on_a_public_item_is_left_out(self, pack):
        pack.long.exempt, pack.long.exempt_paragraph, pack.long.exempt_reason = True, 3, "Commercial."
        pack.long.save()
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        assert "PERF-" not in "\n".join(texts(result.pdf))
        assert pack.performance.pk not in result.ranges

    def test_the_restricted_pack_holds_exempt_papers(self, pack):
        result = build_agenda_pack(pack.meeting, kind=PackKind.RESTRICTED, acting_user=pack.officer)
        pages = texts(result.pdf)
        offset = front_length(pages, pack.short.title)
        assert result.ranges[pack.exempt_item.pk] == (23, 24)
        assert pack.exempt.title.upper() in pages[offset + 22]
        assert "SECRET-TERMS" in pages[offset + 22]
        assert "Not for publication" in pages[offset + 22]
        assert "RESTRICTED: FOR MEMBERS ONLY" in pages[0]

    def test_the_restricted_pack_does_not_write_its_ranges_back(self, pack):
        build_agenda_pack(pack.meeting, kind=PackKind.RESTRICTED, acting_user=pack.officer)
        pack.exempt_item.refresh_from_db()
        assert pack.exempt_item.page_start is None


class TestWriteBack:
    def test_ranges_are_written_to_the_agenda_items_as_the_requester(self, pack):
        pack.welcome.page_start = pack.welcome.page_end = 99
        pack.welcome.save()
        build_agenda_pack(pack.meeting, acting_user=pack.officer)
        for item, expected in [
            (pack.minutes_item, (1, 2)),
            (pack.performance, (3, 10)),
            (pack.estates, (11, 22)),
            (pack.welcome, (None, None)),
            (pack.exempt_item, (None, None)),
        ]:
            item.refresh_from_db()
            assert (item.page_start, item.page_end) == expected
        assert pack.performance.page_range == "3 - 10"
        events = AuditEvent.objects.filter(verb="agenda_item_update", actor=pack.officer)
        assert events.count() == 4

    def test_large_print_has_its_own_numbering_and_writes_nothing(self, pack):
        public = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        large = build_agenda_pack(pack.meeting, kind=PackKind.LARGE_PRINT, acting_user=pack.officer)
        assert large.ranges[pack.performance.pk][1] - large.ranges[pack.performance.pk][0] > 8
        assert large.page_count > public.page_count
        pack.performance.refresh_from_db()
        assert (pack.performance.page_start, pack.performance.page_end) == (3, 10)
        first = texts(large.pdf)
        offset = front_length(first, pack.short.title)
        assert footer(first[offset]) == "1"


class TestBookmarks:
    def test_each_item_with_papers_has_a_bookmark_at_its_first_page(self, pack):
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        reader = PdfReader(io.BytesIO(result.pdf))
        offset = front_length(texts(result.pdf), pack.short.title)
        marks = {
            item.title: reader.get_destination_page_number(item)
            for item in reader.outline
            if not isinstance(item, list)
        }
        assert marks == {
            "Agenda": 0,
            "5. Confirmation of the Minutes": offset,
            "6. Performance Monitoring Report": offset + 2,
            "7. Estates Strategy Progress report": offset + 10,
        }


class TestFrontSheet:
    def test_it_lists_the_meeting_members_deadline_and_contact_and_is_unnumbered(self, pack):
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        pages = texts(result.pdf)
        offset = front_length(pages, pack.short.title)
        assert offset % 2 == 0  # paper 1 on a right-hand page
        front = flat("\n".join(pages[:offset]))
        assert "West Mercia Police and Crime Panel" in front
        assert "Tuesday, 19 September 2023, 11.00 am" in front
        assert "County Hall, Worcester" in front
        assert "01905 844963" in front
        assert "scrutiny@example.gov.uk" in front
        assert "Cllr Barry Durkin (Chairman)" in front
        assert "Substantive Member - Herefordshire Council" in front
        assert "Mrs C Clive" in front
        assert "Co-opted Independent Lay Member" in front
        assert "9.00 am on Monday, 18 September 2023" in front
        assert "Samantha Morris" in front
        assert "sm@example.gov.uk" in front
        assert "Date of Issue: Monday, 11 September 2023" in front
        for text in pages[:offset]:
            assert not footer(text).isdigit()

    def test_a_one_page_front_sheet_is_followed_by_an_unnumbered_blank_page(self):
        meeting = MeetingFactory(start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON))
        PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting, title="Work Programme"), title="Work Programme")
        pages = texts(build_agenda_pack(meeting, write_back=False).pdf)
        assert len(pages) == 4
        assert "Work Programme" in pages[0]
        assert "This page is intentionally left blank" in pages[1]
        assert not footer(pages[1]).isdigit()
        assert "WORK PROGRAMME" in pages[2]
        assert footer(pages[2]) == "1"


class TestAccessibleHtml:
    def test_one_html_file_with_the_front_sheet_and_papers_in_order(self, pack):
        html = build_agenda_pack(pack.meeting, acting_user=pack.officer).html
        headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
        levels = [int(level) for level, _ in headings]
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
        titles = [text.strip() for level, text in headings if level == "2"]
        order = [pack.short.title.upper(), pack.long.title.upper(), pack.uploaded.title.upper()]
        assert [t for t in titles if t in order] == order
        assert "ESTATES uploaded page" not in html or "provided as a PDF" in html
        assert "SECRET-TERMS" not in html

    def test_a_file_whose_text_is_still_being_extracted_is_packed_with_its_text(self, pack):
        """GIVEN an uploaded PDF whose extraction job has not run WHEN the pack is built THEN its pages are in
        the PDF and its text layer, read by the builder, in the accessible version."""
        pack.uploaded.files.update(text="", text_status=TextStatus.PENDING)
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        assert "ESTATES uploaded page 11" in result.html
        assert "ESTATES uploaded page 11" in flat("\n".join(texts(result.pdf)))


class TestMinutes:
    def test_the_minutes_pdf_has_numbered_minutes_and_the_chairmans_line(self, pack):
        AttendanceFactory(meeting=pack.meeting, person=pack.meeting.panel.people.get(name="Barry Durkin"))
        MinuteItemFactory(
            meeting=pack.meeting,
            number=486,
            title="Police and Crime Plan",
            text="Members asked about response times.",
            resolutions="That the report be noted.",
        )
        result = build_agenda_pack(pack.meeting, kind=PackKind.MINUTES)
        text = flat("\n".join(texts(result.pdf)))
        assert "Minutes of the West Mercia Police and Crime Panel" in text
        assert "486" in text
        assert "Members asked about response times." in text
        assert "RESOLVED" in text
        assert "That the report be noted." in text
        assert "Cllr Barry Durkin" in text
        assert "Chairman" in text


class TestFiles:
    def test_an_unreadable_upload_fails_with_the_files_name(self, pack):
        PaperFileFactory(paper=pack.uploaded, content=b"not a pdf", original_name="broken.pdf")
        with pytest.raises(PackError, match=r"broken\.pdf"):
            build_agenda_pack(pack.meeting, acting_user=pack.officer)


class TestJob:
    def test_a_request_builds_after_commit_recording_progress(
        self, pack, monkeypatch, django_capture_on_commit_callbacks
    ):
        seen = []
        saver = tasks._progress_saver

        def spy(build_id):
            save = saver(build_id)

            def record(percent, message):
                save(percent, message)
                build = PackBuild.objects.get(pk=build_id)
                seen.append((build.status, build.progress))

            return record

        monkeypatch.setattr(tasks, "_progress_saver", spy)
        with django_capture_on_commit_callbacks(execute=True):
            build = pack_build_request(meeting=pack.meeting, kind=PackKind.PUBLIC, acting_user=pack.officer)
            assert build.status == BuildStatus.QUEUED
        build.refresh_from_db()
        assert build.status == BuildStatus.DONE
        assert build.progress == 100
        assert build.page_count == len(texts(build.file.read()))
        assert build.html_file.name.endswith(".html")
        assert build.started_at
        assert build.finished_at
        assert all(status == BuildStatus.RUNNING for status, _ in seen)
        percents = [percent for _, percent in seen]
        assert percents == sorted(percents)
        assert len(set(percents)) > 3
        assert AuditEvent.objects.filter(verb="pack_build_request", actor=pack.officer).exists()

    def test_a_failure_is_recorded_with_its_message(self, pack, monkeypatch, django_capture_on_commit_callbacks):
        def explode(*args, **kwargs):
            raise RuntimeError("WeasyPrint ran out of paper")

        monkeypatch.setattr(tasks, "build_agenda_pack", explode)
        with django_capture_on_commit_callbacks(execute=True):
            build = pack_build_request(meeting=pack.meeting, kind=PackKind.PUBLIC, acting_user=pack.officer)
        build.refresh_from_db()
        assert build.status == BuildStatus.FAILED
        assert "WeasyPrint ran out of paper" in build.message
        assert "RuntimeError" in build.error
        assert not build.file


class TestCommand:
    def test_it_builds_and_prints_progress_and_the_file(self, pack):
        out = io.StringIO()
        call_command("build_agenda_pack", "west-mercia", pack.meeting.slug, stdout=out)
        build = PackBuild.objects.get()
        assert build.status == BuildStatus.DONE
        assert build.kind == PackKind.PUBLIC
        assert "100% Done" in out.getvalue()
        assert build.file.name in out.getvalue()
        pack.performance.refresh_from_db()
        assert pack.performance.page_start == 3

    def test_it_builds_other_kinds(self, pack):
        call_command(
            "build_agenda_pack", "west-mercia", pack.meeting.slug, "--kind", "large-print", stdout=io.StringIO()
        )
        assert PackBuild.objects.get().kind == PackKind.LARGE_PRINT

    def test_an_unknown_meeting_fails_clearly(self, pack):
        with pytest.raises(CommandError, match="No meeting '2030-01-01' of panel 'west-mercia'"):
            call_command("build_agenda_pack", "west-mercia", "2030-01-01")

    def test_it_builds_a_supplementary_pack_and_links_it(self, pack):
        """GIVEN a supplementary publication without its pack WHEN the command builds supplement 1 THEN the
        supplementary pack of its papers is stored, numbered, and linked to the publication."""
        first = Publication.objects.create(meeting=pack.meeting, published_at=timezone.now())
        first.papers.set([pack.short])
        supplement = Publication.objects.create(
            meeting=pack.meeting, supplementary=True, published_at=timezone.now(), date_of_issue=LATE_ISSUE
        )
        supplement.papers.set([pack.long])
        out = io.StringIO()
        call_command("build_agenda_pack", "west-mercia", pack.meeting.slug, "--supplementary", "1", stdout=out)
        build = PackBuild.objects.get()
        assert build.kind == PackKind.SUPPLEMENTARY
        assert build.status == BuildStatus.DONE
        assert "supplementary-1" in build.file.name
        assert "100% Done" in out.getvalue()
        assert "Linked to its supplementary agenda" in out.getvalue()
        supplement.refresh_from_db()
        assert supplement.pack == build
        text = flat("\n".join(texts(pdf_of(build))))
        assert "Supplementary agenda pack 1" in text
        assert "PERF-" in text
        assert "A short paper." not in text
        assert "Date of Issue of this supplement: Friday, 15 September 2023" in text

    def test_a_supplement_that_has_its_pack_keeps_it(self, published):
        out = io.StringIO()
        call_command(
            "build_agenda_pack", "west-mercia", published.pack.meeting.slug, "--supplementary", "1", stdout=out
        )
        assert "Not linked to the publication" in out.getvalue()
        built = PackBuild.objects.filter(kind=PackKind.SUPPLEMENTARY).exclude(pk=published.second.pack_id).get()
        assert "LATE uploaded page" in flat("\n".join(texts(pdf_of(built))))
        published.second.refresh_from_db()
        assert published.second.pack_id != built.pk

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            pytest.param(["--supplementary", "1"], "has no supplementary agenda.", id="none"),
            pytest.param(["--supplementary", "0"], "counts from 1", id="zero"),
            pytest.param(["--supplementary", "1", "--kind", "public"], "not both", id="with-kind"),
        ],
    )
    def test_a_supplement_the_meeting_lacks_fails_clearly(self, pack, arguments, message):
        Publication.objects.create(meeting=pack.meeting, published_at=timezone.now())  # the first issue only
        with pytest.raises(CommandError, match=message):
            call_command("build_agenda_pack", "west-mercia", pack.meeting.slug, *arguments)
        assert not PackBuild.objects.exists()

    def test_a_supplement_beyond_the_last_fails_clearly(self, pack):
        Publication.objects.create(meeting=pack.meeting, published_at=timezone.now())
        Publication.objects.create(meeting=pack.meeting, supplementary=True, published_at=timezone.now())
        with pytest.raises(CommandError, match="has no supplementary agenda 2: it has 1"):
            call_command("build_agenda_pack", "west-mercia", pack.meeting.slug, "--supplementary", "2")


# Publication and supplementary packs ----------------------------------------------------------------------------

FIRST_ISSUE = datetime.date(2023, 9, 11)
LATE_ISSUE = datetime.date(2023, 9, 15)


def sha(build) -> str:
    build.file.open("rb")
    try:
        return hashlib.sha256(build.file.read()).hexdigest()
    finally:
        build.file.close()


def pdf_of(build) -> bytes:
    build.file.open("rb")
    try:
        return build.file.read()
    finally:
        build.file.close()


@dataclass
class Published:
    pack: Pack
    first: Publication
    first_hash: str
    revised: Paper
    late: Paper
    late_item: object
    exempt_late: Paper
    second: Publication


@pytest.fixture
def published(pack, django_capture_on_commit_callbacks) -> Published:
    """GIVEN the agenda published on 11 September (its pack built and linked), THEN a revised version of the
    7-page report (now 1 page), a late uploaded 3-page paper on a new item and a late exempt paper, published
    as a supplement on 15 September."""
    pack.meeting.status = MeetingStatus.SCHEDULED
    pack.meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        first = workflow.agenda_publish(acting_user=pack.officer, meeting=pack.meeting, today=FIRST_ISSUE)
    first.refresh_from_db()
    first_hash = sha(first.pack)
    revised = PaperFactory(
        agenda_item=pack.performance,
        title="Police and Crime Plan Activity (revised)",
        body="REVISED-REPORT in one page.",
        supersedes=pack.long,
        version=2,
    )
    late_item = AgendaItemFactory(meeting=pack.meeting, number="9", order=9, title="Precept Update")
    late = PaperFactory(
        agenda_item=late_item,
        title="Precept letter",
        source=PaperSource.UPLOADED,
        recommendation="",
        summary="",
        body="",
    )
    PaperFileFactory(paper=late, content=make_pdf(3, "LATE"), original_name="late.pdf", page_count=3)
    exempt_late = PaperFactory(
        agenda_item=pack.exempt_item,
        title="Contract Annex",
        exempt=True,
        exempt_paragraph=1,
        exempt_reason="Information about an individual.",
        body="SECRET-ANNEX of the contract.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        second = workflow.agenda_publish(
            acting_user=pack.officer, meeting=pack.meeting, today=LATE_ISSUE, urgency_reason="The letter came late."
        )
    second.refresh_from_db()
    return Published(pack, first, first_hash, revised, late, late_item, exempt_late, second)


class TestPublicationPacks:
    def test_each_publication_is_linked_to_the_pack_built_for_it(self, published):
        first, second = published.first, published.second
        assert first.pack.kind == PackKind.PUBLIC
        assert second.pack.kind == PackKind.SUPPLEMENTARY
        for build in (first.pack, second.pack):
            assert build.status == BuildStatus.DONE
            assert build.requested_by == published.pack.officer
        assert first.pack != second.pack
        # (storage adds a suffix to a name already taken, by an earlier test's file in the in-memory storage)
        assert re.search(r"-supplementary-1(_\w+)?\.pdf$", second.pack.file.name)
        assert AuditEvent.objects.filter(verb="publication_pack_link", object_id=str(second.pk)).exists()

    def test_the_published_pack_is_never_rewritten(self, published):
        """GIVEN the agenda pack as first published WHEN a supplement is published THEN the first pack's build,
        file and bytes are as they were, and it is still the only agenda pack."""
        first = Publication.objects.select_related("pack").get(pk=published.first.pk)
        assert sha(first.pack) == published.first_hash
        assert PackBuild.objects.filter(kind=PackKind.PUBLIC).count() == 1
        text = flat("\n".join(texts(pdf_of(first.pack))))
        assert "REVISED-REPORT" not in text
        assert "LATE uploaded page" not in text
        # The agenda keeps the published pack's ranges: the supplement has its own numbering.
        published.pack.performance.refresh_from_db()
        assert (published.pack.performance.page_start, published.pack.performance.page_end) == (3, 10)
        published.late_item.refresh_from_db()
        assert published.late_item.page_start is None

    def test_a_published_pack_cannot_be_replaced(self, published):
        other = PackBuild.objects.create(
            meeting=published.pack.meeting, kind=PackKind.PUBLIC, status=BuildStatus.DONE, file="packs/other.pdf"
        )
        with pytest.raises(ValidationError, match="never replaced"):
            publication_pack_link(acting_user=published.pack.officer, publication=published.first, build=other)

    def test_the_supplement_holds_only_the_late_papers_numbered_from_1(self, published):
        pdf = pdf_of(published.second.pack)
        pages = texts(pdf)
        offset = front_length(pages, published.revised.title)
        papers = pages[offset:]
        text = flat("\n".join(papers))
        assert "REVISED-REPORT" in text
        assert [n + 1 for n, page in enumerate(papers) if "LATE uploaded page" in page] == [3, 4, 5]
        for absent in ("A short paper.", "PERF-", "ESTATES uploaded page", "SECRET-TERMS", "SECRET-ANNEX"):
            assert absent not in text
        assert [footer(page) for page in papers] == [str(n) for n in range(1, 7)]
        assert "intentionally left blank" in papers[1]  # the 1-page revised report, padded
        assert "intentionally left blank" in papers[5]  # the last page, padded to an even length
        assert published.second.pack.page_count == len(pages)

    def test_the_supplements_front_sheet_lists_its_papers_with_their_pages(self, published):
        pages = texts(pdf_of(published.second.pack))
        offset = front_length(pages, published.revised.title)
        assert offset % 2 == 0
        front = flat("\n".join(pages[:offset]))
        assert "Supplementary agenda pack 1" in front
        assert "Supplementary papers" in front
        assert "West Mercia Police and Crime Panel" in front
        assert "Tuesday, 19 September 2023, 11.00 am" in front
        assert "County Hall, Worcester" in front
        assert "issued on Monday, 11 September 2023" in front
        assert re.search(r"Performance Monitoring Report.*?Police and Crime Plan Activity \(revised\).*?1 - 2", front)
        assert "Revised paper (version 2)" in front
        assert re.search(r"Precept Update.*?Precept letter.*?3 - 6", front)
        assert "Confirmation of the Minutes" not in front
        assert "Chief Constable's Contract" not in front
        # Dated as published (`today=`), like the first issue, not by the clock when it was recorded.
        assert (published.first.date_of_issue, published.second.date_of_issue) == (FIRST_ISSUE, LATE_ISSUE)
        assert published.pack.meeting.date_of_issue == FIRST_ISSUE
        assert "Date of Issue of this supplement: Friday, 15 September 2023" in front
        assert "Samantha Morris" in front
        assert "The letter came late." in front
        for page in pages[:offset]:
            assert not footer(page).isdigit()

    def test_the_supplement_has_a_bookmark_per_item(self, published):
        pdf = pdf_of(published.second.pack)
        reader = PdfReader(io.BytesIO(pdf))
        offset = front_length(texts(pdf), published.revised.title)
        marks = {
            item.title: reader.get_destination_page_number(item)
            for item in reader.outline
            if not isinstance(item, list)
        }
        assert marks == {
            "Supplementary agenda 1": 0,
            "6. Performance Monitoring Report": offset,
            "9. Precept Update": offset + 2,
        }

    def test_page_counts_are_each_papers_own_pages(self, published):
        """The blank page padding a paper is in its range on the agenda but not in its page count."""
        expected = [
            (published.pack.short, 1),  # range 1 - 2
            (published.pack.long, 7),  # range 3 - 10
            (published.pack.uploaded, 12),  # range 11 - 22: a cover page and 11 uploaded pages
            (published.revised, 1),  # supplement 1 - 2
            (published.late, 3),  # supplement 3 - 6
        ]
        for paper, pages in expected:
            paper.refresh_from_db()
            assert paper.page_count == pages, paper.title
        published.pack.exempt.refresh_from_db()
        published.exempt_late.refresh_from_db()
        assert published.pack.exempt.page_count is None
        assert published.exempt_late.page_count is None


class TestSupplementaryBuilder:
    def test_an_exempt_paper_recorded_on_a_supplement_is_left_out(self, pack):
        """GIVEN a supplementary publication that (wrongly) lists an exempt paper WHEN its pack is built THEN
        the exempt paper is not in it."""
        first = Publication.objects.create(meeting=pack.meeting, published_at=timezone.now())
        first.papers.set([pack.short])
        supplement = Publication.objects.create(meeting=pack.meeting, supplementary=True, published_at=timezone.now())
        supplement.papers.set([pack.long, pack.exempt])
        result = build_supplementary_pack(supplement, acting_user=pack.officer)
        text = flat("\n".join(texts(result.pdf)))
        assert "SECRET-TERMS" not in text
        assert pack.exempt.title.upper() not in text
        assert "Chief Constable's Contract" not in text
        assert "PERF-" in text
        assert result.ranges == {pack.performance.pk: (1, 8)}
        assert result.paper_ranges == {pack.long.pk: (1, 8)}
        assert result.paper_page_counts == {pack.long.pk: 7}
        assert "SECRET-TERMS" not in result.html

    def test_only_a_supplementary_publication_has_one(self, pack):
        first = Publication.objects.create(meeting=pack.meeting, published_at=timezone.now())
        with pytest.raises(PackError):
            build_supplementary_pack(first)
        with pytest.raises(PackError):
            pack_build_request(meeting=pack.meeting, kind=PackKind.SUPPLEMENTARY, acting_user=pack.officer)


def ranges_of(pack: Pack) -> dict[str, tuple]:
    """Each agenda item's page range as stored (what the public agenda shows)."""
    rows = {}
    for item in (pack.welcome, pack.minutes_item, pack.performance, pack.estates, pack.exempt_item):
        item.refresh_from_db()
        rows[item.title] = (item.page_start, item.page_end)
    return rows


AS_PUBLISHED = {
    "Welcome and Introductions": (None, None),
    "Confirmation of the Minutes": (1, 2),
    "Performance Monitoring Report": (3, 10),
    "Estates Strategy Progress report": (11, 22),
    "Chief Constable's Contract": (None, None),
}


@pytest.fixture
def first_issue(pack, django_capture_on_commit_callbacks) -> Publication:
    """GIVEN the agenda published on 11 September, its pack built and linked, THEN a paper added to item 1
    (which would move every later range, were the public pack rebuilt and its ranges written back)."""
    pack.meeting.status = MeetingStatus.SCHEDULED
    pack.meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        first = workflow.agenda_publish(acting_user=pack.officer, meeting=pack.meeting, today=FIRST_ISSUE)
    first.refresh_from_db()
    assert first.pack.status == BuildStatus.DONE
    assert ranges_of(pack) == AS_PUBLISHED
    PaperFactory(agenda_item=pack.welcome, title="Late welcome note", body="\n\n".join([PARAGRAPH] * 12))
    return first


class TestRangesAfterPublication:
    def test_a_rebuild_of_the_public_pack_is_refused(self, pack, first_issue, django_capture_on_commit_callbacks):
        """GIVEN the agenda published WHEN an officer asks for the public pack again THEN it is refused, saying a
        changed paper goes out as a supplementary agenda, and nothing is queued or written."""
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(ValidationError, match="supplementary agenda") as refused,
        ):
            pack_build_request(meeting=pack.meeting, kind=PackKind.PUBLIC, acting_user=pack.officer)
        assert refused.value.error_list[0].code == "published"
        assert PackBuild.objects.filter(kind=PackKind.PUBLIC).count() == 1
        assert ranges_of(pack) == AS_PUBLISHED

    @pytest.mark.parametrize("kind", [PackKind.RESTRICTED, PackKind.LARGE_PRINT, PackKind.MINUTES])
    def test_the_other_packs_are_still_built_and_write_no_ranges(
        self, pack, first_issue, kind, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            build = pack_build_request(meeting=pack.meeting, kind=kind, acting_user=pack.officer)
        build.refresh_from_db()
        assert build.status == BuildStatus.DONE
        assert ranges_of(pack) == AS_PUBLISHED

    def test_a_build_queued_before_publication_leaves_the_published_ranges(
        self, pack, django_capture_on_commit_callbacks
    ):
        """GIVEN a public build requested before the agenda was published, whose job runs late WHEN it runs after
        the publication's own pack is built (and a paper was added meanwhile) THEN it is built but writes no
        ranges, and the public still downloads the first publication's pack."""
        pack.meeting.status = MeetingStatus.SCHEDULED
        pack.meeting.save()
        early = pack_build_request(meeting=pack.meeting, kind=PackKind.PUBLIC, acting_user=pack.officer)
        with django_capture_on_commit_callbacks(execute=True):
            first = workflow.agenda_publish(acting_user=pack.officer, meeting=pack.meeting, today=FIRST_ISSUE)
        first.refresh_from_db()
        published_hash = sha(first.pack)
        PaperFactory(agenda_item=pack.welcome, title="Late welcome note", body="\n\n".join([PARAGRAPH] * 12))

        tasks.pack_build_run.call(early.pk)
        early.refresh_from_db()
        assert early.status == BuildStatus.DONE
        assert ranges_of(pack) == AS_PUBLISHED
        first.refresh_from_db()
        assert first.pack_id != early.pk
        assert sha(first.pack) == published_hash

        response = Client().get(reverse("public_site:meeting_agenda_pack", args=["west-mercia", pack.meeting.slug]))
        assert response.status_code == 200
        assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == published_hash

    def test_the_builder_and_the_command_leave_the_published_ranges(self, pack, first_issue):
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer)
        assert result.ranges[pack.welcome.pk][0] == 1  # the new paper would move every range...
        assert ranges_of(pack) == AS_PUBLISHED  # ...but the agenda keeps the published pack's
        out = io.StringIO()
        call_command("build_agenda_pack", "west-mercia", pack.meeting.slug, stdout=out)
        assert "leaves the agenda's page numbers as the published pack's" in out.getvalue()
        assert ranges_of(pack) == AS_PUBLISHED

    def test_the_first_publications_own_build_still_writes_them(self, pack, django_capture_on_commit_callbacks):
        """GIVEN the agenda published but its pack's job not yet run WHEN that job runs THEN its ranges are the
        agenda's (it is the pack as published); a second build for it writes nothing."""
        pack.meeting.status = MeetingStatus.SCHEDULED
        pack.meeting.save()
        first = workflow.agenda_publish(acting_user=pack.officer, meeting=pack.meeting, today=FIRST_ISSUE)
        build = PackBuild.objects.get(meeting=pack.meeting, kind=PackKind.PUBLIC)
        assert ranges_of(pack)["Performance Monitoring Report"] == (None, None)
        tasks.pack_build_run.call(build.pk, publication_id=first.pk)
        assert ranges_of(pack) == AS_PUBLISHED
        first.refresh_from_db()
        assert first.pack_id == build.pk

        PaperFactory(agenda_item=pack.welcome, title="Late welcome note", body="\n\n".join([PARAGRAPH] * 12))
        result = build_agenda_pack(pack.meeting, acting_user=pack.officer, publication=first)
        assert result.ranges[pack.welcome.pk][0] == 1
        assert ranges_of(pack) == AS_PUBLISHED
