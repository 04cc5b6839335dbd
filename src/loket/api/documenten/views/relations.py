"""Gebruiksrechten, verzendingen and objectinformatieobjecten: what hangs off a document.

Each is checked against its document's informatieobjecttype and vertrouwelijkheidaanduiding,
and written in the document's audit trail.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from loket.api.common.etag import conditional_response
from loket.api.common.fields import uuid_in
from loket.api.documenten import serializers as api
from loket.api.documenten.expand import OF_RELATION, asked, expand_documents
from loket.api.documenten.fields import DOCUMENT
from loket.api.documenten.filters import DispatchFilter, UsageRightFilter
from loket.api.documenten.objects import object_uuid_in
from loket.api.documenten.scopes import CREATE, DELETE, READ, UPDATE
from loket.api.documenten.views.base import DocumentenViewSet
from loket.cases import documents as services
from loket.cases.models import CaseDocument, DecisionDocument, Dispatch, Document, UsageRight

SCOPES = {
    "list": READ,
    "retrieve": READ,
    "create": CREATE,
    "update": UPDATE,
    "partial_update": UPDATE,
    "destroy": DELETE,
}
EXPAND = OpenApiParameter("expand", str, description="informatieobject")


class RelationViewSet(DocumentenViewSet):
    """A resource of one document, written through the ``add``, ``change`` and ``remove``
    services and shown with ``expand=informatieobject``."""

    required_scopes = SCOPES
    resource = ""

    def add(self, document, data):
        raise NotImplementedError

    def change(self, instance, data):
        raise NotImplementedError

    def remove(self, instance):
        raise NotImplementedError

    def shown(self, instances, paths) -> list[dict]:
        data = self.get_serializer(instances, many=True).data
        if paths:
            expand_documents(self.request, data, instances, paths)
        return data

    @extend_schema(parameters=[EXPAND])
    def list(self, request, *args, **kwargs):
        paths = asked(request.query_params.get("expand"), OF_RELATION)
        queryset = self.filter_queryset(self.restricted(self.get_queryset(), "document__"))
        page = self.paginate_queryset(queryset)
        if page is None:
            return Response(self.shown(list(queryset), paths))
        return self.get_paginated_response(self.shown(page, paths))

    @extend_schema(parameters=[EXPAND])
    def retrieve(self, request, *args, **kwargs):
        paths = asked(request.query_params.get("expand"), OF_RELATION)
        return conditional_response(request, self.shown([self.get_object()], paths)[0])

    def audit_change(self, action, instance, *, status_code=200, old=None, new=None):
        self.audit(
            action,
            instance.document,
            resource=self.resource,
            url=(new or old)["url"],
            label=str(instance),
            status_code=status_code,
            old=old,
            new=new,
        )

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        document = data.pop("document")
        self.authorise_document(document, CREATE)
        instance = self.call_service(self.add, document, data, serializer=serializer)
        new = self.get_serializer(instance).data
        self.audit_change("create", instance, status_code=201, new=new)
        return Response(new, status=status.HTTP_201_CREATED, headers={"Location": new["url"]})

    @transaction.atomic
    def update(self, request, *args, partial=False, **kwargs):
        instance = self.get_object()
        old = self.get_serializer(instance).data
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if data.get("document", instance.document) != instance.document:
            self.authorise_document(data["document"], UPDATE)
        instance = self.call_service(self.change, instance, data, serializer=serializer)
        new = self.get_serializer(instance).data
        self.audit_change("partial_update" if partial else "update", instance, old=old, new=new)
        return Response(new)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        old = self.get_serializer(instance).data
        self.call_service(self.remove, instance)
        self.audit_change("destroy", instance, status_code=204, old=old)
        return Response(status=status.HTTP_204_NO_CONTENT)


class UsageRightViewSet(RelationViewSet):
    """Gebruiksrechten; the first sets the document's indicatieGebruiksrecht, removing the
    last clears it (drc-006)."""

    serializer_class = api.UsageRightSerializer
    filterset_class = UsageRightFilter
    pagination_class = None
    resource = "gebruiksrechten"

    def get_queryset(self):
        return UsageRight.objects.select_related("document__document_type").order_by("pk")

    def add(self, document, data):
        return services.add_usage_right(document, **data)

    def change(self, instance, data):
        return services.change_usage_right(instance, **data)

    def remove(self, instance):
        services.remove_usage_right(instance)


class DispatchViewSet(RelationViewSet):
    """Verzendingen: to whom a document went, or from whom it came, at one address."""

    serializer_class = api.DispatchSerializer
    filterset_class = DispatchFilter
    resource = "verzending"

    def get_queryset(self):
        return Dispatch.objects.select_related("document__document_type").order_by("pk")

    def add(self, document, data):
        return services.record_dispatch(document, **data)

    def change(self, instance, data):
        return services.change_dispatch(instance, **data)

    def remove(self, instance):
        services.remove_dispatch(instance)


@dataclass(frozen=True)
class ObjectLink:
    """An objectinformatieobject: the zaak's or besluit's own link (``source``) to a document."""

    source: CaseDocument | DecisionDocument
    object_type: str
    object_uuid: UUID

    @property
    def uuid(self) -> UUID:
        return self.source.uuid

    @property
    def document(self) -> Document:
        return self.source.document

    @classmethod
    def of(cls, source) -> "ObjectLink":
        if isinstance(source, CaseDocument):
            return cls(source, "zaak", source.case.uuid)
        return cls(source, "besluit", source.decision.uuid)

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_uuid}: {self.document}"


class ObjectLinkQuery(serializers.Serializer):
    object = serializers.CharField(required=False)
    informatieobject = serializers.CharField(required=False)


class ObjectLinkViewSet(DocumentenViewSet):
    """Objectinformatieobjecten: a view of the zaken's and besluiten's own links.

    Loket holds both sides, so these are never stored twice: registering one confirms the
    link the Zaken or Besluiten API made (drc-004), and removing one goes through that API.
    """

    serializer_class = api.ObjectLinkSerializer
    pagination_class = None
    filter_backends = []  # its two sources are filtered in ``list``
    required_scopes = {"list": READ, "retrieve": READ, "create": CREATE, "destroy": DELETE}

    def case_links(self):
        return CaseDocument.objects.select_related("case", "document__document_type")

    def decision_links(self):
        return DecisionDocument.objects.select_related("decision", "document__document_type")

    def get_object(self):
        found = (
            self.case_links().filter(uuid=self.kwargs["uuid"]).first()
            or self.decision_links().filter(uuid=self.kwargs["uuid"]).first()
        )
        if found is None:
            raise Http404
        link = ObjectLink.of(found)
        self.authorise_document(link.document, self.required_scopes[self.action])
        return link

    @extend_schema(
        parameters=[
            OpenApiParameter("object", str, description="URL van de zaak of het besluit."),
            OpenApiParameter("informatieobject", str, description="URL van het document."),
        ]
    )
    def list(self, request, *args, **kwargs):
        query = ObjectLinkQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        cases = self.restricted(self.case_links().order_by("pk"), "document__")
        decisions = self.restricted(self.decision_links().order_by("pk"), "document__")
        if "informatieobject" in query.validated_data:
            document_uuid = uuid_in(query.validated_data["informatieobject"], DOCUMENT)
            cases = cases.filter(document__uuid=document_uuid)
            decisions = decisions.filter(document__uuid=document_uuid)
        if "object" in query.validated_data:
            url = query.validated_data["object"]
            cases = cases.filter(case__uuid=object_uuid_in(url, "zaak"))
            decisions = decisions.filter(decision__uuid=object_uuid_in(url, "besluit"))
        links = [ObjectLink.of(source) for source in [*cases, *decisions]]
        return Response(self.get_serializer(links, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        return conditional_response(request, self.get_serializer(self.get_object()).data)

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        """201 with the link when the zaak or besluit holds the document; 400 otherwise."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        self.authorise_document(data["document"], CREATE)
        source = self.call_service(services.existing_link, **data, serializer=serializer)
        link = ObjectLink.of(source)
        new = self.get_serializer(link).data
        self.audit(
            "create",
            link.document,
            resource="objectinformatieobject",
            url=new["url"],
            label=str(link),
            status_code=201,
            new=new,
        )
        return Response(new, status=status.HTTP_201_CREATED, headers={"Location": new["url"]})

    def destroy(self, request, *args, **kwargs):
        """Always refused while the link exists: it goes with the zaak's or besluit's own."""
        self.call_service(services.remove_object_link, self.get_object().source)
        return Response(status=status.HTTP_204_NO_CONTENT)
