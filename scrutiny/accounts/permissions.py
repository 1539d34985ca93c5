"""Who may see and change which panel's data. Every staff view, admin page and API endpoint asks here."""

from django.db.models import QuerySet

from .choices import Role

EDITOR_ROLES = {Role.SCRUTINY_OFFICER}
STAFF_ROLES = {Role.SCRUTINY_OFFICER, Role.PANEL_MEMBER, Role.PCC_OFFICE}


def panel_ids_for(user, roles=STAFF_ROLES) -> set[int] | None:
    """The ids of the panels on which `user` holds one of `roles`; None means every panel (administrator)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cache_name = "_scrutiny_panel_roles"
    if not hasattr(user, cache_name):
        setattr(user, cache_name, list(user.panel_roles.values_list("panel_id", "role")))
    return {panel_id for panel_id, role in getattr(user, cache_name) if role in roles}


def can_view_panel(user, panel) -> bool:
    ids = panel_ids_for(user)
    return ids is None or panel.pk in ids


def can_edit_panel(user, panel) -> bool:
    ids = panel_ids_for(user, EDITOR_ROLES)
    return ids is None or panel.pk in ids


def is_staff_user(user) -> bool:
    ids = panel_ids_for(user)
    return ids is None or bool(ids)


def scope_to_panels(queryset: QuerySet, user, *, field: str = "panel", roles=STAFF_ROLES) -> QuerySet:
    """Restrict `queryset` to the panels the user holds a role on (all of them for an administrator)."""
    ids = panel_ids_for(user, roles)
    if ids is None:
        return queryset
    lookup = "pk__in" if field == "pk" else f"{field}__in"
    return queryset.filter(**{lookup: ids})
