from django.urls import path

from loket.sharing import endpoints, views

app_name = "sharing"
urlpatterns = [
    # Mijn omgeving: consents by uuid, never by a sequential id.
    path("mijn/delen/", views.overview, name="mijn"),
    path("mijn/delen/nieuw/", views.new, name="new"),
    path("mijn/delen/<uuid:consent_uuid>/", views.consent_detail, name="consent"),
    path("mijn/delen/<uuid:consent_uuid>/verklaring/", views.download, name="download"),
    path("mijn/delen/<uuid:consent_uuid>/intrekken/", views.revoke, name="revoke"),
    # For receivers (docs/sharing.md).
    path("delen/.well-known/jwks.json", endpoints.jwks_document, name="jwks"),
    path("delen/status/<uuid:jti>/", endpoints.status, name="status"),
]
