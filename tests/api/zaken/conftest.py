import pytest

from tests.api.common.tokens import client_with
from tests.api.zaken.builders import published_case_type
from tests.api.zaken.remote import elsewhere  # noqa: F401 - a fixture


@pytest.fixture
def zgw(db):
    """A client with every authorisation (heeftAlleAutorisaties)."""
    client = client_with("zaken-alles", all_scopes=True)
    client.default_format = "json"
    return client


@pytest.fixture
def case_type(db):
    return published_case_type()
