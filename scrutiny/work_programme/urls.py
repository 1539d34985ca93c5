"""Actions, recommendations, task groups and the work programme, mounted at the site root before the public
site's own routes: /<panel>/actions/, /<panel>/recommendations/, /<panel>/task-groups/,
/<panel>/work-programme/ and the staff pages under /staff/<panel>/."""

from django.urls import path

from . import views

app_name = "work_programme"

STAFF = "staff/<slug:panel_slug>/"

urlpatterns = [
    path(f"{STAFF}actions/", views.staff_action_list, name="staff_action_list"),
    path(f"{STAFF}actions/new/", views.staff_action_create, name="staff_action_create"),
    path(f"{STAFF}actions/<int:action_id>/edit/", views.staff_action_update, name="staff_action_update"),
    path(f"{STAFF}actions/<int:action_id>/evidence/", views.staff_action_evidence, name="staff_action_evidence"),
    path(f"{STAFF}actions/<int:action_id>/close/", views.staff_action_close, name="staff_action_close"),
    path(f"{STAFF}recommendations/", views.staff_recommendation_list, name="staff_recommendation_list"),
    path(f"{STAFF}recommendations/new/", views.staff_recommendation_create, name="staff_recommendation_create"),
    path(
        f"{STAFF}recommendations/<int:recommendation_id>/edit/",
        views.staff_recommendation_update,
        name="staff_recommendation_update",
    ),
    path(
        f"{STAFF}recommendations/<int:recommendation_id>/response/",
        views.staff_recommendation_respond,
        name="staff_recommendation_respond",
    ),
    path(f"{STAFF}task-groups/", views.staff_task_group_list, name="staff_task_group_list"),
    path(f"{STAFF}task-groups/new/", views.staff_task_group_create, name="staff_task_group_create"),
    path(f"{STAFF}task-groups/<int:group_id>/edit/", views.staff_task_group_update, name="staff_task_group_update"),
    path(f"{STAFF}champions/new/", views.staff_champion_role_create, name="staff_champion_role_create"),
    path(
        f"{STAFF}champions/<int:role_id>/remove/", views.staff_champion_role_remove, name="staff_champion_role_remove"
    ),
    path(f"{STAFF}work-programme/", views.staff_work_programme, name="staff_work_programme"),
    path(f"{STAFF}work-programme/propose/", views.staff_work_programme_propose, name="staff_work_programme_propose"),
    path(
        f"{STAFF}work-programme/<int:item_id>/drop/",
        views.staff_work_programme_item_drop,
        name="staff_work_programme_item_drop",
    ),
    path(f"{STAFF}papers/<slug:kind>/", views.staff_paper_generate, name="staff_paper_generate"),
    path("<slug:panel_slug>/actions/", views.action_list, name="action_list"),
    path("<slug:panel_slug>/actions/<int:action_id>/evidence/", views.action_evidence, name="action_evidence"),
    path("<slug:panel_slug>/recommendations/", views.recommendation_list, name="recommendation_list"),
    path("<slug:panel_slug>/task-groups/", views.task_group_list, name="task_group_list"),
    path("<slug:panel_slug>/work-programme/", views.work_programme, name="work_programme"),
]
