"""The parts of a case type: StatusType, ResultaatType, RolType, Eigenschap,
ZaakTypeInformatieObjectType and ZaakObjectType.

Their validity (``beginGeldigheid`` …) is the case type version's, shown read-only, as the
Catalogi standard derives it ("afgeleide waarden").
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.catalogi.fields import CurrentDocumentType, SelfLink, TypesByName, detail
from loket.api.catalogi.serializers.types import PrimedList, UrlFirst, optional_text, prime
from loket.api.common.fields import LinkField, TermField
from loket.catalog.choices import (
    ArchiveAction,
    ArchiveDateBasis,
    DocumentDirection,
    GenericRole,
    PropertyFormat,
)
from loket.catalog.models import CaseType, DecisionType, DocumentType, Property, StatusType

OBJECT_TYPES = [
    "adres", "besluit", "buurt", "enkelvoudig_document", "gemeente",
    "gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement",
    "kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit", "medewerker",
    "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte",
    "organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel",
    "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats",
    "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht", "overige",
]  # fmt: skip


class PartSerializer(UrlFirst, serializers.Serializer):
    """What every part shows of its case type."""

    zaaktype = LinkField(detail("zaaktype"), source="case_type", queryset=CaseType.objects)
    zaaktypeIdentificatie = serializers.CharField(source="case_type.identification", read_only=True)
    catalogus = LinkField(detail("catalogus"), source="case_type.catalogue", read_only=True)
    beginGeldigheid = serializers.DateField(source="case_type.valid_from", read_only=True)
    eindeGeldigheid = serializers.DateField(source="case_type.valid_until", read_only=True)
    beginObject = serializers.DateField(source="begin_object", read_only=True)
    eindeObject = serializers.DateField(source="end_object", read_only=True)


class ChecklistItem(serializers.Serializer):
    itemnaam = serializers.CharField(source="name", max_length=30)
    toelichting = optional_text(1000, source="explanation")
    vraagstelling = serializers.CharField(source="question", max_length=255)
    verplicht = serializers.BooleanField(source="required", default=False)


@extend_schema_serializer(component_name="StatusType")
class StatusTypeSerializer(PartSerializer):
    url = SelfLink("statustype")
    omschrijving = serializers.CharField(source="description", max_length=80)
    omschrijvingGeneriek = optional_text(80, source="generic_description")
    statustekst = optional_text(1000, source="citizen_explanation_nl")
    volgnummer = serializers.IntegerField(source="order", min_value=1, max_value=9999)
    isEindstatus = serializers.BooleanField(source="is_end_status", read_only=True)
    informeren = serializers.BooleanField(source="inform_citizen", required=False)
    doorlooptijd = TermField(source="lead_time", required=False, allow_null=True)
    toelichting = optional_text(1000, source="explanation")
    checklistitemStatustype = ChecklistItem(source="checklist", many=True, required=False)
    eigenschappen = serializers.ManyRelatedField(
        source="required_properties",
        child_relation=LinkField(detail("eigenschap"), queryset=Property.objects),
        required=False,
    )


class ArchiveDateBasisSerializer(serializers.Serializer):
    """brondatumArchiefprocedure: how the date the archive term counts from is found."""

    afleidingswijze = serializers.ChoiceField(
        source="archive_date_basis", choices=ArchiveDateBasis.choices
    )
    datumkenmerk = optional_text(80, source="archive_date_property")
    einddatumBekend = serializers.BooleanField(source="archive_end_date_known", default=False)
    objecttype = serializers.ChoiceField(
        source="archive_object_type", choices=OBJECT_TYPES, required=False, allow_blank=True
    )
    registratie = optional_text(80, source="archive_registration")
    procestermijn = TermField(source="archive_process_term", required=False, allow_null=True)

    EMPTY = {
        "archive_date_basis": "",
        "archive_date_property": "",
        "archive_end_date_known": False,
        "archive_object_type": "",
        "archive_registration": "",
        "archive_process_term": "",
    }

    def run_validation(self, data=serializers.empty):
        if data is None:
            return dict(self.EMPTY)
        return {**self.EMPTY, **super().run_validation(data)}

    def to_representation(self, instance):
        if not instance.archive_date_basis:
            return None
        return super().to_representation(instance)


@extend_schema_serializer(component_name="ResultaatType")
class ResultTypeSerializer(PartSerializer):
    url = SelfLink("resultaattype")
    omschrijving = serializers.CharField(source="description", max_length=30)
    resultaattypeomschrijving = serializers.URLField(
        source="result_type_description_url", max_length=1000
    )
    omschrijvingGeneriek = serializers.CharField(source="generic_description", read_only=True)
    selectielijstklasse = serializers.URLField(source="selection_list_class", max_length=1000)
    toelichting = optional_text(source="explanation")
    archiefnominatie = serializers.ChoiceField(
        source="archive_action", choices=ArchiveAction.choices, required=False, allow_blank=True
    )
    archiefactietermijn = TermField(source="archive_term", required=False, allow_null=True)
    brondatumArchiefprocedure = ArchiveDateBasisSerializer(
        source="*", required=False, allow_null=True
    )
    procesobjectaard = optional_text(200, source="process_object_kind")
    indicatieSpecifiek = serializers.BooleanField(
        source="specific", required=False, allow_null=True
    )
    procestermijn = TermField(source="process_term", required=False, allow_null=True)
    besluittypen = TypesByName(
        "besluittype", DecisionType.objects, source="decision_types", current_only=False
    )
    besluittypeOmschrijving = serializers.SerializerMethodField()
    informatieobjecttypen = TypesByName(
        "informatieobjecttype", DocumentType.objects, source="document_types", current_only=False
    )
    informatieobjecttypeOmschrijving = serializers.SerializerMethodField()

    def get_besluittypeOmschrijving(self, result_type) -> list[str]:
        return sorted({d.description for d in result_type.decision_types.all()})

    def get_informatieobjecttypeOmschrijving(self, result_type) -> list[str]:
        return sorted({d.description for d in result_type.document_types.all()})


@extend_schema_serializer(component_name="RolType")
class RoleTypeSerializer(PartSerializer):
    url = SelfLink("roltype")
    omschrijving = serializers.CharField(source="description", max_length=100)
    omschrijvingGeneriek = serializers.ChoiceField(source="generic", choices=GenericRole.choices)


class PropertyLengthField(serializers.CharField):
    """``lengte`` is text in the standard, a whole number in Loket."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not value.isdigit() or not 0 < int(value) <= 32767:
            raise serializers.ValidationError(
                _("Give the length as a whole number."), code="invalid"
            )
        return int(value)

    def to_representation(self, value):
        return str(value)


