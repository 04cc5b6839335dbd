"""Catalogus, Zaaktype, InformatieObjectType and BesluitType."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.catalogi.fields import (
    CaseTypeIdentifications,
    Links,
    RelatedCaseTypes,
    SelfLink,
    TypesByName,
    current_versions,
    detail,
    name_of,
)
from loket.api.catalogi.queries import is_current, named_identifications
from loket.api.common.fields import LinkField, TermField, link
from loket.catalog.choices import Confidentiality, InternalOrExternal
from loket.catalog.models import CaseType, Catalogue, DecisionType, DocumentType


def optional_text(max_length=None, **kwargs):
    """A text the standard allows to be left out, empty or null; stored as ``""``."""
    return NullableCharField(
        max_length=max_length, required=False, allow_blank=True, allow_null=True, **kwargs
    )


class NullableCharField(serializers.CharField):
    def run_validation(self, data=serializers.empty):
        if data is None:
            return ""
        return super().run_validation(data)


@extend_schema_serializer(component_name="Catalogus")
class CatalogueSerializer(serializers.Serializer):
    url = SelfLink("catalogus")
    domein = serializers.CharField(source="domain", max_length=5)
    rsin = serializers.RegexField(r"^\d{9}$", max_length=9)
    contactpersoonBeheerNaam = serializers.CharField(source="contact_name", max_length=40)
    contactpersoonBeheerTelefoonnummer = optional_text(20, source="contact_phone")
    contactpersoonBeheerEmailadres = serializers.EmailField(
        source="contact_email", max_length=254, required=False, allow_blank=True
    )
    zaaktypen = Links("zaaktype", source="casetype_set")
    besluittypen = Links("besluittype", source="decisiontype_set")
    informatieobjecttypen = Links("informatieobjecttype", source="documenttype_set")
    naam = optional_text(200, source="name")
    versie = optional_text(20, source="version")
    begindatumVersie = serializers.DateField(source="version_date", required=False, allow_null=True)


class UrlFirst:
    """Show ``url`` first, as the standard's examples do."""

    def get_fields(self):
        fields = super().get_fields()
        if "url" not in fields:
            return fields
        return {"url": fields.pop("url"), **fields}


class VersionedSerializer(UrlFirst, serializers.Serializer):
    """The validity and draft state every versioned type shows."""

    catalogus = LinkField(detail("catalogus"), source="catalogue", queryset=Catalogue.objects)
    beginGeldigheid = serializers.DateField(source="valid_from")
    eindeGeldigheid = serializers.DateField(source="valid_until", required=False, allow_null=True)
    beginObject = serializers.DateField(source="begin_object", read_only=True)
    eindeObject = serializers.DateField(source="end_object", read_only=True)
    concept = serializers.BooleanField(read_only=True)


class ReferenceProcess(serializers.Serializer):
    naam = serializers.CharField(source="reference_process_name", max_length=80)
    link = serializers.URLField(
        source="reference_process_link", max_length=200, required=False, allow_blank=True
    )


class SourceCatalogue(serializers.Serializer):
    url = serializers.URLField(max_length=200)
    domein = serializers.CharField(source="domain", max_length=5)
    rsin = serializers.CharField(max_length=9)


class SourceCaseType(serializers.Serializer):
    url = serializers.URLField(max_length=200)
    identificatie = serializers.CharField(source="identification", max_length=50)
    omschrijving = serializers.CharField(source="description", max_length=80)


