"""The query parameters of the Zaken API's lists, with the standard's names.

The filters on a case's roles (``rol__...``) each become one ``EXISTS`` on the roles, so a
filtered list stays one query for its page, whatever the number of roles.
"""

import django_filters as filters
from django import forms
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext as _

from loket.api.common.authorisations import levels_up_to
from loket.api.zaken import links
from loket.cases.models import ArchiveStatus, Role
from loket.catalog.choices import ArchiveAction, Confidentiality, GenericRole


class LinkFormField(forms.CharField):
    """A URL of a resource of ``kind``, cleaned to its uuid."""

    def __init__(self, *, kind: str, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        object_uuid = links.uuid_in(value, self.kind)
        if object_uuid is None:
            raise forms.ValidationError(
                _("This is not the URL of a %(kind)s.") % {"kind": self.kind}, code="invalid"
            )
        return object_uuid


class LinkFilter(filters.Filter):
    field_class = LinkFormField

    def __init__(self, kind: str, *, field_name: str, **kwargs):
        super().__init__(field_name=f"{field_name}__uuid", kind=kind, **kwargs)


class CharInFilter(filters.BaseInFilter, filters.CharFilter):
    pass


class LinkInFilter(filters.BaseInFilter, LinkFilter):
    pass


# The identification keys a list may filter roles on: parameter part -> (kind, key).
IDENTIFICATION_FILTERS = {
    "natuurlijkPersoon__inpBsn": ("natuurlijk_persoon", "inpBsn"),
    "natuurlijkPersoon__anpIdentificatie": ("natuurlijk_persoon", "anpIdentificatie"),
    "natuurlijkPersoon__inpA_nummer": ("natuurlijk_persoon", "inpA_nummer"),
    "nietNatuurlijkPersoon__innNnpId": ("niet_natuurlijk_persoon", "innNnpId"),
    "nietNatuurlijkPersoon__annIdentificatie": ("niet_natuurlijk_persoon", "annIdentificatie"),
    "vestiging__vestigingsNummer": ("vestiging", "vestigingsNummer"),
    "organisatorischeEenheid__identificatie": ("organisatorische_eenheid", "identificatie"),
    "medewerker__identificatie": ("medewerker", "identificatie"),
}


def identification_lookup(kind: str, key: str):
    return lambda value: {"subject_kind": kind, f"subject_identification__{key}": value}


class RoleFilter(filters.CharFilter):
    """Cases with a role that matches: ``lookup(value)`` gives the role's field lookups."""

    def __init__(self, lookup, **kwargs):
        self.lookup = lookup
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value in ("", None):
            return queryset
        roles = Role.objects.filter(case=OuterRef("pk"), **self.lookup(value))
        return queryset.filter(Exists(roles))


class MaxConfidentialityFilter(filters.ChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(field_name="confidentiality", choices=Confidentiality.choices, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(confidentiality__in=levels_up_to(value))


def dates(field_name: str, *lookups: str) -> dict:
    return {
        suffix: filters.DateFilter(field_name=field_name, lookup_expr=lookup)
        for suffix, lookup in [("", "exact"), *((f"__{lookup}", lookup) for lookup in lookups)]
    }


def case_filters() -> dict:
    """The filters of ``GET /zaken``, by their names in zaken-1.5.1.yaml."""
    declared = {
        "identificatie": filters.CharFilter(field_name="identification"),
        "bronorganisatie": filters.CharFilter(field_name="source_organisation"),
        "bronorganisatie__in": CharInFilter(field_name="source_organisation"),
        "zaaktype": LinkFilter("zaaktype", field_name="case_type"),
        "archiefnominatie": filters.ChoiceFilter(
            field_name="archive_action", choices=ArchiveAction.choices
        ),
        "archiefnominatie__in": CharInFilter(field_name="archive_action"),
        "archiefactiedatum__isnull": filters.BooleanFilter(
            field_name="archive_date", lookup_expr="isnull"
        ),
        "archiefstatus": filters.ChoiceFilter(
            field_name="archive_status", choices=ArchiveStatus.choices
        ),
        "archiefstatus__in": CharInFilter(field_name="archive_status"),
        "einddatum__isnull": filters.BooleanFilter(field_name="closed_on", lookup_expr="isnull"),
        "rol__betrokkeneType": RoleFilter(lambda value: {"subject_kind": value}),
        "rol__betrokkene": RoleFilter(lambda value: {"subject_url": value}),
        "rol__omschrijvingGeneriek": RoleFilter(lambda value: {"generic": value}),
        "maximaleVertrouwelijkheidaanduiding": MaxConfidentialityFilter(),
    }
    for name, field, lookups in [
        ("archiefactiedatum", "archive_date", ("lt", "gt")),
        ("startdatum", "start_date", ("gt", "gte", "lt", "lte")),
        ("registratiedatum", "registered_on", ("gt", "lt")),
        ("einddatum", "closed_on", ("gt", "lt")),
        ("einddatumGepland", "planned_end", ("gt", "lt")),
        ("uiterlijkeEinddatumAfdoening", "legal_end", ("gt", "lt")),
    ]:
        declared.update({f"{name}{suffix}": f for suffix, f in dates(field, *lookups).items()})
    for name, (kind, key) in IDENTIFICATION_FILTERS.items():
        declared[f"rol__betrokkeneIdentificatie__{name}"] = RoleFilter(
            identification_lookup(kind, key)
        )
    declared["ordering"] = filters.OrderingFilter(
        fields=[
            ("start_date", "startdatum"),
            ("closed_on", "einddatum"),
            ("publication_date", "publicatiedatum"),
            ("archive_date", "archiefactiedatum"),
            ("registered_on", "registratiedatum"),
            ("identification", "identificatie"),
        ]
    )
    return declared


ZaakFilter = type("ZaakFilter", (filters.FilterSet,), case_filters())
ZaakSearchFilter = type(
    "ZaakSearchFilter",
    (ZaakFilter,),
    {
        "uuid__in": CharInFilter(field_name="uuid"),
        "zaaktype__in": LinkInFilter("zaaktype", field_name="case_type"),
    },
)


class StatusFilter(filters.FilterSet):
    zaak = LinkFilter("zaak", field_name="case")
    statustype = LinkFilter("statustype", field_name="status_type")
    indicatieLaatstGezetteStatus = filters.BooleanFilter(method="filter_last")

    def filter_last(self, queryset, name, value):
        if value is None:
            return queryset
        last = queryset.filter(uuid=F("latest_uuid"))
        return last if value else queryset.exclude(uuid=F("latest_uuid"))


class ResultaatFilter(filters.FilterSet):
    zaak = LinkFilter("zaak", field_name="case")
    resultaattype = LinkFilter("resultaattype", field_name="result_type")


def role_filters() -> dict:
    declared = {
        "zaak": LinkFilter("zaak", field_name="case"),
        "betrokkene": filters.CharFilter(field_name="subject_url"),
        "betrokkeneType": filters.ChoiceFilter(
            field_name="subject_kind", choices=Role.SubjectKind.choices
        ),
        "roltype": LinkFilter("roltype", field_name="role_type"),
        "omschrijving": filters.CharFilter(field_name="role_type__description"),
        "omschrijvingGeneriek": filters.ChoiceFilter(
            field_name="generic", choices=GenericRole.choices
        ),
    }
    for name, (kind, key) in IDENTIFICATION_FILTERS.items():
        declared[f"betrokkeneIdentificatie__{name}"] = filters.CharFilter(
            method=identification_method(kind, key)
        )
    return declared


def identification_method(kind: str, key: str):
    lookup = identification_lookup(kind, key)
    return lambda queryset, name, value: queryset.filter(**lookup(value)) if value else queryset


RolFilter = type("RolFilter", (filters.FilterSet,), role_filters())


class ZaakObjectFilter(filters.FilterSet):
    zaak = LinkFilter("zaak", field_name="case")
    object = filters.CharFilter(field_name="object_url")
    objectType = filters.CharFilter(field_name="object_type")


class ZaakInformatieObjectFilter(filters.FilterSet):
    zaak = LinkFilter("zaak", field_name="case")
    informatieobject = LinkFilter("informatieobject", field_name="document")


class CaseFilter(filters.FilterSet):
    """The lists filtered only by their case: klantcontacten."""

    zaak = LinkFilter("zaak", field_name="case")


class ZaakContactMomentFilter(CaseFilter):
    contactmoment = filters.CharFilter(field_name="contact_moment")


class ZaakVerzoekFilter(CaseFilter):
    verzoek = filters.CharFilter(field_name="request")
