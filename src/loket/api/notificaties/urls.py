"""The Notificaties API's paths, without trailing slashes as in notificaties-1.0.0.yaml."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from loket.api.notificaties import views

app_name = "notificaties"

router = SimpleRouter(trailing_slash=False, use_regex_path=False)
router.register("kanaal", views.KanaalViewSet, basename="kanaal")
router.register("abonnement", views.AbonnementViewSet, basename="abonnement")
router.register("notificaties", views.NotificatieViewSet, basename="notificatie")

SCHEMA_SETTINGS = {
    "TITLE": "Notificaties API",
    "VERSION": views.API_VERSION,
    "DESCRIPTION": "De Notificaties API van Loket (ZGW 1.5: Notificaties 1.0.0).",
    "SERVERS": [{"url": "/notificaties/api/v1"}],
}
schema = SpectacularAPIView.as_view(urlconf=router.urls, custom_settings=SCHEMA_SETTINGS)

urlpatterns = [
    *router.urls,
    path("schema/openapi.yaml", schema, name="schema"),
    path("schema/openapi.json", schema, {"format": "json"}, name="schema-json"),
]
