from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("panels/", views.PanelList.as_view(), name="panel_list"),
    path("panels/<slug:panel_slug>/", views.PanelDetail.as_view(), name="panel_detail"),
    path("panels/<slug:panel_slug>/meetings/", views.MeetingList.as_view(), name="meeting_list"),
    path(
        "panels/<slug:panel_slug>/meetings/<slug:meeting_slug>/", views.MeetingDetail.as_view(), name="meeting_detail"
    ),
    path(
        "panels/<slug:panel_slug>/meetings/<slug:meeting_slug>/checks/",
        views.MeetingChecks.as_view(),
        name="meeting_checks",
    ),
    path("panels/<slug:panel_slug>/members/", views.MemberList.as_view(), name="member_list"),
    path("", include("scrutiny.performance.urls_api")),
]
