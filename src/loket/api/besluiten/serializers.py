"""Besluit and BesluitInformatieObject: the standard's Dutch fields translated to the
English model fields (``source``) and back; the rules are in ``loket.cases.decisions``."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.besluiten.references import INFORMATIEOBJECT, ZAAK, ReferenceField
from loket.api.common.fields import LinkField
from loket.cases.models import Decision
from loket.catalog.models import DecisionType

BESLUIT = "besluiten:besluit-detail"

# Vervalreden: the standard's values and their descriptions.
EXPIRY_REASONS = {
    "tijdelijk": "Besluit met tijdelijke werking",
    "ingetrokken_overheid": "Besluit ingetrokken door overheid",
    "ingetrokken_belanghebbende": "Besluit ingetrokken o.v.v. belanghebbende",
}


def optional_date(source: str) -> serializers.DateField:
    return serializers.DateField(source=source, required=False, allow_null=True)


@extend_schema_serializer(component_name="Besluit")
class BesluitSerializer(serializers.Serializer):
    url = LinkField(BESLUIT, source="*", read_only=True)
    identificatie = serializers.CharField(
        source="identification", max_length=50, required=False, allow_blank=True
    )
    verantwoordelijkeOrganisatie = serializers.CharField(
        source="responsible_organisation", max_length=9
    )
    besluittype = LinkField(
        "catalogi:besluittype-detail",
        source="decision_type",
        queryset=DecisionType.objects.select_related("catalogue"),
    )
    zaak = ReferenceField(ZAAK, source="case", required=False, allow_null=True)
    datum = serializers.DateField(source="date")
    toelichting = serializers.CharField(source="explanation", required=False, allow_blank=True)
    bestuursorgaan = serializers.CharField(
        source="administrative_body", max_length=50, required=False, allow_blank=True
    )
    ingangsdatum = serializers.DateField(source="start_date")
    vervaldatum = optional_date("expiry_date")
    vervalreden = serializers.ChoiceField(
        source="expiry_reason",
        choices=list(EXPIRY_REASONS.items()),
        required=False,
        allow_blank=True,
    )
    vervalredenWeergave = serializers.SerializerMethodField()
    publicatiedatum = optional_date("publication_date")
    verzenddatum = optional_date("delivery_date")
    uiterlijkeReactiedatum = optional_date("objection_deadline")

    def get_vervalredenWeergave(self, decision: Decision) -> str:
        return EXPIRY_REASONS.get(decision.expiry_reason, "")


@extend_schema_serializer(component_name="BesluitInformatieObject")
class BesluitInformatieObjectSerializer(serializers.Serializer):
    url = LinkField("besluiten:besluitinformatieobject-detail", source="*", read_only=True)
    informatieobject = ReferenceField(INFORMATIEOBJECT, source="document")
    besluit = LinkField(BESLUIT, source="decision", queryset=Decision.objects.all())
