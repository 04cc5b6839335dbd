"""Query parameters the standard does not name are refused (ZGW: "Filter parameters").

An unknown parameter answers 400 with code ``unknown-parameters``, as Open Zaak does, instead
of being silently ignored: a misspelt filter must not return the whole list.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.settings import api_settings


class KnownParamsMixin:
    """For a viewset: on GET, only its list filters and ``page`` (lists), or ``extra_params``
    per action, are allowed."""

    extra_params: dict[str, frozenset[str]] = {}

    def known_params(self) -> set[str]:
        known = set(self.extra_params.get(self.action, ()))
        if self.action == "list":
            if self.paginator is not None:
                known.add(self.paginator.page_query_param)
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                known |= set(filterset_class.base_filters)
        return known

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        unknown = sorted(set(request.query_params) - self.known_params())
        if unknown:
            raise exceptions.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY: exceptions.ErrorDetail(
                        _("Unknown query parameters: %(names)s.") % {"names": ", ".join(unknown)},
                        code="unknown-parameters",
                    )
                }
            )
