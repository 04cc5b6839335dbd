"""Gebruiksrechten, ObjectInformatieObject and Verzending: what hangs off a document."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from loket.api.common.fields import LinkField, looks_like_url
from loket.api.documenten.fields import DocumentField, Group
from loket.api.documenten.objects import object_url, object_uuid_in
from loket.cases.models import Case, Decision, Dispatch


@extend_schema_serializer(component_name="Gebruiksrechten")
class UsageRightSerializer(serializers.Serializer):
    url = LinkField("documenten:gebruiksrechten-detail", source="*", read_only=True)
    informatieobject = DocumentField(source="document")
    startdatum = serializers.DateTimeField(source="starts_at")
    einddatum = serializers.DateTimeField(source="ends_at", required=False, allow_null=True)
    omschrijvingVoorwaarden = serializers.CharField(source="conditions")


@extend_schema_field({"type": "string", "format": "uri", "maxLength": 1000})
class ObjectUrlField(serializers.Field):
    """The zaak or besluit of an objectinformatieobject, as its URL in Loket's own API."""

    default_error_messages = {"invalid": _("Give the URL of a zaak or besluit.")}

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, link):
        return object_url(self.context["request"], link.object_type, link.object_uuid)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not looks_like_url(data) or len(data) > 1000:
            self.fail("invalid")
        return {"object": data}


@extend_schema_serializer(component_name="ObjectInformatieObject")
class ObjectLinkSerializer(serializers.Serializer):
    """An :class:`~loket.api.documenten.views.relations.ObjectLink`: a zaak's or besluit's own
    link to the document, shown as the Documenten API's relation."""

    url = LinkField("documenten:objectinformatieobject-detail", source="*", read_only=True)
    informatieobject = DocumentField(source="document")
    object = ObjectUrlField()
    objectType = serializers.ChoiceField(
        source="object_type", choices=["besluit", "zaak", "verzoek"]
    )

    def validate(self, attrs):
        """The zaak or besluit itself; Loket keeps relations with its own only (no verzoeken)."""
        kind = attrs["object_type"]
        model = {"zaak": Case, "besluit": Decision}.get(kind)
        object_uuid = object_uuid_in(attrs["object"], kind) if model else None
        found = model.objects.filter(uuid=object_uuid).first() if object_uuid else None
        if found is None:
            raise serializers.ValidationError(
                {"object": _("This is not the URL of a zaak or besluit of this Loket.")},
                code="bad-url",
            )
        return {"document": attrs["document"], "case" if kind == "zaak" else "decision": found}


@extend_schema_serializer(component_name="BinnenlandsCorrespondentieadresVerzending")
class DomesticAddressSerializer(Group):
    huisletter = serializers.CharField(
        source="house_letter", max_length=1, required=False, allow_blank=True, default=""
    )
    huisnummer = serializers.IntegerField(source="house_number", min_value=1, max_value=99999)
    huisnummerToevoeging = serializers.CharField(
        source="house_number_addition", max_length=4, required=False, allow_blank=True, default=""
    )
    naamOpenbareRuimte = serializers.CharField(source="street", max_length=80)
    postcode = serializers.CharField(max_length=6, required=False, allow_blank=True, default="")
    woonplaatsnaam = serializers.CharField(source="place", max_length=80)


@extend_schema_serializer(component_name="BuitenlandsCorrespondentieadresVerzending")
class ForeignAddressSerializer(Group):
    adresBuitenland1 = serializers.CharField(source="line_1", max_length=35)
    adresBuitenland2 = serializers.CharField(
        source="line_2", max_length=35, required=False, allow_blank=True, default=""
    )
    adresBuitenland3 = serializers.CharField(
        source="line_3", max_length=35, required=False, allow_blank=True, default=""
    )
    landPostadres = serializers.URLField(source="country", max_length=200)


@extend_schema_serializer(component_name="BuitenlandsCorrespondentiepostadresVerzending")
class PostalAddressSerializer(Group):
    postBusOfAntwoordnummer = serializers.IntegerField(
        source="box_number", min_value=1, max_value=9999
    )
    postadresPostcode = serializers.CharField(source="postcode", max_length=6)
    postadresType = serializers.ChoiceField(
        source="kind", choices=["antwoordnummer", "postbusnummer"]
    )
    woonplaatsnaam = serializers.CharField(source="place", max_length=80)


def optional_text(max_length: int, source: str):
    """Text the standard allows to be null; stored as ``""``."""
    return serializers.CharField(
        source=source,
        max_length=max_length,
        required=False,
        allow_blank=True,
        allow_null=True,
        default="",
    )


def optional_group(group_class, source: str):
    return group_class(source=source, required=False, allow_null=True, default=None)


@extend_schema_serializer(component_name="Verzending")
class DispatchSerializer(serializers.Serializer):
    """A PUT replaces the whole dispatch: what it leaves out is emptied, so that a client can
    move it to another address."""

    url = LinkField("documenten:verzending-detail", source="*", read_only=True)
    betrokkene = serializers.URLField(source="party", max_length=200)
    informatieobject = DocumentField(source="document")
    aardRelatie = serializers.ChoiceField(source="relation", choices=Dispatch.Relation.choices)
    toelichting = serializers.CharField(
        source="explanation", max_length=200, required=False, allow_blank=True, default=""
    )
    ontvangstdatum = serializers.DateField(
        source="received_on", required=False, allow_null=True, default=None
    )
    verzenddatum = serializers.DateField(
        source="sent_on", required=False, allow_null=True, default=None
    )
    contactPersoon = serializers.URLField(source="contact_person", max_length=1000)
    contactpersoonnaam = serializers.CharField(
        source="contact_person_name", max_length=40, required=False, allow_blank=True, default=""
    )
    binnenlandsCorrespondentieadres = optional_group(DomesticAddressSerializer, "domestic_address")
    buitenlandsCorrespondentieadres = optional_group(ForeignAddressSerializer, "foreign_address")
    correspondentiePostadres = optional_group(PostalAddressSerializer, "postal_address")
    faxnummer = optional_text(15, "fax")
    emailadres = optional_text(100, "email")
    mijnOverheid = serializers.BooleanField(source="my_government", required=False, default=False)
    telefoonnummer = optional_text(15, "phone")

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        for name in ("fax", "email", "phone"):
            if name in values and values[name] is None:
                values[name] = ""
        return values
