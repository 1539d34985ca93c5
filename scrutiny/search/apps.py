from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _fts_schema(sender, using, **kwargs):
    """Make sure SQLite's FTS5 table and triggers exist, also in a test database built without migrations
    (pytest --no-migrations creates tables from the models, and an FTS5 table is no model)."""
    from django.db import connections

    from .backends import fts_schema_create

    connection = connections[using]
    if connection.vendor == "sqlite" and "search_searchentry" in connection.introspection.table_names():
        fts_schema_create(connection)


class SearchConfig(AppConfig):
    name = "scrutiny.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from scrutiny.core.hooks import after_commit_register

        from .services import index_after_commit

        after_commit_register(index_after_commit)
        post_migrate.connect(_fts_schema, sender=self, dispatch_uid="search_fts_schema")
