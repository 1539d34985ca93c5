"""`manage.py import_measurements <panel-slug> <file.csv>`: all rows stored, or none and every problem listed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scrutiny.panels.models import Panel
from scrutiny.performance.csv_import import MeasurementImportError, measurements_import


class Command(BaseCommand):
    help = "Import a CSV of measurements (indicator, period, value, msg_average, national, note) for a panel."

    def add_arguments(self, parser):
        parser.add_argument("panel_slug")
        parser.add_argument("path", type=Path)

    def handle(self, *args, panel_slug, path, **options):
        panel = Panel.objects.live().filter(slug=panel_slug).first()
        if panel is None:
            raise CommandError(f"No panel with the slug {panel_slug!r}.")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            result = measurements_import(acting_user=None, panel=panel, text=text)
        except MeasurementImportError as error:
            lines = "\n".join(f"  {problem}" for problem in error.problems)
            raise CommandError(f"{path} was refused; nothing was stored. Problems:\n{lines}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.total} measurements ({result.created} new, {result.updated} updated)."
            )
        )
