"""The Catalogi API's resources: each viewset parses, calls a catalogue service, renders.

Scopes per action follow the operation's ``security`` in catalogi-1.3.1.yaml; reading is also
open to the Zaken and Documenten APIs' read scopes (ztc-014). A client with
``catalogi.geforceerd-schrijven`` may correct published types (*correctie*), one with
``catalogi.geforceerd-verwijderen`` delete them.
"""

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from loket.api.catalogi import filters
from loket.api.catalogi import serializers as api
from loket.api.catalogi.queries import CurrentVersions, with_object_dates
from loket.api.common import viewsets as base
from loket.api.common.scopes import (
    CATALOGI_FORCED_DELETE,
    CATALOGI_FORCED_WRITE,
    CATALOGI_READ,
    CATALOGI_WRITE,
    DOCUMENTEN_READ,
    ZAKEN_READ,
)
from loket.catalog import services
from loket.catalog.models import (
    CaseObjectType,
    CaseType,
    CaseTypeDocumentType,
    Catalogue,
    DecisionType,
    DocumentType,
    Property,
    ResultType,
    RoleType,
    StatusType,
)

API_VERSION = "1.3.1"

READ = frozenset({CATALOGI_READ, ZAKEN_READ, DOCUMENTEN_READ})
WRITE = frozenset({CATALOGI_WRITE})
WRITE_OR_CORRECT = frozenset({CATALOGI_WRITE, CATALOGI_FORCED_WRITE})
DELETE = frozenset({CATALOGI_WRITE, CATALOGI_FORCED_DELETE})


def scopes(*, create=WRITE) -> dict[str, frozenset[str]]:
    return {
        "list": READ,
        "retrieve": READ,
        "create": create,
        "update": WRITE_OR_CORRECT,
        "partial_update": WRITE_OR_CORRECT,
        "destroy": DELETE,
        "publish": WRITE,
    }


class CatalogiViewSet(base.ZgwViewSet):
    api_version = API_VERSION
    required_scopes = scopes()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["day"] = self.validity_day()
        context["current_versions"] = CurrentVersions(context["day"])
        return context

    def validity_day(self) -> date:
        params = self.request.query_params if self.request else {}
        raw = params.get("datumGeldigheid") or params.get("datum_geldigheid")
        try:
            return date.fromisoformat(raw) if raw else timezone.localdate()
        except ValueError:
            return timezone.localdate()

    @property
    def correction(self) -> bool:
        return self.has_scope(CATALOGI_FORCED_WRITE)

    @property
    def forced_delete(self) -> bool:
        return self.has_scope(CATALOGI_FORCED_DELETE)


class CatalogueViewSet(base.ListMixin, base.RetrieveMixin, base.CreateMixin, CatalogiViewSet):
    """Catalogussen: list, read, create (Catalogi 1.3.1 neither changes nor deletes them)."""

    serializer_class = api.CatalogueSerializer
    filterset_class = filters.CatalogueFilter

    def get_queryset(self):
        uuid_only = ("uuid", "catalogue_id")
        return Catalogue.objects.order_by("pk").prefetch_related(
            Prefetch("casetype_set", CaseType.objects.only(*uuid_only)),
            Prefetch("decisiontype_set", DecisionType.objects.only(*uuid_only)),
            Prefetch("documenttype_set", DocumentType.objects.only(*uuid_only)),
        )

    def create_object(self, data):
        return services.create_catalogue(**data)


class PublishMixin:
    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def publish(self, request, *args, **kwargs):
        instance = self.call_service(self.publish_object, self.get_object())
        return self.render(instance)


class WritableMixin(base.ListMixin, base.RetrieveMixin, base.CreateMixin, base.UpdateMixin,
                    base.DestroyMixin):  # fmt: skip
    pass


