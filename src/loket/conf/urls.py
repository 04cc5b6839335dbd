from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("referentielijsten/api/v1/", include("loket.api.referentielijsten.urls")),
    path("catalogi/api/v1/", include("loket.api.catalogi.urls")),
    path("zaken/api/v1/", include("loket.api.zaken.urls")),
    path("documenten/api/v1/", include("loket.api.documenten.urls")),
    path("besluiten/api/v1/", include("loket.api.besluiten.urls")),
    path("autorisaties/api/v1/", include("loket.api.autorisaties.urls")),
    path("notificaties/api/v1/", include("loket.api.notificaties.urls")),
    path("klantinteracties/api/v1/", include("loket.api.klantinteracties.urls")),
    path("haalcentraal/api/brp/", include("loket.api.brp.urls")),
    path("", include("loket.identity.urls")),
    path("werk/", include("loket.workqueue.urls")),
    path("kcc/", include("loket.contacts.urls")),
    path("formulieren/", include("loket.forms.urls")),
    path("", include("loket.sharing.urls")),
    path("", include("loket.insights.urls")),
    path("", include("loket.appointments.urls")),
    path("", include("loket.portal.urls")),
]
