"""What every resource of the Documenten API shares: authorisation per document, audit, errors.

The scopes of an operation are checked twice: that the client has one at all (for the
operation, :class:`~loket.api.common.scopes.ScopePermission`), and that it has one for this
document's informatieobjecttype up to its vertrouwelijkheidaanduiding (``may``; lists are
filtered with ``restrict`` in the same query). Both read what was loaded with the client.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from rest_framework import exceptions

from loket.api.common import viewsets as base
from loket.api.common.audit import record_audit
from loket.api.common.authorisations import may, restrict
from loket.api.common.fields import link
from loket.api.documenten.fields import DOCUMENT
from loket.api.documenten.scopes import DOCUMENTEN_READ

API_VERSION = "1.5.0"
COMPONENT = "drc"


class DocumentenViewSet(base.ZgwViewSet):
    api_version = API_VERSION

    def get_object(self):
        instance = get_object_or_404(self.get_queryset(), uuid=self.kwargs["uuid"])
        self.authorise_document(self.document_of(instance), self.required_scopes[self.action])
        return instance

    def document_of(self, instance):
        return instance.document

    def authorise(self, scopes, document_type, confidentiality: str) -> None:
        user = self.request.user
        if not any(
            may(user, COMPONENT, scope, str(document_type.uuid), confidentiality)
            for scope in scopes
        ):
            raise exceptions.PermissionDenied(
                _("The client is not authorised for documents of this type and confidentiality.")
            )

    def authorise_document(self, document, scopes) -> None:
        self.authorise(scopes, document.document_type, document.confidentiality)

    def restricted(self, queryset, prefix: str = ""):
        """Only what the client may read, by its document's type and confidentiality."""
        return restrict(
            queryset,
            self.request.user,
            COMPONENT,
            DOCUMENTEN_READ,
            type_uuid_field=f"{prefix}document_type__uuid",
            confidentiality_field=f"{prefix}confidentiality",
        )

    def call_service(self, service, *args, serializer=None, **kwargs):
        try:
            return service(*args, **kwargs)
        except DjangoValidationError as error:
            raise base.api_validation_error(
                keyed(error), serializer or self.get_serializer()
            ) from None

    def audit(
        self,
        action: str,
        document,
        *,
        resource: str,
        url: str,
        label: str,
        status_code: int = 200,
        old=None,
        new=None,
    ) -> None:
        """An entry in the document's audit trail; the caller writes it in the change's
        transaction, so there is no change without its entry."""
        record_audit(
            self.request,
            component=COMPONENT,
            action=action,
            resource=resource,
            resource_url=url,
            resource_label=label,
            main_object_uuid=document.uuid,
            main_object_url=link(self.request, DOCUMENT, document.uuid),
            status_code=status_code,
            old=old,
            new=new,
        )


def keyed(error: DjangoValidationError) -> DjangoValidationError:
    """A refusal of ``loket.cases`` names its field apart (``error.field``); key it by it."""
    field = getattr(error, "field", None)
    if field and not hasattr(error, "error_dict"):
        return DjangoValidationError({field: error})
    return error
