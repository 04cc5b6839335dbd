from django.urls import path

from loket.portal import mijn, verify, views

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("producten/", views.product_index, name="product-index"),
    path("producten/<slug:slug>/", views.product_detail, name="product-detail"),
    path("zoeken/", views.product_search, name="product-search"),
    path("controleren/", verify.verify, name="verify"),
    path("volgen/<str:token>/", views.track, name="track"),
    path("volgen/<str:token>/tevredenheid/", views.track_satisfaction, name="track-satisfaction"),
    # Mijn omgeving: cases and documents by uuid, never by a sequential id.
    path("mijn/", mijn.overview, name="mijn"),
    path("mijn/gegevens/", mijn.my_data, name="mijn-data"),
    path("mijn/zaken/<uuid:case_uuid>/", mijn.case_detail, name="mijn-case"),
    path("mijn/zaken/<uuid:case_uuid>/antwoord/", mijn.answer, name="mijn-answer"),
    path(
        "mijn/zaken/<uuid:case_uuid>/tevredenheid/",
        mijn.satisfaction,
        name="mijn-satisfaction",
    ),
    path(
        "mijn/zaken/<uuid:case_uuid>/documenten/<uuid:document_uuid>/",
        mijn.download,
        name="mijn-document",
    ),
]
