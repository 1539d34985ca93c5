from django.contrib import admin
from django.urls import include, path
from two_factor.urls import urlpatterns as two_factor_urls

from scrutiny.core.views import healthz

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include(two_factor_urls)),
    path("accounts/", include("scrutiny.accounts.urls")),
    path("admin/", admin.site.urls),
    path("staff/", include("scrutiny.staff.urls")),
    path("api/v1/", include("scrutiny.api.urls")),
    path("", include("scrutiny.public_site.urls")),
]
