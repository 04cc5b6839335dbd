"""What every resource of the Zaken API shares: authorisation per case type and confidentiality
(zrc-006), one transaction per write with its audit entry, the standard's refusals.

A list shows only the cases (or parts of cases) the client may read, filtered in the database by
one condition built from the client's grants. A single object the client may not use answers
403. A write runs its service, renders the result and records the audit entry in one
transaction. A change refused because the case is closed is, in the standard's terms, a matter
of authorisation (zaken.geforceerd-bijwerken, zaken.heropenen): 403.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import exceptions, mixins, status
from rest_framework.response import Response
from rest_framework.settings import api_settings

from loket.api.common import viewsets as base
from loket.api.common.audit import record_audit
from loket.api.common.authorisations import may, restrict
from loket.api.common.errors import PreconditionFailed
from loket.api.common.etag import conditional_response
from loket.api.zaken import links
from loket.api.zaken.scopes import ZAKEN_FORCED_UPDATE, ZAKEN_READ
from loket.cases.models import Case
from loket.cases.services import CaseError

API_VERSION = "1.5.1"
COMPONENT = "zrc"
CRS = "EPSG:4326"
FORBIDDEN_CODES = {"zaak-afgesloten"}  # refusals that are missing scopes, not bad input


class ZakenViewSet(base.ZgwViewSet):
    api_version = API_VERSION
    resource = ""  # the standard's name of the resource, for the audit trail
    case_lookup = "case__"  # from this resource to its case, for list filtering

    def case_of(self, instance) -> Case:
        return instance.case

    def may(self, case: Case, scopes) -> bool:
        type_uuid = str(case.case_type.uuid)
        user = self.request.user
        return any(may(user, COMPONENT, s, type_uuid, case.confidentiality) for s in scopes)

    def authorise(self, case: Case, scopes=None) -> None:
        """403 unless the client has one of the action's scopes for this case (zrc-006)."""
        if not self.may(case, scopes or self.required_scopes[self.action]):
            raise exceptions.PermissionDenied(
                _("The client is not authorised for this case's type or confidentiality.")
            )

    def force(self, case: Case) -> bool:
        return self.may(case, {ZAKEN_FORCED_UPDATE})

    @property
    def actor(self) -> str:
        claims = getattr(self.request.user, "claims", {}) or {}
        name = claims.get("user_representation") or claims.get("user_id") or ""
        return str(name or self.request.user.client_id)[:200]

    def get_object(self):
        instance = super().get_object()
        self.authorise(self.case_of(instance))
        return instance

    def filter_queryset(self, queryset):
        if self.filters_given():
            queryset = super().filter_queryset(queryset)
        return self.readable(queryset)

    def filters_given(self) -> bool:
        """Whether the request names a filter; django-filter builds a form of every filter of
        the list on each request, which costs more than the page's query and changes nothing
        when all are empty."""
        filterset_class = getattr(self, "filterset_class", None)
        return bool(filterset_class) and not set(self.request.query_params).isdisjoint(
            filterset_class.base_filters
        )

    def readable(self, queryset):
        """Only what the client may read: one condition from its grants, in the database."""
        return restrict(
            queryset,
            self.request.user,
            COMPONENT,
            ZAKEN_READ,
            type_uuid_field=f"{self.case_lookup}case_type__uuid",
            confidentiality_field=f"{self.case_lookup}confidentiality",
        )

    def call_service(self, service, *args, serializer=None, **kwargs):
        try:
            return service(*args, **kwargs)
        except CaseError as error:
            raise api_refusal(error) from None
        except DjangoValidationError as error:  # another domain's service (documents)
            raise base.api_validation_error(error, serializer or self.get_serializer()) from None

    def representation(self, instance, serializer=None) -> dict:
        """The object as the API shows it, read again with the list's annotations; through
        ``serializer`` when the request has one already, as building a serializer's fields
        is a good part of a write's time."""
        found = self.get_queryset().get(pk=instance.pk)
        if serializer is None:
            return self.get_serializer(found).data
        return serializer.to_representation(found)

    def new_representation(self, instance, serializer) -> dict:
        """The object just created as the API shows it; a resource whose new objects carry
        everything the list's reads add can answer without reading them again."""
        return self.representation(instance, serializer)

    def audit(self, action: str, case: Case, code: int, *, old=None, new=None, label="") -> None:
        shown = new or old
        record_audit(
            self.request,
            component=COMPONENT,
            action=action,
            resource=self.resource,
            resource_url=shown["url"],
            resource_label=label,
            main_object_uuid=case.uuid,
            main_object_url=links.url_of(self.request, "zaak", case.uuid),
            status_code=code,
            old=old,
            new=new,
        )


