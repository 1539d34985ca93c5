"""PostgreSQL: the ranking vector (title A, the body's opening 2,000 characters B), filled in for existing
entries here. Matches are still found by `search_vector`; they are ranked on this much smaller vector.

The SQL is written out here, not imported, so that the migration stays as it was when it ran
(`backends.RANK_VECTOR` and `backends.RANK_CHARS` compute the same for entries written later). On SQLite the
column exists but stays empty: FTS5 ranks there.
"""

import django.contrib.postgres.search
from django.db import migrations

FILL = """
    UPDATE search_searchentry
    SET rank_vector = setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(left(body, 2000), '')), 'B')
"""


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL)
        schema_editor.execute("ANALYZE search_searchentry")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sqlite_fts")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="PostgreSQL: the title (A) and the opening of the body (B), to rank matches on.",
                null=True,
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
