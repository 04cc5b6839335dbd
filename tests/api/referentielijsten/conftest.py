import pytest


@pytest.fixture
def base(settings):
    """The API's base URL, set to a host other than the test client's: URLs come from it."""
    settings.LOKET_REFERENTIELIJSTEN_API = "https://loket.example.nl/referentielijsten/api/v1/"
    return settings.LOKET_REFERENTIELIJSTEN_API
