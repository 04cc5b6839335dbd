"""The Klantinteracties API's resources. Each action parses, calls a
``loket.contacts.services`` function (``by=None``: the client's token authorised it), renders.

Lists are pages of 100 (``pageSize`` up to 500) and cost a constant number of queries: every
relation shown is selected or prefetched with the page.
"""

from django.db import transaction
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from loket.api.common import viewsets as base
from loket.api.common.pagination import ZgwPagination
from loket.api.common.params import KnownParamsMixin
from loket.api.klantinteracties import filters
from loket.api.klantinteracties import serializers as api
from loket.api.klantinteracties.auth import TokenAuthentication
from loket.api.klantinteracties.scopes import PER_ACTION, WRITE
from loket.contacts import services
from loket.contacts.models import (
    Actor,
    Contact,
    DigitalAddress,
    InternalTask,
    Involvement,
    Party,
    SubjectObject,
)

API_VERSION = "0.9.0"


class KlantinteractiesPagination(ZgwPagination):
    page_size_query_param = "pageSize"
    max_page_size = 500


class KlantinteractiesViewSet(KnownParamsMixin, base.ZgwViewSet):
    api_version = API_VERSION
    authentication_classes = [TokenAuthentication]
    pagination_class = KlantinteractiesPagination
    required_scopes = PER_ACTION
    schema = AutoSchema()  # the standard's tokenAuth, without the ZGW scopes per operation
    # Model fields a service may refuse that the API shows inside a group of its own.
    grouped_field_names: dict[str, str] = {}

    def known_params(self) -> set[str]:
        known = super().known_params()
        if self.action == "list":
            known.add(self.paginator.page_size_query_param)
        return known

    def call_service(self, service, *args, serializer=None, **kwargs):
        try:
            return super().call_service(service, *args, serializer=serializer, **kwargs)
        except exceptions.ValidationError as error:
            if isinstance(error.detail, dict):
                error.detail = {
                    self.grouped_field_names.get(name, name): detail
                    for name, detail in error.detail.items()
                }
            raise


class Resource(
    base.ListMixin,
    base.RetrieveMixin,
    base.CreateMixin,
    base.UpdateMixin,
    base.DestroyMixin,
    KlantinteractiesViewSet,
):
    """List, read, create, PUT, PATCH and DELETE, as every resource of the standard."""


class KlantcontactViewSet(Resource):
    """Klantcontacten: contacts on every channel."""

    serializer_class = api.KlantcontactSerializer
    filterset_class = filters.KlantcontactFilter

    def get_queryset(self):
        return Contact.objects.prefetch_related(
            "subject_objects", "actors", "involvements", "tasks"
        ).order_by("-occurred_at", "-pk")

    def create_object(self, data):
        return services.register_contact(by=None, **data)

    def update_object(self, instance, data):
        return services.update_contact(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_contact(instance, by=None)


class BetrokkeneViewSet(Resource):
    """Betrokkenen: who took part in a contact, a known party or only a name."""

    serializer_class = api.BetrokkeneSerializer
    filterset_class = filters.BetrokkeneFilter

    def get_queryset(self):
        return (
            Involvement.objects.select_related("contact", "party")
            .prefetch_related("digital_addresses")
            .order_by("pk")
        )

    def create_object(self, data):
        return services.add_involvement(by=None, **data)

    def update_object(self, instance, data):
        return services.update_involvement(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_involvement(instance, by=None)


class PartijViewSet(Resource):
    """Partijen: persons by BSN, organisations by KvK number, contact persons."""

    serializer_class = api.PartijSerializer
    filterset_class = filters.PartijFilter
    grouped_field_names = {"bsn": "partijIdentificatoren", "kvk_number": "partijIdentificatoren"}

    def get_queryset(self):
        return (
            Party.objects.select_related("preferred_address")
            .prefetch_related("involvements", "digital_addresses")
            .order_by("pk")
        )

    def create_object(self, data):
        return services.create_party(by=None, **data)

    def update_object(self, instance, data):
        return services.update_party(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_party(instance, by=None)


class DigitaalAdresViewSet(Resource):
    """Digitale adressen: e-mail, phone, and other addresses such as a social-media handle."""

    serializer_class = api.DigitaalAdresSerializer
    filterset_class = filters.DigitaalAdresFilter

    def get_queryset(self):
        return DigitalAddress.objects.select_related("party", "involvement").order_by("pk")

    def create_object(self, data):
        return services.add_digital_address(by=None, **data)

    def update_object(self, instance, data):
        return services.update_digital_address(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_digital_address(instance, by=None)


class InterneTaakViewSet(Resource):
    """Interne taken: a contact's question handed over to actors (departments, employees)."""

    serializer_class = api.InterneTaakSerializer
    filterset_class = filters.InterneTaakFilter

    def get_queryset(self):
        return (
            InternalTask.objects.select_related("contact").prefetch_related("actors").order_by("pk")
        )

    @transaction.atomic
    def create_object(self, data):
        task_status = data.pop("status")
        task = services.hand_over(data.pop("contact"), by=None, to=data.pop("actors"), **data)
        if task_status == InternalTask.Status.DONE:
            task = services.close_task(task, by=None, answer="")
        return task

    def update_object(self, instance, data):
        return services.update_task(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_task(instance, by=None)


class OnderwerpobjectViewSet(Resource):
    """Onderwerpobjecten: what a contact was about (a case, by its identification)."""

    serializer_class = api.OnderwerpobjectSerializer
    filterset_class = filters.OnderwerpobjectFilter

    def get_queryset(self):
        return SubjectObject.objects.select_related("contact", "was_contact").order_by("pk")

    def create_object(self, data):
        return services.add_subject_object(by=None, **data)

    def update_object(self, instance, data):
        return services.update_subject_object(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_subject_object(instance, by=None)


class ActorViewSet(Resource):
    """Actoren: employees, departments (organisatorische eenheden) and systems."""

    serializer_class = api.ActorSerializer
    filterset_class = filters.ActorFilter

    def get_queryset(self):
        return Actor.objects.order_by("pk")

    def create_object(self, data):
        return services.create_actor(by=None, **data)

    def update_object(self, instance, data):
        return services.update_actor(instance, by=None, **data)

    def delete_object(self, instance):
        services.delete_actor(instance, by=None)


class MaakKlantcontactViewSet(KlantinteractiesViewSet):
    """A contact with the party involved and what it was about, in one transaction."""

    serializer_class = api.MaakKlantcontactSerializer
    pagination_class = None
    required_scopes = {"create": WRITE}

    @extend_schema(responses={status.HTTP_201_CREATED: api.MaakKlantcontactSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = self.call_service(self.register, serializer.validated_data)
        return Response(self.get_serializer(created).data, status=status.HTTP_201_CREATED)

    @staticmethod
    @transaction.atomic
    def register(data: dict) -> dict:
        contact = services.register_contact(by=None, **data["klantcontact"])
        involvement = data.get("betrokkene")
        subject = data.get("onderwerpobject")
        return {
            "klantcontact": contact,
            "betrokkene": (
                services.add_involvement(by=None, contact=contact, **involvement)
                if involvement
                else None
            ),
            "onderwerpobject": (
                services.add_subject_object(by=None, contact=contact, **subject)
                if subject
                else None
            ),
        }
