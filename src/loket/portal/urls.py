from django.urls import path

from loket.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("producten/", views.product_index, name="product-index"),
    path("producten/<slug:slug>/", views.product_detail, name="product-detail"),
    path("zoeken/", views.product_search, name="product-search"),
    path("volgen/<str:token>/", views.track, name="track"),
]
