"""The search index: one row per searchable paper, agenda item or minute, kept in step by `services`."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from .choices import SearchKind


class SearchEntry(models.Model):
    """A searchable copy of one paper, agenda item or minute, denormalised so a search reads one table.

    `is_public` is decided when the entry is written (exempt and unreleased business, tombstones and papers
    not yet accepted are stored as not public); public searches filter on it. On PostgreSQL
    `search_vector` holds the English tsvector (title weighted A, body B) that finds the matches, and
    `rank_vector` a small one (title A, the body's opening B) that ranks them; on SQLite both stay empty and
    an FTS5 table over `title` and `body`, kept in step by triggers, does the same job (see `backends`).
    """

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="search_entries")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="search_entries")
    kind = models.CharField(max_length=12, choices=SearchKind.choices)
    object_id = models.BigIntegerField(help_text="The primary key of the paper, agenda item or minute.")
    date = models.DateField(help_text="The date of the meeting, in UK time.")
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    is_public = models.BooleanField(default=False)
    url = models.CharField(max_length=300)
    indexed_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)
    rank_vector = SearchVectorField(
        null=True,
        editable=False,
        help_text="PostgreSQL: the title (A) and the opening of the body (B), to rank matches on.",
    )

    class Meta:
        ordering = ["-date", "kind", "object_id"]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_object")]
        indexes = [
            GinIndex(fields=["search_vector"], name="search_entry_vector_gin"),
            models.Index(fields=["panel", "date"], name="search_entry_panel_date_idx"),
        ]
        verbose_name_plural = "search entries"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"
