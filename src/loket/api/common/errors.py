"""Error bodies as the ZGW standards define them: ``Fout`` and, for 400, ``ValidatieFout``.

Every error of a ZGW API of Loket goes through :func:`zgw_exception_handler`, so a client
gets the same ``application/problem+json`` shape (type, code, title, status, detail,
instance, and for 400 ``invalidParams`` with the request's own camelCase field names)
whatever went wrong, including an unexpected crash (500, logged with its traceback).
"""

import logging
import uuid

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error

PROBLEM_JSON = "application/problem+json"
NON_FIELD = "nonFieldErrors"

logger = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the resource's current state.")
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "request-too-large"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("A precondition of the request does not hold.")
    default_code = "precondition_failed"


TITLES = {
    400: _("Invalid input."),
    401: _("Authentication credentials were not provided or are not valid."),
    403: _("You do not have permission to perform this action."),
    404: _("Not found."),
    405: _("Method not allowed."),
    406: _("The requested content type cannot be served."),
    409: _("Conflict."),
    412: _("Precondition failed."),
    413: _("The request body is too large."),
    415: _("Unsupported media type."),
    500: _("A server error occurred."),
}


def zgw_exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: any exception becomes a ZGW error response."""
    exc = as_api_exception(exc)
    request = context.get("request")
    if exc.status_code == 400 and isinstance(exc, exceptions.ValidationError):
        body = problem(request, exc, code="invalid")
        body["invalidParams"] = invalid_params(exc.get_full_details())
    else:
        body = problem(request, exc, code=first_code(exc.get_full_details()) or exc.default_code)
        if exc.status_code == 400:
            # Every 400 is a ValidatieFout, whose invalidParams is required (e.g. bad JSON).
            body["invalidParams"] = [
                {"name": "nonFieldErrors", "code": body["code"], "reason": body["detail"]}
            ]
    headers = {}
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        view = context.get("view")
        if view is not None and request is not None:
            header = view.get_authenticate_header(request)
            if header:
                headers["WWW-Authenticate"] = header
    return Response(body, status=exc.status_code, headers=headers, content_type=PROBLEM_JSON)


def as_api_exception(exc) -> exceptions.APIException:
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    logger.error("Unexpected error in an API request", exc_info=exc)
    return exceptions.APIException()


def problem(request, exc: exceptions.APIException, *, code: str) -> dict:
    status_code = exc.status_code
    detail = exc.detail
    if isinstance(detail, dict | list):
        detail = TITLES.get(status_code, "")
    type_path = f"/ref/fouten/{type(exc).__name__}/"
    return {
        "type": request.build_absolute_uri(type_path) if request is not None else type_path,
        "code": code,
        "title": str(TITLES.get(status_code, exc.default_detail)),
        "status": status_code,
        "detail": str(detail),
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }


def invalid_params(details, name: str = "") -> list[dict]:
    """Flatten DRF's nested error details to ``[{name, code, reason}]`` with dotted names."""
    if is_leaf(details):
        return [{"name": name or NON_FIELD, "code": details["code"], "reason": details["message"]}]
    params = []
    if isinstance(details, dict):
        for key, value in details.items():
            key = NON_FIELD if key in ("non_field_errors", "__all__") else key
            params += invalid_params(value, f"{name}.{key}" if name else key)
    elif isinstance(details, list):
        for index, value in enumerate(details):
            nested = isinstance(value, dict) and not is_leaf(value)
            params += invalid_params(value, f"{name}.{index}" if nested else name)
    return params


def is_leaf(details) -> bool:
    return isinstance(details, dict) and set(details) == {"message", "code"}


def first_code(details) -> str | None:
    if isinstance(details, dict):
        if "code" in details and "message" in details:
            return str(details["code"])
        details = list(details.values())
    if isinstance(details, list):
        for item in details:
            code = first_code(item)
            if code:
                return code
    return None
