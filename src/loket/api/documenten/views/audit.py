"""The audit trail of a document (``/enkelvoudiginformatieobjecten/{uuid}/audittrail``)."""

from django.shortcuts import get_object_or_404
from rest_framework.response import Response

from loket.api.common.audit import AuditTrailSerializer, audit_json
from loket.api.documenten.scopes import AUDIT
from loket.api.documenten.views.base import COMPONENT, DocumentenViewSet
from loket.cases.models import AuditEntry, Document


class AuditTrailViewSet(DocumentenViewSet):
    """The audit trail of one document: who changed it, its usage rights, dispatches and
    relations, and how."""

    serializer_class = AuditTrailSerializer
    pagination_class = None
    filter_backends = []
    required_scopes = {"list": AUDIT, "retrieve": AUDIT}

    def document(self):
        document = get_object_or_404(
            Document.objects.select_related("document_type"),
            uuid=self.kwargs["enkelvoudiginformatieobject_uuid"],
        )
        self.authorise_document(document, self.required_scopes[self.action])
        return document

    def entries(self):
        return AuditEntry.objects.filter(component=COMPONENT, main_object_uuid=self.document().uuid)

    def list(self, request, *args, **kwargs):
        return Response([audit_json(entry) for entry in self.entries()])

    def retrieve(self, request, *args, **kwargs):
        return Response(audit_json(get_object_or_404(self.entries(), uuid=self.kwargs["uuid"])))
