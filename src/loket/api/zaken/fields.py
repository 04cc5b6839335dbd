"""Serializer fields of the Zaken API: links by kind, texts that may be null, GeoJSON."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from loket.api.common.fields import looks_like_url
from loket.api.zaken import links, queries
from loket.brp.bsn import check_digit
from loket.catalog.references import UnresolvableReference


class Reference(serializers.Field):
    """A related object of Loket as the URL of its resource, found by the uuid in its path.

    The objects of this field are held by Loket itself; a URL of another host is refused, and
    so is one of the wrong kind or of an object that does not exist.
    """

    default_error_messages = {
        "bad-url": _("This is not the URL of a %(kind)s."),
        "does_not_exist": _("There is no %(kind)s at this URL."),
    }

    def __init__(self, kind: str, queryset=None, **kwargs):
        self.kind = kind
        self.queryset = queryset
        if queryset is None:
            kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return links.url_of(self.context["request"], self.kind, value.uuid)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not looks_like_url(data):
            self.fail("bad-url", kind=self.kind)
        if not links.is_own(self.context["request"], data):
            message = _("Give the URL of a %(kind)s of this Loket; others cannot be linked here.")
            raise serializers.ValidationError(message % {"kind": self.kind}, code="bad-url")
        object_uuid = links.uuid_in(data, self.kind)
        if object_uuid is None:
            self.fail("bad-url", kind=self.kind)
        try:
            return self.queryset.get(uuid=object_uuid)
        except self.queryset.model.DoesNotExist:
            self.fail("does_not_exist", kind=self.kind)


class AnyHostUrl(serializers.CharField):
    """A URL with any host name, also one without a dot (Django's URLField wants a TLD, which
    the host names of a municipality's internal network often lack)."""

    default_error_messages = {"invalid": _("Give a URL (http or https).")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 1000)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value and not looks_like_url(value):
            self.fail("invalid")
        return value


class CheckedUrl(AnyHostUrl):
    """A URL of another API that must name a resource of the right kind: ``check(url)`` fetches
    it (or answers from Loket's own lists) and raises ``UnresolvableReference`` otherwise."""

    def __init__(self, check, **kwargs):
        self.check = check
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        url = super().to_internal_value(data)
        if url:
            try:
                self.check(url)
            except UnresolvableReference as error:
                raise serializers.ValidationError(str(error), code="bad-url") from None
        return url


class Links(serializers.Field):
    """The URLs of a relation's objects, from their uuids read with the object
    (``queries.LinkedUuids``); read only."""

    def __init__(self, kind: str, source: str, **kwargs):
        self.kind = kind
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, value) -> list[str]:
        request = self.context["request"]
        return [links.url_of(request, self.kind, key) for key in queries.uuids_in(value)]


class OptionalText(serializers.CharField):
    """A text the standard allows to be left out, empty or null; stored as ``""``."""

    def __init__(self, max_length=None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(max_length=max_length, allow_blank=True, allow_null=True, **kwargs)

    def run_validation(self, data=serializers.empty):
        if data is None:
            return ""
        return super().run_validation(data)


class OptionalChoice(serializers.ChoiceField):
    """A choice that may be empty or null (the standard's BlankEnum and NullEnum); ``""``."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices, allow_blank=True, allow_null=True, **kwargs)

    def run_validation(self, data=serializers.empty):
        if data is None:
            return ""
        return super().run_validation(data)


GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}


class GeometryField(serializers.JSONField):
    """A GeoJSON geometry in EPSG:4326, stored as given (Loket has no spatial database)."""

    default_error_messages = {
        "invalid-geometry": _("Give a GeoJSON geometry (type and coordinates).")
    }

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if data is not None and not is_geometry(data):
            self.fail("invalid-geometry")
        return data


def is_geometry(data) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return False
    if data["type"] not in GEOMETRY_TYPES:
        return False
    if data["type"] == "GeometryCollection":
        parts = data.get("geometries")
        return isinstance(parts, list) and all(is_geometry(part) for part in parts)
    return isinstance(data.get("coordinates"), list)


class IdentificationField(serializers.JSONField):
    """betrokkeneIdentificatie or objectIdentificatie: an object, checked per kind by the
    serializer (see ``loket.api.zaken.identifications``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class RsinField(serializers.RegexField):
    """An RSIN: nine digits that pass the elfproef, as a BSN does."""

    default_error_messages = {
        "invalid": _("Give a valid RSIN: nine digits that pass the elfproef.")
    }

    def __init__(self, **kwargs):
        super().__init__(r"^\d{9}$", max_length=9, **kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        # The pattern is checked after this method, so check the digits first; ASCII only, as
        # the regex's \d also takes other scripts' digits.
        if not (len(value) == 9 and value.isascii() and value.isdigit()):
            self.fail("invalid")
        # The elfproef of vng-api-common, which also lets 000000000 pass (used in examples).
        if check_digit(value[:8]) != int(value[8]):
            self.fail("invalid")
        return value
