from django.urls import path

from loket.contacts import views

app_name = "contacts"
urlpatterns = [
    path("", views.screen, name="screen"),
    path("zoeken/", views.search, name="search"),
    path("persoon/", views.open_person, name="open_person"),
    path("persoon/<uuid:uuid>/", views.person, name="person"),
    path("contact/<uuid:uuid>/", views.contact, name="contact"),
    path("contact/<uuid:uuid>/overdragen/", views.hand_over, name="hand_over"),
    path("taken/<uuid:uuid>/", views.task, name="task"),
]
