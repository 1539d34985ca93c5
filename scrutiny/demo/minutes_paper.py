"""Item 5 of the 19 September 2023 meeting: the minutes of 27 July 2023, as a paper generated from the
minute items (so the pack prints what the database holds, not a second copy of it).

Our minutes are summaries, shorter than the seed's; as the seed's papers do, the paper ends with blank
pages so that the pack keeps the page range the published agenda printed (1 - 10).
"""

from django.db import transaction
from django.utils import timezone

from scrutiny.core.services import object_save
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.documents.markdown import PAGE_BREAK_MARKER
from scrutiny.documents.models import Paper
from scrutiny.documents.text import paper_text
from scrutiny.meetings.choices import AttendanceStatus
from scrutiny.meetings.models import Meeting

PANEL_SLUG = "west-mercia"
MEETING_SLUG = "2023-09-19"
MINUTES_OF = "2023-07-27"
ITEM_NUMBER = "5"
# Blank pages after the minutes, found by building the pack (tests/test_minutes_paper.py builds it and
# checks that every paper keeps its published range).
BLANK_PAGES = 6
BLANK_PAGE = "*This page is intentionally left blank.*"


def _names(attendances, status) -> str:
    rows = [a for a in attendances if a.status == status]
    return ", ".join(f"{a.person}" + (f" ({a.role_as_written})" if a.role_as_written else "") for a in rows)


def minutes_markdown(meeting: Meeting) -> str:
    """The minutes of `meeting` in Markdown: who was there, then each numbered minute."""
    attendances = list(
        meeting.attendances.live().select_related("person", "substitute_for__person", "council").order_by("order")
    )
    start = timezone.localtime(meeting.start)
    lines = [
        f"**{meeting.venue}, {start:%A} {start.day} {start:%B %Y}, {start:%-I.%M}am**",
        "",
        f"**Present:** {_names(attendances, AttendanceStatus.PRESENT)}.",
        "",
    ]
    substitutes = [a for a in attendances if a.status == AttendanceStatus.SUBSTITUTE]
    if substitutes:
        lines += [
            "**Substitutes:** "
            + "; ".join(f"{a.person} for {a.substitute_for.person} ({a.council})" for a in substitutes)
            + ".",
            "",
        ]
    lines += [
        f"**Apologies:** {_names(attendances, AttendanceStatus.APOLOGIES)}.",
        "",
        f"**Also attended:** {_names(attendances, AttendanceStatus.IN_ATTENDANCE)}.",
        "",
    ]
    for minute in meeting.minute_items.public().order_by("order", "number"):
        lines += [f"## {minute.label} {minute.title}", "", minute.text.strip(), ""]
        if minute.resolutions.strip():
            lines += [f"**Resolved:** {minute.resolutions.strip()}", ""]
    if meeting.ended_at:
        lines += [
            f"The meeting ended at {meeting.ended_at:%-I.%M}pm.",
            "",
            "Chairman ..............................",
            "",
        ]
    for _ in range(BLANK_PAGES):
        lines += [PAGE_BREAK_MARKER, "", BLANK_PAGE, ""]
    return "\n".join(lines)


def demo_minutes_paper_load(*, acting_user=None):
    """Put the minutes of 27 July 2023 on item 5 of the 19 September 2023 agenda, once."""
    meeting = Meeting.objects.live().get(panel__slug=PANEL_SLUG, slug=MEETING_SLUG)
    minutes = Meeting.objects.live().get(panel__slug=PANEL_SLUG, slug=MINUTES_OF)
    item = meeting.agenda_items.live().get(number=ITEM_NUMBER)
    if item.papers.live().exists():
        return None
    paper = Paper(
        agenda_item=item,
        title="Minutes of the meeting held on 27 July 2023",
        order=1,
        source=PaperSource.GENERATED,
        status=PaperStatus.ACCEPTED,
        accepted_at=timezone.now(),
        body=minutes_markdown(minutes),
        recommendation="The Panel is asked to confirm the minutes of its meeting of 27 July 2023.",
    )
    paper.text = paper_text(paper)
    with transaction.atomic():
        return object_save(
            instance=paper, acting_user=acting_user, verb="paper_generate", panel_id=meeting.panel_id, parents=[meeting]
        )
