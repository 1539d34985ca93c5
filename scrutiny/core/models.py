"""Base models shared by every app, and the audit trail.

core imports no other app: panels are referred to by id where core needs them.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class TimeStampedModel(models.Model):
    """Every object records when it was created and last modified."""

    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TombstoneQuerySet(models.QuerySet):
    def live(self):
        return self.filter(is_deleted=False)

    def deleted(self):
        return self.filter(is_deleted=True)


class TombstoneModel(TimeStampedModel):
    """An object that is or was public is never removed: deleting it leaves a tombstone.

    The default manager shows every row, tombstones included; callers say `.live()` where they mean it,
    so a deleted object can still be explained (a feed, an API client, an audit reader).
    """

    is_deleted = models.BooleanField(default=False, db_index=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = TombstoneQuerySet.as_manager()

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """Who changed what, and when. Written by the services, never edited."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        UPDATE = "update", "Updated"
        DELETE = "delete", "Deleted"
        RELEASE = "release", "Released"
        OTHER = "other", "Other"

    created = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    panel_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    verb = models.CharField(max_length=64, help_text="The service that made the change, e.g. meeting_update.")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="audit_events")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_object_idx")]

    def __str__(self):
        who = self.actor or "system"
        return f"{self.get_action_display()} {self.object_repr} by {who}"
