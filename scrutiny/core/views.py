"""Views that belong to no domain."""

from django.http import HttpResponse


def healthz(request):
    """A liveness probe for load balancers; also the benchmarks' trivial view of the same server."""
    return HttpResponse(b"ok", content_type="text/plain")
