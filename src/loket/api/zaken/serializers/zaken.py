"""Zaak, and the body of the search ``POST /zaken/_zoek``."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.common.fields import TermField
from loket.api.common.serializers import ShallowFieldCopies
from loket.api.zaken import links, queries
from loket.api.zaken.fields import (
    AnyHostUrl,
    CheckedUrl,
    GeometryField,
    Links,
    OptionalChoice,
    OptionalText,
    Reference,
    RsinField,
)
from loket.cases.models import ArchiveStatus, Case, PaymentIndication
from loket.catalog import references
from loket.catalog.choices import ArchiveAction, Confidentiality
from loket.catalog.models import CaseType

PAYMENT_LABELS = {
    "nvt": "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
    "nog_niet": "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
    "gedeeltelijk": "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
    "geheel": "De met de zaak gemoeide kosten zijn geheel betaald.",
}
REMOTE_ZAAK_KEYS = frozenset({"url", "identificatie", "bronorganisatie", "zaaktype"})


class WholeCaseGroup(serializers.Serializer):
    """A group the standard shows nested, built from several of the case's own fields."""

    def get_attribute(self, instance):
        return instance


class Extension(WholeCaseGroup):
    reden = serializers.CharField(max_length=200)
    duur = TermField()

    def to_representation(self, case):
        if not case.extension_term:
            return None
        return {"reden": case.extension_reason, "duur": case.extension_term}


class Suspension(WholeCaseGroup):
    indicatie = serializers.BooleanField()
    reden = serializers.CharField(max_length=200, allow_blank=True)

    def to_representation(self, case):
        return {"indicatie": case.is_suspended, "reden": case.suspension_reason}


class RelevantCase(serializers.Serializer):
    url = AnyHostUrl()
    aardRelatie = serializers.ChoiceField(choices=["vervolg", "onderwerp", "bijdrage"])


class Kenmerk(serializers.Serializer):
    kenmerk = serializers.CharField(max_length=40)
    bron = serializers.CharField(max_length=40)


class ProcessObject(serializers.Serializer):
    datumkenmerk = serializers.CharField(max_length=250)
    identificatie = serializers.CharField(max_length=250)
    objecttype = serializers.CharField(max_length=250)
    registratie = serializers.CharField(max_length=250)


