"""Enkelvoudiginformatieobjecten with their versions, search, download, lock and unlock."""

from django.db import transaction
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from loket.api.common.authorisations import may
from loket.api.common.etag import conditional_response
from loket.api.documenten import serializers as api
from loket.api.documenten.expand import OF_DOCUMENT, asked, expand_types
from loket.api.documenten.filters import DocumentFilter
from loket.api.documenten.parsers import DocumentJsonParser
from loket.api.documenten.queries import documents, shown_versions
from loket.api.documenten.scopes import (
    CREATE,
    DELETE,
    DOCUMENTEN_FORCED_UNLOCK,
    LOCK,
    READ,
    UNLOCK,
    UPDATE,
)
from loket.api.documenten.views.base import COMPONENT, DocumentenViewSet
from loket.cases import documents as services
from loket.cases.models import Document

EXPAND = OpenApiParameter("expand", str, description="informatieobjecttype")
VERSION_PARAMETERS = [
    OpenApiParameter("versie", int, description="Het (automatische) versienummer."),
    OpenApiParameter("registratieOp", str, description="De versie geldig op deze datumtijd."),
]


class VersionQuery(serializers.Serializer):
    versie = serializers.IntegerField(min_value=1, required=False)
    registratieOp = serializers.DateTimeField(required=False)


class BinaryRenderer(BaseRenderer):
    """Lets a client that accepts only the file's bytes reach the download."""

    media_type = "application/octet-stream"
    format = "bin"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data) if isinstance(data, dict | list) else data


