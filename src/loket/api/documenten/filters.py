"""The query parameters of the Documenten API's lists, with the standard's names."""

import django_filters as filters
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast

from loket.api.common.filters import LinkFormField, json_list_contains
from loket.api.documenten.fields import DOCUMENT
from loket.api.documenten.queries import latest_versions
from loket.cases.models import Dispatch


class DocumentLinkFilter(filters.Filter):
    """``informatieobject``: the URL of a document of this API."""

    field_class = LinkFormField

    def __init__(self, **kwargs):
        super().__init__(field_name="document__uuid", view_name=DOCUMENT, **kwargs)


class KeywordsFilter(filters.BaseCSVFilter, filters.CharFilter):
    """``trefwoorden``: documents whose latest version has all of the given keywords."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        versions = latest_versions().filter(document=OuterRef("pk"))
        versions = versions.alias(keywords_text=Cast("keywords", TextField()))
        for keyword in value:
            versions = versions.filter(json_list_contains("keywords_text", keyword))
        return queryset.filter(Exists(versions))


class DocumentFilter(filters.FilterSet):
    identificatie = filters.CharFilter(field_name="identification")
    bronorganisatie = filters.CharFilter(field_name="source_organisation")
    trefwoorden = KeywordsFilter()


def moment(field_name: str, lookup_expr: str) -> filters.IsoDateTimeFilter:
    return filters.IsoDateTimeFilter(field_name=field_name, lookup_expr=lookup_expr)


class UsageRightFilter(filters.FilterSet):
    informatieobject = DocumentLinkFilter()
    startdatum__lt = moment("starts_at", "lt")
    startdatum__lte = moment("starts_at", "lte")
    startdatum__gt = moment("starts_at", "gt")
    startdatum__gte = moment("starts_at", "gte")
    einddatum__lt = moment("ends_at", "lt")
    einddatum__lte = moment("ends_at", "lte")
    einddatum__gt = moment("ends_at", "gt")
    einddatum__gte = moment("ends_at", "gte")


class DispatchFilter(filters.FilterSet):
    aardRelatie = filters.ChoiceFilter(field_name="relation", choices=Dispatch.Relation.choices)
    informatieobject = DocumentLinkFilter()
    betrokkene = filters.CharFilter(field_name="party")
