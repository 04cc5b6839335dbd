from django.urls import path

from loket.workqueue import case_screen, payouts, reports, views

app_name = "workqueue"
urlpatterns = [
    path("", views.index, name="index"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.code, name="code"),
    path("inloggen/koppelen/", views.enrol, name="enrol"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("zaak/<uuid:uuid>/", case_screen.case_screen, name="case"),
    path(
        "zaak/<uuid:uuid>/documenten/<uuid:document_uuid>/",
        case_screen.case_document,
        name="case_document",
    ),
    path("zaak/<uuid:uuid>/<slug:action>/", case_screen.case_action, name="case_action"),
    path("<slug:code>/", views.queue, name="queue"),
    path("<slug:code>/oppakken/", views.claim, name="claim"),
    path("<slug:code>/toewijzen/", views.assign, name="assign"),
    path("<slug:code>/toewijzen/meerdere/", views.bulk_assign, name="bulk_assign"),
    path("<slug:code>/meldingen/", reports.reports, name="reports"),
    path("<slug:code>/uitbetalingen/", payouts.payouts, name="payouts"),
    path("<slug:code>/uitbetalingen/<str:message_id>.xml", payouts.batch_file, name="payout_file"),
]
