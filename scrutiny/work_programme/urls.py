"""Actions, recommendations, task groups and the work programme, mounted at the site root before the public
site's own routes: /<panel>/actions/, /<panel>/recommendations/, /<panel>/task-groups/,
/<panel>/work-programme/, the statutory processes (/<panel>/precept/<2024-25>/,
/<panel>/confirmation-hearings/<id>/) and the staff pages under /staff/<panel>/."""

from django.urls import path

from . import statutory_views, views

app_name = "work_programme"

STAFF = "staff/<slug:panel_slug>/"
PRECEPT_YEAR = "precept/<slug:year_slug>/"
HEARING = "confirmation-hearings/<int:hearing_id>/"

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
    path(f"{STAFF}precept/", statutory_views.staff_precept_list, name="staff_precept_list"),
    path(f"{STAFF}precept/new/", statutory_views.staff_precept_start, name="staff_precept_start"),
    path(f"{STAFF}{PRECEPT_YEAR}", statutory_views.staff_precept_detail, name="staff_precept_detail"),
    path(f"{STAFF}{PRECEPT_YEAR}notification/", statutory_views.staff_precept_notify, name="staff_precept_notify"),
    path(f"{STAFF}{PRECEPT_YEAR}decision/", statutory_views.staff_precept_decide, name="staff_precept_decide"),
    path(f"{STAFF}{PRECEPT_YEAR}revised/", statutory_views.staff_precept_revise, name="staff_precept_revise"),
    path(
        f"{STAFF}{PRECEPT_YEAR}second-report/",
        statutory_views.staff_precept_second_report,
        name="staff_precept_second_report",
    ),
    path(
        f"{STAFF}{PRECEPT_YEAR}final-response/",
        statutory_views.staff_precept_final_response,
        name="staff_precept_final_response",
    ),
    path(f"{STAFF}{PRECEPT_YEAR}issue/", statutory_views.staff_precept_issue, name="staff_precept_issue"),
    path(f"{STAFF}confirmation-hearings/", statutory_views.staff_hearing_list, name="staff_hearing_list"),
    path(f"{STAFF}confirmation-hearings/new/", statutory_views.staff_hearing_notify, name="staff_hearing_notify"),
    path(f"{STAFF}{HEARING}", statutory_views.staff_hearing_detail, name="staff_hearing_detail"),
    path(f"{STAFF}{HEARING}decision/", statutory_views.staff_hearing_decide, name="staff_hearing_decide"),
    path(f"{STAFF}{HEARING}response/", statutory_views.staff_hearing_respond, name="staff_hearing_respond"),
    path("<slug:panel_slug>/actions/", views.action_list, name="action_list"),
    path("<slug:panel_slug>/actions/<int:action_id>/evidence/", views.action_evidence, name="action_evidence"),
    path("<slug:panel_slug>/recommendations/", views.recommendation_list, name="recommendation_list"),
    path("<slug:panel_slug>/task-groups/", views.task_group_list, name="task_group_list"),
    path("<slug:panel_slug>/work-programme/", views.work_programme, name="work_programme"),
    path("<slug:panel_slug>/precept/", statutory_views.precept_list, name="precept_list"),
    path(f"<slug:panel_slug>/{PRECEPT_YEAR}", statutory_views.precept_detail, name="precept_detail"),
    path("<slug:panel_slug>/confirmation-hearings/", statutory_views.hearing_list, name="hearing_list"),
    path(f"<slug:panel_slug>/{HEARING}", statutory_views.hearing_detail, name="hearing_detail"),
]
