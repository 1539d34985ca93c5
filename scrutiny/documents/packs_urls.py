from django.urls import path

from . import pack_views

app_name = "packs"

urlpatterns = [
    path("<slug:panel_slug>/meetings/<slug:meeting_slug>/", pack_views.meeting_packs, name="meeting_packs"),
    path(
        "<slug:panel_slug>/meetings/<slug:meeting_slug>/builds/",
        pack_views.pack_build_create,
        name="pack_build_create",
    ),
    path("builds/<int:build_id>/", pack_views.pack_build_detail, name="pack_build_detail"),
    path("builds/<int:build_id>/pack.pdf", pack_views.pack_build_download, name="pack_build_download"),
    path("builds/<int:build_id>/pack.html", pack_views.pack_build_html, name="pack_build_html"),
    path("publications/<int:publication_id>/build/", pack_views.publication_pack_build, name="publication_pack_build"),
]
