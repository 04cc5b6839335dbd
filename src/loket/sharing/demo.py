"""A receiving organisation of the demo municipality: the housing corporation of the Boxtel
pilot, where residents signed up with data the municipality had validated."""

from loket.sharing.models import Receiver

DEMO_RECEIVER = {
    "name": "Woonstichting Voorbeeld",
    "audience": "https://woonstichting-voorbeeld.example/",
    "purposes": ["Inschrijven als woningzoekende", "Huurcontract afsluiten"],
}


def load_demo_receivers() -> Receiver:
    receiver, _created = Receiver.objects.update_or_create(
        audience=DEMO_RECEIVER["audience"],
        defaults={"name": DEMO_RECEIVER["name"], "purposes": DEMO_RECEIVER["purposes"]},
    )
    return receiver
