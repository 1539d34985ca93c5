"""Generated papers: the actions update and the work programme report, each stored as a `Paper` (source
"generated") on an agenda item of the meeting, whose Markdown sections the officer may then edit."""

import re

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from scrutiny.core.services import object_save
from scrutiny.documents.choices import PaperSource, PaperStatus
from scrutiny.documents.models import Paper
from scrutiny.documents.text import paper_text

from .selectors import action_tracker, work_programme_rows


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    text = " ".join((text or "").split())
    return re.sub(r"([|\\*_`<>\[\]])", r"\\\1", text) or "–"


def _table(headings: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "| " + " | ".join("---" for _h in headings) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _paper_save(*, acting_user, agenda_item, title: str, **sections) -> Paper:
    meeting = agenda_item.meeting
    last = agenda_item.papers.aggregate(m=Max("order"))["m"]
    paper = Paper(
        agenda_item=agenda_item,
        order=(last or 0) + 1,
        title=title,
        source=PaperSource.GENERATED,
        status=PaperStatus.ACCEPTED,
        accepted_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        accepted_at=timezone.now(),
        risk_implications=_("None."),
        financial_implications=_("None."),
        legal_implications=_("None."),
        equality_implications=_("None."),
        **sections,
    )
    if agenda_item.exempt:
        paper.exempt = True
        paper.exempt_paragraph = agenda_item.exempt_paragraph
        paper.exempt_reason = agenda_item.exempt_reason
    paper.text = paper_text(paper, files=[])
    return object_save(
        instance=paper, acting_user=acting_user, verb="paper_generate", panel_id=meeting.panel_id, parents=[meeting]
    )


def _day(value) -> str:
    return f"{value:%-d %B %Y}" if value else _("Not set")


def actions_update_markdown(panel, *, today=None) -> str:
    """The open actions, overdue ones first, as a table in Markdown."""
    tracker = action_tracker(panel, today=today)
    ordered = tracker.overdue + [a for a in tracker.open if not a.overdue]
    rows = [
        [
            action.minute_item.label if action.minute_item_id else "",
            action.description,
            action.owner_name,
            _day(action.due_on),
            _("Overdue") if action.overdue else _("Open"),
        ]
        for action in ordered
    ]
    if not rows:
        return _("There are no open actions.")
    return _table([_("Minute"), _("Action"), _("Owner"), _("Due"), _("Status")], rows)


def actions_update_paper_generate(*, acting_user, agenda_item, today=None) -> Paper:
    """Generate the actions update for a meeting's agenda item: every open action of the panel, overdue
    ones first and marked, so the panel can chase them."""
    panel = agenda_item.meeting.panel
    tracker = action_tracker(panel, today=today)
    return _paper_save(
        acting_user=acting_user,
        agenda_item=agenda_item,
        title=_("Actions update"),
        recommendation=_("Members of the panel are invited to note the progress of the actions below."),
        background=_(
            "This report lists the actions the panel's minutes record that are still open: %(open)d in all, "
            "%(overdue)d of them overdue."
        )
        % {"open": len(tracker.open), "overdue": len(tracker.overdue)},
        body="## " + _("Open actions") + "\n\n" + actions_update_markdown(panel, today=today),
    )


def work_programme_markdown(panel) -> str:
    """The programme in the layout panels receive: meeting date, area of scrutiny, date of last report,
    notes. A recorded date the meetings held contradict is shown with its flag in the notes."""
    rows = []
    for row in work_programme_rows(panel):
        notes = " ".join([row.item.notes, *row.flags]).strip()
        rows.append([row.when, row.item.area, row.last_report_text, notes])
    return _table([_("Meeting date"), _("Area of scrutiny"), _("Date of last report"), _("Notes")], rows)


def work_programme_paper_generate(*, acting_user, agenda_item) -> Paper:
    """Generate the work programme report on the meeting's "Work Programme" agenda item."""
    panel = agenda_item.meeting.panel
    return _paper_save(
        acting_user=acting_user,
        agenda_item=agenda_item,
        title=_("Work Programme"),
        recommendation=_("Members of the panel are invited to consider and agree the work programme."),
        background=_(
            "The work programme sets out what the panel plans to scrutinise at its meetings. The date of last "
            "report is taken from the meetings held where the panel's records have them."
        ),
        body="## " + _("Work programme") + "\n\n" + work_programme_markdown(panel),
    )
