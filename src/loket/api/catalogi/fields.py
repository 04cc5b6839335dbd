"""Fields particular to the Catalogi API's resources."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from loket.api.common.fields import LinkField, NameOrLinkField, link, looks_like_url, uuid_in
from loket.catalog.models import CaseType


def detail(name: str) -> str:
    """The view name of a Catalogi resource, e.g. ``detail("zaaktype")``."""
    return f"catalogi:{name}-detail"


class SelfLink(LinkField):
    def __init__(self, name: str, **kwargs):
        super().__init__(detail(name), source="*", read_only=True, **kwargs)


class Links(serializers.ManyRelatedField):
    """Read-only list of links to related objects (prefetched)."""

    def __init__(self, name: str, source: str, **kwargs):
        super().__init__(
            child_relation=LinkField(detail(name), read_only=True),
            source=source,
            read_only=True,
            **kwargs,
        )


class TypesByName(serializers.ListField):
    """Decision or document types: given by URL or description, shown as links.

    ``current_only`` shows, for each description, the version published and valid on the day
    asked (Catalogi 1.3); otherwise the linked versions themselves.
    """

    def __init__(self, name: str, queryset, *, current_only: bool = True, **kwargs):
        self.view_name = detail(name)
        self.current_only = current_only
        kwargs.setdefault("required", False)
        super().__init__(child=NameOrLinkField(self.view_name, queryset=queryset), **kwargs)

    def to_representation(self, data):
        items = data.all()
        if self.current_only:
            items = current_versions(self.context, items)
        return [link(self.context["request"], self.view_name, item.uuid) for item in items]


def current_versions(context, items) -> list:
    """The current version of each of ``items``' names, in name order."""
    items = list(items)
    if not items:
        return []
    model, versions = type(items[0]), context["current_versions"]
    names = sorted({(item.catalogue_id, name_of(item)) for item in items}, key=lambda k: k[1])
    versions.prime(model, names)
    found = (versions.get(model, catalogue_id, name) for catalogue_id, name in names)
    return [version for version in found if version is not None]


def name_of(versioned) -> str:
    return versioned.identification if isinstance(versioned, CaseType) else versioned.description


class CurrentDocumentType(NameOrLinkField):
    """A link's document type: the version of its description valid on the day asked, or the
    linked version itself when none is (a draft, say)."""

    def to_representation(self, value) -> str:
        current = self.context["current_versions"].get(
            type(value), value.catalogue_id, value.description
        )
        return super().to_representation(current or value)


class CaseTypeIdentifications(serializers.ListField):
    """Case types given by identification (or URL), shown as links to their current version."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(child=serializers.CharField(max_length=1000), **kwargs)

    def get_attribute(self, instance):
        return instance, super().get_attribute(instance)

    def to_internal_value(self, data):
        return [identification_of(value) for value in super().to_internal_value(data)]

    def to_representation(self, data):
        case_type, identifications = data
        links = (version_link(self, case_type, i) for i in identifications)
        return [url for url in links if url]


class CaseTypeRelation(serializers.Serializer):
    zaaktype = serializers.CharField(source="identification", max_length=1000)
    aardRelatie = serializers.ChoiceField(
        source="relation", choices=["vervolg", "bijdrage", "onderwerp"]
    )
    toelichting = serializers.CharField(
        source="explanation", max_length=255, required=False, allow_blank=True, default=""
    )

    def validate_zaaktype(self, value):
        return identification_of(value)


class RelatedCaseTypes(serializers.ListField):
    """gerelateerdeZaaktypen: identifications in, links to the current versions out."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(child=CaseTypeRelation(), **kwargs)

    def get_attribute(self, instance):
        return instance, super().get_attribute(instance)

    def to_representation(self, data):
        case_type, relations = data
        shown = []
        for relation in relations:
            url = version_link(self, case_type, relation["identification"])
            if url:
                shown.append(
                    {
                        "zaaktype": url,
                        "aardRelatie": relation["relation"],
                        "toelichting": relation.get("explanation", ""),
                    }
                )
        return shown


def identification_of(value: str) -> str:
    """A case type's identification; a URL of one of Loket's case types gives its own."""
    if not looks_like_url(value):
        return value
    object_uuid = uuid_in(value, detail("zaaktype"))
    case_type = CaseType.objects.filter(uuid=object_uuid).only("identification").first()
    if object_uuid is None or case_type is None:
        raise serializers.ValidationError(
            _("This is not the URL of a case type of this API."), code="bad-url"
        )
    return case_type.identification


def version_link(field, case_type, identification: str) -> str | None:
    versions = field.context["current_versions"]
    version = versions.get(CaseType, case_type.catalogue_id, identification)
    return link(field.context["request"], detail("zaaktype"), version.uuid) if version else None