@extend_schema_serializer(component_name="Zaak")
class ZaakSerializer(ShallowFieldCopies, serializers.Serializer):
    url = Reference("zaak", source="*")
    uuid = serializers.UUIDField(read_only=True)
    identificatie = OptionalText(40, source="identification")
    bronorganisatie = RsinField(source="source_organisation")
    omschrijving = OptionalText(80, source="description")
    toelichting = OptionalText(1000, source="explanation")
    zaaktype = Reference("zaaktype", CaseType.objects.all(), source="case_type")
    registratiedatum = serializers.DateField(source="registered_on", required=False)
    verantwoordelijkeOrganisatie = RsinField(source="responsible_organisation")
    startdatum = serializers.DateField(source="start_date")
    einddatum = serializers.DateField(source="closed_on", read_only=True)
    einddatumGepland = serializers.DateField(source="planned_end", required=False, allow_null=True)
    uiterlijkeEinddatumAfdoening = serializers.DateField(
        source="legal_end", required=False, allow_null=True
    )
    publicatiedatum = serializers.DateField(
        source="publication_date", required=False, allow_null=True
    )
    communicatiekanaal = CheckedUrl(
        references.communicatiekanaal,
        source="communication_channel",
        required=False,
        allow_blank=True,
    )
    productenOfDiensten = serializers.ListField(
        child=serializers.URLField(max_length=1000), source="products", required=False
    )
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        Confidentiality.choices, source="confidentiality", required=False
    )
    betalingsindicatie = OptionalChoice(PaymentIndication.choices, source="payment_indication")
    betalingsindicatieWeergave = serializers.SerializerMethodField()
    laatsteBetaaldatum = serializers.DateTimeField(
        source="last_payment_date", required=False, allow_null=True
    )
    zaakgeometrie = GeometryField(source="geometry", required=False, allow_null=True)
    verlenging = Extension(source="extension", required=False, allow_null=True)
    opschorting = Suspension(source="suspension", required=False, allow_null=True)
    selectielijstklasse = CheckedUrl(
        references.resultaat, source="selection_list_class", required=False, allow_blank=True
    )
    hoofdzaak = Reference(
        "zaak", Case.objects.all(), source="main_case", required=False, allow_null=True
    )
    deelzaken = Links("zaak", source="sub_cases_uuids")
    relevanteAndereZaken = serializers.ListField(
        child=RelevantCase(), source="related_cases", required=False
    )
    eigenschappen = serializers.SerializerMethodField()
    rollen = Links("rol", source="roles_uuids")
    status = serializers.SerializerMethodField()
    zaakinformatieobjecten = Links("zaakinformatieobject", source="document_links_uuids")
    zaakobjecten = Links("zaakobject", source="case_objects_uuids")
    kenmerken = serializers.ListField(child=Kenmerk(), source="external_references", required=False)
    archiefnominatie = OptionalChoice(ArchiveAction.choices, source="archive_action")
    archiefstatus = serializers.ChoiceField(
        ArchiveStatus.choices, source="archive_status", required=False
    )
    archiefactiedatum = serializers.DateField(
        source="archive_date", required=False, allow_null=True
    )
    resultaat = serializers.SerializerMethodField()
    opdrachtgevendeOrganisatie = OptionalText(9, source="commissioning_organisation")
    processobjectaard = OptionalText(200, source="process_object_kind")
    startdatumBewaartermijn = serializers.DateField(
        source="retention_start", required=False, allow_null=True
    )
    processobject = ProcessObject(source="process_object", required=False, allow_null=True)

    def get_betalingsindicatieWeergave(self, case) -> str:
        return PAYMENT_LABELS.get(case.payment_indication, "")

    def get_eigenschappen(self, case) -> list[str]:
        request = self.context["request"]
        return [
            links.nested_url_of(request, "zaakeigenschap", case.uuid, value_uuid)
            for value_uuid in queries.uuids_in(case.property_values_uuids)
        ]

    def get_status(self, case) -> str | None:
        return self.url_or_none("status", case.status_uuid)

    def get_resultaat(self, case) -> str | None:
        return self.url_or_none("resultaat", case.result_uuid)

    def url_or_none(self, kind: str, object_uuid) -> str | None:
        """The URL of the case's current status or its result; None while it has none."""
        return links.url_of(self.context["request"], kind, object_uuid) if object_uuid else None

    def validate_relevanteAndereZaken(self, value):
        errors = {}
        for index, item in enumerate(value):
            try:
                check_case_url(self.context["request"], item["url"])
            except serializers.ValidationError as error:
                errors[index] = error.detail
        if errors:
            raise serializers.ValidationError(errors)  # named relevanteAndereZaken.<index>
        return value


def check_case_url(request, url: str) -> None:
    """zrc-011: a relevant other case exists, in Loket or in another Zaken API."""
    if links.is_own(request, url):
        object_uuid = links.uuid_in(url, "zaak")
        if object_uuid is None or not Case.objects.filter(uuid=object_uuid).exists():
            raise serializers.ValidationError(_("There is no zaak at this URL."), code="bad-url")
        return
    try:
        references.remote_resource(url, name="zaak", required=REMOTE_ZAAK_KEYS)
    except references.UnresolvableReference as error:
        raise serializers.ValidationError(str(error), code="bad-url") from None


class GeoWithin(serializers.Serializer):
    within = GeometryField()


def search_field(name: str) -> serializers.Field:
    """One key of the search body, by the shape of its name (the list filter's own name)."""
    if name.endswith("__in"):
        return serializers.ListField(child=serializers.CharField(), required=False)
    if name.endswith("__isnull"):
        return serializers.BooleanField(required=False)
    return serializers.CharField(required=False)


def zaak_search_serializer(filter_names) -> type[serializers.Serializer]:
    """ZaakZoek: the list's filters as a JSON body, with the geometry the URL cannot carry."""
    fields = {name: search_field(name) for name in filter_names}
    fields["zaakgeometrie"] = GeoWithin(required=False)
    fields["expand"] = serializers.CharField(required=False)
    fields["ordering"] = serializers.CharField(required=False)
    return extend_schema_serializer(component_name="ZaakZoek")(
        type("ZaakZoekSerializer", (serializers.Serializer,), fields)
    )
