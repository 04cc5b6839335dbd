"""Bestandsdelen: the parts of a large file, uploaded one by one by the client holding the lock."""

from django.db import transaction
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from loket.api.documenten import serializers as api
from loket.api.documenten.scopes import UPDATE
from loket.api.documenten.serializers.documents import FilePartSerializer
from loket.api.documenten.views.base import DocumentenViewSet
from loket.cases import document_files
from loket.cases.models import FilePart


class FilePartViewSet(DocumentenViewSet):
    """Bestandsdelen: the client uploads each part of a large file (multipart/form-data)."""

    serializer_class = api.FilePartUploadSerializer
    parser_classes = [MultiPartParser, FormParser]
    required_scopes = {"update": UPDATE}

    def get_queryset(self):
        return FilePart.objects.select_related("version__document__document_type")

    def document_of(self, instance):
        return instance.version.document

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        part = self.get_object()
        serializer = self.get_serializer(part, data=request.data)
        serializer.is_valid(raise_exception=True)
        lock = serializer.validated_data["lock"]
        content = serializer.validated_data["inhoud"].read()
        part = self.call_service(
            document_files.upload_part, part, lock=lock, content=content, serializer=serializer
        )
        body = FilePartSerializer(part, context={"request": request}).data
        self.audit(
            "update",
            part.version.document,
            resource="bestandsdeel",
            url=body["url"],
            label=str(part),
            new=body,
        )
        return Response({**body, "lock": lock})