class CaseTypeViewSet(PublishMixin, WritableMixin, CatalogiViewSet):
    """Zaaktypen, and publishing a draft (ztc-009, ztc-016)."""

    serializer_class = api.CaseTypeSerializer
    filterset_class = filters.CaseTypeFilter

    def get_queryset(self):
        return with_object_dates(
            CaseType.objects.select_related("catalogue").order_by("pk")
        ).prefetch_related(
            "object_types",
            "status_types",
            "result_types",
            "properties",
            "role_types",
            "decision_types",
            Prefetch(
                "document_type_links",
                CaseTypeDocumentType.objects.select_related("document_type"),
            ),
        )

    def create_object(self, data):
        return services.create_case_type(**data)

    def update_object(self, instance, data):
        return services.update_case_type(instance, correction=self.correction, **data)

    def delete_object(self, instance):
        services.delete_case_type(instance, force=self.forced_delete)

    def publish_object(self, instance):
        return services.publish_case_type(instance)


class VersionedTypeViewSet(PublishMixin, WritableMixin, CatalogiViewSet):
    def update_object(self, instance, data):
        return services.update_type(instance, correction=self.correction, **data)

    def delete_object(self, instance):
        services.delete_type(instance, force=self.forced_delete)

    def publish_object(self, instance):
        services.publish_type(instance)
        return instance


class DocumentTypeViewSet(VersionedTypeViewSet):
    """Informatieobjecttypen."""

    serializer_class = api.DocumentTypeSerializer
    filterset_class = filters.DocumentTypeFilter

    def get_queryset(self):
        return with_object_dates(
            DocumentType.objects.select_related("catalogue").order_by("pk"), key="description"
        ).prefetch_related(
            Prefetch("case_type_links", CaseTypeDocumentType.objects.select_related("case_type")),
            "decision_types",
        )

    def create_object(self, data):
        return services.create_document_type(**data)


class DecisionTypeViewSet(VersionedTypeViewSet):
    """Besluittypen."""

    serializer_class = api.DecisionTypeSerializer
    filterset_class = filters.DecisionTypeFilter

    def get_queryset(self):
        return with_object_dates(
            DecisionType.objects.select_related("catalogue").order_by("pk"), key="description"
        ).prefetch_related("case_types", "document_types", "result_types")

    def create_object(self, data):
        return services.create_decision_type(**data)


class PartViewSet(WritableMixin, CatalogiViewSet):
    """A part of a case type; it changes with its draft case type only (ztc-010)."""

    required_scopes = scopes(create=WRITE_OR_CORRECT)
    model = None
    related: tuple[str, ...] = ()
    prefetched: tuple[str, ...] = ()

    def get_queryset(self):
        queryset = self.model.objects.select_related("case_type__catalogue", *self.related)
        return with_object_dates(queryset.order_by("pk"), prefix="case_type__").prefetch_related(
            *self.prefetched
        )

    def create_object(self, data):
        return services.create_part(self.model, correction=self.correction, **data)

    def update_object(self, instance, data):
        return services.update_part(instance, correction=self.correction, **data)

    def delete_object(self, instance):
        services.delete_part(instance, force=self.forced_delete)


class StatusTypeViewSet(PartViewSet):
    """Statustypen."""

    model = StatusType
    serializer_class = api.StatusTypeSerializer
    filterset_class = filters.PartFilter
    prefetched = ("case_type__status_types", "required_properties")


class ResultTypeViewSet(PartViewSet):
    """Resultaattypen, checked against the selection list (ztc-002..008)."""

    model = ResultType
    serializer_class = api.ResultTypeSerializer
    filterset_class = filters.ResultTypeFilter
    prefetched = ("decision_types", "document_types")


class RoleTypeViewSet(PartViewSet):
    """Roltypen."""

    model = RoleType
    serializer_class = api.RoleTypeSerializer
    filterset_class = filters.RoleTypeFilter


class PropertyViewSet(PartViewSet):
    """Eigenschappen."""

    model = Property
    serializer_class = api.PropertySerializer
    filterset_class = filters.PartFilter
    related = ("status_type",)


class CaseTypeDocumentTypeViewSet(PartViewSet):
    """Zaaktype-informatieobjecttypen."""

    model = CaseTypeDocumentType
    serializer_class = api.CaseTypeDocumentTypeSerializer
    filterset_class = filters.CaseTypeDocumentTypeFilter
    related = ("document_type", "status_type")


class CaseObjectTypeViewSet(PartViewSet):
    """Zaakobjecttypen."""

    model = CaseObjectType
    serializer_class = api.CaseObjectTypeSerializer
    filterset_class = filters.CaseObjectTypeFilter
