"""Performance pages, mounted at the site root before the public site's own routes: the public
/<panel>/performance/ and below, and the staff pages under /staff/<panel>/performance/ (listed first, so
that no public route can take them)."""

from django.urls import path, register_converter

from . import staff_views, views


class DataFormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class ReportFormatConverter(DataFormatConverter):
    regex = "pdf|html"


register_converter(DataFormatConverter, "datafmt")
register_converter(ReportFormatConverter, "reportfmt")

app_name = "performance"

STAFF = "staff/<slug:panel_slug>/performance/"

urlpatterns = [
    path(STAFF, staff_views.staff_home, name="staff_home"),
    path(f"{STAFF}measurements/new/", staff_views.staff_measurement_record, name="staff_measurement_record"),
    path(f"{STAFF}measurements/upload/", staff_views.staff_measurements_import, name="staff_measurements_import"),
    path(f"{STAFF}narratives/", staff_views.staff_narrative_list, name="staff_narrative_list"),
    path(
        f"{STAFF}narratives/<slug:indicator_slug>/<int:period_id>/",
        staff_views.staff_narrative_edit,
        name="staff_narrative_edit",
    ),
    path(
        f"{STAFF}reports/<int:paper_id>.<reportfmt:fmt>",
        staff_views.staff_report_download,
        name="staff_report_download",
    ),
    path("<slug:panel_slug>/performance/", views.dashboard, name="dashboard"),
    path(
        "<slug:panel_slug>/performance/reports/<int:paper_id>.<reportfmt:fmt>",
        views.report_download,
        name="report_download",
    ),
    path("<slug:panel_slug>/performance.<datafmt:fmt>", views.dashboard_data, name="dashboard_data"),
    path("<slug:panel_slug>/performance/<slug:indicator_slug>/", views.indicator_detail, name="indicator_detail"),
    path(
        "<slug:panel_slug>/performance/<slug:indicator_slug>.<datafmt:fmt>", views.indicator_data, name="indicator_data"
    ),
]
