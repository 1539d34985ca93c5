"""The admin, arranged for scrutiny officers.

Who may use it is decided by panel roles, not Django's model permissions: an officer changes her panel's
records, a panel member or the PCC's office may look at them, an administrator (superuser) does everything.
Every page is scoped to the user's panels; another panel's object is "not found". Two-factor sign-in is
demanded as on the staff pages.

Every save and delete goes through the services, so that the admin validates, audits and touches parents
exactly as the rest of the platform does: deleting leaves a tombstone, never removes a row.
"""

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Model
from django.forms.models import BaseInlineFormSet, ModelForm
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from scrutiny.core.services import object_save, object_tombstone

from .permissions import (
    EDITOR_ROLES,
    can_edit_panel,
    can_view_panel,
    is_editor,
    is_staff_user,
    panel_id_of,
    panel_lookup,
    scope_to_panels,
)
from .verification import needs_verification, verification_redirect


class ScrutinyAdminSite(admin.AdminSite):
    """Open to anyone holding a role on a panel, once past the second factor."""

    site_header = _("Scrutiny administration")
    site_title = _("Scrutiny")
    index_title = _("Panel records")

    def has_permission(self, request):
        user = request.user
        return user.is_active and is_staff_user(user) and not needs_verification(user)

    def login(self, request, extra_context=None):
        """Staff sign in through the two-factor login page; the admin has no password form of its own."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url)
        redirect = verification_redirect(request, next_url)
        if redirect is not None:
            return redirect
        if not is_staff_user(request.user):
            raise PermissionDenied
        return HttpResponseRedirect(next_url)


def form_values(form, obj: Model, exclude=()) -> dict:
    """The model field values the form set on `obj`: the keyword arguments for a `<entity>_create` service."""
    names = {f.name for f in obj._meta.concrete_fields if not f.primary_key}
    return {name: getattr(obj, name) for name in form.fields if name in names and name not in exclude}


def adopt(obj: Model, saved: Model) -> None:
    """Copy what a service saved back onto the admin's own instance, which the admin goes on using."""
    if saved is obj:
        return
    for field in obj._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding = False
    obj._state.db = saved._state.db


class TombstoneFilter(admin.SimpleListFilter):
    """Lists show current rows unless asked for the deleted ones (deleting leaves a tombstone)."""

    title = _("current or deleted")
    parameter_name = "record"

    def lookups(self, request, model_admin):
        return [("deleted", _("Deleted")), ("all", _("Current and deleted"))]

    def choices(self, changelist):
        for value, label in [(None, _("Current")), *self.lookup_choices]:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value} if value else {}, [self.parameter_name]
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        return queryset.filter(is_deleted=self.value() == "deleted")


class PanelScopedChoicesMixin:
    """Foreign-key choices come only from panels the user may edit, and from the edited object's own panel."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        lookup = panel_lookup(db_field.related_model)
        if lookup is not None and "queryset" not in kwargs:
            queryset = scope_to_panels(
                db_field.related_model._default_manager.all(), request.user, field=lookup, roles=EDITOR_ROLES
            )
            panel_id = getattr(request, "scrutiny_panel_id", None)
            if panel_id is not None:
                queryset = queryset.filter(**{lookup: panel_id})
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _foreign_panel_errors(form, panel_id) -> None:
    """Add an error to every chosen object that belongs to a panel other than `panel_id`."""
    if panel_id is None:
        return
    for name, value in form.cleaned_data.items():
        chosen = isinstance(value, Model) and panel_lookup(type(value)) and name in form.fields
        if chosen and panel_id_of(value) != panel_id:
            form.add_error(name, _("This belongs to another panel."))


class PanelConsistentForm(ModelForm):
    """Everything an object points to belongs to the object's own panel."""

    def _post_clean(self):
        super()._post_clean()
        if type(self.instance)._meta.label_lower != "panels.panel":
            _foreign_panel_errors(self, panel_id_of(self.instance))


class PanelConsistentInlineFormSet(BaseInlineFormSet):
    """Every row of an inline points only to objects of its parent's panel."""

    def clean(self):
        super().clean()
        panel_id = panel_id_of(self.instance)
        for form in self.forms:
            if hasattr(form, "cleaned_data") and not self._should_delete_form(form):
                _foreign_panel_errors(form, panel_id)


