import pytest
from django.core.cache import caches


@pytest.fixture
def demo_data(db):
    """The demo catalogue, register, forms and staff accounts."""
    from loket.brp.register import load_demo_register
    from loket.catalog.demo import load_demo_catalogue
    from loket.forms.demo import load_demo_forms
    from loket.identity.demo import load_demo_identities, load_demo_memberships

    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    load_demo_identities()
    load_demo_memberships()


@pytest.fixture
def security_cache():
    """The shared counters of the rate limits and the lockout, empty at the start."""
    cache = caches["security"]
    cache.clear()
    yield cache
    cache.clear()
