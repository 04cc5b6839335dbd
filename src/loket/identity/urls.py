from django.urls import path

from loket.identity import mandate_views, views

app_name = "identity"
urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("inloggen/digid/", views.broker_login, {"broker": "digid"}, name="digid"),
    path("inloggen/digid/terug/", views.broker_return, {"broker": "digid"}, name="digid-callback"),
    path(
        "inloggen/eherkenning/",
        views.broker_login,
        {"broker": "eherkenning"},
        name="eherkenning",
    ),
    path(
        "inloggen/eherkenning/terug/",
        views.broker_return,
        {"broker": "eherkenning"},
        name="eherkenning-callback",
    ),
    path("inloggen/verlengen/", views.stay_logged_in, name="stay-logged-in"),
    path("inloggen/demo/digid/", views.demo_digid, name="demo-digid"),
    path("inloggen/demo/eherkenning/", views.demo_eherkenning, name="demo-eherkenning"),
    path("uitloggen/", views.logout, name="logout"),
    path("mijn/machtigingen/", mandate_views.mandate_page, name="mandates"),
    path("mijn/machtigingen/geven/", mandate_views.grant, name="mandate-grant"),
    path("mijn/machtigingen/stoppen/", mandate_views.stop_acting, name="mandate-stop"),
    path(
        "mijn/machtigingen/<uuid:mandate_uuid>/namens/", mandate_views.act_for, name="mandate-act"
    ),
    path("mijn/machtigingen/<uuid:mandate_uuid>/einde/", mandate_views.end, name="mandate-end"),
]
