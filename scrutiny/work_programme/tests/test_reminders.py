import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from scrutiny.work_programme.reminders import action_reminders_send

from .factories import ActionFactory

pytestmark = pytest.mark.django_db


class TestReminders:
    def test_a_reminder_is_sent_once(self):
        """GIVEN an action due in five days WHEN the command runs twice THEN one email goes to its owner."""
        action = ActionFactory(
            due_date=timezone.localdate() + datetime.timedelta(days=5), owner_email="pcc@example.org"
        )
        call_command("send_action_reminders", stdout=StringIO())
        call_command("send_action_reminders", stdout=StringIO())
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["pcc@example.org"]
        assert action.description in mail.outbox[0].body
        action.refresh_from_db()
        assert action.reminder_sent_at is not None

    def test_not_yet_due_for_a_reminder(self):
        ActionFactory(due_date=timezone.localdate() + datetime.timedelta(days=30))
        assert action_reminders_send() == {"reminders": 0, "overdue": 0}

    def test_an_overdue_notice_is_sent_once(self):
        action = ActionFactory(due_date=timezone.localdate() - datetime.timedelta(days=1))
        assert action_reminders_send() == {"reminders": 0, "overdue": 1}
        assert action_reminders_send() == {"reminders": 0, "overdue": 0}
        assert len(mail.outbox) == 1
        assert "overdue" in mail.outbox[0].subject
        action.refresh_from_db()
        assert action.overdue_notice_sent_at is not None

    def test_no_email_without_an_address(self):
        ActionFactory(due_date=timezone.localdate() - datetime.timedelta(days=1), owner_email="")
        assert action_reminders_send()["overdue"] == 0
        assert mail.outbox == []
