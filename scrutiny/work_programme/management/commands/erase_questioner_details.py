"""`manage.py erase_questioner_details`: erase public questioners' contact details once the panel's
retention period after the meeting has passed. Idempotent; run it daily (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from scrutiny.work_programme.participation import questioner_details_erase


class Command(BaseCommand):
    help = "Erase the name, email and phone of public questioners whose meeting is past the retention period."

    def handle(self, *args, **options):
        erased = questioner_details_erase()
        self.stdout.write(f"Erased the contact details of {erased} questioner{'s' if erased != 1 else ''}.")
