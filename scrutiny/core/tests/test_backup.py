"""The backup and restore procedure of docs/deployment.md, run for real on PostgreSQL."""

import shutil
import subprocess

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgresql://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"


def _row_counts(cursor) -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        table = model._meta.db_table
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


class TestBackupAndRestore:
    def test_pg_dump_then_pg_restore_gives_back_every_row(self, tmp_path):
        """GIVEN a database holding the West Mercia demo
        WHEN it is dumped with pg_dump (custom format) and restored into a new database with pg_restore
        THEN every table has the same number of rows."""
        if connection.vendor != "postgresql":
            pytest.skip("backups are made of the production database, PostgreSQL")
        if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
            pytest.skip("pg_dump and pg_restore are not installed (Debian package postgresql-client)")
        call_command("load_demo_data", verbosity=0)
        source = connection.settings_dict["NAME"]
        restored = f"{source}_restored"
        dump = tmp_path / "scrutiny.dump"

        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", _url(source)], check=True)
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
            cursor.execute(f'CREATE DATABASE "{restored}"')
        try:
            subprocess.run(["pg_restore", "--no-owner", f"--dbname={_url(restored)}", str(dump)], check=True)
            with connection.cursor() as cursor:
                expected = _row_counts(cursor)
            import psycopg

            with psycopg.connect(_url(restored)) as restored_conn, restored_conn.cursor() as cursor:
                actual = _row_counts(cursor)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        assert expected["meetings_minuteitem"] >= 14
        assert actual == expected
