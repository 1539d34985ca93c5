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
    path("staff/papers/", include("scrutiny.documents.papers_urls")),
    path("staff/packs/", include("scrutiny.documents.packs_urls")),
    path("staff/", include("scrutiny.staff.urls")),
    path("api/v1/", include("scrutiny.api.urls")),
    path("", include("scrutiny.search.urls")),
    path("", include("scrutiny.performance.urls")),
    path("", include("scrutiny.work_programme.participation_urls")),
    path("", include("scrutiny.work_programme.urls")),
    path("", include("scrutiny.public_site.urls")),
]

# Under /api/ errors answer in the API's one error format; elsewhere, the site's own pages.
handler400 = "scrutiny.api.errors.handler400"
handler403 = "scrutiny.api.errors.handler403"
handler404 = "scrutiny.api.errors.handler404"
handler500 = "scrutiny.api.errors.handler500"
