import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request with ``Accept-Language: en`` leaves English active on the test thread; the
    tests that run after these ones expect the default language."""
    yield
    translation.deactivate()
