from django.urls import path, register_converter

from loket.appointments import views


class TokenConverter:
    """The secret link's 48 hex characters, which no product slug is."""

    regex = "[0-9a-f]{48}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "token")

app_name = "appointments"
urlpatterns = [
    path("afspraak/<token:token>/", views.appointment, name="appointment"),
    path("afspraak/<token:token>/annuleren/", views.cancel, name="cancel"),
    path("afspraak/<token:token>/verzetten/", views.reschedule, name="reschedule"),
    path("afspraak/<token:token>/agenda.ics", views.calendar, name="calendar"),
    path("afspraak/<slug:slug>/", views.book, name="book"),
]
