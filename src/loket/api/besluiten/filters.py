"""The query parameters of the Besluiten API's lists, with the standard's names.

A URL parameter is matched by the uuid in it: Loket's own besluittype or besluit by its path
in Loket's API, a zaak or informatieobject as ``loket.api.besluiten.references`` reads it. A
URL that names nothing of Loket matches nothing.
"""

import django_filters as filters
from django import forms
from django.utils.translation import gettext as _
from rest_framework import serializers

from loket.api.besluiten.references import INFORMATIEOBJECT, ZAAK, Kind, own_uuid
from loket.api.common.fields import looks_like_url, uuid_in


class UrlFormField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value and not looks_like_url(value):
            raise forms.ValidationError(_("Give an absolute http(s) URL."), code="invalid")
        return value


class UrlFilter(filters.CharFilter):
    """A URL, matched on the uuid of the object it names (``field_name`` is the uuid lookup)."""

    field_class = UrlFormField

    def __init__(self, *, view_name: str = "", kind: Kind | None = None, **kwargs):
        self.view_name = view_name
        self.kind = kind
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        object_uuid = self.uuid_of(value)
        if object_uuid is None:
            return queryset.none()
        return queryset.filter(**{self.field_name: object_uuid})

    def uuid_of(self, value: str):
        if self.kind is None:
            return uuid_in(value, self.view_name)
        try:
            return own_uuid(self.parent.request, self.kind, value)
        except serializers.ValidationError:
            return None


class BesluitFilter(filters.FilterSet):
    identificatie = filters.CharFilter(field_name="identification")
    verantwoordelijkeOrganisatie = filters.CharFilter(field_name="responsible_organisation")
    besluittype = UrlFilter(
        field_name="decision_type__uuid", view_name="catalogi:besluittype-detail"
    )
    zaak = UrlFilter(field_name="case__uuid", kind=ZAAK)


class BesluitInformatieObjectFilter(filters.FilterSet):
    besluit = UrlFilter(field_name="decision__uuid", view_name="besluiten:besluit-detail")
    informatieobject = UrlFilter(field_name="document__uuid", kind=INFORMATIEOBJECT)
