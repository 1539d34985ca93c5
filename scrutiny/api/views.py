"""API v1: read endpoints for panels, their meetings and members.

The public endpoints opt in to anonymous access and show only what the public may read. Anything staff-only
needs a token whose user holds a role on that panel; another panel's staff-only data is "not found".
"""

from datetime import date

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from scrutiny.accounts.permissions import can_view_panel
from scrutiny.meetings.checks import meeting_checks
from scrutiny.meetings.models import AgendaItem, Attendance, Meeting, MinuteItem
from scrutiny.members.selectors import memberships_current_on
from scrutiny.panels.models import Panel

from .errors import ErrorSerializer
from .serializers import (
    CheckSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
    MembershipSerializer,
    PanelSerializer,
)

NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such panel or meeting.")
UNAUTHORISED = OpenApiResponse(ErrorSerializer, description="No valid token was given.")


class PanelScopedMixin:
    """Views under /panels/<panel_slug>/: the panel, live, or 404."""

    def get_panel(self) -> Panel:
        if not hasattr(self, "_panel"):
            self._panel = get_object_or_404(Panel.objects.live(), slug=self.kwargs["panel_slug"])
        return self._panel

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "panel": self.get_panel()}


@extend_schema(tags=["panels"])
class PanelList(generics.ListAPIView):
    """Every panel on this site."""

    permission_classes = [AllowAny]
    serializer_class = PanelSerializer
    queryset = Panel.objects.live().order_by("name")


@extend_schema(tags=["panels"], responses={200: PanelSerializer, 404: NOT_FOUND})
class PanelDetail(generics.RetrieveAPIView):
    """One panel."""

    permission_classes = [AllowAny]
    serializer_class = PanelSerializer
    queryset = Panel.objects.live()
    lookup_field = "slug"
    lookup_url_kwarg = "panel_slug"


@extend_schema(tags=["meetings"], responses={200: MeetingSerializer(many=True), 404: NOT_FOUND})
class MeetingList(PanelScopedMixin, generics.ListAPIView):
    """The panel's meetings, latest first."""

    permission_classes = [AllowAny]
    serializer_class = MeetingSerializer

    def get_queryset(self):
        return Meeting.objects.live().filter(panel=self.get_panel()).order_by("-start")


@extend_schema(tags=["meetings"], responses={200: MeetingDetailSerializer, 404: NOT_FOUND})
class MeetingDetail(PanelScopedMixin, generics.RetrieveAPIView):
    """A meeting with its agenda, attendance and minutes.

    Exempt items show only their number, title and paragraph until released, and their minutes only their
    number and title; the panel's own staff, with a token, read them in full.
    """

    permission_classes = [AllowAny]
    serializer_class = MeetingDetailSerializer
    lookup_field = "slug"
    lookup_url_kwarg = "meeting_slug"

    def get_queryset(self):
        return (
            Meeting.objects.live()
            .filter(panel=self.get_panel())
            .prefetch_related(
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.live().order_by("order", "id"),
                    to_attr="live_agenda_items",
                ),
                Prefetch(
                    "minute_items",
                    queryset=MinuteItem.objects.live().select_related("agenda_item").order_by("order", "number"),
                    to_attr="live_minute_items",
                ),
                Prefetch(
                    "attendances",
                    queryset=Attendance.objects.live().select_related("person", "substitute_for__person"),
                    to_attr="live_attendances",
                ),
            )
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        # Only the panel's own staff (signed in with a token) read exempt items in full.
        context["show_exempt"] = can_view_panel(self.request.user, self.get_panel())
        return context


@extend_schema(tags=["members"], responses={200: MembershipSerializer(many=True), 404: NOT_FOUND})
class MemberList(PanelScopedMixin, generics.ListAPIView):
    """The panel's members today, with the offices they hold."""

    permission_classes = [AllowAny]
    serializer_class = MembershipSerializer

    def get_queryset(self):
        return memberships_current_on(self.get_panel(), date.today())


@extend_schema(
    tags=["staff"],
    responses={200: CheckSerializer(many=True), 401: UNAUTHORISED, 404: NOT_FOUND},
)
class MeetingChecks(PanelScopedMixin, APIView):
    """Staff only: what the rules say about the meeting as recorded (warnings, never refusals)."""

    permission_classes = [IsAuthenticated]

    def get(self, request, panel_slug, meeting_slug):
        panel = self.get_panel()
        if not can_view_panel(request.user, panel):
            raise NotFound
        meeting = get_object_or_404(Meeting.objects.live().select_related("panel"), panel=panel, slug=meeting_slug)
        return Response(CheckSerializer(meeting_checks(meeting), many=True).data)
