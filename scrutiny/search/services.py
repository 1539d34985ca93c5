"""Keeping the search index in step with papers, agenda items and minutes.

`index_after_commit` is registered with `scrutiny.core.hooks` and runs after every committed service write.
It upserts the entries for what changed (and, for a meeting or an agenda item, for everything whose
public-ness or address depends on it) and deletes those that should no longer be found. Whether an entry is
public is decided here, once, by the same rules as the public pages: an exempt agenda item is public only
once released (LGA 1972 Sch 12A), its minutes and papers with it; an exempt paper only once released; a
paper only once accepted; nothing tombstoned, nor anything on a tombstoned meeting or panel.
"""

import logging
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone

from scrutiny.documents.choices import PaperStatus
from scrutiny.documents.models import Paper
from scrutiny.meetings.models import AgendaItem, Meeting, MinuteItem
from scrutiny.panels.models import Panel

from .backends import MARK_END, MARK_START, get_backend
from .choices import SearchKind
from .models import SearchEntry

logger = logging.getLogger(__name__)

# PostgreSQL refuses a tsvector over 1 MB; no paper's text needs more than this to be found.
MAX_BODY_CHARS = 500_000
_SENTINELS = str.maketrans("", "", MARK_START + MARK_END)

ENTRY_FIELDS = ["panel", "meeting", "date", "title", "body", "is_public", "url", "indexed_at"]


def _clean(text: str) -> str:
    return (text or "").translate(_SENTINELS)


def _meeting_public(meeting: Meeting) -> bool:
    return not meeting.is_deleted and not meeting.panel.is_deleted


def _entry(*, kind, obj, meeting: Meeting, title, body, is_public, anchor) -> SearchEntry:
    return SearchEntry(
        kind=kind,
        object_id=obj.pk,
        panel_id=meeting.panel_id,
        meeting=meeting,
        date=timezone.localtime(meeting.start).date(),
        title=_clean(title)[:300],
        body=_clean(body)[:MAX_BODY_CHARS],
        is_public=is_public,
        url=f"{meeting.get_absolute_url()}#{anchor}",
        indexed_at=timezone.now(),
    )


def _join(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def agenda_item_entry(item: AgendaItem) -> SearchEntry:
    meeting = item.meeting
    return _entry(
        kind=SearchKind.AGENDA_ITEM,
        obj=item,
        meeting=meeting,
        title=item.title,
        body=item.description,
        is_public=_meeting_public(meeting) and not item.is_deleted and item.is_public,
        anchor="agenda",
    )


def minute_entry(minute: MinuteItem) -> SearchEntry:
    meeting = minute.meeting
    return _entry(
        kind=SearchKind.MINUTE,
        obj=minute,
        meeting=meeting,
        title=f"{minute.label} {minute.title}",
        body=_join(minute.text, minute.resolutions),
        is_public=_meeting_public(meeting) and not minute.is_deleted and minute.is_public,
        anchor=f"minute-{minute.number}",
    )


def paper_entry(paper: Paper) -> SearchEntry:
    item = paper.agenda_item
    meeting = item.meeting
    # `text` is the extracted text of the paper and its files; a paper written in Scrutiny may have none yet.
    body = paper.text or _join(
        paper.summary, paper.recommendation, paper.background, paper.body, paper.supporting_information
    )
    return _entry(
        kind=SearchKind.PAPER,
        obj=paper,
        meeting=meeting,
        title=paper.title,
        body=body,
        is_public=(
            _meeting_public(meeting)
            and not item.is_deleted
            and item.is_public
            and not paper.is_deleted
            and paper.is_public
            and paper.status == PaperStatus.ACCEPTED
        ),
        anchor="agenda",
    )


def entries_write(entries: list[SearchEntry]) -> int:
    """Insert or update entries by (kind, object id); on PostgreSQL also compute their vectors."""
    if not entries:
        return 0
    backend = get_backend()
    with transaction.atomic():
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=ENTRY_FIELDS,
            batch_size=500,
        )
        backend.entries_indexed(entries)
    return len(entries)


