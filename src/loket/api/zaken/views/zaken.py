"""Zaken: list, search (``_zoek``), read with ``expand``, create, change, destroy (zrc-023)."""

from django.db.models import Sum
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from loket.api.common.authorisations import may
from loket.api.common.etag import conditional_response
from loket.api.zaken import expand, filters, geometry, queries
from loket.api.zaken import scopes as s
from loket.api.zaken.serializers.zaken import ZaakSerializer, zaak_search_serializer
from loket.api.zaken.views import base
from loket.cases import services
from loket.cases.models import CaseCount

ZaakSearchSerializer = zaak_search_serializer(filters.ZaakSearchFilter.base_filters)


class ZaakViewSet(
    base.CrsMixin,
    base.ListMixin,
    base.RetrieveMixin,
    base.CreateMixin,
    base.UpdateMixin,
    base.ZakenViewSet,
):
    """Zaken. ``expand`` follows the links of the Zaken API and ends in Catalogi types."""

    resource = "zaak"
    case_lookup = ""
    serializer_class = ZaakSerializer
    filterset_class = filters.ZaakFilter
    required_scopes = {
        "list": s.READ,
        "retrieve": s.READ,
        "search": s.READ,
        "create": frozenset({s.ZAKEN_CREATE}),
        "update": s.UPDATE,
        "partial_update": s.UPDATE,
        "destroy": frozenset({s.ZAKEN_DELETE}),
    }

    def get_queryset(self):
        return queries.cases()

    def case_of(self, instance):
        return instance

    # --- reads ---------------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        base.check_query(request, self.filterset_class, ("page", "expand"))
        tree = expand.parse(request.query_params.get("expand", ""))
        cases = self.get_queryset()
        return self.page_of(self.filter_queryset(cases), tree, count=self.readable_count(cases))

    def readable_count(self, cases) -> int | None:
        """The number of cases the client may read, summed from the cases per case type and
        confidentiality that triggers keep (``loket.cases.counts``) when nothing but its
        authorisations restricts the list, which are conditions on those two alone; None, to
        count the page's query, when a filter parameter or the queryset itself restricts it."""
        if self.filters_given() or cases.query.where:
            return None
        # The same condition as the list's: CaseCount names the two fields as Case does.
        counts = self.readable(CaseCount.objects.all())
        return counts.aggregate(cases=Sum("cases"))["cases"] or 0

    def retrieve(self, request, *args, **kwargs):
        tree = expand.parse(request.query_params.get("expand", ""))
        case = self.get_object()
        data = self.get_serializer(case).data
        expand.expand(request, "zaak", [case], [data], tree)
        return conditional_response(request, data)

    @extend_schema(request=ZaakSearchSerializer, responses=ZaakSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="_zoek")
    def search(self, request, *args, **kwargs):
        """The list's filters as a body, plus ``zaakgeometrie.within``."""
        body = ZaakSearchSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        terms = dict(body.validated_data)
        within = terms.pop("zaakgeometrie", {}).get("within")
        tree = expand.parse(terms.pop("expand", ""))
        values = {k: ",".join(v) if isinstance(v, list) else v for k, v in terms.items()}
        found = filters.ZaakSearchFilter(values, queryset=self.get_queryset(), request=request)
        if not found.is_valid():
            raise exceptions.ValidationError(found.errors)
        queryset = self.readable(found.qs)
        if within is not None:
            queryset = geometry.cases_within(queryset, within)
        return self.page_of(queryset, tree)

    def page_of(self, queryset, tree: dict, count: int | None = None) -> Response:
        page = self.paginator.paginate_queryset(queryset, self.request, view=self, count=count)
        data = self.get_serializer(page, many=True).data
        expand.expand(self.request, "zaak", page, data, tree)
        return self.get_paginated_response(data)

    # --- writes --------------------------------------------------------------------------

    def authorise_create(self, data):
        case_type = data["case_type"]
        level = data.get("confidentiality") or case_type.confidentiality
        if not may(self.request.user, base.COMPONENT, s.ZAKEN_CREATE, str(case_type.uuid), level):
            raise exceptions.PermissionDenied(
                _("The client may not create cases of this type and confidentiality.")
            )

    def create_object(self, data):
        return services.open_case(data.pop("case_type"), actor=self.actor, **data)

    def new_representation(self, case, serializer):
        return serializer.to_representation(queries.as_read(case))

    def update_object(self, case, data):
        if not data.get("identification", True):
            del data["identification"]  # an empty number keeps the one the case has
        return services.update_case(case, actor=self.actor, force=self.force(case), **data)

    def destroy(self, request, *args, **kwargs):
        """zrc-023 destroys the case's audit trail with it, so this leaves no entry."""
        self.call_service(services.delete_case, self.get_object())
        return Response(status=204)
