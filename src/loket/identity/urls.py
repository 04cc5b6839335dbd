from django.urls import path

from loket.identity import views

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
]
