from django.urls import path, register_converter

from loket.appointments import counter, kcc, mijn, views


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
    path("mijn/afspraken/", mijn.overview, name="mijn"),
    path("mijn/afspraken/<uuid:appointment_uuid>/", mijn.appointment, name="mijn-appointment"),
    path("mijn/afspraken/<uuid:appointment_uuid>/annuleren/", mijn.cancel, name="mijn-cancel"),
    path(
        "mijn/afspraken/<uuid:appointment_uuid>/verzetten/",
        mijn.reschedule,
        name="mijn-reschedule",
    ),
    # Below /werk/, whose department queues take every single segment (/werk/<code>/).
    path("werk/afspraken/<uuid:location_uuid>/", counter.day, name="counter"),
    path("kcc/persoon/<uuid:party_uuid>/afspraken/nieuw/", kcc.book, name="kcc-book"),
    path(
        "kcc/persoon/<uuid:party_uuid>/afspraken/<uuid:appointment_uuid>/",
        kcc.appointment,
        name="kcc-appointment",
    ),
    path(
        "kcc/persoon/<uuid:party_uuid>/afspraken/<uuid:appointment_uuid>/annuleren/",
        kcc.cancel,
        name="kcc-cancel",
    ),
    path(
        "kcc/persoon/<uuid:party_uuid>/afspraken/<uuid:appointment_uuid>/verzetten/",
        kcc.reschedule,
        name="kcc-reschedule",
    ),
]