class ServiceWrites:
    """How an admin writes: through the services. Subclasses name their entity and, where the app has a
    specific service (`meeting_create`, `agenda_item_release`), call it; otherwise the generic `object_save`
    and `object_tombstone` record `<entity>_create`, `<entity>_update` and `<entity>_delete`."""

    entity = ""

    def parents(self, obj) -> list:
        """Objects whose `modified` time a change to `obj` moves on (the meeting of an agenda item)."""
        return []

    def service_create(self, request, obj, values: dict) -> Model:
        return object_save(
            instance=obj,
            acting_user=request.user,
            verb=f"{self.entity}_create",
            panel_id=panel_id_of(obj),
            parents=self.parents(obj),
        )

    def service_update(self, request, stored, changes: dict) -> Model:
        for name, value in changes.items():
            setattr(stored, name, value)
        return object_save(
            instance=stored,
            acting_user=request.user,
            verb=f"{self.entity}_update",
            panel_id=panel_id_of(stored),
            parents=self.parents(stored),
        )

    def service_delete(self, request, obj) -> Model:
        return object_tombstone(
            instance=obj,
            acting_user=request.user,
            verb=f"{self.entity}_delete",
            panel_id=panel_id_of(obj),
            parents=self.parents(obj),
        )

    def _require_editable(self, request, obj) -> None:
        if not can_edit_panel(request.user, panel_id_of(obj)):
            raise PermissionDenied

    def write(self, request, obj, form, change: bool, exclude=()) -> None:
        """Create or update `obj` through the services, from the form that changed it."""
        self._require_editable(request, obj)
        if change:
            stored = type(obj)._base_manager.get(pk=obj.pk)
            self._require_editable(request, stored)
            names = {f.name for f in obj._meta.concrete_fields}
            changes = {name: getattr(obj, name) for name in form.changed_data if name in names}
            saved = self.service_update(request, stored, changes) if changes else stored
        else:
            saved = self.service_create(request, obj, form_values(form, obj, exclude=exclude))
        adopt(obj, saved)

    def tombstone(self, request, obj) -> None:
        self._require_editable(request, obj)
        self.service_delete(request, obj)


class PanelScopedAdmin(PanelScopedChoicesMixin, ServiceWrites, admin.ModelAdmin):
    """A ModelAdmin for a panel-owned model: scoped, role-permissioned, writing through the services."""

    form = PanelConsistentForm
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # Scope ------------------------------------------------------------------------------------------------

    def get_queryset(self, request):
        return scope_to_panels(super().get_queryset(request), request.user, field=panel_lookup(self.model))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            request.scrutiny_panel_id = panel_id_of(obj)
        return obj

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if hasattr(self.model, "is_deleted"):
            filters.append(TombstoneFilter)
        return filters

    # Permissions: panel roles, not Django's model permissions ---------------------------------------------

    def has_module_permission(self, request):
        return is_staff_user(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return is_staff_user(request.user)
        return can_view_panel(request.user, panel_id_of(obj))

    def has_add_permission(self, request):
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return is_editor(request.user)
        return not getattr(obj, "is_deleted", False) and can_edit_panel(request.user, panel_id_of(obj))

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    # Writes ------------------------------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A rule a service enforces (and the form could not see) is shown as a message; nothing is saved."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        self.write(request, obj, form, change)

    def delete_model(self, request, obj):
        self.tombstone(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.tombstone(request, obj)

    def get_deleted_objects(self, objs, request):
        """Deleting leaves a tombstone and cascades to nothing, so only the chosen objects are listed."""
        opts = self.model._meta
        objs = list(objs)
        perms_needed = set()
        if not all(self.has_delete_permission(request, obj) for obj in objs):
            perms_needed.add(opts.verbose_name)
        deleted = [f"{capfirst(opts.verbose_name)}: {obj}" for obj in objs]
        return deleted, {opts.verbose_name_plural: len(objs)}, perms_needed, []

    def save_formset(self, request, form, formset, change):
        inline = next(i for i in self.get_inline_instances(request, form.instance) if i.model is formset.model)
        formset.save(commit=False)
        forms_by_instance = {id(f.instance): f for f in formset.forms}
        for obj in formset.deleted_objects:
            inline.tombstone(request, obj)
        for obj in formset.new_objects:
            inline.write(request, obj, forms_by_instance[id(obj)], change=False, exclude=[formset.fk.name])
        for obj, _changed in formset.changed_objects:
            inline.write(request, obj, forms_by_instance[id(obj)], change=True)


class PanelScopedInline(PanelScopedChoicesMixin, ServiceWrites, admin.TabularInline):
    """An inline on a panel-owned parent: current rows only, permissions from the parent's panel."""

    formset = PanelConsistentInlineFormSet
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 0
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(is_deleted=False)

    def has_view_permission(self, request, obj=None):
        return is_staff_user(request.user) if obj is None else can_view_panel(request.user, panel_id_of(obj))

    def has_add_permission(self, request, obj=None):
        if obj is None:
            return is_editor(request.user)
        return not getattr(obj, "is_deleted", False) and can_edit_panel(request.user, panel_id_of(obj))

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)
