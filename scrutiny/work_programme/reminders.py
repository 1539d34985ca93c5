"""Emails to action owners: a reminder before the due day and a notice once it has passed, each sent once.

`reminder_sent_at` and `overdue_notice_sent_at` record the sending, so the command can run as often as the
worker likes. A changed due date or owner clears them (action_update), earning a fresh reminder.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import ActionStatus
from .models import Action
from .selectors import actions_overdue

REMIND_DAYS_BEFORE = 7


def _send(action: Action, subject: str, body: str) -> bool:
    sent = send_mail(
        subject,
        body,
        getattr(settings, "DEFAULT_FROM_EMAIL", None),
        [action.owner_email],
        fail_silently=False,
    )
    return bool(sent)


def _body(action: Action, lead: str) -> str:
    lines = [lead, "", action.description, ""]
    if action.minute_item_id:
        lines.append(_("Raised at minute %(label)s.") % {"label": action.minute_item.label})
    lines.append(_("Please send your response to the panel's scrutiny officer."))
    return "\n".join(lines)


def action_reminders_send(*, today: datetime.date | None = None, days_before: int = REMIND_DAYS_BEFORE) -> dict:
    """Send every reminder and overdue notice now due; return how many of each went."""
    today = today or timezone.localdate()
    counts = {"reminders": 0, "overdue": 0}
    due_soon = (
        Action.objects.live()
        .filter(status=ActionStatus.OPEN, reminder_sent_at__isnull=True)
        .exclude(owner_email="")
        .annotate(due_on=Coalesce("due_date", TruncDate("due_meeting__start")))
        .filter(due_on__gte=today, due_on__lte=today + datetime.timedelta(days=days_before))
        .select_related("panel", "minute_item")
    )
    for action in due_soon:
        with transaction.atomic():
            # Claim the row first, so two workers never send the same reminder.
            if not Action.objects.filter(pk=action.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            ):
                continue
            subject = _("%(panel)s: action due on %(day)s") % {
                "panel": action.panel.name,
                "day": f"{action.due_on:%-d %B %Y}",
            }
            _send(action, subject, _body(action, _("This action for you is due soon:")))
            counts["reminders"] += 1
    overdue = (
        actions_overdue(today=today)
        .filter(overdue_notice_sent_at__isnull=True)
        .exclude(owner_email="")
        .select_related("panel", "minute_item")
    )
    for action in overdue:
        with transaction.atomic():
            if not Action.objects.filter(pk=action.pk, overdue_notice_sent_at__isnull=True).update(
                overdue_notice_sent_at=timezone.now()
            ):
                continue
            subject = _("%(panel)s: action overdue since %(day)s") % {
                "panel": action.panel.name,
                "day": f"{action.due_on:%-d %B %Y}",
            }
            _send(action, subject, _body(action, _("This action for you is now overdue:")))
            counts["overdue"] += 1
    return counts
