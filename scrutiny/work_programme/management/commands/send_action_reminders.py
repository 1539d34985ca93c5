from django.core.management.base import BaseCommand

from scrutiny.work_programme.reminders import action_reminders_send


class Command(BaseCommand):
    help = "Email action owners a reminder before the due day and a notice once overdue (each once)."

    def add_arguments(self, parser):
        parser.add_argument("--days-before", type=int, default=7)

    def handle(self, *args, **options):
        counts = action_reminders_send(days_before=options["days_before"])
        self.stdout.write(f"Sent {counts['reminders']} reminder(s) and {counts['overdue']} overdue notice(s).")
