"""The Zaken API's paths, without trailing slashes as in zaken-1.5.1.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.zaken import schema as field_schemas  # noqa: F401 - registers extensions
from loket.api.zaken.views import base, nested, parts, zaken

app_name = "zaken"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("zaken", zaken.ZaakViewSet, basename="zaak")
router.register("statussen", parts.StatusViewSet, basename="status")
router.register("resultaten", parts.ResultaatViewSet, basename="resultaat")
router.register("rollen", parts.RolViewSet, basename="rol")
router.register("zaakobjecten", parts.ZaakObjectViewSet, basename="zaakobject")
router.register(
    "zaakinformatieobjecten", parts.ZaakInformatieObjectViewSet, basename="zaakinformatieobject"
)
router.register("klantcontacten", parts.KlantContactViewSet, basename="klantcontact")
router.register("zaakcontactmomenten", parts.ZaakContactMomentViewSet, basename="zaakcontactmoment")
router.register("zaakverzoeken", parts.ZaakVerzoekViewSet, basename="zaakverzoek")

under_case = SimpleRouter(trailing_slash=False, use_regex_path=False)
under_case.register(
    "zaken/<uuid:zaak_uuid>/zaakeigenschappen",
    nested.ZaakEigenschapViewSet,
    basename="zaakeigenschap",
)
under_case.register(
    "zaken/<uuid:zaak_uuid>/besluiten", nested.ZaakBesluitViewSet, basename="zaakbesluit"
)
under_case.register(
    "zaken/<uuid:zaak_uuid>/audittrail", nested.AuditTrailViewSet, basename="audittrail"
)

api_urls = [*router.urls, *under_case.urls]

SCHEMA_SETTINGS = {
    "TITLE": "Zaken API",
    "VERSION": base.API_VERSION,
    "DESCRIPTION": "De Zaken API van Loket (ZGW 1.5: Zaken 1.5.1).",
    "SERVERS": [{"url": "/zaken/api/v1"}],
}
schema = SpectacularAPIView.as_view(urlconf=api_urls, custom_settings=SCHEMA_SETTINGS)

urlpatterns = [
    *api_urls,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
