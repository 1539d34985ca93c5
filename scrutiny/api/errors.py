"""One error format for the whole API:

{"error": {"status": 404, "code": "not_found", "message": "Not found.", "fields": {...}}}

DRF's exceptions are shaped by `exception_handler`; Django's own 400, 403, 404 and 500 responses (an address
no API view matches, a rejected host) are shaped by the `handler*` views, which config/urls.py installs and
which answer in this format under /api/ and with the site's HTML pages elsewhere.
"""

from django.http import JsonResponse
from django.views import defaults
from rest_framework import serializers
from rest_framework.views import exception_handler as drf_exception_handler

API_PREFIX = "/api/"


def error_body(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "fields": fields or {}}}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    fields = {}
    code = getattr(exc, "default_code", "error")
    if isinstance(detail, dict) and "detail" in detail:
        message = str(detail["detail"])
        code = getattr(detail["detail"], "code", code)
    elif isinstance(detail, dict):
        message = "The request was not valid."
        fields = {k: [str(e) for e in (v if isinstance(v, list) else [v])] for k, v in detail.items()}
        code = "invalid"
    elif isinstance(detail, list):
        message = " ".join(str(e) for e in detail)
        code = "invalid"
    else:
        message = str(detail)
    response.data = error_body(response.status_code, code, message, fields)
    return response


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def handler400(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body(400, "bad_request", "The request was not valid."), status=400)
    return defaults.bad_request(request, exception)


def handler403(request, exception=None):
    if _is_api(request):
        return JsonResponse(
            error_body(403, "permission_denied", "You do not have permission to perform this action."), status=403
        )
    return defaults.permission_denied(request, exception)


def handler404(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body(404, "not_found", "Not found."), status=404)
    return defaults.page_not_found(request, exception)


def handler500(request):
    if _is_api(request):
        return JsonResponse(error_body(500, "server_error", "A server error occurred."), status=500)
    return defaults.server_error(request)


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For a request that was not valid: the messages for each field.",
    )


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (for the schema)."""

    error = ErrorDetailSerializer()
