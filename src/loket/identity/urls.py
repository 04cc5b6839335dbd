from django.urls import path

from loket.identity import views

app_name = "identity"
urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("inloggen/demo/digid/", views.demo_digid, name="demo-digid"),
    path("inloggen/demo/eherkenning/", views.demo_eherkenning, name="demo-eherkenning"),
    path("uitloggen/", views.logout, name="logout"),
]