class PrimedList(serializers.ListSerializer):
    """Fetches the current versions the page's objects name in one go (``child.prime``)."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        self.child.prime(items)
        return super().to_representation(items)


def prime(context, model, versioned_items) -> None:
    context["current_versions"].prime(
        model, [(item.catalogue_id, name_of(item)) for item in versioned_items]
    )


@extend_schema_serializer(component_name="ZaakType")
class CaseTypeSerializer(VersionedSerializer):
    url = SelfLink("zaaktype")
    identificatie = serializers.CharField(source="identification", max_length=50)
    omschrijving = serializers.CharField(source="description", max_length=80)
    omschrijvingGeneriek = optional_text(80, source="generic_description")
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        source="confidentiality", choices=Confidentiality.choices
    )
    doel = serializers.CharField(source="purpose")
    aanleiding = serializers.CharField(source="reason")
    toelichting = optional_text(source="explanation")
    indicatieInternOfExtern = serializers.ChoiceField(
        source="internal_or_external", choices=InternalOrExternal.choices
    )
    handelingInitiator = serializers.CharField(source="initiator_action", max_length=20)
    onderwerp = serializers.CharField(source="subject", max_length=80)
    handelingBehandelaar = serializers.CharField(source="handler_action", max_length=20)
    doorlooptijd = TermField(source="lead_time")
    servicenorm = TermField(source="service_norm", required=False, allow_null=True)
    opschortingEnAanhoudingMogelijk = serializers.BooleanField(source="suspension_allowed")
    verlengingMogelijk = serializers.BooleanField(source="extension_allowed")
    verlengingstermijn = TermField(source="extension_term", required=False, allow_null=True)
    trefwoorden = serializers.ListField(
        source="keywords", child=serializers.CharField(max_length=30), required=False
    )
    publicatieIndicatie = serializers.BooleanField(source="publication_indication")
    publicatietekst = optional_text(source="publication_text")
    verantwoordingsrelatie = serializers.ListField(
        source="accountability", child=serializers.CharField(max_length=40), required=False
    )
    productenOfDiensten = serializers.ListField(
        source="product_urls", child=serializers.URLField(max_length=1000)
    )
    selectielijstProcestype = serializers.URLField(
        source="selectielijst_procestype", max_length=200, required=False, allow_blank=True
    )
    referentieproces = ReferenceProcess(source="*")
    verantwoordelijke = serializers.CharField(source="responsible", max_length=50)
    zaakobjecttypen = Links("zaakobjecttype", source="object_types")
    broncatalogus = SourceCatalogue(source="source_catalogue", required=False, allow_null=True)
    bronzaaktype = SourceCaseType(source="source_case_type", required=False, allow_null=True)
    statustypen = Links("statustype", source="status_types")
    resultaattypen = Links("resultaattype", source="result_types")
    eigenschappen = Links("eigenschap", source="properties")
    informatieobjecttypen = serializers.SerializerMethodField()
    roltypen = Links("roltype", source="role_types")
    besluittypen = TypesByName("besluittype", DecisionType.objects, source="decision_types")
    deelzaaktypen = CaseTypeIdentifications(source="sub_case_types")
    gerelateerdeZaaktypen = RelatedCaseTypes(source="related_case_types")
    versiedatum = serializers.DateField(source="version_date")

    class Meta:
        list_serializer_class = PrimedList

    def prime(self, case_types) -> None:
        prime(self.context, DecisionType, (d for c in case_types for d in c.decision_types.all()))
        links = (link for c in case_types for link in c.document_type_links.all())
        prime(self.context, DocumentType, (link.document_type for link in links))
        self.context["current_versions"].prime(
            CaseType,
            [(c.catalogue_id, name) for c in case_types for name in named_identifications(c)],
        )

    def get_informatieobjecttypen(self, case_type) -> list[str]:
        document_types = [item.document_type for item in case_type.document_type_links.all()]
        return [
            link(self.context["request"], detail("informatieobjecttype"), version.uuid)
            for version in current_versions(self.context, document_types)
        ]


class GenericDocumentDescription(serializers.Serializer):
    informatieobjecttypeOmschrijvingGeneriek = serializers.CharField(
        source="generic_description", max_length=80
    )
    definitieInformatieobjecttypeOmschrijvingGeneriek = serializers.CharField(
        source="generic_definition", max_length=255
    )
    herkomstInformatieobjecttypeOmschrijvingGeneriek = serializers.CharField(
        source="generic_origin", max_length=12
    )
    hierarchieInformatieobjecttypeOmschrijvingGeneriek = serializers.CharField(
        source="generic_hierarchy", max_length=80
    )
    opmerkingInformatieobjecttypeOmschrijvingGeneriek = optional_text(255, source="generic_remark")

    def to_representation(self, instance):
        if not instance.generic_description:
            return None
        return super().to_representation(instance)


@extend_schema_serializer(component_name="InformatieObjectType")
class DocumentTypeSerializer(VersionedSerializer):
    url = SelfLink("informatieobjecttype")
    omschrijving = serializers.CharField(source="description", max_length=80)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        source="confidentiality", choices=Confidentiality.choices
    )
    zaaktypen = serializers.SerializerMethodField()
    besluittypen = serializers.SerializerMethodField()
    informatieobjectcategorie = serializers.CharField(source="category", max_length=80)
    trefwoord = serializers.ListField(
        source="keywords", child=serializers.CharField(max_length=30), required=False
    )
    omschrijvingGeneriek = GenericDocumentDescription(source="*", required=False)

    def get_zaaktypen(self, document_type) -> list[str]:
        return self.current_links(
            "zaaktype", [item.case_type for item in document_type.case_type_links.all()]
        )

    def get_besluittypen(self, document_type) -> list[str]:
        return self.current_links("besluittype", document_type.decision_types.all())

    def current_links(self, name: str, items) -> list[str]:
        request, day = self.context["request"], self.context["day"]
        urls = (link(request, detail(name), i.uuid) for i in items if is_current(i, day))
        return list(dict.fromkeys(urls))


@extend_schema_serializer(component_name="BesluitType")
class DecisionTypeSerializer(VersionedSerializer):
    url = SelfLink("besluittype")
    zaaktypen = serializers.SerializerMethodField()
    omschrijving = optional_text(80, source="description")
    omschrijvingGeneriek = optional_text(80, source="generic_description")
    besluitcategorie = optional_text(40, source="category")
    reactietermijn = TermField(source="reaction_term", required=False, allow_null=True)
    publicatieIndicatie = serializers.BooleanField(source="publication_indication")
    publicatietekst = optional_text(source="publication_text")
    publicatietermijn = TermField(source="publication_term", required=False, allow_null=True)
    toelichting = optional_text(source="explanation")
    informatieobjecttypen = TypesByName(
        "informatieobjecttype", DocumentType.objects, source="document_types"
    )
    resultaattypen = Links("resultaattype", source="result_types")
    resultaattypenOmschrijving = serializers.SerializerMethodField()
    vastgelegdIn = serializers.SerializerMethodField()

    class Meta:
        list_serializer_class = PrimedList

    def prime(self, decision_types) -> None:
        prime(
            self.context, DocumentType, (d for t in decision_types for d in t.document_types.all())
        )

    def get_zaaktypen(self, decision_type) -> list[str]:
        request, day = self.context["request"], self.context["day"]
        return [
            link(request, detail("zaaktype"), case_type.uuid)
            for case_type in decision_type.case_types.all()
            if is_current(case_type, day)
        ]

    def get_resultaattypenOmschrijving(self, decision_type) -> list[str]:
        return sorted({r.description for r in decision_type.result_types.all()})

    def get_vastgelegdIn(self, decision_type) -> list[str]:
        return sorted({d.description for d in decision_type.document_types.all()})
