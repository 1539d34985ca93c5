"""User accounts and their panel roles: for administrators only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .admin_site import form_values
from .models import PanelRole, User
from .services import panel_role_grant, panel_role_revoke, panel_role_update, user_password_changed, user_save


class AdministratorsOnly:
    """Accounts and roles decide who sees what, so only administrators (superusers) manage them."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class PanelRoleInline(AdministratorsOnly, admin.TabularInline):
    model = PanelRole
    fields = ["panel", "role"]
    extra = 0


@admin.register(User)
class UserAdmin(AdministratorsOnly, DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            _("Access"),
            {
                "fields": ("is_active", "is_superuser"),
                "description": _(
                    "What a user may see and change comes from their roles on panels, below. "
                    "An administrator (superuser) may see and change every panel."
                ),
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    list_display = ["username", "email", "first_name", "last_name", "is_superuser", "is_active"]
    list_filter = ["is_superuser", "is_active", "panel_roles__role", "panel_roles__panel"]
    inlines = [PanelRoleInline]

    def save_model(self, request, obj, form, change):
        user_save(acting_user=request.user, user=obj)

    def user_change_password(self, request, id, form_url=""):
        # Django's own view saves the form; the audit event is written in the same transaction (log_change).
        with transaction.atomic():
            return super().user_change_password(request, id, form_url)

    def log_change(self, request, obj, message):
        if request.resolver_match and request.resolver_match.url_name == "auth_user_password_change":
            user_password_changed(acting_user=request.user, user=obj)
        return super().log_change(request, obj, message)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        forms_by_instance = {id(f.instance): f for f in formset.forms}
        for panel_role in formset.deleted_objects:
            panel_role_revoke(acting_user=request.user, panel_role=panel_role)
        for panel_role in formset.new_objects:
            values = form_values(forms_by_instance[id(panel_role)], panel_role, exclude=["user"])
            panel_role_grant(acting_user=request.user, user=form.instance, **values)
        for panel_role, changed in formset.changed_objects:
            stored = PanelRole.objects.get(pk=panel_role.pk)
            panel_role_update(
                acting_user=request.user, panel_role=stored, **{name: getattr(panel_role, name) for name in changed}
            )
