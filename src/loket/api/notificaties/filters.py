"""The query parameters of the Notificaties API: ``naam`` on the kanalen, nothing else."""

import django_filters as filters


class KanaalFilter(filters.FilterSet):
    naam = filters.CharFilter(field_name="name")
