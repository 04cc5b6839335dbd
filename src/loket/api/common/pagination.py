"""Pages as the ZGW standards define them: ``count``, ``next``, ``previous``, ``results``.

``?page=1`` is the first page and equals no ``page`` at all; 100 objects a page, as Open Zaak.
"""

from rest_framework.pagination import PageNumberPagination


class ZgwPagination(PageNumberPagination):
    page_size = 100
    page_query_param = "page"
