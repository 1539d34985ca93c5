"""Agenda pack benchmark: a whole build against WeasyPrint rendering the finished pack's HTML once.

Usage: python -m bench.packs
A ~60-page pack (eight written reports of one to thirteen pages and an uploaded 8-page PDF, on a meeting with
a full membership) is built inside a transaction that is rolled back: the full build (papers rendered once,
ranges read from the anchors, front sheet rendered with them, upload merged under the page numbers, bookmarks,
ranges written back through the agenda service) against one WeasyPrint render-and-write of the same pack as a
single HTML document. Prints both times (best of BENCH_PACK_ROUNDS, default 3) and the ratio (target <= 1.5x).
A measurement, not a test.

Environment: DATABASE_URL (default a SQLite file in var/), BENCH_PACK_ROUNDS.
"""

import datetime
import os
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
LONDON = ZoneInfo("Europe/London")
PARAGRAPH = "The panel reviewed the Commissioner's performance against the Police and Crime Plan in detail. " * 6
# Paragraphs per report: about six fill a page.
REPORT_PARAGRAPHS = [4, 40, 75, 22, 58, 9, 30, 16]


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-packs.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)


def bench_meeting():
    """A meeting whose public pack is about 60 pages. Call inside a transaction that is rolled back."""
    import hashlib

    from django.core.files.base import ContentFile
    from weasyprint import HTML

    from scrutiny.documents.choices import PaperSource
    from scrutiny.documents.models import Paper, PaperFile
    from scrutiny.meetings.models import AgendaItem, Meeting
    from scrutiny.members.models import Membership, Person
    from scrutiny.panels.models import Council, Panel

    panel = Panel.objects.create(
        name="Benchmark Police and Crime Panel",
        slug=f"bench-packs-{time.time_ns()}",
        policing_area="Benchmark",
        force="Benchmark Police",
        alternative_formats_email="scrutiny@example.org",
        alternative_formats_phone="01234 567890",
    )
    for n in range(15):
        council = Council.objects.create(panel=panel, name=f"Council {n}", slug=f"council-{n}")
        person = Person.objects.create(panel=panel, title="Cllr", name=f"Member {n}", slug=f"member-{n}")
        Membership.objects.create(panel=panel, person=person, kind="appointed", council=council)
    meeting = Meeting.objects.create(
        panel=panel,
        slug="2023-09-19",
        start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON),
        venue="County Hall",
        date_of_issue=datetime.date(2023, 9, 11),
    )
    for n in range(1, 5):
        AgendaItem.objects.create(meeting=meeting, number=str(n), order=n, title=f"Procedural item {n}")
    for n, paragraphs in enumerate(REPORT_PARAGRAPHS, start=5):
        item = AgendaItem.objects.create(meeting=meeting, number=str(n), order=n, title=f"Report {n}")
        Paper.objects.create(
            agenda_item=item,
            title=f"Report {n}",
            recommendation="The panel is asked to note the report.",
            body="\n\n".join(f"## Part {p}\n\n{PARAGRAPH}" if p % 10 == 0 else PARAGRAPH for p in range(paragraphs)),
            financial_implications="None arising from this report.",
        )
    item = AgendaItem.objects.create(meeting=meeting, number="13", order=13, title="Estates strategy")
    paper = Paper.objects.create(agenda_item=item, title="Estates strategy", source=PaperSource.UPLOADED)
    body = "".join(f'<p style="break-after: page">Uploaded page {p}</p>' for p in range(1, 8)) + "<p>Last page</p>"
    content = HTML(string=body).write_pdf()
    PaperFile.objects.create(
        paper=paper,
        file=ContentFile(content, name="estates.pdf"),
        original_name="estates.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        page_count=8,
    )
    return meeting


def bench_pack(rounds: int | None = None) -> dict:
    """Best-of-`rounds` times of a full public build and of one render of the same pack; prints and returns them."""
    from django.db import transaction
    from weasyprint import HTML

    from scrutiny.documents.packs import build_agenda_pack, pack_print_html

    rounds = rounds or int(os.environ.get("BENCH_PACK_ROUNDS", "3"))
    builds, renders = [], []
    with transaction.atomic():
        meeting = bench_meeting()
        build_agenda_pack(meeting)  # warm up fonts and templates
        for _ in range(rounds):
            meeting.agenda_items.update(page_start=None, page_end=None)  # so every round writes its ranges back
            started = time.perf_counter()
            result = build_agenda_pack(meeting)
            builds.append(time.perf_counter() - started)
            html = pack_print_html(meeting)
            started = time.perf_counter()
            HTML(string=html, base_url=".").render().write_pdf()
            renders.append(time.perf_counter() - started)
        transaction.set_rollback(True)
    build, render = min(builds), min(renders)
    figures = {"pages": result.page_count, "build_s": build, "render_once_s": render, "ratio": build / render}
    print(
        f"pack of {result.page_count} pages: full build {build:.2f} s, one WeasyPrint render {render:.2f} s, "
        f"ratio {figures['ratio']:.2f}x (target <= 1.5x)"
    )
    return figures


if __name__ == "__main__":
    setup()
    bench_pack()
