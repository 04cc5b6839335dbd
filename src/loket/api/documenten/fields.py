"""Fields particular to the Documenten API: base64 content in, download links out, the
informatieobjecttype of Loket's own catalogue, and the standard's nested groups."""

import base64
import binascii
from datetime import date

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from loket.api.common.fields import LinkField, link
from loket.cases.models import Document
from loket.catalog.models import DocumentType

DOCUMENT = "documenten:enkelvoudiginformatieobject-detail"
DOWNLOAD = "documenten:enkelvoudiginformatieobject-download"


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class ContentField(serializers.Field):
    """``inhoud``: base64 in a request (as in Documenten 1.0..1.5), the version's download URL
    in a response, and null while the version has no file."""

    default_error_messages = {
        "invalid-base64": _("The content is not valid base64."),
    }

    def __init__(self, **kwargs):
        super().__init__(source="*", required=False, allow_null=True, **kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return True, {"content": None}
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid-base64")
        try:
            return {"content": base64.b64decode(data, validate=True)}
        except (binascii.Error, ValueError):
            self.fail("invalid-base64")

    def to_representation(self, version):
        if not version.file:
            return None
        url = link(self.context["request"], DOWNLOAD, version.document.uuid)
        return f"{url}?versie={version.version}"


class DocumentTypeField(LinkField):
    """An informatieobjecttype of Loket's own Catalogi API, resolved without an HTTP call.

    Loket keeps its documents' types in its own catalogue, so the URL of a type elsewhere is
    refused (drc-001) rather than fetched.
    """

    default_error_messages = {
        "bad-url": _("This is not the URL of an informatieobjecttype of this Catalogi API."),
        "does_not_exist": _("No informatieobjecttype exists at this URL."),
    }

    def __init__(self, **kwargs):
        super().__init__(
            "catalogi:informatieobjecttype-detail", queryset=DocumentType.objects, **kwargs
        )


class DocumentField(LinkField):
    """An enkelvoudiginformatieobject of this API, as its URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Document.objects.select_related("document_type"))
        super().__init__(DOCUMENT, **kwargs)


class Group(serializers.Serializer):
    """A group of the standard (ondertekening, an address …) kept as JSON with English keys.

    An empty group is ``null`` in the API, and dates are stored as ISO text.
    """

    def to_representation(self, instance):
        if not instance:
            return None
        return super().to_representation(instance)

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        return {
            key: value.isoformat() if isinstance(value, date) else value
            for key, value in values.items()
        }
