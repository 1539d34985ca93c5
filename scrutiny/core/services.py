"""Generic write helpers used by every app's services.

Each entity's service (`meeting_create`, `agenda_item_release`, ...) validates its own rules and then calls
`object_save` or `object_tombstone`, which run `full_clean`, save inside a transaction, record the audit
event, touch the parents whose `modified` time the change alters, and invalidate the panel's public pages
after commit.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .cache import panel_pages_invalidate
from .hooks import after_commit_run
from .models import AuditEvent


def _plain(value):
    """A JSON-safe rendering of a field value for the audit trail."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, datetime) and timezone.is_aware(value):
        # The same instant in London and in UTC (as read back from the database) is no change.
        return value.astimezone(UTC).isoformat()
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _field_values(instance: models.Model) -> dict:
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in {"created", "modified"}:
            continue
        values[field.attname] = _plain(getattr(instance, field.attname))
    return values


def diff_against_database(instance: models.Model) -> dict:
    """Field-by-field changes of an unsaved instance against its stored row: {field: [old, new]}."""
    new = _field_values(instance)
    if instance.pk is None or instance._state.adding:
        return {name: [None, value] for name, value in new.items() if value not in (None, "", False)}
    old_instance = type(instance)._base_manager.filter(pk=instance.pk).first()
    if old_instance is None:
        return {name: [None, value] for name, value in new.items()}
    old = _field_values(old_instance)
    return {name: [old[name], value] for name, value in new.items() if old.get(name) != value}


def audit_record(*, acting_user, verb: str, action: str, instance: models.Model, panel_id=None, changes=None):
    """Record one audit event for `instance`."""
    actor = acting_user if getattr(acting_user, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=actor,
        panel_id=panel_id,
        action=action,
        verb=verb,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        changes=changes or {},
    )


def touch(parents: Iterable[models.Model]) -> None:
    """Move the parents' `modified` time on, without running their save logic."""
    now = timezone.now()
    for parent in parents:
        if parent is not None and parent.pk is not None:
            type(parent)._base_manager.filter(pk=parent.pk).update(modified=now)
            parent.modified = now


def _after_commit(panel_id, instance) -> None:
    """Once the write is durable: public pages go stale, and registered side effects (indexing) run."""
    panel_pages_invalidate(panel_id)
    after_commit_run(instance)


def object_save(
    *,
    instance: models.Model,
    acting_user,
    verb: str,
    panel_id=None,
    parents: Iterable[models.Model] = (),
    action: str | None = None,
):
    """Validate and save `instance`, audit the change, touch its parents, invalidate public pages.

    Nothing is written when validation fails (ValidationError is raised before the transaction).
    """
    instance.full_clean()
    with transaction.atomic():
        adding = instance._state.adding or instance.pk is None
        changes = diff_against_database(instance)
        instance.save()
        if adding or changes:
            audit_record(
                acting_user=acting_user,
                verb=verb,
                action=action or (AuditEvent.Action.CREATE if adding else AuditEvent.Action.UPDATE),
                instance=instance,
                panel_id=panel_id,
                changes=changes,
            )
            touch(parents)
            # Every write, even one without a panel (panel_create: the public index lists panels).
            transaction.on_commit(lambda: _after_commit(panel_id, instance))
    return instance


def object_tombstone(*, instance: models.Model, acting_user, verb: str, panel_id=None, parents=()):
    """Delete by tombstone: the row stays, flagged deleted with the time, and leaves every public view."""
    with transaction.atomic():
        instance.is_deleted = True
        instance.deleted_at = timezone.now()
        instance.save(update_fields=["is_deleted", "deleted_at", "modified"])
        audit_record(
            acting_user=acting_user,
            verb=verb,
            action=AuditEvent.Action.DELETE,
            instance=instance,
            panel_id=panel_id,
            changes={"is_deleted": [False, True]},
        )
        touch(parents)
        transaction.on_commit(lambda: _after_commit(panel_id, instance))
    return instance
