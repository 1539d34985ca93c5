"""`manage.py extract_pending_text`: recover PDF files whose text extraction job was lost (its worker killed, the
server restarted mid-job), which would otherwise stay "being extracted" for good. Idempotent; run it from the
periodic jobs (scripts/periodic-jobs)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from scrutiny.documents.services import paper_files_text_extract_recover


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


class Command(BaseCommand):
    help = (
        "Queue the text extraction of PDF files pending longer than --older-than-minutes once more; a file still "
        "pending that long after being queued again is marked failed, so that the officer can try again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=30,
            help="How long a file may be pending before its job is taken as lost (default 30; longer than the "
            "slowest OCR of a scan).",
        )

    def handle(self, *args, older_than_minutes: int, **options):
        if older_than_minutes < 1:
            raise CommandError("--older-than-minutes must be at least 1: a file is pending while its job runs.")
        result = paper_files_text_extract_recover(older_than=timedelta(minutes=older_than_minutes))
        self.stdout.write(
            f"Queued the text extraction of {_files(len(result.requeued))} again; "
            f"marked {_files(len(result.failed))} failed."
        )
        for paper_file in result.failed:
            self.stdout.write(f"  failed: {paper_file} (file {paper_file.pk}, paper {paper_file.paper_id})")
