"""What the journeys share: the demo installation, visible to the live server's thread."""

import pytest


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """The demo catalogue, register, forms and staff, visible to the live server's thread."""
    from loket.brp.register import load_demo_register
    from loket.catalog.demo import load_demo_catalogue
    from loket.forms.demo import load_demo_forms
    from loket.identity.demo import load_demo_identities, load_demo_memberships
    from loket.notify.demo import load_demo_status_mails

    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    load_demo_identities()
    load_demo_memberships()
    load_demo_status_mails()
    # The confirmation page's "Volg uw aanvraag" is an absolute link to the site's base URL.
    settings.LOKET_BASE_URL = live_server.url
