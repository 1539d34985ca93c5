from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:panel_slug>/meetings/<slug:meeting_slug>/", views.meeting_detail, name="meeting_detail"),
    path(
        "<slug:panel_slug>/meetings/<slug:meeting_slug>/items/<int:item_id>/release/",
        views.release_agenda_item,
        name="agenda_item_release",
    ),
]
