"""The query parameters of the Autorisaties API."""

import django_filters as filters


class ApplicatieFilter(filters.FilterSet):
    clientIds = filters.BaseInFilter(field_name="clients__client_id", distinct=True)


class ConsumerFilter(filters.FilterSet):
    clientId = filters.CharFilter(field_name="clients__client_id", required=True)
