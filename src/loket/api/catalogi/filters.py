"""The query parameters of the Catalogi API's lists, with the standard's names."""

from datetime import date

import django_filters as filters
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from loket.api.catalogi.fields import detail
from loket.api.common.filters import LinkFormField, json_list_contains
from loket.catalog.choices import DocumentDirection, GenericRole

STATUS_CHOICES = [("alles", "alles"), ("concept", "concept"), ("definitief", "definitief")]


class LinkFilter(filters.Filter):
    field_class = LinkFormField

    def __init__(self, name: str, *, field_name: str, **kwargs):
        super().__init__(field_name=f"{field_name}__uuid", view_name=detail(name), **kwargs)


class CaseTypeDraftStateFilter(filters.ChoiceFilter):
    """``status``: alles, concept or definitief (the default) of the (case) type."""

    def __init__(self, *, field_name: str = "concept", **kwargs):
        super().__init__(choices=STATUS_CHOICES, field_name=field_name, **kwargs)

    def filter(self, queryset, value):
        value = value or "definitief"
        if value == "alles":
            return queryset
        return queryset.filter(**{self.field_name: value == "concept"})


class ValidOnFilter(filters.DateFilter):
    """``datumGeldigheid``: valid on that day (``prefix`` reaches the versioned type)."""

    def __init__(self, *, prefix: str = "", **kwargs):
        self.prefix = prefix
        super().__init__(**kwargs)

    def filter(self, queryset, value: date | None):
        if value is None:
            return queryset
        return queryset.filter(**{f"{self.prefix}valid_from__lte": value}).filter(
            Q(**{f"{self.prefix}valid_until__isnull": True})
            | Q(**{f"{self.prefix}valid_until__gte": value})
        )


class CatalogueFilter(filters.FilterSet):
    domein = filters.CharFilter(field_name="domain")
    domein__in = filters.BaseInFilter(field_name="domain")
    rsin = filters.CharFilter(field_name="rsin")
    rsin__in = filters.BaseInFilter(field_name="rsin")


class KeywordsFilter(filters.BaseCSVFilter, filters.CharFilter):
    """``trefwoorden``: types with all of the given keywords (database-neutral JSON match)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        queryset = queryset.alias(keywords_text=Cast(self.field_name, TextField()))
        for keyword in value:
            queryset = queryset.filter(json_list_contains("keywords_text", keyword))
        return queryset


class CaseTypeFilter(filters.FilterSet):
    catalogus = LinkFilter("catalogus", field_name="catalogue")
    identificatie = filters.CharFilter(field_name="identification")
    trefwoorden = KeywordsFilter(field_name="keywords")
    status = CaseTypeDraftStateFilter()
    datumGeldigheid = ValidOnFilter()


class DocumentTypeFilter(filters.FilterSet):
    catalogus = LinkFilter("catalogus", field_name="catalogue")
    status = CaseTypeDraftStateFilter()
    datumGeldigheid = ValidOnFilter()
    omschrijving = filters.CharFilter(field_name="description")


class DecisionTypeFilter(filters.FilterSet):
    catalogus = LinkFilter("catalogus", field_name="catalogue")
    zaaktypen = LinkFilter("zaaktype", field_name="case_types")
    informatieobjecttypen = LinkFilter("informatieobjecttype", field_name="document_types")
    status = CaseTypeDraftStateFilter()
    omschrijving = filters.CharFilter(field_name="description")
    datumGeldigheid = ValidOnFilter()


class PartFilter(filters.FilterSet):
    zaaktype = LinkFilter("zaaktype", field_name="case_type")
    zaaktypeIdentificatie = filters.CharFilter(field_name="case_type__identification")
    status = CaseTypeDraftStateFilter(field_name="case_type__concept")
    datumGeldigheid = ValidOnFilter(prefix="case_type__")


class RoleTypeFilter(PartFilter):
    omschrijvingGeneriek = filters.ChoiceFilter(field_name="generic", choices=GenericRole.choices)


class ResultTypeFilter(PartFilter):
    # Catalogi 1.3.1 spells these two in snake case; 1.3.3 adds the camelCase names.
    zaaktype_identificatie = filters.CharFilter(field_name="case_type__identification")
    datum_geldigheid = ValidOnFilter(prefix="case_type__")


class CaseTypeDocumentTypeFilter(filters.FilterSet):
    zaaktype = LinkFilter("zaaktype", field_name="case_type")
    informatieobjecttype = LinkFilter("informatieobjecttype", field_name="document_type")
    richting = filters.ChoiceFilter(field_name="direction", choices=DocumentDirection.choices)
    status = CaseTypeDraftStateFilter(field_name="case_type__concept")


class CaseObjectTypeFilter(filters.FilterSet):
    anderObjecttype = filters.BooleanFilter(field_name="other_object_type")
    catalogus = LinkFilter("catalogus", field_name="case_type__catalogue")
    datumBeginGeldigheid = filters.DateFilter(field_name="case_type__valid_from")
    datumEindeGeldigheid = filters.DateFilter(field_name="case_type__valid_until")
    datumGeldigheid = ValidOnFilter(prefix="case_type__")
    objecttype = filters.CharFilter(field_name="object_type")
    relatieOmschrijving = filters.CharFilter(field_name="relation_description")
    zaaktype = LinkFilter("zaaktype", field_name="case_type")
    zaaktypeIdentificatie = filters.CharFilter(field_name="case_type__identification")
