"""Actions and the work programme, mounted at the site root before the public site's own routes:
/<panel>/actions/, /<panel>/work-programme/ and the staff pages under /staff/<panel>/."""

from django.urls import path

from . import views

app_name = "work_programme"

STAFF = "staff/<slug:panel_slug>/"

urlpatterns = [
    path(f"{STAFF}actions/", views.staff_action_list, name="staff_action_list"),
    path(f"{STAFF}actions/<int:action_id>/close/", views.staff_action_close, name="staff_action_close"),
    path(f"{STAFF}work-programme/", views.staff_work_programme, name="staff_work_programme"),
    path(f"{STAFF}work-programme/propose/", views.staff_work_programme_propose, name="staff_work_programme_propose"),
    path(
        f"{STAFF}work-programme/<int:item_id>/drop/",
        views.staff_work_programme_item_drop,
        name="staff_work_programme_item_drop",
    ),
    path(f"{STAFF}papers/<slug:kind>/", views.staff_paper_generate, name="staff_paper_generate"),
    path("<slug:panel_slug>/actions/", views.action_list, name="action_list"),
    path("<slug:panel_slug>/work-programme/", views.work_programme, name="work_programme"),
]
