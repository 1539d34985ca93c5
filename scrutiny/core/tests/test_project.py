"""The project as a whole: system checks pass and every model change has its migration."""

from io import StringIO

import pytest
from django.core.management import call_command


class TestSystemChecks:
    def test_manage_py_check_finds_no_errors(self):
        """`check` raises SystemCheckError on any error (warnings are only printed)."""
        call_command("check", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
class TestMigrations:
    def test_no_model_change_lacks_a_migration(self, settings):
        """GIVEN the suite runs with --no-migrations (pytest-django then hides every migration module)
        WHEN makemigrations --check looks at the real migration modules
        THEN it finds nothing to write; it exits with status 1, failing the test, if a change lacks one."""
        settings.MIGRATION_MODULES = {}
        out = StringIO()
        exit_status = None

        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
        except SystemExit as exit_:
            exit_status = exit_.code

        assert exit_status is None, f"Model changes without a migration:\n{out.getvalue()}"
        assert "No changes detected" in out.getvalue()
