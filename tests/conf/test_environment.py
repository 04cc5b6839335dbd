"""Settings come from LOKET_* variables; production refuses what is only safe for a demo."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from loket.conf.environment import DEMO_SECRET_KEY, read_environment
from tests.conftest import run_loket

SAFE_PRODUCTION = {
    "LOKET_MODE": "production",
    "LOKET_SECRET_KEY": "x" * 50,
    "LOKET_ALLOWED_HOSTS": "loket.example.nl",
    "LOKET_MUNICIPALITY_NAME": "Gemeente Oost",
}


def test_production_with_safe_settings_starts():
    environment = read_environment(SAFE_PRODUCTION)

    assert environment.mode == "production"
    assert environment.allowed_hosts == ["loket.example.nl"]
    assert not environment.demo_login


@pytest.mark.parametrize(
    ("override", "sentence"),
    [
        ({"LOKET_SECRET_KEY": ""}, "LOKET_SECRET_KEY is empty or the demo key"),
        ({"LOKET_SECRET_KEY": DEMO_SECRET_KEY}, "LOKET_SECRET_KEY is empty or the demo key"),
        ({"LOKET_SECRET_KEY": "short"}, "shorter than 32 characters"),
        ({"LOKET_DEMO_LOGIN": "true"}, "LOKET_DEMO_LOGIN is on"),
        ({"LOKET_DEBUG": "1"}, "LOKET_DEBUG is on"),
        ({"LOKET_ALLOWED_HOSTS": ""}, "LOKET_ALLOWED_HOSTS is empty"),
        ({"LOKET_STORAGE": "s3"}, "LOKET_S3_BUCKET is empty"),
        ({"LOKET_STAFF_SECOND_FACTOR": "false"}, "LOKET_STAFF_SECOND_FACTOR is off"),
        ({"LOKET_PAYMENT_PROVIDER": "demo"}, "LOKET_PAYMENT_PROVIDER is demo"),
        (
            {"LOKET_NOTIFICATIONS_API": "https://nrc.example.nl/api/v1/"},
            "LOKET_NOTIFICATIONS_SECRET",
        ),
    ],
)
def test_production_refuses_unsafe_settings(override, sentence):
    with pytest.raises(ImproperlyConfigured, match=sentence):
        read_environment({**SAFE_PRODUCTION, **override})


def test_production_is_the_default_mode():
    with pytest.raises(ImproperlyConfigured, match="refuses to start in production mode"):
        read_environment({})


def test_demo_mode_has_working_defaults():
    environment = read_environment({"LOKET_MODE": "demo"})

    assert environment.municipality_name == "Gemeente Voorbeeld"
    assert environment.demo_login
    assert environment.database_url.startswith("sqlite:///")


@pytest.mark.parametrize(
    ("variable", "value", "sentence"),
    [
        ("LOKET_MODE", "staging", "LOKET_MODE must be one of production, demo"),
        ("LOKET_DEBUG", "maybe", "LOKET_DEBUG must be true or false"),
        ("LOKET_EMAIL_PORT", "twenty-five", "LOKET_EMAIL_PORT must be a whole number"),
    ],
)
def test_unreadable_values_are_named(variable, value, sentence):
    with pytest.raises(ImproperlyConfigured, match=sentence):
        read_environment({"LOKET_MODE": "demo", variable: value})


def test_loket_command_refuses_to_start_in_unsafe_production(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "LOKET_MODE": "production",
        "LOKET_DEMO_LOGIN": "true",
        "LOKET_DATA_DIR": str(tmp_path),
    }
    result = run_loket("check", env=env)

    assert result.returncode != 0
    assert "Loket refuses to start in production mode" in result.stderr
    assert "LOKET_SECRET_KEY is empty or the demo key" in result.stderr
    assert "LOKET_DEMO_LOGIN is on" in result.stderr
