"""Performance endpoints, mounted inside the API's URLs (and so its "api" namespace) by scrutiny/api/urls.py."""

from django.urls import path

from . import api

urlpatterns = [
    path("panels/<slug:panel_slug>/measurements/", api.MeasurementCreate.as_view(), name="measurement_create"),
    path("panels/<slug:panel_slug>/indicators/", api.IndicatorList.as_view(), name="indicator_list"),
    path(
        "panels/<slug:panel_slug>/indicators/<slug:indicator_slug>/series/",
        api.IndicatorSeries.as_view(),
        name="indicator_series",
    ),
]
