"""The Besluiten API's resources: each viewset parses, calls a decision service, renders.

Scopes per action follow the operation's ``security`` in besluiten-1.0.2.yaml, and hold per
besluittype: lists show only the besluiten whose type one of the application's authorisations
covers (one filter, whatever their number), and an operation on one besluit of another type
is refused with 403. Every write records an audit entry in the same transaction.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from loket.api.besluiten import filters
from loket.api.besluiten import serializers as api
from loket.api.besluiten.scopes import (
    AUDITTRAILS_READ,
    BESLUITEN_CREATE,
    BESLUITEN_DELETE,
    BESLUITEN_READ,
    BESLUITEN_UPDATE,
)
from loket.api.common import viewsets as base
from loket.api.common.audit import AuditTrailSerializer, record_audit
from loket.api.common.authorisations import may, restrict, uuid_of
from loket.api.common.etag import conditional_response
from loket.api.common.fields import link
from loket.api.common.params import KnownParamsMixin
from loket.cases import decisions
from loket.cases.models import AuditEntry, Decision, DecisionDocument

API_VERSION = "1.0.2"
COMPONENT = "brc"
SCOPE_OF_ACTION = {
    "list": BESLUITEN_READ,
    "retrieve": BESLUITEN_READ,
    "create": BESLUITEN_CREATE,
    "update": BESLUITEN_UPDATE,
    "partial_update": BESLUITEN_UPDATE,
    "destroy": BESLUITEN_DELETE,
}


class BesluitenViewSet(KnownParamsMixin, base.ZgwViewSet):
    api_version = API_VERSION
    scope_of_action = SCOPE_OF_ACTION
    type_uuid_field = ""  # the lookup of the besluittype's uuid from the viewset's model

    @property
    def required_scopes(self) -> dict[str, frozenset[str]]:
        return {action: frozenset({scope}) for action, scope in self.scope_of_action.items()}

    def restricted(self, queryset):
        """Only what the application may see with the action's scope, per besluittype."""
        if getattr(self, "swagger_fake_view", False):  # the schema is made without a client
            return queryset
        scope = self.scope_of_action[self.action]
        return restrict(
            queryset, self.request.user, COMPONENT, scope, type_uuid_field=self.type_uuid_field
        )

    def require(self, decision_type) -> None:
        """The action's scope on this besluittype, or 403."""
        scope = self.scope_of_action[self.action]
        url = link(self.request, "catalogi:besluittype-detail", decision_type.uuid)
        if not may(self.request.user, COMPONENT, scope, url):
            raise PermissionDenied(
                _("The client has no %(scope)s authorisation for this besluittype.")
                % {"scope": scope}
            )


class AuditedWrites:
    """Create, change and delete with an audit entry, in one transaction with the change."""

    resource = ""

    def create(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().create(request, *args, **kwargs)
            self.audit("create", response, new=response.data)
        response["Location"] = response.data["url"]
        return response

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            old = self.get_serializer(self.get_object()).data
            response = super().update(request, *args, **kwargs)
            self.audit(self.action, response, old=old, new=response.data)
        return response

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            old = self.get_serializer(self.get_object()).data
            response = super().destroy(request, *args, **kwargs)
            self.audit("destroy", response, old=old)
        return response

    def audit(self, action: str, response, *, old=None, new=None) -> None:
        data = new or old
        main_url = self.main_object_url(data)
        record_audit(
            self.request,
            component=COMPONENT,
            action=action,
            resource=self.resource,
            resource_url=data["url"],
            resource_label=self.label(data),
            main_object_uuid=uuid_of(main_url),
            main_object_url=main_url,
            status_code=response.status_code,
            old=old,
            new=new,
        )


class BesluitViewSet(
    AuditedWrites,
    base.ListMixin,
    base.RetrieveMixin,
    base.CreateMixin,
    base.UpdateMixin,
    base.DestroyMixin,
    BesluitenViewSet,
):
    """Besluiten (brc-001, -002, -006, -007, -009)."""

    serializer_class = api.BesluitSerializer
    filterset_class = filters.BesluitFilter
    type_uuid_field = "decision_type__uuid"
    resource = "besluit"

    def get_queryset(self):
        queryset = Decision.objects.select_related("decision_type", "case").order_by("pk")
        return self.restricted(queryset) if self.action == "list" else queryset

    def get_object(self):
        decision = super().get_object()
        self.require(decision.decision_type)
        return decision

    def create_object(self, data):
        self.require(data["decision_type"])
        return decisions.create_decision(**data)

    def update_object(self, instance, data):
        return decisions.update_decision(instance, **data)

    def delete_object(self, instance):
        decisions.delete_decision(instance)

    def audit(self, action, response, **kwargs):
        if action != "destroy":  # brc-009: a deleted besluit leaves no audit trail
            super().audit(action, response, **kwargs)

    def main_object_url(self, data) -> str:
        return data["url"]

    def label(self, data) -> str:
        return data["identificatie"]


class BesluitInformatieObjectViewSet(
    AuditedWrites,
    base.ListMixin,
    base.RetrieveMixin,
    base.CreateMixin,
    base.DestroyMixin,
    BesluitenViewSet,
):
    """Besluitinformatieobjecten (brc-003, -008); a list without pages, as the standard's."""

    serializer_class = api.BesluitInformatieObjectSerializer
    filterset_class = filters.BesluitInformatieObjectFilter
    pagination_class = None
    type_uuid_field = "decision__decision_type__uuid"
    resource = "besluitinformatieobject"

    def get_queryset(self):
        queryset = DecisionDocument.objects.select_related(
            "decision__decision_type", "document"
        ).order_by("pk")
        return self.restricted(queryset) if self.action == "list" else queryset

    def get_object(self):
        document_link = super().get_object()
        self.require(document_link.decision.decision_type)
        return document_link

    def create_object(self, data):
        self.require(data["decision"].decision_type)
        return decisions.link_document(data["decision"], data["document"])

    def delete_object(self, instance):
        decisions.unlink_document(instance)

    def main_object_url(self, data) -> str:
        return data["besluit"]

    def label(self, data) -> str:
        return f"{data['besluit']} - {data['informatieobject']}"


class AuditTrailViewSet(BesluitenViewSet):
    """The audit trail of one besluit, oldest first, without pages."""

    scope_of_action = {"list": AUDITTRAILS_READ, "retrieve": AUDITTRAILS_READ}
    serializer_class = AuditTrailSerializer
    pagination_class = None

    def decision(self) -> Decision:
        decision = get_object_or_404(
            Decision.objects.select_related("decision_type"), uuid=self.kwargs["besluit_uuid"]
        )
        self.require(decision.decision_type)
        return decision

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AuditEntry.objects.none()
        return AuditEntry.objects.filter(main_object_uuid=self.decision().uuid).order_by(
            "created_at", "pk"
        )

    @extend_schema(responses=AuditTrailSerializer(many=True))
    def list(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, *args, **kwargs):
        entry = get_object_or_404(self.get_queryset(), uuid=self.kwargs["uuid"])
        return conditional_response(request, self.get_serializer(entry).data)
