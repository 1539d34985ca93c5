"""People and memberships in the admin. Writes go through scrutiny.members.services."""

from django.contrib import admin

from scrutiny.accounts.admin_site import PanelConsistentForm, PanelScopedAdmin, PanelScopedInline

from .models import Membership, OfficeHolder, Person
from .services import (
    membership_create,
    membership_delete,
    membership_end,
    membership_update,
    office_assign,
    office_update,
    person_create,
    person_update,
)


@admin.register(Person)
class PersonAdmin(PanelScopedAdmin):
    entity = "person"
    list_display = ["display_name", "role_title", "panel"]
    list_filter = [("panel", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["panel"]
    search_fields = ["name", "sort_name", "role_title"]
    fields = ["panel", "title", "name", "slug", "sort_name", "role_title", "email", "phone"]
    # The slug is made from the name once, and is the person's public address from then on.
    readonly_fields = ["slug"]

    def service_create(self, request, obj, values):
        return person_create(acting_user=request.user, **values)

    def service_update(self, request, stored, changes):
        return person_update(acting_user=request.user, person=stored, **changes)


class OfficeHolderInline(PanelScopedInline):
    model = OfficeHolder
    entity = "office"
    fields = ["office", "title_as_printed", "start_date", "end_date", "term_ends", "term_ends_precision", "elected_at"]

    def parents(self, obj):
        return [obj.membership]

    def service_create(self, request, obj, values):
        # Assigning an office ends the previous holder's tenure the day before.
        return office_assign(acting_user=request.user, membership=obj.membership, **values)

    def service_update(self, request, stored, changes):
        return office_update(acting_user=request.user, office=stored, **changes)


class MembershipForm(PanelConsistentForm):
    class Meta:
        model = Membership
        exclude = ["panel", "is_deleted", "deleted_at"]

    def _post_clean(self):
        # A membership belongs to its person's panel; set it before validation so that the council and
        # minute chosen are checked against that panel.
        person = self.cleaned_data.get("person")
        if person is not None:
            self.instance.panel_id = person.panel_id
        super()._post_clean()


@admin.register(Membership)
class MembershipAdmin(PanelScopedAdmin):
    entity = "membership"
    form = MembershipForm
    list_display = ["person", "kind", "council", "start_date", "end_date", "end_reason"]
    list_filter = ["kind", ("panel", admin.RelatedOnlyFieldListFilter), "end_reason"]
    list_select_related = ["person", "council"]
    search_fields = ["person__name", "label_as_printed"]
    date_hierarchy = "start_date"
    fields = [
        "person",
        "kind",
        "council",
        "label_as_printed",
        ("start_date", "start_precision"),
        "start_minute",
        ("end_date", "end_precision"),
        "end_reason",
        "notes",
    ]
    inlines = [OfficeHolderInline]

    def parents(self, obj):
        return [obj.person]

    def service_create(self, request, obj, values):
        return membership_create(acting_user=request.user, **values)

    def service_update(self, request, stored, changes):
        if stored.end_date is None and changes.get("end_date"):
            # Ending a membership ends any office held with it.
            return membership_end(
                acting_user=request.user,
                membership=stored,
                end_date=changes.pop("end_date"),
                reason=changes.pop("end_reason", stored.end_reason),
                **changes,
            )
        return membership_update(acting_user=request.user, membership=stored, **changes)

    def service_delete(self, request, obj):
        return membership_delete(acting_user=request.user, membership=obj)
