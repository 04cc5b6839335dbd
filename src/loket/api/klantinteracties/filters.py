"""The query parameters of the Klantinteracties API's lists, with the standard's names.

A parameter the standard has but Loket does not (``expand``, categories, representations)
is refused as unknown (400), never silently ignored.
"""

import django_filters as filters
from django.db.models import Q

from loket.api.common.filters import LinkFormField
from loket.api.klantinteracties.fields import (
    KANAAL,
    SOORT_ACTOR,
    SOORT_DIGITAAL_ADRES,
    SOORT_PARTIJ,
    STATUS,
    detail,
)


class LinkFilter(filters.Filter):
    """A resource given by its URL in this API: matched on its uuid."""

    field_class = LinkFormField

    def __init__(self, name: str, *, field_name: str, **kwargs):
        super().__init__(field_name=f"{field_name}__uuid", view_name=detail(name), **kwargs)


class MappedChoiceFilter(filters.ChoiceFilter):
    """One of the standard's values, matched on Loket's."""

    def __init__(self, mapping: dict, **kwargs):
        self.mapping = mapping
        super().__init__(choices=[(value, value) for value in mapping], **kwargs)

    def filter(self, queryset, value):
        return super().filter(queryset, self.mapping[value] if value else value)


class IdentifierFilter(filters.CharFilter):
    """``…partijIdentificator__codeSoortObjectId`` / ``__objectId`` of a party: Loket keeps
    a BSN and a KvK number."""

    KINDS = {"bsn": "bsn", "kvk_nummer": "kvk_number"}

    def __init__(self, *, prefix: str, part: str, **kwargs):
        self.prefix = prefix
        self.part = part
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        if self.part == "objectId":
            return queryset.filter(
                Q(**{f"{self.prefix}bsn": value}) | Q(**{f"{self.prefix}kvk_number": value})
            ).distinct()
        field = self.KINDS.get(value)
        if field is None:
            return queryset.none()
        return queryset.exclude(**{f"{self.prefix}{field}": ""}).distinct()


class KlantcontactFilter(filters.FilterSet):
    hadBetrokkene__url = LinkFilter("betrokkene", field_name="involvements")
    hadBetrokkene__uuid = filters.UUIDFilter(field_name="involvements__uuid")
    hadBetrokkene__wasPartij = filters.BooleanFilter(
        field_name="involvements__party", lookup_expr="isnull", exclude=True, distinct=True
    )
    hadBetrokkene__wasPartij__url = LinkFilter("partij", field_name="involvements__party")
    hadBetrokkene__wasPartij__uuid = filters.UUIDFilter(field_name="involvements__party__uuid")
    hadBetrokkene__wasPartij__partijIdentificator__objectId = IdentifierFilter(
        prefix="involvements__party__", part="objectId"
    )
    hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId = IdentifierFilter(
        prefix="involvements__party__", part="codeSoortObjectId"
    )
    hadBetrokkene__digitaaladres__adres__icontains = filters.CharFilter(
        field_name="involvements__digital_addresses__address",
        lookup_expr="icontains",
        distinct=True,
    )
    indicatieContactGelukt = filters.BooleanFilter(field_name="reached")
    inhoud = filters.CharFilter(field_name="question")
    kanaal = MappedChoiceFilter(KANAAL, field_name="channel")
    leiddeTotInterneTaken = filters.BooleanFilter(
        field_name="tasks", lookup_expr="isnull", exclude=True, distinct=True
    )
    nummer = filters.CharFilter(field_name="number")
    referentienummer = filters.CharFilter(field_name="number")
    onderwerp = filters.CharFilter(field_name="subject")
    plaatsgevondenOp = filters.IsoDateTimeFilter(field_name="occurred_at")
    reactie = filters.CharFilter(field_name="answer")
    vertrouwelijk = filters.BooleanFilter(field_name="confidential")
    onderwerpobject__url = LinkFilter("onderwerpobject", field_name="subject_objects")
    onderwerpobject__uuid = filters.UUIDFilter(field_name="subject_objects__uuid")
    onderwerpobject__onderwerpobjectidentificatorObjectId = filters.CharFilter(
        field_name="subject_objects__object_id", distinct=True
    )
    onderwerpobject__onderwerpobjectidentificatorCodeObjecttype = filters.CharFilter(
        field_name="subject_objects__object_type_code", distinct=True
    )
    onderwerpobject__onderwerpobjectidentificatorCodeRegister = filters.CharFilter(
        field_name="subject_objects__register_code", distinct=True
    )
    onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId = filters.CharFilter(
        field_name="subject_objects__object_id_kind_code", distinct=True
    )


class BetrokkeneFilter(filters.FilterSet):
    contactnaamAchternaam = filters.CharFilter(field_name="surname")
    contactnaamVoorletters = filters.CharFilter(field_name="initials")
    contactnaamVoornaam = filters.CharFilter(field_name="given_name")
    contactnaamVoorvoegselAchternaam = filters.CharFilter(field_name="surname_prefix")
    hadKlantcontact__nummer = filters.CharFilter(field_name="contact__number")
    hadKlantcontact__referentienummer = filters.CharFilter(field_name="contact__number")
    hadKlantcontact__url = LinkFilter("klantcontact", field_name="contact")
    hadKlantcontact__uuid = filters.UUIDFilter(field_name="contact__uuid")
    organisatienaam = filters.CharFilter(field_name="organisation_name")
    verstrektedigitaalAdres__adres = filters.CharFilter(
        field_name="digital_addresses__address", distinct=True
    )
    verstrektedigitaalAdres__url = LinkFilter("digitaaladres", field_name="digital_addresses")
    verstrektedigitaalAdres__uuid = filters.UUIDFilter(field_name="digital_addresses__uuid")
    wasPartij__nummer = filters.CharFilter(field_name="party__number")
    wasPartij__url = LinkFilter("partij", field_name="party")
    wasPartij__uuid = filters.UUIDFilter(field_name="party__uuid")
    wasPartij__partijIdentificator__objectId = IdentifierFilter(prefix="party__", part="objectId")
    wasPartij__partijIdentificator__codeSoortObjectId = IdentifierFilter(
        prefix="party__", part="codeSoortObjectId"
    )