def entries_delete(kind: str, object_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()


# What to reindex when something changes -----------------------------------------------------------------------

AGENDA_RELATED = ("meeting__panel",)
MINUTE_RELATED = ("meeting__panel", "agenda_item")
PAPER_RELATED = ("agenda_item__meeting__panel",)


def _upsert_or_delete(kind, objects, make_entry, is_gone=lambda o: o.is_deleted) -> None:
    """Upsert the entries of live objects; an object that is tombstoned leaves the index."""
    objects = list(objects)
    entries_write([make_entry(o) for o in objects if not is_gone(o)])
    gone = [o.pk for o in objects if is_gone(o)]
    if gone:
        entries_delete(kind, gone)


def index_agenda_items(items) -> None:
    _upsert_or_delete(SearchKind.AGENDA_ITEM, items, agenda_item_entry)


def index_minutes(minutes) -> None:
    _upsert_or_delete(SearchKind.MINUTE, minutes, minute_entry)


def index_papers(papers) -> None:
    # A paper on a tombstoned item goes with it (as the rebuild leaves it out).
    _upsert_or_delete(SearchKind.PAPER, papers, paper_entry, lambda p: p.is_deleted or p.agenda_item.is_deleted)


def index_meeting(meeting: Meeting) -> None:
    """A meeting's date, address and tombstone carry to every entry on it."""
    if meeting.is_deleted:
        SearchEntry.objects.filter(meeting_id=meeting.pk).delete()
        return
    index_agenda_items(AgendaItem.objects.filter(meeting_id=meeting.pk).select_related(*AGENDA_RELATED))
    index_minutes(MinuteItem.objects.filter(meeting_id=meeting.pk).select_related(*MINUTE_RELATED))
    index_papers(Paper.objects.filter(agenda_item__meeting_id=meeting.pk).select_related(*PAPER_RELATED))


def index_agenda_item(item: AgendaItem) -> None:
    """An item's exemption or release decides whether its minutes and papers are public."""
    item = AgendaItem.objects.select_related(*AGENDA_RELATED).get(pk=item.pk)
    index_agenda_items([item])
    index_minutes(MinuteItem.objects.filter(agenda_item_id=item.pk).select_related(*MINUTE_RELATED))
    index_papers(Paper.objects.filter(agenda_item_id=item.pk).select_related(*PAPER_RELATED))


def index_panel(panel: Panel) -> None:
    """A tombstoned panel leaves the index; a new slug changes every address."""
    if panel.is_deleted:
        SearchEntry.objects.filter(panel_id=panel.pk).delete()
    elif SearchEntry.objects.filter(panel_id=panel.pk).exclude(url__startswith=f"/{panel.slug}/").exists():
        search_index_rebuild(panels=[panel])


def index_after_commit(instance) -> None:
    """The hook run after every committed service write (see SearchConfig.ready).

    The write has committed by now: a failure to index is logged, not raised into the request that made
    the change (`rebuild_search_index` puts the index right).
    """
    try:
        _index(instance)
    except Exception:
        logger.exception("Search indexing failed for %s %s", type(instance).__name__, instance.pk)


def _index(instance) -> None:
    if isinstance(instance, Paper):
        index_papers(Paper.objects.filter(pk=instance.pk).select_related(*PAPER_RELATED))
    elif isinstance(instance, MinuteItem):
        index_minutes(MinuteItem.objects.filter(pk=instance.pk).select_related(*MINUTE_RELATED))
    elif isinstance(instance, AgendaItem):
        index_agenda_item(instance)
    elif isinstance(instance, Meeting):
        index_meeting(Meeting.objects.select_related("panel").get(pk=instance.pk))
    elif isinstance(instance, Panel):
        index_panel(instance)


# Rebuilding -------------------------------------------------------------------------------------------------


def _in_chunks(queryset, make_entry, size=1000) -> int:
    written, chunk = 0, []
    for obj in queryset.iterator(chunk_size=size):
        chunk.append(make_entry(obj))
        if len(chunk) >= size:
            written += entries_write(chunk)
            chunk = []
    return written + entries_write(chunk)


def search_index_rebuild(*, panels=None, progress: Callable[[int, int, Panel, int], None] | None = None) -> int:
    """Rebuild the index from scratch for `panels` (default: every live panel). Returns entries written.

    Each panel is rebuilt in its own transaction; `progress(i, n, panel, entries)` is called after each.
    """
    if panels is None:
        SearchEntry.objects.exclude(panel__in=Panel.objects.live()).delete()
        panels = list(Panel.objects.live().order_by("name"))
    total = 0
    for index, panel in enumerate(panels, start=1):
        with transaction.atomic():
            SearchEntry.objects.filter(panel_id=panel.pk).delete()
            written = _in_chunks(
                AgendaItem.objects.live()
                .filter(meeting__panel=panel, meeting__is_deleted=False)
                .select_related(*AGENDA_RELATED),
                agenda_item_entry,
            )
            written += _in_chunks(
                MinuteItem.objects.live()
                .filter(meeting__panel=panel, meeting__is_deleted=False)
                .select_related(*MINUTE_RELATED),
                minute_entry,
            )
            written += _in_chunks(
                Paper.objects.live()
                .filter(
                    agenda_item__meeting__panel=panel,
                    agenda_item__meeting__is_deleted=False,
                    agenda_item__is_deleted=False,
                )
                .select_related(*PAPER_RELATED),
                paper_entry,
            )
        total += written
        if progress is not None:
            progress(index, len(panels), panel, written)
    get_backend().after_rebuild()
    return total
