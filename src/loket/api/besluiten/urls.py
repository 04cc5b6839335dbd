"""The Besluiten API's paths, without trailing slashes as in besluiten-1.0.2.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.besluiten import views

app_name = "besluiten"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("besluiten", views.BesluitViewSet, basename="besluit")
router.register(
    "besluitinformatieobjecten",
    views.BesluitInformatieObjectViewSet,
    basename="besluitinformatieobject",
)
audittrail = [
    path(
        "besluiten/<uuid:besluit_uuid>/audittrail",
        views.AuditTrailViewSet.as_view({"get": "list"}),
        name="audittrail-list",
    ),
    path(
        "besluiten/<uuid:besluit_uuid>/audittrail/<uuid:uuid>",
        views.AuditTrailViewSet.as_view({"get": "retrieve"}),
        name="audittrail-detail",
    ),
]

SCHEMA_SETTINGS = {
    "TITLE": "Besluiten API",
    "VERSION": views.API_VERSION,
    "DESCRIPTION": "De Besluiten API van Loket (ZGW 1.5: Besluiten 1.0.2).",
    "SERVERS": [{"url": "/besluiten/api/v1"}],
}
schema = SpectacularAPIView.as_view(
    urlconf=[*router.urls, *audittrail], custom_settings=SCHEMA_SETTINGS
)

urlpatterns = [
    *router.urls,
    *audittrail,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