class DigitaalAdresFilter(filters.FilterSet):
    adres = filters.CharFilter(field_name="address")
    adres__icontains = filters.CharFilter(field_name="address", lookup_expr="icontains")
    isGeverifieerd = filters.BooleanFilter(
        field_name="verified_on", lookup_expr="isnull", exclude=True
    )
    isStandaardAdres = filters.BooleanFilter(field_name="is_default")
    omschrijving = filters.CharFilter(field_name="description")
    referentie = filters.CharFilter(field_name="reference")
    soortDigitaalAdres = MappedChoiceFilter(SOORT_DIGITAAL_ADRES, field_name="kind")
    verificatieDatum = filters.DateFilter(field_name="verified_on")
    verificatieDatum__gt = filters.DateFilter(field_name="verified_on", lookup_expr="gt")
    verificatieDatum__gte = filters.DateFilter(field_name="verified_on", lookup_expr="gte")
    verificatieDatum__lt = filters.DateFilter(field_name="verified_on", lookup_expr="lt")
    verificatieDatum__lte = filters.DateFilter(field_name="verified_on", lookup_expr="lte")
    verstrektDoorBetrokkene__url = LinkFilter("betrokkene", field_name="involvement")
    verstrektDoorBetrokkene__uuid = filters.UUIDFilter(field_name="involvement__uuid")
    verstrektDoorPartij__soortPartij = MappedChoiceFilter(SOORT_PARTIJ, field_name="party__kind")
    verstrektDoorPartij__url = LinkFilter("partij", field_name="party")
    verstrektDoorPartij__uuid = filters.UUIDFilter(field_name="party__uuid")
    verstrektDoorPartij__partijIdentificator__objectId = IdentifierFilter(
        prefix="party__", part="objectId"
    )
    verstrektDoorPartij__partijIdentificator__codeSoortObjectId = IdentifierFilter(
        prefix="party__", part="codeSoortObjectId"
    )


class PartijFilter(filters.FilterSet):
    indicatieActief = filters.BooleanFilter(field_name="active")
    indicatieGeheimhouding = filters.BooleanFilter(field_name="confidential")
    nummer = filters.CharFilter(field_name="number")
    soortPartij = MappedChoiceFilter(SOORT_PARTIJ, field_name="kind")
    partijIdentificator__objectId = IdentifierFilter(prefix="", part="objectId")
    partijIdentificator__codeSoortObjectId = IdentifierFilter(prefix="", part="codeSoortObjectId")


class InterneTaakFilter(filters.FilterSet):
    aanleidinggevendKlantcontact__url = LinkFilter("klantcontact", field_name="contact")
    aanleidinggevendKlantcontact__uuid = filters.UUIDFilter(field_name="contact__uuid")
    actoren__naam = filters.CharFilter(field_name="actors__name", distinct=True)
    klantcontact__nummer = filters.CharFilter(field_name="contact__number")
    klantcontact__referentienummer = filters.CharFilter(field_name="contact__number")
    klantcontact__uuid = filters.UUIDFilter(field_name="contact__uuid")
    nummer = filters.CharFilter(field_name="number")
    referentienummer = filters.CharFilter(field_name="number")
    status = MappedChoiceFilter(STATUS, field_name="status")
    toegewezenAanActor__url = LinkFilter("actor", field_name="actors")
    toegewezenAanActor__uuid = filters.UUIDFilter(field_name="actors__uuid", distinct=True)
    toegewezenOp = filters.IsoDateTimeFilter(field_name="assigned_at")


class OnderwerpobjectFilter(filters.FilterSet):
    klantcontact__url = LinkFilter("klantcontact", field_name="contact")
    klantcontact__uuid = filters.UUIDFilter(field_name="contact__uuid")
    onderwerpobjectidentificatorCodeObjecttype = filters.CharFilter(field_name="object_type_code")
    onderwerpobjectidentificatorCodeRegister = filters.CharFilter(field_name="register_code")
    onderwerpobjectidentificatorCodeSoortObjectId = filters.CharFilter(
        field_name="object_id_kind_code"
    )
    onderwerpobjectidentificatorObjectId = filters.CharFilter(field_name="object_id")
    wasKlantcontact__url = LinkFilter("klantcontact", field_name="was_contact")
    wasKlantcontact__uuid = filters.UUIDFilter(field_name="was_contact__uuid")


class ActorFilter(filters.FilterSet):
    actoridentificatorCodeObjecttype = filters.CharFilter(field_name="object_type_code")
    actoridentificatorCodeRegister = filters.CharFilter(field_name="register_code")
    actoridentificatorCodeSoortObjectId = filters.CharFilter(field_name="object_id_kind_code")
    actoridentificatorObjectId = filters.CharFilter(field_name="object_id")
    indicatieActief = filters.BooleanFilter(field_name="active")
    naam = filters.CharFilter(field_name="name")
    soortActor = MappedChoiceFilter(SOORT_ACTOR, field_name="kind")
