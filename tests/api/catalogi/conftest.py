import pytest

from tests.api.common.tokens import client_with


@pytest.fixture
def zgw(db):
    """A client with every Catalogi scope (reading, writing, correcting, deleting)."""
    return client_with(
        "catalogi-beheer",
        scopes=[
            "catalogi.lezen",
            "catalogi.schrijven",
            "catalogi.geforceerd-schrijven",
            "catalogi.geforceerd-verwijderen",
        ],
    )


@pytest.fixture
def writer(db):
    """A client that writes drafts but may not correct or delete published types."""
    return client_with("catalogi-schrijver", scopes=["catalogi.lezen", "catalogi.schrijven"])


@pytest.fixture
def reader(db):
    return client_with("catalogi-lezer", scopes=["catalogi.lezen"])
