"""The Catalogi API's paths, without trailing slashes as in catalogi-1.3.1.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.catalogi import views

app_name = "catalogi"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("catalogussen", views.CatalogueViewSet, basename="catalogus")
router.register("zaaktypen", views.CaseTypeViewSet, basename="zaaktype")
router.register("statustypen", views.StatusTypeViewSet, basename="statustype")
router.register("resultaattypen", views.ResultTypeViewSet, basename="resultaattype")
router.register("roltypen", views.RoleTypeViewSet, basename="roltype")
router.register("eigenschappen", views.PropertyViewSet, basename="eigenschap")
router.register("informatieobjecttypen", views.DocumentTypeViewSet, basename="informatieobjecttype")
router.register("besluittypen", views.DecisionTypeViewSet, basename="besluittype")
router.register(
    "zaaktype-informatieobjecttypen",
    views.CaseTypeDocumentTypeViewSet,
    basename="zaaktypeinformatieobjecttype",
)
router.register("zaakobjecttypen", views.CaseObjectTypeViewSet, basename="zaakobjecttype")

SCHEMA_SETTINGS = {
    "TITLE": "Catalogi API",
    "VERSION": views.API_VERSION,
    "DESCRIPTION": "De Catalogi API van Loket (ZGW 1.5: Catalogi 1.3.1).",
    "SERVERS": [{"url": "/catalogi/api/v1"}],
}
schema = SpectacularAPIView.as_view(urlconf=router.urls, custom_settings=SCHEMA_SETTINGS)

urlpatterns = [
    *router.urls,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
