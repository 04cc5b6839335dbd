from django.urls import path

from loket.workqueue import reports, views

app_name = "workqueue"
urlpatterns = [
    path("", views.index, name="index"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.code, name="code"),
    path("inloggen/koppelen/", views.enrol, name="enrol"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("<slug:code>/", views.queue, name="queue"),
    path("<slug:code>/oppakken/", views.claim, name="claim"),
    path("<slug:code>/toewijzen/", views.assign, name="assign"),
    path("<slug:code>/toewijzen/meerdere/", views.bulk_assign, name="bulk_assign"),
    path("<slug:code>/meldingen/", reports.reports, name="reports"),
]
