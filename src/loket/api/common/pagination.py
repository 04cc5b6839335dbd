"""Pages as the ZGW standards define them: ``count``, ``next``, ``previous``, ``results``.

``?page=1`` is the first page and equals no ``page`` at all; 100 objects a page, as Open Zaak.
A view that knows how many objects the list has without counting them (the Zaken API's
unfiltered list of zaken, from counts kept by triggers) gives that number as ``count``.
"""

from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination


class CountedPaginator(Paginator):
    """Django's paginator with the number of objects given instead of counted, when known."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.count = count  # instead of the cached property, which counts


class ZgwPagination(PageNumberPagination):
    page_size = 100
    page_query_param = "page"
    known_count: int | None = None

    def paginate_queryset(self, queryset, request, view=None, *, count: int | None = None):
        """``count``: the number of objects of ``queryset``, when known without counting."""
        self.known_count = count
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, object_list, per_page):
        return CountedPaginator(object_list, per_page, count=self.known_count)
