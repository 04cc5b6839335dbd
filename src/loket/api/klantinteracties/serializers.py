"""The Klantinteracties API's resources: the standard's Dutch fields translated to the
contacts models' English fields (``source``) and back. The rules are in
``loket.contacts.services``."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from loket.api.common.fields import LinkField
from loket.api.klantinteracties.fields import (
    ROL,
    SOORT_ACTOR,
    SOORT_DIGITAAL_ADRES,
    SOORT_PARTIJ,
    STATUS,
    AddressSerializer,
    ContactnaamSerializer,
    FirstActorField,
    ForeignKeyField,
    IdentificatorSerializer,
    KanaalField,
    MappedChoiceField,
    NumberField,
    detail,
    foreign_key,
)
from loket.contacts.models import (
    Actor,
    Contact,
    DigitalAddress,
    Involvement,
    Party,
)


def url_field(name: str) -> LinkField:
    return LinkField(detail(name), source="*", read_only=True)


def no_items() -> serializers.SerializerMethodField:
    return serializers.SerializerMethodField(method_name="no_items")


class NoItems:
    @extend_schema_field({"type": "array", "items": {"type": "object"}, "readOnly": True})
    def no_items(self, _instance) -> list:
        """What Loket does not keep (attachments, categories, bank accounts …) is empty."""
        return []


PHONE_NUMBER = r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$"


def identification_fields(*names: str) -> type[serializers.Serializer]:
    """The ``actorIdentificatie`` of one ``soortActor``: its fields as the standard checks
    them; keys of other kinds are dropped, as Open Klant does."""
    fields = {
        "functie": serializers.CharField(max_length=40, required=False, allow_blank=True),
        "omschrijving": serializers.CharField(max_length=200, required=False, allow_blank=True),
        "emailadres": serializers.EmailField(max_length=254, required=False, allow_blank=True),
        "faxnummer": serializers.CharField(max_length=20, required=False, allow_blank=True),
        "telefoonnummer": serializers.RegexField(
            PHONE_NUMBER, max_length=20, required=False, allow_blank=True
        ),
    }
    return type("ActorIdentificatie", (serializers.Serializer,), {n: fields[n] for n in names})


ACTOR_IDENTIFICATION = {
    Actor.Kind.EMPLOYEE: identification_fields("functie", "emailadres", "telefoonnummer"),
    Actor.Kind.SYSTEM: identification_fields("functie", "omschrijving"),
    Actor.Kind.DEPARTMENT: identification_fields(
        "omschrijving", "emailadres", "faxnummer", "telefoonnummer"
    ),
}


@extend_schema_serializer(component_name="Actor")
class ActorSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("actor")
    naam = serializers.CharField(source="name", max_length=200)
    soortActor = MappedChoiceField(SOORT_ACTOR, source="kind")
    indicatieActief = serializers.BooleanField(source="active", required=False)
    actoridentificator = IdentificatorSerializer(source="*", required=False, allow_null=True)
    actorIdentificatie = serializers.DictField(source="details", required=False)

    def validate(self, attrs):
        """``actorIdentificatie`` as its ``soortActor`` has it (found by schemathesis: any
        JSON was kept and shown, which matched none of the standard's kinds)."""
        kind = attrs.get("kind") or getattr(self.instance, "kind", None)
        if "details" in attrs and kind in ACTOR_IDENTIFICATION:
            identification = ACTOR_IDENTIFICATION[kind](data=attrs["details"])
            if not identification.is_valid():
                raise serializers.ValidationError({"actorIdentificatie": identification.errors})
            attrs["details"] = {k: v for k, v in identification.validated_data.items() if v}
        return attrs


@extend_schema_serializer(component_name="Klantcontact")
class KlantcontactSerializer(NoItems, serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("klantcontact")
    nummer = NumberField()
    referentienummer = NumberField()
    gingOverOnderwerpobjecten = ForeignKeyField(
        "onderwerpobject", source="subject_objects", many=True, read_only=True
    )
    hadBetrokkenActoren = ActorSerializer(source="actors", many=True, read_only=True)
    omvatteBijlagen = no_items()
    hadBetrokkenen = ForeignKeyField("betrokkene", source="involvements", many=True, read_only=True)
    leiddeTotInterneTaken = ForeignKeyField(
        "internetaak", source="tasks", many=True, read_only=True
    )
    kanaal = KanaalField(source="channel")
    onderwerp = serializers.CharField(source="subject", max_length=200)
    inhoud = serializers.CharField(
        source="question", max_length=1000, required=False, allow_blank=True
    )
    reactie = serializers.CharField(
        source="answer", max_length=4000, required=False, allow_blank=True
    )
    indicatieContactGelukt = serializers.BooleanField(
        source="reached", required=False, allow_null=True
    )
    hoofdOnderwerpType = serializers.URLField(
        source="main_subject_type", max_length=200, required=False, allow_blank=True
    )
    verdereActieOndernomen = serializers.BooleanField(source="further_action", required=False)
    taal = serializers.CharField(source="language", max_length=3)
    vertrouwelijk = serializers.BooleanField(source="confidential")
    plaatsgevondenOp = serializers.DateTimeField(source="occurred_at", required=False)
    metadata = serializers.DictField(
        child=serializers.CharField(max_length=255, allow_blank=True), required=False
    )


@extend_schema_serializer(component_name="Betrokkene")
class BetrokkeneSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("betrokkene")
    wasPartij = ForeignKeyField(
        "partij", source="party", queryset=Party.objects.all(), required=False, allow_null=True
    )
    hadKlantcontact = ForeignKeyField(
        "klantcontact", source="contact", queryset=Contact.objects.all()
    )
    digitaleAdressen = ForeignKeyField(
        "digitaaladres", source="digital_addresses", many=True, read_only=True
    )
    bezoekadres = AddressSerializer(source="visit_address", required=False, allow_null=True)
    correspondentieadres = AddressSerializer(
        source="correspondence_address", required=False, allow_null=True
    )
    contactnaam = ContactnaamSerializer(source="*", required=False, allow_null=True)
    volledigeNaam = serializers.CharField(source="full_name", read_only=True)
    rol = MappedChoiceField(ROL, source="role")
    organisatienaam = serializers.CharField(
        source="organisation_name", max_length=200, required=False, allow_blank=True
    )
    initiator = serializers.BooleanField()


@extend_schema_serializer(component_name="DigitaalAdres")
class DigitaalAdresSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("digitaaladres")
    verstrektDoorBetrokkene = ForeignKeyField(
        "betrokkene",
        source="involvement",
        queryset=Involvement.objects.all(),
        required=False,
        allow_null=True,
    )
    verstrektDoorPartij = ForeignKeyField(
        "partij", source="party", queryset=Party.objects.all(), required=False, allow_null=True
    )
    adres = serializers.CharField(source="address", max_length=80)
    soortDigitaalAdres = MappedChoiceField(
        SOORT_DIGITAAL_ADRES,
        source="kind",
        shown_as={DigitalAddress.Kind.SOCIAL_MEDIA: "overig"},
    )
    isStandaardAdres = serializers.BooleanField(source="is_default", required=False)
    omschrijving = serializers.CharField(
        source="description", max_length=40, required=False, allow_blank=True
    )
    referentie = serializers.RegexField(
        r"^[-a-zA-Z0-9_]+$", source="reference", max_length=50, required=False, allow_blank=True
    )
    verificatieDatum = serializers.DateField(source="verified_on", required=False, allow_null=True)


@extend_schema_field({"type": "object", "nullable": True})
class PartijIdentificatieField(serializers.Field):
    """``partijIdentificatie``: a person's or contact person's contact name, or an
    organisation's name, kept as fields of the party."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, party: Party) -> dict:
        if party.kind == Party.Kind.ORGANISATION:
            return {"naam": party.organisation_name}
        name = ContactnaamSerializer(party).data
        return {"contactnaam": name, "volledigeNaam": party.contact_name}

    def to_internal_value(self, data) -> dict:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise serializers.ValidationError(_("Give an object."), code="invalid")
        values = {}
        if "naam" in data:
            naam = serializers.CharField(max_length=200, allow_blank=True)
            values["organisation_name"] = naam.run_validation(data["naam"])
        if "contactnaam" in data:
            values |= ContactnaamSerializer().run_validation(data["contactnaam"])
        return values


@extend_schema_field({"type": "array", "items": {"type": "object"}, "nullable": True})
class PartijIdentificatorenField(serializers.Field):
    """``partijIdentificatoren``: Loket knows a person by BSN and an organisation by KvK
    number; the standard's other identifiers are refused."""

    KINDS = {"bsn": "bsn", "kvk_nummer": "kvk_number"}

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, party: Party) -> list:
        found = []
        if party.bsn:
            found.append(("natuurlijk_persoon", "bsn", party.bsn, "brp"))
        if party.kvk_number:
            found.append(("niet_natuurlijk_persoon", "kvk_nummer", party.kvk_number, "hr"))
        return [
            {
                "identificeerdePartij": foreign_key(
                    self.context["request"], detail("partij"), party
                ),
                "anderePartijIdentificator": "",
                "partijIdentificator": {
                    "codeObjecttype": object_type,
                    "codeSoortObjectId": kind,
                    "objectId": value,
                    "codeRegister": register,
                },
                "subIdentificatorVan": None,
            }
            for object_type, kind, value, register in found
        ]

    def to_internal_value(self, data) -> dict:
        values = {"bsn": "", "kvk_number": ""}
        for item in data or []:
            identificator = (item or {}).get("partijIdentificator") or {}
            field = self.KINDS.get(identificator.get("codeSoortObjectId"))
            if field is None:
                raise serializers.ValidationError(
                    _("Loket knows a party by BSN (bsn) or KvK number (kvk_nummer) only."),
                    code="invalid",
                )
            values[field] = str(identificator.get("objectId") or "")
        return values


@extend_schema_serializer(component_name="Partij")
class PartijSerializer(NoItems, serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("partij")
    nummer = NumberField()
    interneNotitie = serializers.CharField(
        source="internal_note", max_length=1000, required=False, allow_blank=True
    )
    betrokkenen = ForeignKeyField("betrokkene", source="involvements", many=True, read_only=True)
    categorieRelaties = no_items()
    digitaleAdressen = ForeignKeyField(
        "digitaaladres", source="digital_addresses", many=True, read_only=True
    )
    voorkeursDigitaalAdres = ForeignKeyField(
        "digitaaladres",
        source="preferred_address",
        queryset=DigitalAddress.objects.all(),
        required=False,
        allow_null=True,
    )
    vertegenwoordigden = no_items()
    rekeningnummers = no_items()
    voorkeursRekeningnummer = serializers.SerializerMethodField()
    partijIdentificatoren = PartijIdentificatorenField(required=False)
    soortPartij = MappedChoiceField(SOORT_PARTIJ, source="kind")
    indicatieGeheimhouding = serializers.BooleanField(
        source="confidential", required=False, allow_null=True
    )
    voorkeurstaal = serializers.CharField(
        source="preferred_language", max_length=3, required=False, allow_blank=True
    )
    indicatieActief = serializers.BooleanField(source="active")
    bezoekadres = AddressSerializer(source="visit_address", required=False, allow_null=True)
    correspondentieadres = AddressSerializer(
        source="correspondence_address", required=False, allow_null=True
    )
    partijIdentificatie = PartijIdentificatieField(required=False)

    @extend_schema_field({"type": "object", "nullable": True, "readOnly": True})
    def get_voorkeursRekeningnummer(self, _instance) -> None:
        return None


@extend_schema_serializer(component_name="InterneTaak")
class InterneTaakSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("internetaak")
    nummer = NumberField()
    referentienummer = NumberField()
    gevraagdeHandeling = serializers.CharField(source="requested_action", max_length=200)
    aanleidinggevendKlantcontact = ForeignKeyField(
        "klantcontact", source="contact", queryset=Contact.objects.all()
    )
    toegewezenAanActor = FirstActorField(
        "actor", source="first_actor", queryset=Actor.objects.all(), required=False
    )
    toegewezenAanActoren = ForeignKeyField(
        "actor", source="actors", many=True, queryset=Actor.objects.all(), required=False
    )
    toelichting = serializers.CharField(
        source="explanation", max_length=1000, required=False, allow_blank=True
    )
    status = MappedChoiceField(STATUS)
    toegewezenOp = serializers.DateTimeField(source="assigned_at", read_only=True)
    afgehandeldOp = serializers.DateTimeField(source="closed_at", read_only=True, allow_null=True)

    def validate(self, values):
        first = values.pop("first_actor", None)
        if first is not None:
            values["actors"] = [first, *(a for a in values.get("actors", []) if a != first)]
        if not self.partial and not values.get("actors"):
            raise serializers.ValidationError(
                {
                    "toegewezenAanActoren": serializers.ErrorDetail(
                        _("Hand the task to a department or an employee."), code="required"
                    )
                }
            )
        return values


@extend_schema_serializer(component_name="Onderwerpobject")
class OnderwerpobjectSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    url = url_field("onderwerpobject")
    klantcontact = ForeignKeyField(
        "klantcontact",
        source="contact",
        queryset=Contact.objects.all(),
        required=False,
        allow_null=True,
    )
    wasKlantcontact = ForeignKeyField(
        "klantcontact",
        source="was_contact",
        queryset=Contact.objects.all(),
        required=False,
        allow_null=True,
    )
    onderwerpobjectidentificator = IdentificatorSerializer(
        source="*", required=False, allow_null=True
    )


# --- maak-klantcontact: a contact with its involvement and subject in one request -----------


@extend_schema_serializer(component_name="BetrokkeneKlantcontactReadOnly")
class NewBetrokkeneSerializer(BetrokkeneSerializer):
    hadKlantcontact = ForeignKeyField("klantcontact", source="contact", read_only=True)


@extend_schema_serializer(component_name="OnderwerpobjectKlantcontactReadOnly")
class NewOnderwerpobjectSerializer(OnderwerpobjectSerializer):
    klantcontact = ForeignKeyField("klantcontact", source="contact", read_only=True)


@extend_schema_serializer(component_name="MaakKlantcontact")
class MaakKlantcontactSerializer(serializers.Serializer):
    klantcontact = KlantcontactSerializer()
    betrokkene = NewBetrokkeneSerializer(required=False, allow_null=True)
    onderwerpobject = NewOnderwerpobjectSerializer(required=False, allow_null=True)
