"""Public participation: the public form (under the meeting's public address) and the officer's pages
(under /staff/questions/). Included at the site root, before scrutiny.public_site.urls."""

from django.urls import path

from . import participation_views as views

app_name = "participation"

MEETING = "<slug:panel_slug>/<slug:meeting_slug>/"

urlpatterns = [
    path(
        "<slug:panel_slug>/meetings/<slug:meeting_slug>/questions/new/", views.question_create, name="question_create"
    ),
    path("<slug:panel_slug>/meetings/<slug:meeting_slug>/questions/sent/", views.question_sent, name="question_sent"),
    path("<slug:panel_slug>/privacy/questions/", views.privacy_notice, name="privacy_notice"),
    path(f"staff/questions/{MEETING}", views.staff_question_list, name="staff_question_list"),
    path(f"staff/questions/{MEETING}<int:question_id>/", views.staff_question_decide, name="staff_question_decide"),
]
