from loket.appointments.demo import load_demo_appointments
from loket.appointments.models import Location, LocationProduct, OpeningHours


def test_the_demo_stadhuis_loads_once(stadhuis):
    assert load_demo_appointments() == stadhuis

    assert Location.objects.count() == 1
    assert OpeningHours.objects.filter(location=stadhuis).count() == 5
    assert set(
        LocationProduct.objects.values_list("product__slug", "duration_minutes", "capacity")
    ) == {("paspoort", 15, 2), ("identiteitskaart", 15, 2)}
