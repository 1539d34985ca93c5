"""Meetings, with their agenda, attendance, minutes and declarations, and votes in the admin.

Writes go through scrutiny.meetings.services, so every change is audited and moves the meeting's modified
time on. Releasing an exempt item is done from the staff meeting page, where the release is its own act.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from scrutiny.accounts.admin_site import PanelScopedAdmin, PanelScopedInline

from .models import AgendaItem, Attendance, Declaration, Meeting, MinuteItem, Nomination, Vote
from .services import (
    agenda_item_create,
    agenda_item_delete,
    agenda_item_update,
    attendance_record,
    declaration_record,
    meeting_create,
    meeting_delete,
    meeting_update,
    minute_item_create,
    minute_item_update,
    vote_record,
)


class MeetingChildInline(PanelScopedInline):
    """A row that belongs to a meeting: changing it moves the meeting's modified time on."""

    def parents(self, obj):
        return [obj.meeting]


class AgendaItemInline(MeetingChildInline):
    model = AgendaItem
    entity = "agenda_item"
    fields = [
        "number",
        "order",
        "title",
        "description",
        "page_start",
        "page_end",
        "exempt",
        "exempt_paragraph",
        "exempt_reason",
        "released_at",
    ]
    readonly_fields = ["released_at"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}}

    def service_create(self, request, obj, values):
        if not values.get("order"):
            values.pop("order", None)  # the service puts a new item last
        return agenda_item_create(acting_user=request.user, meeting=obj.meeting, **values)

    def service_update(self, request, stored, changes):
        return agenda_item_update(acting_user=request.user, item=stored, **changes)

    def service_delete(self, request, obj):
        return agenda_item_delete(acting_user=request.user, item=obj)


class AttendanceInline(MeetingChildInline):
    model = Attendance
    entity = "attendance"
    fields = ["person", "status", "substitute_for", "council", "role_as_written", "order"]

    def service_create(self, request, obj, values):
        return attendance_record(acting_user=request.user, meeting=obj.meeting, **values)

    def service_update(self, request, stored, changes):
        if "person" in changes:
            return super().service_update(request, stored, changes)
        values = {"status": changes.pop("status", stored.status), **changes}
        return attendance_record(acting_user=request.user, meeting=stored.meeting, person=stored.person, **values)


class MinuteItemForm(forms.ModelForm):
    """Leave the number blank and the service numbers the minute by the panel's scheme."""

    class Meta:
        model = MinuteItem
        fields = ["number", "label", "order", "agenda_item", "title", "text", "resolutions"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("number", "label"):
            if name in self.fields:
                self.fields[name].required = False


class MinuteItemInline(MeetingChildInline):
    model = MinuteItem
    entity = "minute_item"
    form = MinuteItemForm
    fields = ["number", "label", "order", "agenda_item", "title", "text", "resolutions"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "agenda_item" and getattr(request, "scrutiny_meeting_id", None):
            formfield.queryset = formfield.queryset.filter(meeting_id=request.scrutiny_meeting_id)
        return formfield

    def service_create(self, request, obj, values):
        if not values.get("number"):
            values.pop("number", None)
            values.pop("label", None)
        if not values.get("order"):
            values.pop("order", None)
        return minute_item_create(acting_user=request.user, meeting=obj.meeting, **values)

    def service_update(self, request, stored, changes):
        return minute_item_update(acting_user=request.user, item=stored, **changes)


class DeclarationInline(MeetingChildInline):
    model = Declaration
    entity = "declaration"
    fields = ["person", "agenda_item", "kind", "description"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "agenda_item" and getattr(request, "scrutiny_meeting_id", None):
            formfield.queryset = formfield.queryset.filter(meeting_id=request.scrutiny_meeting_id)
        return formfield

    def service_create(self, request, obj, values):
        return declaration_record(acting_user=request.user, meeting=obj.meeting, **values)


@admin.register(Meeting)
class MeetingAdmin(PanelScopedAdmin):
    entity = "meeting"
    list_display = ["__str__", "panel", "start", "status", "venue", "staff_page"]
    list_filter = [("panel", admin.RelatedOnlyFieldListFilter), "status", "kind"]
    list_select_related = ["panel"]
    search_fields = ["venue", "notes", "slug"]
    date_hierarchy = "start"
    readonly_fields = ["slug"]
    fieldsets = [
        (None, {"fields": ["panel", "start", "ended_at", "venue", "kind", "status", "slug"]}),
        (_("Agenda"), {"fields": ["date_of_issue", "urgency_reason", "contact_officer"]}),
        (_("Record"), {"fields": ["declarations_state", "notes"]}),
    ]
    inlines = [AgendaItemInline, AttendanceInline, MinuteItemInline, DeclarationInline]

    @admin.display(description=_("Staff page"))
    def staff_page(self, meeting):
        url = reverse("staff:meeting_detail", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})
        return format_html('<a href="{}">{}</a>', url, _("Checks"))

    def get_object(self, request, object_id, from_field=None):
        meeting = super().get_object(request, object_id, from_field)
        if meeting is not None:
            request.scrutiny_meeting_id = meeting.pk
        return meeting

    def service_create(self, request, obj, values):
        return meeting_create(acting_user=request.user, **values)

    def service_update(self, request, stored, changes):
        return meeting_update(acting_user=request.user, meeting=stored, **changes)

    def service_delete(self, request, obj):
        return meeting_delete(acting_user=request.user, meeting=obj)


class NominationInline(PanelScopedInline):
    model = Nomination
    entity = "nomination"
    fields = ["person", "elected", "votes"]

    def parents(self, obj):
        return [obj.vote.meeting]


@admin.register(Vote)
class VoteAdmin(PanelScopedAdmin):
    entity = "vote"
    list_display = ["__str__", "meeting", "result", "votes_for", "votes_against", "abstentions"]
    list_filter = ["kind", "result", ("meeting__panel", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["meeting"]
    search_fields = ["office", "motion"]
    fields = [
        "meeting",
        "minute_item",
        "kind",
        "office",
        "motion",
        "result",
        "votes_for",
        "votes_against",
        "abstentions",
    ]
    inlines = [NominationInline]

    def parents(self, obj):
        return [obj.meeting]

    def get_object(self, request, object_id, from_field=None):
        vote = super().get_object(request, object_id, from_field)
        if vote is not None:
            request.scrutiny_meeting_id = vote.meeting_id
        return vote

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "minute_item" and getattr(request, "scrutiny_meeting_id", None):
            formfield.queryset = formfield.queryset.filter(meeting_id=request.scrutiny_meeting_id)
        return formfield

    def service_create(self, request, obj, values):
        return vote_record(acting_user=request.user, **values)
