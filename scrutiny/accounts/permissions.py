"""Who may see and change which panel's data. Every staff view, admin page and API endpoint asks here.

Administrators (superusers) may see and change every panel. A scrutiny officer changes her own panel's data;
panel members and the PCC's office may see their panel's staff pages but change nothing. Another panel's
objects are answered with "not found", so that their existence is not revealed.
"""

from django.db.models import Model, QuerySet

from .choices import Role

EDITOR_ROLES = {Role.SCRUTINY_OFFICER}
STAFF_ROLES = {Role.SCRUTINY_OFFICER, Role.PANEL_MEMBER, Role.PCC_OFFICE}

# How each panel-owned model reaches its panel, as a queryset lookup ("pk" for the panel itself).
PANEL_LOOKUPS = {
    "panels.panel": "pk",
    "panels.council": "panel",
    "members.person": "panel",
    "members.membership": "panel",
    "members.officeholder": "membership__panel",
    "meetings.meeting": "panel",
    "meetings.agendaitem": "meeting__panel",
    "meetings.attendance": "meeting__panel",
    "meetings.declaration": "meeting__panel",
    "meetings.minuteitem": "meeting__panel",
    "meetings.vote": "meeting__panel",
    "meetings.nomination": "vote__meeting__panel",
    "core.auditevent": "panel_id",
    "accounts.panelrole": "panel",
}


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


def _panel_pk(panel) -> int | None:
    return panel if panel is None or isinstance(panel, int) else panel.pk


def can_view_panel(user, panel) -> bool:
    """`panel` is a Panel or its id."""
    ids = panel_ids_for(user)
    return ids is None or _panel_pk(panel) in ids


def can_edit_panel(user, panel) -> bool:
    """`panel` is a Panel or its id."""
    ids = panel_ids_for(user, EDITOR_ROLES)
    return ids is None or _panel_pk(panel) in ids


def is_staff_user(user) -> bool:
    """Whether the user holds any role on any panel (or is an administrator)."""
    ids = panel_ids_for(user)
    return ids is None or bool(ids)


def is_editor(user) -> bool:
    """Whether the user may change some panel's data."""
    ids = panel_ids_for(user, EDITOR_ROLES)
    return ids is None or bool(ids)


def scope_to_panels(queryset: QuerySet, user, *, field: str = "panel", roles=STAFF_ROLES) -> QuerySet:
    """Restrict `queryset` to the panels the user holds a role on (all of them for an administrator)."""
    ids = panel_ids_for(user, roles)
    if ids is None:
        return queryset
    lookup = "pk__in" if field == "pk" else f"{field}__in"
    return queryset.filter(**{lookup: ids})


def panel_lookup(model) -> str | None:
    """The lookup from `model` to its panel, or None for a model no panel owns."""
    return PANEL_LOOKUPS.get(model._meta.label_lower)


def panel_id_of(obj: Model) -> int | None:
    """The id of the panel that owns `obj`, following its parents (an agenda item's meeting's panel)."""
    lookup = panel_lookup(type(obj))
    if lookup is None:
        return None
    if lookup == "pk":
        return obj.pk
    if lookup == "panel_id":
        return obj.panel_id
    *parents, last = lookup.split("__")
    for name in parents:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)
