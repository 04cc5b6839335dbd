"""Applicatie and Autorisatie: the standard's fields translated to the identity models.

An autorisatie shows and takes the type fields of its component only (``zaaktype`` and
``maxVertrouwelijkheidaanduiding`` for zrc, ``informatieobjecttype`` and the level for drc,
``besluittype`` for brc), as the standard's polymorphic schema has it. The rules (ac-001,
ac-002, ac-003) are in ``loket.identity.services``.
"""

from urllib.parse import urlparse

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.common.fields import LinkField, looks_like_url
from loket.catalog.choices import Confidentiality
from loket.identity.models import ApiAuthorization
from loket.identity.services import missing_fields

Component = ApiAuthorization.Component

# API name -> model field, per component.
TYPE_FIELDS = {
    Component.CASES: {
        "zaaktype": "case_type",
        "maxVertrouwelijkheidaanduiding": "max_confidentiality",
    },
    Component.DOCUMENTS: {
        "informatieobjecttype": "document_type",
        "maxVertrouwelijkheidaanduiding": "max_confidentiality",
    },
    Component.DECISIONS: {"besluittype": "decision_type"},
}
COMMON_FIELDS = ("component", "componentWeergave", "scopes")


def absolute_url(value: str) -> None:
    """Any http(s) URL with a host; Django's URLValidator would refuse a host without a dot
    (``http://openzaak/...``), common inside a municipality's network."""
    if value and not (looks_like_url(value) and urlparse(value).netloc):
        raise serializers.ValidationError(_("Give an absolute http(s) URL."), code="invalid")


def type_url(source: str) -> serializers.CharField:
    return serializers.CharField(
        source=source,
        max_length=1000,
        required=False,
        allow_blank=True,
        validators=[absolute_url],
    )


@extend_schema_serializer(component_name="Autorisatie")
class AutorisatieSerializer(serializers.Serializer):
    component = serializers.ChoiceField(choices=Component.choices)
    componentWeergave = serializers.CharField(source="get_component_display", read_only=True)
    scopes = serializers.ListField(child=serializers.CharField(max_length=100))
    zaaktype = type_url("case_type")
    informatieobjecttype = type_url("document_type")
    besluittype = type_url("decision_type")
    maxVertrouwelijkheidaanduiding = serializers.ChoiceField(
        source="max_confidentiality",
        choices=Confidentiality.choices,
        required=False,
        allow_blank=True,
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        shown = {*COMMON_FIELDS, *TYPE_FIELDS.get(instance.component, {})}
        return {name: value for name, value in data.items() if name in shown}

    def validate(self, attrs):
        fields = TYPE_FIELDS.get(attrs["component"], {})
        attrs = {
            "component": attrs["component"],
            "scopes": attrs["scopes"],
            **{source: attrs.get(source, "") for source in fields.values()},
        }
        names = {source: name for name, source in fields.items()}
        if missing := missing_fields(attrs):  # ac-003
            raise serializers.ValidationError(
                {
                    names[source]: serializers.ErrorDetail(
                        _("This field is required for component %(component)s.")
                        % {"component": attrs["component"]},
                        code="required",
                    )
                    for source in missing
                }
            )
        return attrs


class ClientIdsField(serializers.ListField):
    """The client ids of the application, from its prefetched clients."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(max_length=50), **kwargs)

    def get_attribute(self, instance):
        return [client.client_id for client in instance.clients.all()]

    def to_internal_value(self, data):
        return list(dict.fromkeys(super().to_internal_value(data)))


@extend_schema_serializer(component_name="Applicatie")
class ApplicatieSerializer(serializers.Serializer):
    url = LinkField("autorisaties:applicatie-detail", source="*", read_only=True)
    clientIds = ClientIdsField(source="client_ids")
    label = serializers.CharField(max_length=100)
    heeftAlleAutorisaties = serializers.BooleanField(source="all_scopes", required=False)
    autorisaties = AutorisatieSerializer(source="authorizations", many=True, required=False)
