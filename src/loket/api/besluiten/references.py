"""The zaak and informatieobject URLs of the Besluiten API (brc-003, brc-006).

A URL on Loket's own host (the one the request came to, or ``LOKET_BASE_URL``) is parsed and
looked up by uuid, without an HTTP request to itself. Any other URL is fetched (10 s) and
checked to be a resource of the expected kind, so that a client gets a 400 naming the field
and saying what is wrong with it. Loket's decisions point to its own cases and documents
only (the models hold a foreign key), so a real remote zaak or informatieobject is refused
as well, with its own code.
"""

import uuid
from dataclasses import dataclass
from urllib.parse import urlparse

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from loket.api.common.fields import PLACEHOLDER
from loket.cases.models import Case, Document

TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class Kind:
    name: str
    path: str  # on Loket's host, followed by the uuid
    model: type
    required: frozenset[str]  # keys a remote answer of this kind has


ZAAK = Kind(
    "zaak",
    "/zaken/api/v1/zaken/",
    Case,
    frozenset({"url", "identificatie", "bronorganisatie", "zaaktype"}),
)
INFORMATIEOBJECT = Kind(
    "informatieobject",
    "/documenten/api/v1/enkelvoudiginformatieobjecten/",
    Document,
    frozenset({"url", "identificatie", "bronorganisatie", "informatieobjecttype"}),
)


def own_hosts(request) -> set[str]:
    return {request.get_host(), urlparse(settings.LOKET_BASE_URL).netloc}


def own_link(request, kind: Kind, object_uuid) -> str:
    """The absolute URL of one of Loket's own objects, as this request names Loket's host."""
    templates = request.__dict__.setdefault("_loket_own_links", {})
    if kind.name not in templates:
        templates[kind.name] = request.build_absolute_uri(f"{kind.path}{PLACEHOLDER}")
    return templates[kind.name].replace(PLACEHOLDER, str(object_uuid))


def own_uuid(request, kind: Kind, url: str) -> uuid.UUID | None:
    """The uuid in ``url`` if it is Loket's own URL of ``kind``; raises when it is Loket's
    own URL of something else; None for a URL elsewhere."""
    parts = urlparse(url)
    if parts.netloc not in own_hosts(request):
        return None
    if parts.path.startswith(kind.path):
        try:
            return uuid.UUID(parts.path.removeprefix(kind.path).rstrip("/"))
        except ValueError:
            pass
    raise serializers.ValidationError(
        _("This is not the URL of a %(kind)s of this Loket.") % {"kind": kind.name}, code="bad-url"
    )


@extend_schema_field({"type": "string", "format": "uri", "maxLength": 1000})
class ReferenceField(serializers.Field):
    """A zaak or informatieobject: Loket's own object from its URL, or a remote one refused.

    With ``allow_null`` an empty value (``""`` or ``null``) is no object, shown as ``""``.
    """

    default_error_messages = {
        "invalid": gettext_lazy("Give an absolute http(s) URL."),
        "does_not_exist": gettext_lazy("No %(kind)s exists at this URL."),
    }

    def __init__(self, kind: Kind, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return super().get_attribute(instance) or ""

    def to_representation(self, value) -> str:
        return own_link(self.context["request"], self.kind, value.uuid) if value else ""

    def validate_empty_values(self, data):
        if data == "" and self.allow_null:
            return True, None
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if not isinstance(data, str) or urlparse(data).scheme not in ("http", "https"):
            self.fail("invalid")
        if len(data) > 1000:
            self.fail("invalid")
        object_uuid = own_uuid(self.context["request"], self.kind, data)
        if object_uuid is None:
            check_remote(data, self.kind)
        found = self.kind.model.objects.filter(uuid=object_uuid).first()
        if found is None:
            self.fail("does_not_exist", kind=self.kind.name)
        return found


def check_remote(url: str, kind: Kind) -> None:
    """Fetch ``url`` and say what it is; it is never accepted (see the module's docstring)."""
    try:
        response = requests.get(
            url, timeout=TIMEOUT_SECONDS, headers={"Accept": "application/json"}
        )
        response.raise_for_status()
        data = response.json()
    except requests.RequestException as error:
        raise serializers.ValidationError(
            _("%(url)s could not be fetched: %(error)s") % {"url": url, "error": error},
            code="bad-url",
        ) from None
    if not isinstance(data, dict) or not kind.required <= data.keys():
        raise serializers.ValidationError(
            _("%(url)s is not a %(kind)s.") % {"url": url, "kind": kind.name},
            code="invalid-resource",
        )
    raise serializers.ValidationError(
        _(
            "%(url)s is a %(kind)s in another system; Loket's decisions refer to the "
            "%(kind)s objects of Loket itself."
        )
        % {"url": url, "kind": kind.name},
        code="remote-not-supported",
    )
