"""The example client of docs/sharing.md, run as a receiver runs it: a separate process
talking to a live Loket over HTTP. Keeps the documentation true."""

import json
import subprocess
import sys

import pytest

from loket.sharing.services import revoke_consent
from tests.conftest import REPO
from tests.sharing.conftest import PURPOSE, share

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLE = REPO / "docs" / "examples" / "verify_statement.py"


def run_example(statement: str, *options: str, issuer: str, audience: str):
    return subprocess.run(
        [sys.executable, str(EXAMPLE), "--issuer", issuer, "--audience", audience, *options, "-"],
        input=statement,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_documented_example_accepts_a_statement_then_refuses_it_once_revoked(
    live_server, settings, person, receiver
):
    settings.LOKET_BASE_URL = live_server.url
    consent = share(person, receiver, attributes=["name", "address"])
    token = consent.statement
    ask = {"issuer": live_server.url, "audience": receiver.audience}

    accepted = run_example(token, "--require", "name", "--require", "address", **ask)

    assert accepted.returncode == 0, accepted.stderr
    result = json.loads(accepted.stdout)
    assert result["jti"] == str(consent.uuid) and result["purpose"] == PURPOSE
    assert result["attributes"]["name"]["surname"] == person.surname
    assert result["attributes"]["address"]["postcode"] == person.address.postcode

    not_consented = run_example(token, "--require", "nationalities", **ask)
    assert not_consented.returncode == 1
    assert not_consented.stderr.startswith("Refused (not-consented)")

    revoke_consent(consent)
    revoked = run_example(token, "--require", "name", **ask)
    assert revoked.returncode == 1
    assert revoked.stderr.strip() == "Refused (revoked): The person withdrew the consent."
