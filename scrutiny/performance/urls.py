"""Public performance pages, mounted at the site root before the public site's own routes:
/<panel>/performance/ and below."""

from django.urls import path, register_converter

from . import views


class DataFormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DataFormatConverter, "datafmt")

app_name = "performance"

urlpatterns = [
    path("<slug:panel_slug>/performance/", views.dashboard, name="dashboard"),
    path("<slug:panel_slug>/performance.<datafmt:fmt>", views.dashboard_data, name="dashboard_data"),
    path("<slug:panel_slug>/performance/<slug:indicator_slug>/", views.indicator_detail, name="indicator_detail"),
    path(
        "<slug:panel_slug>/performance/<slug:indicator_slug>.<datafmt:fmt>", views.indicator_data, name="indicator_data"
    ),
]
