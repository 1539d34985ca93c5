"""`manage.py load_demo_data`: the West Mercia demo, loaded once; a second run changes nothing."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from scrutiny.demo.services import DemoConflict, demo_pack_build_request, west_mercia_demo_load
from scrutiny.meetings.checks import meeting_checks


class Command(BaseCommand):
    help = "Load the West Mercia Police and Crime Panel demo (July and September 2023) and its demo officer."

    def add_arguments(self, parser):
        parser.add_argument(
            "--build-pack",
            action="store_true",
            help="Queue a build of the 19 September 2023 agenda pack for the worker, unless one exists.",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            result = west_mercia_demo_load(acting_user=None)
        except DemoConflict as error:
            raise CommandError(str(error)) from error
        if options["build_pack"]:
            build = demo_pack_build_request(result.september)
            if build is not None:
                self.stdout.write(f"Queued a build of the agenda pack for {result.september} (the worker builds it).")
        if result.upcoming_added is not None:
            day = timezone.localtime(result.upcoming_added.start)
            self.stdout.write(f"Added a meeting open for public questions on {day:%-d %B %Y}.")
        if not result.loaded:
            if result.upcoming_added is None:
                self.stdout.write(f"The West Mercia demo is already loaded (/{result.panel.slug}/); nothing to do.")
            else:
                self.stdout.write(f"The rest of the West Mercia demo is already loaded (/{result.panel.slug}/).")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the West Mercia demo (/{result.panel.slug}/) in {time.monotonic() - started:.1f}s."
            )
        )
        # The record shows what happened, rules broken included; the officer should see what the rules say.
        checks = meeting_checks(result.july)
        if checks:
            self.stdout.write(f"Checks on the meeting of {timezone.localtime(result.july.start):%-d %B %Y}:")
            for check in checks:
                self.stdout.write(f"  {check.level}: {check.message}")
        self.stdout.write(f"Demo officer: {result.officer.username} (password: manage.py demo_password)")