class PropertySpecification(serializers.Serializer):
    groep = optional_text(32, source="group")
    formaat = serializers.ChoiceField(source="format", choices=PropertyFormat.choices)
    lengte = PropertyLengthField(source="length")
    kardinaliteit = serializers.CharField(source="cardinality", max_length=3)
    waardenverzameling = serializers.ListField(
        source="allowed_values", child=serializers.CharField(max_length=100), required=False
    )


@extend_schema_serializer(component_name="Eigenschap")
class PropertySerializer(PartSerializer):
    url = SelfLink("eigenschap")
    naam = serializers.CharField(source="name", max_length=20)
    definitie = serializers.CharField(source="definition", max_length=255)
    specificatie = PropertySpecification(source="*")
    toelichting = optional_text(1000, source="explanation")
    statustype = LinkField(
        detail("statustype"),
        source="status_type",
        queryset=StatusType.objects,
        required=False,
        allow_null=True,
    )


@extend_schema_serializer(component_name="ZaakTypeInformatieObjectType")
class CaseTypeDocumentTypeSerializer(PartSerializer):
    url = SelfLink("zaaktypeinformatieobjecttype")
    # The standard gives this link no validity of its own.
    beginGeldigheid = eindeGeldigheid = beginObject = eindeObject = None

    class Meta:
        list_serializer_class = PrimedList

    def prime(self, links) -> None:
        prime(self.context, DocumentType, (link.document_type for link in links))

    informatieobjecttype = CurrentDocumentType(
        detail("informatieobjecttype"), source="document_type", queryset=DocumentType.objects
    )
    volgnummer = serializers.IntegerField(source="order", min_value=1, max_value=999)
    richting = serializers.ChoiceField(source="direction", choices=DocumentDirection.choices)
    statustype = LinkField(
        detail("statustype"),
        source="status_type",
        queryset=StatusType.objects,
        required=False,
        allow_null=True,
    )


@extend_schema_serializer(component_name="ZaakObjectType")
class CaseObjectTypeSerializer(PartSerializer):
    url = SelfLink("zaakobjecttype")
    anderObjecttype = serializers.BooleanField(source="other_object_type")
    objecttype = serializers.URLField(source="object_type", max_length=200)
    relatieOmschrijving = serializers.CharField(source="relation_description", max_length=80)
    resultaattypen = serializers.SerializerMethodField()
    statustypen = serializers.SerializerMethodField()

    def get_resultaattypen(self, case_object_type) -> list[str]:
        """Catalogi 1.3.1 gives result and status types no object type to point to: empty."""
        return []

    def get_statustypen(self, case_object_type) -> list[str]:
        return []
