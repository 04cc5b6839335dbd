from loket.appointments.demo import load_demo_appointments
from loket.appointments.models import Location, LocationProduct, Officiant, OpeningHours


def test_the_demo_stadhuis_and_trouwzaal_load_once(stadhuis):
    assert load_demo_appointments() == stadhuis

    assert Location.objects.count() == 2
    assert OpeningHours.objects.filter(location=stadhuis).count() == 5
    assert set(
        LocationProduct.objects.values_list(
            "location__name", "product__slug", "duration_minutes", "capacity", "needs_officiant"
        )
    ) == {
        ("Stadhuis", "paspoort", 15, 2, False),
        ("Stadhuis", "identiteitskaart", 15, 2, False),
        ("Trouwzaal Stadhuis", "trouwen-partnerschap", 60, 1, True),
    }
    assert Location.objects.get(name="Trouwzaal Stadhuis").kind == Location.Kind.CEREMONY_ROOM
    assert Officiant.objects.count() == 2
