"""Rebuild the search index from the papers, agenda items and minutes on record, panel by panel."""

import time

from django.core.management.base import BaseCommand, CommandError

from scrutiny.panels.models import Panel
from scrutiny.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (all panels, or those named by slug)."

    def add_arguments(self, parser):
        parser.add_argument("panels", nargs="*", metavar="PANEL_SLUG", help="Only these panels.")

    def handle(self, *args, **options):
        panels = None
        if options["panels"]:
            panels = list(Panel.objects.live().filter(slug__in=options["panels"]).order_by("name"))
            missing = set(options["panels"]) - {p.slug for p in panels}
            if missing:
                raise CommandError(f"No live panel with slug: {', '.join(sorted(missing))}")
        started = time.monotonic()

        def progress(index, count, panel, written):
            self.stdout.write(f"[{index}/{count}] {panel.name}: {written} entries")

        total = search_index_rebuild(panels=panels, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} entries in {time.monotonic() - started:.1f} s."))
