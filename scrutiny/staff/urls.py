from django.urls import path

from . import views

app_name = "staff"

MEETING = "<slug:panel_slug>/meetings/<slug:meeting_slug>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:panel_slug>/meetings/new/", views.meeting_create, name="meeting_create"),
    path(MEETING, views.meeting_detail, name="meeting_detail"),
    path(f"{MEETING}items/new/", views.agenda_item_add, name="agenda_item_add"),
    path(f"{MEETING}items/standard/", views.agenda_standard_items, name="agenda_standard_items"),
    path(f"{MEETING}items/<int:item_id>/move/", views.agenda_item_move, name="agenda_item_move"),
    path(f"{MEETING}items/<int:item_id>/remove/", views.agenda_item_remove, name="agenda_item_remove"),
    path(f"{MEETING}items/<int:item_id>/release/", views.release_agenda_item, name="agenda_item_release"),
    path(f"{MEETING}publish/", views.agenda_publish, name="agenda_publish"),
    path(f"{MEETING}record/", views.meeting_day_record, name="meeting_day_record"),
    path(f"{MEETING}minutes/new/", views.minute_item_add, name="minute_item_add"),
    path(f"{MEETING}minutes/confirm/", views.minutes_confirm, name="minutes_confirm"),
    path(f"{MEETING}minutes/<int:item_id>/", views.minute_item_change, name="minute_item_change"),
]