class DocumentViewSet(DocumentenViewSet):
    """Enkelvoudiginformatieobjecten: every change is a new version (``versie``); earlier
    versions are read with ``?versie=`` or ``?registratieOp=``."""

    serializer_class = api.DocumentSerializer
    filterset_class = DocumentFilter
    parser_classes = [DocumentJsonParser]
    required_scopes = {
        "list": READ,
        "search": READ,
        "retrieve": READ,
        "download": READ,
        "create": CREATE,
        "update": UPDATE,
        "partial_update": UPDATE,
        "destroy": DELETE,
        "lock": LOCK,
        "unlock": UNLOCK,
    }

    def get_queryset(self):
        return Document.objects.select_related("document_type").order_by("pk")

    def document_of(self, instance):
        return instance

    def get_serializer_class(self):
        return {
            "create": api.DocumentCreateSerializer,
            "update": api.DocumentChangeSerializer,
            "partial_update": api.DocumentChangeSerializer,
            "lock": api.LockSerializer,
            "unlock": api.UnlockSerializer,
            "search": api.SearchSerializer,
        }.get(self.action, api.DocumentSerializer)

    def render_versions(self, versions, expand: str):
        paths = asked(expand, OF_DOCUMENT)
        data = api.DocumentSerializer(versions, many=True, context={"request": self.request}).data
        if paths:
            expand_types(self.request, data, versions)
        return data

    def page_of(self, queryset, expand: str):
        page = self.paginate_queryset(self.restricted(queryset))
        return self.get_paginated_response(self.render_versions(shown_versions(page), expand))

    @extend_schema(parameters=[EXPAND])
    def list(self, request, *args, **kwargs):
        return self.page_of(self.filter_queryset(documents()), request.query_params.get("expand"))

    @extend_schema(request=api.SearchSerializer, responses=api.DocumentSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="_zoek", filter_backends=[])
    def search(self, request, *args, **kwargs):
        """Search by uuid (``uuid__in``), which the list's query string cannot carry."""
        serializer = api.SearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        query = serializer.validated_data
        found = documents().filter(uuid__in=query["uuid__in"])
        if "identificatie" in query:
            found = found.filter(identification=query["identificatie"])
        if "bronorganisatie" in query:
            found = found.filter(source_organisation=query["bronorganisatie"])
        return self.page_of(found, query["expand"])

    def version_asked(self, document):
        """The latest version, or the one asked for by number or registration moment."""
        query = VersionQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        versions = document.versions.select_related("document_type").prefetch_related("parts")
        if "versie" in query.validated_data:
            versions = versions.filter(version=query.validated_data["versie"])
        if "registratieOp" in query.validated_data:
            versions = versions.filter(registered_at__lte=query.validated_data["registratieOp"])
        version = versions.order_by("-version").first()
        if version is None:
            raise exceptions.NotFound(_("The document has no such version."))
        return version

    @extend_schema(parameters=[*VERSION_PARAMETERS, EXPAND])
    def retrieve(self, request, *args, **kwargs):
        version = self.version_asked(self.get_object())
        data = self.render_versions([version], request.query_params.get("expand"))[0]
        return conditional_response(request, data)

    def latest_shown(self, document):
        """The document's latest version as it is now, read again after a change."""
        return shown_versions([documents().get(pk=document.pk)])[0]

    def shown(self, document) -> dict:
        """The document as it is now: for the audit trail and the response."""
        return api.DocumentSerializer(
            self.latest_shown(document), context={"request": self.request}
        ).data

    def audit_document(self, action, document, *, status_code=200, old=None, new=None):
        self.audit(
            action,
            document,
            resource="enkelvoudiginformatieobject",
            url=(new or old)["url"],
            label=document.identification,
            status_code=status_code,
            old=old,
            new=new,
        )

    @transaction.atomic
    def create(self, request, *args, **kwargs):
        serializer = api.DocumentCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        document_type = data["document_type"]
        level = data.get("confidentiality") or document_type.confidentiality
        self.authorise(CREATE, document_type, level)
        document = self.call_service(
            services.create_document, **arguments(data, creating=True), serializer=serializer
        )
        body = api.DocumentCreateSerializer(
            self.latest_shown(document), context={"request": request}
        ).data
        new = {key: value for key, value in body.items() if key != "lock"}
        self.audit_document("create", document, status_code=201, new=new)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    @transaction.atomic
    def update(self, request, *args, partial=False, **kwargs):
        document = self.get_object()
        old = self.shown(document)
        latest = services.latest_version(document)
        serializer = api.DocumentChangeSerializer(
            latest, data=request.data, partial=partial, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "document_type" in data or data.get("confidentiality"):
            self.authorise(
                UPDATE,
                data.get("document_type", document.document_type),
                data.get("confidentiality") or document.confidentiality,
            )
        self.call_service(
            services.change_document,
            document,
            lock=data.pop("lock", ""),
            **arguments(data, creating=False),
            serializer=serializer,
        )
        new = self.shown(document)
        self.audit_document("partial_update" if partial else "update", document, old=old, new=new)
        return Response(new)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        """Deleted with its versions, usage rights, dispatches and audit trail (drc-008)."""
        self.call_service(services.delete_document, self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        parameters=VERSION_PARAMETERS,
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, BinaryRenderer])
    def download(self, request, *args, **kwargs):
        """The file as stored, typed by what its bytes are (not by what the client said)."""
        version = self.version_asked(self.get_object())
        if not version.file:
            raise exceptions.NotFound(_("This version of the document has no file."))
        return FileResponse(
            version.file.open("rb"),
            as_attachment=True,
            filename=version.file_name or version.document.identification,
            content_type=version.content_type or "application/octet-stream",
        )

    @extend_schema(request=None, responses=api.LockSerializer)
    @action(detail=True, methods=["post"])
    @transaction.atomic
    def lock(self, request, *args, **kwargs):
        document = self.get_object()
        old = self.shown(document)
        lock = self.call_service(services.lock_document, document)
        self.audit_document("lock", document, old=old, new=self.shown(document))
        return Response({"lock": lock})

    @extend_schema(request=api.UnlockSerializer, responses={204: None})
    @action(detail=True, methods=["post"])
    @transaction.atomic
    def unlock(self, request, *args, **kwargs):
        """With the lock id; a client with documenten.geforceerd-unlock may leave it out."""
        document = self.get_object()
        serializer = api.UnlockSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lock = serializer.validated_data["lock"]
        force = not lock and may(
            request.user,
            COMPONENT,
            DOCUMENTEN_FORCED_UNLOCK,
            str(document.document_type.uuid),
            document.confidentiality,
        )
        old = self.shown(document)
        self.call_service(
            services.unlock_document, document, lock=lock, force=force, serializer=serializer
        )
        self.audit_document("unlock", document, old=old, new=self.shown(document))
        return Response(status=status.HTTP_204_NO_CONTENT)


def arguments(data: dict, *, creating: bool) -> dict:
    """The service's arguments from a request's fields.

    Without ``inhoud`` but with a ``bestandsomvang``, the file comes in parts (on a change only
    when ``inhoud`` is sent as null: a change that leaves it out keeps the file). Without a
    ``vertrouwelijkheidaanduiding`` a new document takes its type's (drc-007), a change keeps
    the document's.
    """
    data = dict(data)
    identity = data.pop("document", {})
    data["identification"] = identity.get("identification", "" if creating else None)
    if "source_organisation" in identity or not creating:
        data["source_organisation"] = identity.get("source_organisation")
    content_sent = "content" in data
    data["content"] = data.pop("content", None)
    size = data.pop("size", None)
    if data["content"] is None and size and (creating or content_sent):
        data["upload_size"] = size
    if not data.get("confidentiality"):
        data.pop("confidentiality", None)
    return data
