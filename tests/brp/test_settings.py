"""LOKET_BRP_* choose the source; production refuses a Haal Centraal source without address."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from loket.brp.builtin import BuiltInRegister
from loket.brp.haalcentraal import HaalCentraalClient
from loket.brp.sources import get_brp_source
from loket.conf.environment import DEMO_BRP_SERVER_API_KEY, read_environment

PRODUCTION = {
    "LOKET_MODE": "production",
    "LOKET_SECRET_KEY": "x" * 50,
    "LOKET_ALLOWED_HOSTS": "loket.example.nl",
    "LOKET_MUNICIPALITY_NAME": "Gemeente Oost",
}
PROEF = "https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp"


def test_the_built_in_register_is_the_default_source(settings):
    assert read_environment({"LOKET_MODE": "demo"}).brp_source == "builtin"
    assert isinstance(get_brp_source(), BuiltInRegister)


def test_haal_centraal_is_chosen_with_its_address_and_key(settings):
    settings.LOKET_BRP_SOURCE = "haalcentraal"
    settings.LOKET_BRP_URL = PROEF
    settings.LOKET_BRP_API_KEY = "sleutel"

    source = get_brp_source()

    assert isinstance(source, HaalCentraalClient)
    assert source.url == f"{PROEF}/personen"
    assert source.session.headers["X-API-KEY"] == "sleutel"


def test_haal_centraal_without_an_address_cannot_be_used(settings):
    settings.LOKET_BRP_SOURCE = "haalcentraal"
    settings.LOKET_BRP_URL = ""

    with pytest.raises(ImproperlyConfigured, match="LOKET_BRP_URL is empty"):
        get_brp_source()


def test_production_reads_the_brp_settings():
    environment = read_environment(
        {
            **PRODUCTION,
            "LOKET_BRP_SOURCE": "HaalCentraal",
            "LOKET_BRP_URL": f"{PROEF}/",
            "LOKET_BRP_API_KEY": "sleutel",
        }
    )

    assert (environment.brp_source, environment.brp_url) == ("haalcentraal", PROEF)
    assert environment.brp_server_api_key == "", "Loket's own BRP endpoint is closed"


@pytest.mark.parametrize(
    ("override", "sentence"),
    [
        ({"LOKET_BRP_SOURCE": "haalcentraal"}, "LOKET_BRP_URL is empty"),
        ({"LOKET_BRP_SOURCE": "gba"}, "LOKET_BRP_SOURCE must be builtin or haalcentraal"),
        ({"LOKET_BRP_SERVER_API_KEY": DEMO_BRP_SERVER_API_KEY}, "is the demo key"),
    ],
)
def test_production_refuses_an_unusable_brp_setting(override, sentence):
    with pytest.raises(ImproperlyConfigured, match=sentence):
        read_environment({**PRODUCTION, **override})


def test_demo_mode_opens_the_brp_endpoint_with_the_demo_key():
    environment = read_environment({"LOKET_MODE": "demo", "LOKET_BRP_SOURCE": "haalcentraal"})

    assert environment.brp_server_api_key == DEMO_BRP_SERVER_API_KEY
