"""Panels and their councils in the admin. Writes go through scrutiny.panels.services."""

from django.contrib import admin

from scrutiny.accounts.admin_site import PanelScopedAdmin

from .models import Council, Panel
from .services import council_create, panel_create, panel_update


@admin.register(Panel)
class PanelAdmin(PanelScopedAdmin):
    """An officer keeps her panel's details up to date; only administrators create or delete panels."""

    entity = "panel"
    list_display = ["name", "slug", "force", "commissioner", "nation"]
    search_fields = ["name", "slug", "force", "policing_area"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "purpose", "policing_area", "force", "commissioner", "nation"]}),
        ("Contacts", {"fields": ["host_council", "contact_officer", "address", "website"]}),
        ("Alternative formats", {"fields": ["alternative_formats_email", "alternative_formats_phone"]}),
        ("Rules", {"fields": ["clear_days_mode", "minute_numbering", "first_minute_number"]}),
        (
            "Public participation",
            {"fields": ["participation_notice_days", "participation_deadline_time", "question_retention_days"]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The slug is every public address of the panel; only an administrator may change it.
        return [] if request.user.is_superuser else ["slug"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def service_create(self, request, obj, values):
        return panel_create(acting_user=request.user, **values)

    def service_update(self, request, stored, changes):
        return panel_update(acting_user=request.user, panel=stored, **changes)


@admin.register(Council)
class CouncilAdmin(PanelScopedAdmin):
    entity = "council"
    list_display = ["name", "panel", "website"]
    list_filter = [("panel", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["panel"]
    search_fields = ["name"]
    fields = ["panel", "name", "slug", "website"]

    def parents(self, obj):
        return [obj.panel]

    def service_create(self, request, obj, values):
        return council_create(acting_user=request.user, **values)