def api_refusal(error: CaseError) -> exceptions.APIException:
    """A case service's refusal as the standard's answer, named by the API field it concerns."""
    message = error.messages[0]
    if error.code in FORBIDDEN_CODES:
        return exceptions.PermissionDenied(message, code=error.code)
    field = error.field or api_settings.NON_FIELD_ERRORS_KEY
    return exceptions.ValidationError({field: [exceptions.ErrorDetail(message, code=error.code)]})


def check_query(request, filterset_class, extra=("page",)) -> None:
    """Query parameters a list does not know are refused, not silently ignored."""
    known = set(filterset_class.base_filters) | set(extra) if filterset_class else set(extra)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise exceptions.ValidationError(
            {
                api_settings.NON_FIELD_ERRORS_KEY: [
                    exceptions.ErrorDetail(
                        _("Unknown query parameters: %(names)s.") % {"names": ", ".join(unknown)},
                        code="unknown-parameters",
                    )
                ]
            }
        )


class ListMixin(mixins.ListModelMixin):
    def list(self, request, *args, **kwargs):
        check_query(request, getattr(self, "filterset_class", None))
        return super().list(request, *args, **kwargs)


class RetrieveMixin:
    def retrieve(self, request, *args, **kwargs):
        return conditional_response(request, self.get_serializer(self.get_object()).data)


class CreateMixin:
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        self.authorise_create(data)
        with transaction.atomic():
            instance = self.call_service(self.create_object, data, serializer=serializer)
            body = self.new_representation(instance, serializer)
            code = status.HTTP_201_CREATED
            self.audit("create", self.case_of(instance), code, new=body, label=str(instance))
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    def authorise_create(self, data: dict) -> None:
        """403 unless the client may add this to the case it names."""
        self.authorise(data["case"])

    def create_object(self, data: dict):
        raise NotImplementedError


class UpdateMixin:
    def update(self, request, *args, partial=False, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        case = self.case_of(instance)
        with transaction.atomic():
            old = self.representation(instance, serializer)
            data = dict(serializer.validated_data)
            instance = self.call_service(self.update_object, instance, data, serializer=serializer)
            body = self.representation(instance, serializer)
            self.audit(
                self.action, case, status.HTTP_200_OK, old=old, new=body, label=str(instance)
            )
        return Response(body)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def update_object(self, instance, data: dict):
        raise NotImplementedError


class DestroyMixin:
    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        case = self.case_of(instance)
        with transaction.atomic():
            old = self.representation(instance)
            label = str(instance)
            self.call_service(self.delete_object, instance)
            self.audit("destroy", case, status.HTTP_204_NO_CONTENT, old=old, label=label)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def delete_object(self, instance):
        raise NotImplementedError


class CrsMixin:
    """The zaak carries a geometry: its operations need ``Accept-Crs`` (and, with a body,
    ``Content-Crs``) set to EPSG:4326, the one system Loket stores (412 when missing, 406 when
    another)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("POST", "PUT", "PATCH"):
            check_crs(request, "Content-Crs")
        check_crs(request, "Accept-Crs")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if 200 <= response.status_code < 300:
            response["Content-Crs"] = CRS
        return response


def check_crs(request, header: str) -> None:
    value = request.headers.get(header)
    if value is None:
        raise PreconditionFailed(
            _("The header %(header)s is missing; give %(crs)s.") % {"header": header, "crs": CRS},
            code="precondition_failed",
        )
    if value != CRS:
        raise exceptions.NotAcceptable(
            _("The coordinate system %(crs)s is not supported; give %(supported)s.")
            % {"crs": value, "supported": CRS},
            code="not_acceptable",
        )
