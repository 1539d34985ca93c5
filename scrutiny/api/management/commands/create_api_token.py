"""Issue an API token for a user: `manage.py create_api_token <username> [--reset]`.

The token opens the staff-only endpoints of the panels on which the user holds a role. It is printed once;
keep it like a password. `--reset` replaces an existing token (the old one stops working).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record


class Command(BaseCommand):
    help = "Create (or with --reset, replace) the API token of a user, and print it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="Replace the user's existing token.")

    def handle(self, *args, username, reset, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        if not user.is_active:
            raise CommandError(f"{username!r} is not active.")
        if reset:
            Token.objects.filter(user=user).delete()
        token, created = Token.objects.get_or_create(user=user)
        if created:
            # The audit names the user, never the key.
            audit_record(acting_user=None, verb="api_token_create", action=AuditEvent.Action.OTHER, instance=user)
        else:
            self.stderr.write(f"{username!r} already has a token; use --reset to replace it.")
        self.stdout.write(token.key)
