"""The audit trail in the admin: read-only, and each panel's staff see only their panel's events."""

from django.contrib import admin

from scrutiny.accounts.admin_site import PanelScopedAdmin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(PanelScopedAdmin):
    """Written by the services, never edited nor deleted."""

    list_display = ["created", "actor", "action", "verb", "content_type", "object_repr"]
    list_filter = ["action", "verb", "content_type"]
    list_select_related = ["actor", "content_type"]
    search_fields = ["object_repr", "verb", "actor__username"]
    date_hierarchy = "created"
    fields = ["created", "actor", "panel_id", "action", "verb", "content_type", "object_id", "object_repr", "changes"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
