from django.urls import path

from loket.workqueue import views

app_name = "workqueue"
urlpatterns = [
    path("", views.index, name="index"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.code, name="code"),
    path("inloggen/koppelen/", views.enrol, name="enrol"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("<slug:code>/", views.queue, name="queue"),
]
