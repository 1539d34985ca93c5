"""Staff pages for papers, under /staff/papers/."""

from django.urls import path

from . import paper_views

app_name = "papers"

urlpatterns = [
    path("items/<int:item_id>/upload/", paper_views.paper_upload, name="paper_upload"),
    path("items/<int:item_id>/write/", paper_views.paper_create, name="paper_create"),
    path("<int:pk>/", paper_views.paper_detail, name="paper_detail"),
    path("<int:pk>/edit/", paper_views.paper_update, name="paper_update"),
    path("<int:pk>/files/add/", paper_views.paper_file_add, name="paper_file_add"),
    path("<int:pk>/files/<int:file_id>/", paper_views.paper_file_download, name="paper_file_download"),
    path(
        "<int:pk>/files/<int:file_id>/extract-text/",
        paper_views.paper_file_text_extract,
        name="paper_file_text_extract",
    ),
    path("<int:pk>/submit/", paper_views.paper_submit, name="paper_submit"),
    path("<int:pk>/accept/", paper_views.paper_accept, name="paper_accept"),
    path("<int:pk>/return/", paper_views.paper_return, name="paper_return"),
    path("<int:pk>/release/", paper_views.paper_release, name="paper_release"),
    path("<int:pk>/new-version/", paper_views.paper_new_version, name="paper_new_version"),
    path("<int:pk>/delete/", paper_views.paper_delete, name="paper_delete"),
]
