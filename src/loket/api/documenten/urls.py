"""The Documenten API's paths, without trailing slashes as in documenten-1.5.0.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.documenten.views.audit import AuditTrailViewSet
from loket.api.documenten.views.base import API_VERSION
from loket.api.documenten.views.documents import DocumentViewSet
from loket.api.documenten.views.parts import FilePartViewSet
from loket.api.documenten.views.relations import (
    DispatchViewSet,
    ObjectLinkViewSet,
    UsageRightViewSet,
)

app_name = "documenten"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register(
    "enkelvoudiginformatieobjecten", DocumentViewSet, basename="enkelvoudiginformatieobject"
)
router.register("bestandsdelen", FilePartViewSet, basename="bestandsdeel")
router.register("gebruiksrechten", UsageRightViewSet, basename="gebruiksrechten")
router.register("objectinformatieobjecten", ObjectLinkViewSet, basename="objectinformatieobject")
router.register("verzendingen", DispatchViewSet, basename="verzending")

AUDIT_TRAIL = "enkelvoudiginformatieobjecten/<uuid:enkelvoudiginformatieobject_uuid>/audittrail"
audit_trail = [
    path(AUDIT_TRAIL, AuditTrailViewSet.as_view({"get": "list"}), name="audittrail-list"),
    path(
        f"{AUDIT_TRAIL}/<uuid:uuid>",
        AuditTrailViewSet.as_view({"get": "retrieve"}),
        name="audittrail-detail",
    ),
]

SCHEMA_SETTINGS = {
    "TITLE": "Documenten API",
    "VERSION": API_VERSION,
    "DESCRIPTION": "De Documenten API van Loket (ZGW 1.5: Documenten 1.5.0).",
    "SERVERS": [{"url": "/documenten/api/v1"}],
    "COMPONENT_SPLIT_REQUEST": True,
}
schema = SpectacularAPIView.as_view(
    urlconf=[*router.urls, *audit_trail], custom_settings=SCHEMA_SETTINGS
)

urlpatterns = [
    *router.urls,
    *audit_trail,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
