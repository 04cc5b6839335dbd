"""LOKET_OIDC_* and LOKET_VISITOR_*: read from the environment; production refuses a broker
that is half set up."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from loket.conf.environment import read_environment

SAFE_PRODUCTION = {
    "LOKET_MODE": "production",
    "LOKET_SECRET_KEY": "x" * 50,
    "LOKET_ALLOWED_HOSTS": "loket.example.nl",
    "LOKET_MUNICIPALITY_NAME": "Gemeente Oost",
}
DIGID = {
    "LOKET_OIDC_DIGID_DISCOVERY_URL": "https://broker.example.nl/.well-known/openid-configuration",
    "LOKET_OIDC_DIGID_CLIENT_ID": "gemeente-oost",
    "LOKET_OIDC_DIGID_CLIENT_SECRET": "s3cret",
}


def test_no_broker_by_default():
    environment = read_environment(SAFE_PRODUCTION)

    assert not environment.oidc_digid.configured
    assert not environment.oidc_eherkenning.configured
    assert environment.visitor_idle_seconds == 900
    assert environment.visitor_warning_seconds == 120


def test_a_complete_broker_with_the_defaults():
    broker = read_environment({**SAFE_PRODUCTION, **DIGID}).oidc_digid

    assert broker.configured
    assert broker.discovery_url == DIGID["LOKET_OIDC_DIGID_DISCOVERY_URL"]
    assert broker.scope == "openid"
    assert broker.identifier_claim == "bsn"
    assert broker.name_claim == "name"
    assert broker.assurance_claim == "acr"


def test_every_part_can_be_set():
    environment = read_environment(
        {
            **SAFE_PRODUCTION,
            "LOKET_OIDC_EHERKENNING_ISSUER": "https://eh.example.nl/",
            "LOKET_OIDC_EHERKENNING_CLIENT_ID": "oost",
            "LOKET_OIDC_EHERKENNING_CLIENT_SECRET": "geheim",
            "LOKET_OIDC_EHERKENNING_SCOPE": "openid  eherkenning",
            "LOKET_OIDC_EHERKENNING_KVK_CLAIM": "urn:etoegang:core:LegalSubjectID",
            "LOKET_OIDC_EHERKENNING_NAME_CLAIM": "company_name",
            "LOKET_OIDC_EHERKENNING_ASSURANCE_CLAIM": "loa",
            "LOKET_VISITOR_IDLE_SECONDS": "1200",
            "LOKET_VISITOR_WARNING_SECONDS": "180",
        }
    )
    broker = environment.oidc_eherkenning

    assert broker.issuer == "https://eh.example.nl"
    assert broker.discovery_url == "https://eh.example.nl/.well-known/openid-configuration"
    assert broker.scope == "openid eherkenning"
    assert broker.identifier_claim == "urn:etoegang:core:LegalSubjectID"
    assert broker.name_claim == "company_name"
    assert broker.assurance_claim == "loa"
    assert environment.visitor_idle_seconds == 1200
    assert environment.visitor_warning_seconds == 180


@pytest.mark.parametrize(
    ("override", "sentence"),
    [
        (
            {"LOKET_OIDC_DIGID_CLIENT_SECRET": ""},
            "LOKET_OIDC_DIGID_CLIENT_ID is set but LOKET_OIDC_DIGID_CLIENT_SECRET is empty",
        ),
        (
            {"LOKET_OIDC_DIGID_DISCOVERY_URL": ""},
            "LOKET_OIDC_DIGID_CLIENT_ID is set but LOKET_OIDC_DIGID_DISCOVERY_URL and "
            "LOKET_OIDC_DIGID_ISSUER are empty",
        ),
        (
            {"LOKET_OIDC_DIGID_DISCOVERY_URL": "http://broker.example.nl/.well-known/x"},
            "LOKET_OIDC_DIGID_DISCOVERY_URL must be an https:// address in production",
        ),
        (
            {"LOKET_OIDC_DIGID_CLIENT_ID": ""},
            "LOKET_OIDC_DIGID_CLIENT_ID is empty but the other LOKET_OIDC_DIGID_",
        ),
        ({"LOKET_OIDC_DIGID_SCOPE": "profile"}, "LOKET_OIDC_DIGID_SCOPE must contain openid"),
    ],
)
def test_production_refuses_a_half_configured_broker(override, sentence):
    with pytest.raises(ImproperlyConfigured, match=sentence):
        read_environment({**SAFE_PRODUCTION, **DIGID, **override})


def test_production_refuses_a_half_configured_eherkenning_broker_too():
    with pytest.raises(ImproperlyConfigured, match="LOKET_OIDC_EHERKENNING_CLIENT_SECRET is empty"):
        read_environment({**SAFE_PRODUCTION, "LOKET_OIDC_EHERKENNING_CLIENT_ID": "oost"})


def test_demo_mode_allows_a_local_broker_without_tls():
    environment = read_environment(
        {
            "LOKET_MODE": "demo",
            "LOKET_OIDC_DIGID_ISSUER": "http://127.0.0.1:9000",
            "LOKET_OIDC_DIGID_CLIENT_ID": "loket",
            "LOKET_OIDC_DIGID_CLIENT_SECRET": "geheim",
        }
    )

    assert environment.oidc_digid.configured


def test_production_still_refuses_the_demo_login_next_to_a_broker():
    with pytest.raises(ImproperlyConfigured, match="LOKET_DEMO_LOGIN is on"):
        read_environment({**SAFE_PRODUCTION, **DIGID, "LOKET_DEMO_LOGIN": "on"})


@pytest.mark.parametrize(
    ("override", "sentence"),
    [
        ({"LOKET_VISITOR_IDLE_SECONDS": "30"}, "LOKET_VISITOR_IDLE_SECONDS must be at least 60"),
        (
            {"LOKET_VISITOR_WARNING_SECONDS": "900"},
            "LOKET_VISITOR_WARNING_SECONDS must be 0 or more and less than",
        ),
        ({"LOKET_VISITOR_IDLE_SECONDS": "kwartier"}, "must be a whole number"),
    ],
)
def test_idle_and_warning_times_are_checked_in_every_mode(override, sentence):
    with pytest.raises(ImproperlyConfigured, match=sentence):
        read_environment({"LOKET_MODE": "demo", **override})
