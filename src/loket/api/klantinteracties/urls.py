"""The Klantinteracties API's paths, without trailing slashes as in Open Klant's openapi.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.klantinteracties import schema as token_schema  # noqa: F401 - registers it
from loket.api.klantinteracties import views

app_name = "klantinteracties"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("klantcontacten", views.KlantcontactViewSet, basename="klantcontact")
router.register("betrokkenen", views.BetrokkeneViewSet, basename="betrokkene")
router.register("partijen", views.PartijViewSet, basename="partij")
router.register("digitaleadressen", views.DigitaalAdresViewSet, basename="digitaaladres")
router.register("internetaken", views.InterneTaakViewSet, basename="internetaak")
router.register("onderwerpobjecten", views.OnderwerpobjectViewSet, basename="onderwerpobject")
router.register("actoren", views.ActorViewSet, basename="actor")
router.register("maak-klantcontact", views.MaakKlantcontactViewSet, basename="maak-klantcontact")

SCHEMA_SETTINGS = {
    "TITLE": "Klantinteracties API",
    "VERSION": views.API_VERSION,
    "DESCRIPTION": "De Klantinteracties API van Loket (Open Klant 2.18: klantinteracties 0.9.0).",
    "SERVERS": [{"url": "/klantinteracties/api/v1"}],
}
schema = SpectacularAPIView.as_view(urlconf=router.urls, custom_settings=SCHEMA_SETTINGS)

urlpatterns = [
    *router.urls,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
