"""The Haal Centraal BRP Personen API at its usual path, ``/haalcentraal/api/brp/personen``."""

from django.urls import path

from loket.api.brp import views

app_name = "brp"
urlpatterns = [path("personen", views.personen, name="personen")]
