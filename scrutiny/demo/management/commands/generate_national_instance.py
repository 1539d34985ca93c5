"""`manage.py generate_national_instance`: the generated national instance shared by tests and benchmarks."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from scrutiny.demo.national import POLICE_AREAS, NationalSummary, generate_national_instance


class Command(BaseCommand):
    help = (
        "Generate one Police and Crime Panel per territorial police area outside London (slugs '<area>-pcp'), "
        "with years of members, meetings, attendance and minutes. Deterministic for a given seed; panels that "
        "already exist are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--panels", type=int, default=len(POLICE_AREAS), help="How many panels (default 41).")
        parser.add_argument("--years", type=int, default=12, help="Years of records per panel (default 12).")
        parser.add_argument("--start-year", type=int, default=2015, help="The first year (default 2015).")
        parser.add_argument("--seed", default="2012", help="The random seed (default 2012).")
        parser.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=None,
            help="Meetings after this date are scheduled (default: 1 October of the last year).",
        )

    def handle(self, *args, **options):
        def progress(index: int, total: int, name: str, skipped: bool) -> None:
            note = " (already there, skipped)" if skipped else ""
            self.stdout.write(f"Panel {index} of {total}: {name}{note}")

        try:
            summary = generate_national_instance(
                panels=options["panels"],
                years=options["years"],
                seed=options["seed"],
                start_year=options["start_year"],
                as_of=options["as_of"],
                progress=progress,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{getattr(summary, name)} {name.replace('_', ' ')}" for name in NationalSummary.COUNTS)
        self.stdout.write(self.style.SUCCESS(f"Created {counts} in {summary.seconds:.1f}s."))
