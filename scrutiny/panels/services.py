"""Writes to panels and councils."""

from django.utils.text import slugify

from scrutiny.core.services import object_save

from .models import Council, Panel


def panel_create(*, acting_user, name: str, slug: str = "", **fields) -> Panel:
    """Create a panel: the scoping body that owns its councils, members, meetings and minutes."""
    panel = Panel(name=name, slug=slug or slugify(name), **fields)
    object_save(instance=panel, acting_user=acting_user, verb="panel_create")
    panel.refresh_from_db()
    return panel


def panel_update(*, acting_user, panel: Panel, **fields) -> Panel:
    for name, value in fields.items():
        setattr(panel, name, value)
    return object_save(instance=panel, acting_user=acting_user, verb="panel_update", panel_id=panel.pk)


def council_create(*, acting_user, panel: Panel, name: str, slug: str = "", **fields) -> Council:
    """Record a local authority in the police area that appoints councillors to the panel."""
    council = Council(panel=panel, name=name, slug=slug or slugify(name)[:80], **fields)
    return object_save(
        instance=council, acting_user=acting_user, verb="council_create", panel_id=panel.pk, parents=[panel]
    )
