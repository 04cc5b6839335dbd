from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("referentielijsten/api/v1/", include("loket.api.referentielijsten.urls")),
    path("catalogi/api/v1/", include("loket.api.catalogi.urls")),
    path("", include("loket.portal.urls")),
]
