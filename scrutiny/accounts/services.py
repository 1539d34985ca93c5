"""Writes to user accounts and panel roles, audited like every other write.

Roles are not public records, so revoking one deletes the row; the audit event keeps what it was.
"""

from django.db import transaction

from scrutiny.core.models import AuditEvent
from scrutiny.core.services import audit_record, diff_against_database, object_save

from .models import PanelRole, User


def user_save(*, acting_user, user: User) -> User:
    """Create or change a user account. The audit names a changed password but never records its hash."""
    user.full_clean()
    with transaction.atomic():
        adding = user._state.adding or user.pk is None
        changes = diff_against_database(user)
        if "password" in changes:
            changes["password"] = ["…", "(changed)"]
        user.save()
        if adding or changes:
            audit_record(
                acting_user=acting_user,
                verb="user_create" if adding else "user_update",
                action=AuditEvent.Action.CREATE if adding else AuditEvent.Action.UPDATE,
                instance=user,
                changes=changes,
            )
    return user


def user_password_changed(*, acting_user, user: User) -> None:
    """Record that `acting_user` set (or unset) `user`'s password on the admin's own password page, which
    saves the form itself; like every other audit of a password, the event never holds the hash."""
    audit_record(
        acting_user=acting_user,
        verb="user_password_change",
        action=AuditEvent.Action.UPDATE,
        instance=user,
        changes={"password": ["…", "(changed)"]},
    )


def panel_role_grant(*, acting_user, user: User, panel, role: str) -> PanelRole:
    """Give a user a role on one panel: officer (changes its records), member or PCC's office (sees them)."""
    panel_role = PanelRole(user=user, panel=panel, role=role)
    return object_save(instance=panel_role, acting_user=acting_user, verb="panel_role_grant", panel_id=panel.pk)


def panel_role_update(*, acting_user, panel_role: PanelRole, **fields) -> PanelRole:
    for name, value in fields.items():
        setattr(panel_role, name, value)
    return object_save(
        instance=panel_role, acting_user=acting_user, verb="panel_role_update", panel_id=panel_role.panel_id
    )


def panel_role_revoke(*, acting_user, panel_role: PanelRole) -> None:
    """Take a role away. The row goes; the audit event records who had which role on which panel."""
    with transaction.atomic():
        audit_record(
            acting_user=acting_user,
            verb="panel_role_revoke",
            action=AuditEvent.Action.DELETE,
            instance=panel_role,
            panel_id=panel_role.panel_id,
            changes={"user_id": [panel_role.user_id, None], "role": [panel_role.role, None]},
        )
        panel_role.delete()
