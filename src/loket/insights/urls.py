from django.urls import path

from loket.insights import views

app_name = "insights"
urlpatterns = [
    path("inzicht/", views.dashboard, name="dashboard"),
    path("inzicht/export.csv", views.export, {"extension": "csv"}, name="export_csv"),
    path("inzicht/export.xlsx", views.export, {"extension": "xlsx"}, name="export_xlsx"),
    path("opendata/", views.open_data, {"extension": "json"}, name="open_data"),
    path("opendata/cijfers.csv", views.open_data, {"extension": "csv"}, name="open_data_csv"),
    path(
        "opendata/publicaties/",
        views.publications,
        {"extension": "json"},
        name="publications",
    ),
    path(
        "opendata/publicaties.csv",
        views.publications,
        {"extension": "csv"},
        name="publications_csv",
    ),
]
