"""The resources under one zaak: ``/zaken/{zaak_uuid}/zaakeigenschappen``, ``/besluiten`` and
``/audittrail``. Their lists are not paged (the standard gives them as plain arrays)."""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from loket.api.common.audit import AuditTrailSerializer
from loket.api.zaken import queries
from loket.api.zaken import scopes as s
from loket.api.zaken.serializers import parts as api
from loket.api.zaken.views import base
from loket.cases import services
from loket.cases.models import AuditEntry, Case, Decision


class UnderCase(base.ZakenViewSet):
    pagination_class = None

    @cached_property
    def parent(self) -> Case:
        return get_object_or_404(
            Case.objects.select_related("case_type"), uuid=self.kwargs["zaak_uuid"]
        )

    def case_of(self, instance) -> Case:
        return self.parent

    def list(self, request, *args, **kwargs):
        self.authorise(self.parent)
        base.check_query(request, None, ())
        return Response(self.get_serializer(self.get_queryset(), many=True).data)


class AuditTrailViewSet(base.RetrieveMixin, UnderCase):
    """What was done to the case and its parts, by whom (audittrails.lezen)."""

    serializer_class = AuditTrailSerializer
    required_scopes = {
        "list": frozenset({s.AUDITTRAILS_READ}),
        "retrieve": frozenset({s.AUDITTRAILS_READ}),
    }

    def get_queryset(self):
        return AuditEntry.objects.filter(main_object_uuid=self.kwargs.get("zaak_uuid"))


class ZaakEigenschapViewSet(
    base.RetrieveMixin, base.CreateMixin, base.UpdateMixin, base.DestroyMixin, UnderCase
):
    resource = "zaakeigenschap"
    serializer_class = api.ZaakEigenschapSerializer
    required_scopes = {
        "list": s.READ,
        "retrieve": s.READ,
        "create": s.UPDATE,
        "update": s.UPDATE,
        "partial_update": s.UPDATE,
        "destroy": s.UPDATE,
    }

    def get_queryset(self):
        return queries.property_values().filter(case__uuid=self.kwargs.get("zaak_uuid"))

    def authorise_create(self, data):
        if data["case"] != self.parent:
            raise exceptions.ValidationError(
                {"zaak": [_("Give the zaak of this path.")]}, code="invalid"
            )
        self.authorise(self.parent)

    def create_object(self, data):
        return services.add_property_value(
            self.parent, data["property"], value=data["value"], force=self.force(self.parent)
        )

    def update_object(self, value, data):
        return services.change_property_value(
            value,
            case=data.get("case"),
            prop=data.get("property"),
            value=data.get("value"),
            force=self.force(self.parent),
        )

    def delete_object(self, value):
        services.remove_property_value(value, force=self.force(self.parent))


class ZaakBesluitViewSet(base.RetrieveMixin, base.CreateMixin, base.DestroyMixin, UnderCase):
    """The decisions on the case. A decision names its case in the Besluiten API; this
    resource mirrors that link, so creating one confirms it and deleting one is refused
    while the decision still names the case."""

    resource = "zaakbesluit"
    serializer_class = api.ZaakBesluitSerializer
    required_scopes = {
        "list": s.READ,
        "retrieve": s.READ,
        "create": frozenset({s.ZAKEN_UPDATE}),
        "destroy": frozenset({s.ZAKEN_UPDATE}),
    }

    def get_queryset(self):
        return Decision.objects.select_related("case").filter(
            case__uuid=self.kwargs.get("zaak_uuid")
        )

    def authorise_create(self, data):
        self.authorise(self.parent)

    def create_object(self, data):
        services.check_decision_of(self.parent, data["decision"])
        return data["decision"]

    def delete_object(self, decision):
        services.check_decision_unlinked(self.parent, decision)
