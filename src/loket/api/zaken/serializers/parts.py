"""The resources around a zaak: statuses, result, roles, objects, property values, document
links, customer contacts, links to contact moments and requests, decisions, audit trail."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.common.serializers import ShallowFieldCopies
from loket.api.zaken import links
from loket.api.zaken.fields import (
    AnyHostUrl,
    CheckedUrl,
    IdentificationField,
    Links,
    OptionalChoice,
    OptionalText,
    Reference,
)
from loket.api.zaken.identifications import OBJECTS, ROLES, clean_identification
from loket.cases.models import (
    Case,
    Decision,
    Document,
    Role,
    StatusChange,
)
from loket.catalog import references
from loket.catalog.models import CaseObjectType, Property, ResultType, RoleType, StatusType

CONTACT_MOMENT_KEYS = frozenset({"url", "bronorganisatie", "kanaal"})
REQUEST_KEYS = frozenset({"url", "bronorganisatie"})
# A person, business or unit as a case object has the identification of a role's subject.
OBJECT_IDENTIFICATIONS = {**ROLES, **OBJECTS}
OBJECT_TYPES = sorted({*OBJECT_IDENTIFICATIONS, "besluit", "enkelvoudig_document", "status"})
ZIO_RELATION = "Hoort bij, omgekeerd: kent"  # zrc-004: a document belongs to (hoort bij) the case


def case_link():
    return Reference("zaak", Case.objects.select_related("case_type"), source="case")


@extend_schema_serializer(component_name="Status")
class StatusSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("status", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    statustype = Reference("statustype", StatusType.objects.all(), source="status_type")
    datumStatusGezet = serializers.DateTimeField(source="set_at")
    statustoelichting = OptionalText(1000, source="note")
    indicatieLaatstGezetteStatus = serializers.SerializerMethodField()
    gezetdoor = Reference(
        "rol", Role.objects.all(), source="set_by_role", required=False, allow_null=True
    )
    zaakinformatieobjecten = Links("zaakinformatieobject", source="document_links_uuids")

    def get_indicatieLaatstGezetteStatus(self, status) -> bool:
        return status.uuid == getattr(status, "latest_uuid", None)


@extend_schema_serializer(component_name="Resultaat")
class ResultaatSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("resultaat", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    resultaattype = Reference("resultaattype", ResultType.objects.all(), source="result_type")
    toelichting = OptionalText(1000, source="explanation")


class ContactPerson(serializers.Serializer):
    emailadres = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    functie = serializers.CharField(max_length=50, required=False, allow_blank=True)
    telefoonnummer = serializers.CharField(max_length=20, required=False, allow_blank=True)
    naam = serializers.CharField(max_length=40)


@extend_schema_serializer(component_name="Rol")
class RolSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("rol", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    betrokkene = AnyHostUrl(source="subject_url", required=False, allow_blank=True)
    betrokkeneType = serializers.ChoiceField(Role.SubjectKind.choices, source="subject_kind")
    afwijkendeNaamBetrokkene = OptionalText(625, source="other_name")
    roltype = Reference("roltype", RoleType.objects.all(), source="role_type")
    omschrijving = serializers.CharField(source="role_type.description", read_only=True)
    omschrijvingGeneriek = serializers.CharField(source="generic", read_only=True)
    roltoelichting = serializers.CharField(source="explanation", max_length=1000, allow_blank=True)
    registratiedatum = serializers.DateTimeField(source="registered_at", read_only=True)
    indicatieMachtiging = OptionalChoice(Role.Mandate.choices, source="mandate")
    contactpersoonRol = ContactPerson(source="contact_person", required=False, allow_null=True)
    statussen = Links("status", source="status_changes_uuids")
    betrokkeneIdentificatie = IdentificationField(source="subject_identification", allow_null=True)

    def to_representation(self, role):
        data = super().to_representation(role)
        data["betrokkeneIdentificatie"] = data["betrokkeneIdentificatie"] or None
        return data

    def validate(self, attrs):
        try:
            attrs["subject_identification"] = clean_identification(
                ROLES, attrs["subject_kind"], attrs.get("subject_identification")
            )
        except serializers.ValidationError as error:
            raise serializers.ValidationError({"betrokkeneIdentificatie": error.detail}) from None
        return attrs


class ObjectTypeDefinition(serializers.Serializer):
    url = serializers.URLField(max_length=1000)
    schema = serializers.CharField(max_length=100)
    objectData = serializers.CharField(max_length=100)


@extend_schema_serializer(component_name="ZaakObject")
class ZaakObjectSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("zaakobject", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    object = AnyHostUrl(source="object_url", required=False, allow_blank=True)
    zaakobjecttype = Reference(
        "zaakobjecttype",
        CaseObjectType.objects.all(),
        source="case_object_type",
        required=False,
        allow_null=True,
    )
    objectType = serializers.ChoiceField(OBJECT_TYPES, source="object_type")
    objectTypeOverige = serializers.RegexField(
        r"^[a-z_]*$",
        source="object_type_other",
        max_length=100,
        required=False,
        allow_blank=True,
    )
    objectTypeOverigeDefinitie = ObjectTypeDefinition(
        source="object_type_other_definition", required=False, allow_null=True
    )
    relatieomschrijving = OptionalText(80, source="relation_description")
    objectIdentificatie = IdentificationField(source="object_identification", allow_null=True)

    def to_representation(self, case_object):
        data = super().to_representation(case_object)
        data["objectIdentificatie"] = data["objectIdentificatie"] or None
        return data

    def validate(self, attrs):
        kind = attrs.get("object_type") or getattr(self.instance, "object_type", "")
        if "object_identification" in attrs or self.instance is None:
            try:
                attrs["object_identification"] = clean_identification(
                    OBJECT_IDENTIFICATIONS, kind, attrs.get("object_identification")
                )
            except serializers.ValidationError as error:
                raise serializers.ValidationError({"objectIdentificatie": error.detail}) from None
        return attrs


@extend_schema_serializer(component_name="ZaakInformatieObject")
class ZaakInformatieObjectSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("zaakinformatieobject", source="*")
    uuid = serializers.UUIDField(read_only=True)
    informatieobject = Reference("informatieobject", Document.objects.all(), source="document")
    zaak = case_link()
    aardRelatieWeergave = serializers.SerializerMethodField()
    titel = OptionalText(200, source="title")
    beschrijving = OptionalText(source="description")
    registratiedatum = serializers.DateTimeField(source="registered_at", read_only=True)
    vernietigingsdatum = serializers.DateTimeField(
        source="destruction_date", required=False, allow_null=True
    )
    status = Reference("status", StatusChange.objects.all(), required=False, allow_null=True)

    def get_aardRelatieWeergave(self, link) -> str:
        return ZIO_RELATION


@extend_schema_serializer(component_name="ZaakEigenschap")
class ZaakEigenschapSerializer(ShallowFieldCopies, serializers.Serializer):
    url = serializers.SerializerMethodField()
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    eigenschap = Reference("eigenschap", Property.objects.all(), source="property")
    naam = serializers.CharField(source="property.name", read_only=True)
    waarde = serializers.CharField(source="value")

    def get_url(self, value) -> str:
        request = self.context["request"]
        return links.nested_url_of(request, "zaakeigenschap", value.case.uuid, value.uuid)


@extend_schema_serializer(component_name="KlantContact")
class KlantContactSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("klantcontact", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    identificatie = OptionalText(14, source="identification")
    datumtijd = serializers.DateTimeField(source="at")
    kanaal = OptionalText(20, source="channel")
    onderwerp = OptionalText(200, source="subject")
    toelichting = OptionalText(1000, source="explanation")


def check_contact_moment(url: str) -> None:
    references.remote_resource(url, name="contactmoment", required=CONTACT_MOMENT_KEYS)


def check_request(url: str) -> None:
    references.remote_resource(url, name="verzoek", required=REQUEST_KEYS)


@extend_schema_serializer(component_name="ZaakContactMoment")
class ZaakContactMomentSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("zaakcontactmoment", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    contactmoment = CheckedUrl(check_contact_moment, source="contact_moment")


@extend_schema_serializer(component_name="ZaakVerzoek")
class ZaakVerzoekSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("zaakverzoek", source="*")
    uuid = serializers.UUIDField(read_only=True)
    zaak = case_link()
    verzoek = CheckedUrl(check_request, source="request")


class ItSelf(Reference):
    """The object shown is the one given: a zaakbesluit is shown from its decision."""

    def get_attribute(self, instance):
        return instance


@extend_schema_serializer(component_name="ZaakBesluit")
class ZaakBesluitSerializer(ShallowFieldCopies, serializers.Serializer):
    """A decision on the case; it has the decision's own uuid (see docs/api-zaken.md)."""

    url = serializers.SerializerMethodField()
    uuid = serializers.UUIDField(read_only=True)
    besluit = ItSelf("besluit", Decision.objects.all(), source="decision")

    def get_url(self, decision) -> str:
        request = self.context["request"]
        return links.nested_url_of(request, "zaakbesluit", decision.case.uuid, decision.uuid)
