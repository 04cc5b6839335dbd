"""The Autorisaties API's paths, without trailing slashes as in autorisaties-1.0.0.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.autorisaties import views

app_name = "autorisaties"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("applicaties", views.ApplicatieViewSet, basename="applicatie")

SCHEMA_SETTINGS = {
    "TITLE": "Autorisaties API",
    "VERSION": views.API_VERSION,
    "DESCRIPTION": "De Autorisaties API van Loket (ZGW 1.5: Autorisaties 1.0.0).",
    "SERVERS": [{"url": "/autorisaties/api/v1"}],
}
schema = SpectacularAPIView.as_view(urlconf=router.urls, custom_settings=SCHEMA_SETTINGS)

urlpatterns = [
    *router.urls,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
