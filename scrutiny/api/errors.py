"""One error format for the whole API:

{"error": {"status": 404, "code": "not_found", "message": "Not found.", "fields": {...}}}
"""

from rest_framework.views import exception_handler as drf_exception_handler


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
    response.data = {"error": {"status": response.status_code, "code": code, "message": message, "fields": fields}}
    return response
