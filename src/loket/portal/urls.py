from django.urls import path

from loket.portal.views import HomeView

app_name = "portal"
urlpatterns = [
    path("", HomeView.as_view(), name="home"),
]
