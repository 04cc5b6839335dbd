"""The Notificaties API's resources: kanaal, abonnement and the notificaties endpoint. Each
action parses, calls a ``loket.notify.services`` function, renders.

Scopes per action follow the operation's ``security`` in notificaties-1.0.0.yaml. Lists are
plain arrays, as the standard's (no pages).
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from loket.api.common import viewsets as base
from loket.api.common.params import KnownParamsMixin
from loket.api.notificaties import filters
from loket.api.notificaties import serializers as api
from loket.api.notificaties.scopes import CONSUME, PUBLISH, READ
from loket.notify import services
from loket.notify.models import Channel, Event, Subscription

API_VERSION = "1.0.0"


class NotificatiesViewSet(KnownParamsMixin, base.ZgwViewSet):
    api_version = API_VERSION
    pagination_class = None


class Located:
    """A created resource answers with its URL in ``Location`` too."""

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        response["Location"] = response.data["url"]
        return response


class KanaalViewSet(
    Located, base.ListMixin, base.RetrieveMixin, base.CreateMixin, NotificatiesViewSet
):
    """Kanalen: registered by the publishing components; names are unique."""

    serializer_class = api.KanaalSerializer
    filterset_class = filters.KanaalFilter
    required_scopes = {"list": READ, "retrieve": READ, "create": PUBLISH}

    def get_queryset(self):
        return Channel.objects.order_by("name", "pk")

    def create_object(self, data):
        return services.create_channel(**data)


class AbonnementViewSet(
    Located,
    base.ListMixin,
    base.RetrieveMixin,
    base.CreateMixin,
    base.UpdateMixin,
    base.DestroyMixin,
    NotificatiesViewSet,
):
    """Abonnementen: a callback URL with its Authorization value and the kanalen (with
    filters on their kenmerken) whose notifications it receives."""

    serializer_class = api.AbonnementSerializer
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": CONSUME,
        "update": CONSUME,
        "partial_update": CONSUME,
        "destroy": CONSUME,
    }

    def get_queryset(self):
        return Subscription.objects.prefetch_related("channels__channel").order_by("pk")

    def create_object(self, data):
        return services.create_subscription(**data, client_id=self.request.user.client_id)

    def update_object(self, instance, data):
        return services.update_subscription(instance, **data)

    def delete_object(self, instance):
        services.delete_subscription(instance)


class NotificatieViewSet(base.ZgwViewSet):
    """Publish a notification: it goes to every subscriber of its kanaal whose filters its
    kenmerken match, through Loket's durable deliveries (retried, dead letters in the admin)."""

    api_version = API_VERSION
    serializer_class = api.MessageSerializer
    pagination_class = None
    required_scopes = {"create": PUBLISH}

    @extend_schema(responses={status.HTTP_200_OK: api.MessageSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = self.call_service(
            services.receive_notification, serializer=serializer, **serializer.validated_data
        )
        # The message as the subscribers will get it (the 1.0.0 yaml answers 200).
        return Response(Event.objects.get(pk=event.pk).message(), status=status.HTTP_200_OK)
