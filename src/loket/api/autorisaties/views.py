"""The Autorisaties API's one resource, applicaties: each action parses, calls an identity
service, renders. ``consumer`` finds the application of one client id."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404

from loket.api.autorisaties import filters
from loket.api.autorisaties.scopes import AUTORISATIES_READ, AUTORISATIES_WRITE
from loket.api.autorisaties.serializers import ApplicatieSerializer
from loket.api.common import viewsets as base
from loket.api.common.etag import conditional_response
from loket.api.common.params import KnownParamsMixin
from loket.identity import services
from loket.identity.models import Application

API_VERSION = "1.0.0"
READ = frozenset({AUTORISATIES_READ})
WRITE = frozenset({AUTORISATIES_WRITE})


class ApplicatieViewSet(
    KnownParamsMixin,
    base.ListMixin,
    base.RetrieveMixin,
    base.CreateMixin,
    base.UpdateMixin,
    base.DestroyMixin,
    base.ZgwViewSet,
):
    """Applicaties with their client ids and autorisaties (ac-001..003)."""

    api_version = API_VERSION
    serializer_class = ApplicatieSerializer
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "consumer": READ,
        "create": WRITE,
        "update": WRITE,
        "partial_update": WRITE,
        "destroy": WRITE,
    }
    extra_params = {"consumer": frozenset({"clientId"})}

    @property
    def filterset_class(self):
        return filters.ConsumerFilter if self.action == "consumer" else filters.ApplicatieFilter

    def get_queryset(self):
        return Application.objects.order_by("pk").prefetch_related("clients", "authorizations")

    @extend_schema(
        parameters=[OpenApiParameter("clientId", OpenApiTypes.STR, required=True)],
        responses=ApplicatieSerializer,
    )
    @action(detail=False, methods=["get"])
    def consumer(self, request, *args, **kwargs):
        """The application of the ``clientId`` given in the query string."""
        application = get_object_or_404(self.filter_queryset(self.get_queryset()))
        return conditional_response(request, self.get_serializer(application).data)

    def create_object(self, data):
        return services.create_application(**data)

    def update_object(self, instance, data):
        return services.update_application(instance, **data)

    def delete_object(self, instance):
        services.delete_application(instance)
