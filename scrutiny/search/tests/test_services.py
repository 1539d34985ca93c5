"""Indexing: after commit, in step with releases and tombstones, and from scratch."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from scrutiny.core.services import object_save, object_tombstone
from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings.services import (
    agenda_item_delete,
    agenda_item_update,
    meeting_delete,
    meeting_update,
    minute_item_create,
)
from scrutiny.search.choices import SearchKind
from scrutiny.search.models import SearchEntry
from scrutiny.search.selectors import search
from scrutiny.search.services import search_index_rebuild

from .conftest import LONDON

pytestmark = pytest.mark.django_db


class TestIndexingAfterCommit:
    def test_nothing_is_indexed_until_the_transaction_commits(
        self, corpus, staff_user, django_capture_on_commit_callbacks
    ):
        """GIVEN a minute written in an atomic block
        WHEN the block has not yet committed
        THEN search does not find it; once the commit callbacks run, it does."""
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            with transaction.atomic():
                minute_item_create(
                    acting_user=staff_user, meeting=corpus.october, title="Drones", text="The drone pilot scheme."
                )
                assert search("drone pilot") == ([], 0)
            assert search("drone pilot") == ([], 0)
        assert callbacks
        for callback in callbacks:
            callback()
        results, total = search("drone pilot")
        assert total == 1
        assert results[0].kind == SearchKind.MINUTE

    def test_an_edited_paper_is_reindexed(self, corpus, staff_user, django_capture_on_commit_callbacks):
        paper = corpus.paper
        paper.text = "Now about the helicopter replacement."
        with django_capture_on_commit_callbacks(execute=True):
            object_save(instance=paper, acting_user=staff_user, verb="paper_update", panel_id=corpus.panel.pk)
        assert search("helicopter")[1] == 1
        assert search("thirteen") == ([], 0)
        assert SearchEntry.objects.filter(kind=SearchKind.PAPER, object_id=paper.pk).count() == 1

    def test_a_tombstoned_paper_leaves_the_index(self, corpus, staff_user, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            object_tombstone(instance=corpus.paper, acting_user=staff_user, verb="paper_delete")
        assert search("precept increase") == ([], 0)
        assert not SearchEntry.objects.filter(kind=SearchKind.PAPER, object_id=corpus.paper.pk).exists()

    def test_a_tombstoned_agenda_item_takes_its_papers_with_it(
        self, corpus, staff_user, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            agenda_item_delete(acting_user=staff_user, item=corpus.budget_item)
        assert search("precept") == ([], 0)
        assert not SearchEntry.objects.filter(kind=SearchKind.PAPER, object_id=corpus.paper.pk).exists()
        # Reindexing the meeting later does not bring the paper back.
        with django_capture_on_commit_callbacks(execute=True):
            meeting_update(acting_user=staff_user, meeting=corpus.march, venue="Shirehall")
        assert search("precept", public_only=False) == ([], 0)

    def test_a_tombstoned_meeting_leaves_the_index(self, corpus, staff_user, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            meeting_delete(acting_user=staff_user, meeting=corpus.october)
        assert search("neighbourhood policing") == ([], 0)
        assert not SearchEntry.objects.filter(meeting=corpus.october).exists()

    def test_a_moved_meeting_moves_its_entries(self, corpus, staff_user, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            meeting_update(
                acting_user=staff_user,
                meeting=corpus.october,
                start=datetime.datetime(2024, 11, 5, 11, 0, tzinfo=LONDON),
            )
        results, _ = search("neighbourhood policing")
        assert results[0].date == datetime.date(2024, 11, 5)
        assert results[0].url == "/west-mercia/meetings/2024-11-05/#minute-512"

    def test_making_an_item_exempt_withdraws_its_minutes(self, corpus, staff_user, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            agenda_item_update(
                acting_user=staff_user,
                item=corpus.budget_item,
                exempt=True,
                exempt_paragraph=3,
                exempt_reason="Commercial terms.",
            )
        assert search("precept") == ([], 0)

    def test_an_indexing_failure_does_not_break_the_write(
        self, corpus, staff_user, django_capture_on_commit_callbacks, monkeypatch, caplog
    ):
        def broken(*args, **kwargs):
            raise RuntimeError("index down")

        monkeypatch.setattr("scrutiny.search.services.entries_write", broken)
        paper = corpus.paper
        paper.title = "Renamed"
        with django_capture_on_commit_callbacks(execute=True):
            object_save(instance=paper, acting_user=staff_user, verb="paper_update")
        assert "Search indexing failed" in caplog.text


class TestRebuild:
    def test_rebuild_is_idempotent_and_skips_tombstones(self, corpus):
        count = SearchEntry.objects.count()
        PaperFactory(agenda_item=corpus.budget_item, title="Gone", text="Vanished", is_deleted=True)
        assert search_index_rebuild() == count
        assert SearchEntry.objects.count() == count
        assert search("vanished") == ([], 0)

    def test_rebuild_drops_entries_of_a_tombstoned_panel(self, corpus):
        corpus.other_panel.is_deleted = True
        corpus.other_panel.deleted_at = timezone.now()
        corpus.other_panel.save()
        search_index_rebuild()
        assert search("powys") == ([], 0)

    def test_command_reports_progress_per_panel(self, corpus, capsys):
        SearchEntry.objects.all().delete()
        assert search("precept") == ([], 0)
        call_command("rebuild_search_index")
        out = capsys.readouterr().out
        assert "[1/2] Dyfed-Powys Police and Crime Panel:" in out
        assert "[2/2] West Mercia Police and Crime Panel:" in out
        assert search("precept")[1] == 2

    def test_command_rebuilds_one_panel(self, corpus, capsys):
        SearchEntry.objects.all().delete()
        call_command("rebuild_search_index", "dyfed-powys")
        assert "[1/1] Dyfed-Powys" in capsys.readouterr().out
        assert search("precept") == ([], 0)
        assert search("powys")[1] == 1


class TestRankVectorMigration:
    def test_the_migration_fills_ranking_vectors_as_the_backend_writes_them(self, corpus):
        """GIVEN entries indexed by the backend
        WHEN migration 0003's fill runs over them (as it does over entries written before it)
        THEN every ranking vector is what the backend wrote (PostgreSQL; SQLite has no vectors)."""
        import importlib

        from django.db import connection

        from scrutiny.search.backends import RANK_CHARS

        migration = importlib.import_module("scrutiny.search.migrations.0003_rank_vector")
        assert f"left(body, {RANK_CHARS})" in migration.FILL
        if connection.vendor != "postgresql":
            pytest.skip("PostgreSQL only")
        written = dict(SearchEntry.objects.values_list("id", "rank_vector"))
        assert all(written.values())
        with connection.cursor() as cursor:
            cursor.execute(migration.FILL)
        assert dict(SearchEntry.objects.values_list("id", "rank_vector")) == written
