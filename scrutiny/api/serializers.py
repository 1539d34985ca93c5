"""What the API shows of panels, meetings and members.

An exempt agenda item (LGA 1972 Sch 12A) shows only its number, title and paragraph until it is released;
its minutes only their number and title. Staff of the panel, signing in with a token, see them in full.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from scrutiny.meetings.models import AgendaItem, Attendance, Meeting, MinuteItem
from scrutiny.members.models import Membership
from scrutiny.panels.models import Panel


class PanelSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    meetings_url = serializers.SerializerMethodField()
    members_url = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Panel
        fields = [
            "slug",
            "name",
            "purpose",
            "policing_area",
            "force",
            "commissioner",
            "nation",
            "website",
            "url",
            "meetings_url",
            "members_url",
            "web_url",
        ]

    def _reverse(self, name, panel):
        return reverse(name, kwargs={"panel_slug": panel.slug}, request=self.context.get("request"))

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, panel):
        return self._reverse("api:panel_detail", panel)

    @extend_schema_field(OpenApiTypes.URI)
    def get_meetings_url(self, panel):
        return self._reverse("api:meeting_list", panel)

    @extend_schema_field(OpenApiTypes.URI)
    def get_members_url(self, panel):
        return self._reverse("api:member_list", panel)

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, panel):
        return self._reverse("public_site:panel_home", panel)


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = ["slug", "start", "ended_at", "venue", "kind", "status", "date_of_issue", "url", "web_url"]

    def _url_kwargs(self, meeting):
        return {"panel_slug": self.context["panel"].slug, "meeting_slug": meeting.slug}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, meeting):
        return reverse("api:meeting_detail", kwargs=self._url_kwargs(meeting), request=self.context.get("request"))

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, meeting):
        return reverse(
            "public_site:meeting_detail", kwargs=self._url_kwargs(meeting), request=self.context.get("request")
        )


class RestrictedContentSerializer(serializers.ModelSerializer):
    """Blanks the `restricted_fields` of an item the public may not read, unless the reader is the panel's staff."""

    restricted_fields: tuple[str, ...] = ()
    is_public = serializers.BooleanField(read_only=True, help_text="Whether the public may read the item in full.")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not (instance.is_public or self.context.get("show_exempt")):
            for name in self.restricted_fields:
                data[name] = None
        return data


class AgendaItemSerializer(RestrictedContentSerializer):
    restricted_fields = ("description", "page_start", "page_end", "exempt_reason")
    description = serializers.CharField(read_only=True, allow_null=True)
    exempt_reason = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "description",
            "page_start",
            "page_end",
            "exempt",
            "exempt_paragraph",
            "exempt_reason",
            "released_at",
            "is_public",
        ]


class MinuteItemSerializer(RestrictedContentSerializer):
    restricted_fields = ("text", "resolutions")
    agenda_item = serializers.SlugRelatedField(
        slug_field="number", read_only=True, allow_null=True, help_text="The number of the agenda item minuted."
    )
    text = serializers.CharField(read_only=True, allow_null=True)
    resolutions = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = MinuteItem
        fields = ["number", "label", "title", "agenda_item", "text", "resolutions", "is_public"]


class AttendanceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.display_name", read_only=True)
    substitute_for = serializers.CharField(
        source="substitute_for.person.display_name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Attendance
        fields = ["name", "status", "role_as_written", "substitute_for"]


class MeetingDetailSerializer(MeetingSerializer):
    agenda_items = AgendaItemSerializer(many=True, read_only=True, source="live_agenda_items")
    minutes = MinuteItemSerializer(many=True, read_only=True, source="live_minute_items")
    attendance = AttendanceSerializer(many=True, read_only=True, source="live_attendances")

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "declarations_state", "agenda_items", "attendance", "minutes"]


class OfficeSerializer(serializers.Serializer):
    office = serializers.CharField()
    title = serializers.CharField()
    start_date = serializers.DateField()


class MembershipSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.display_name", read_only=True)
    person_slug = serializers.CharField(source="person.slug", read_only=True)
    council = serializers.CharField(source="council.name", read_only=True, allow_null=True, default=None)
    offices = OfficeSerializer(many=True, read_only=True, source="offices_held")

    class Meta:
        model = Membership
        fields = ["name", "person_slug", "kind", "council", "label_as_printed", "start_date", "offices"]


class CheckSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=["warning", "info"])
    message = serializers.CharField()
