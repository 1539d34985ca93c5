from django.urls import path, register_converter

from . import views


class MeetingSlugConverter:
    """A meeting's date, with -2, -3 … when meetings share a day."""

    regex = r"\d{4}-\d{2}-\d{2}(?:-\d+)?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(MeetingSlugConverter, "meeting")

app_name = "public_site"

urlpatterns = [
    path("", views.index, name="index"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("<slug:panel_slug>/", views.panel_home, name="panel_home"),
    path("<slug:panel_slug>/members/", views.member_list, name="member_list"),
    path("<slug:panel_slug>/members/<slug:person_slug>/", views.member_detail, name="member_detail"),
    path("<slug:panel_slug>/meetings/", views.meeting_list, name="meeting_list"),
    path("<slug:panel_slug>/meetings/<int:year>/", views.meeting_list, name="meeting_list_year"),
    path("<slug:panel_slug>/meetings/<meeting:meeting_slug>/", views.meeting_detail, name="meeting_detail"),
    path(
        "<slug:panel_slug>/meetings/<meeting:meeting_slug>/agenda-pack.pdf",
        views.meeting_agenda_pack,
        name="meeting_agenda_pack",
    ),
    path(
        "<slug:panel_slug>/meetings/<meeting:meeting_slug>/supplementary-<int:number>.pdf",
        views.meeting_supplementary_pack,
        name="meeting_supplementary_pack",
    ),
    path("<slug:panel_slug>/meetings.ics", views.meeting_calendar, name="meeting_calendar"),
]
