"""The strict Content-Security-Policy breaks nothing: a real Chromium opens the key pages,
uses their script (the session warning dialog and its "stay logged in" request) and shows
their inline SVG charts, and reports no violation of the policy."""

import re

import pytest
from playwright.sync_api import expect

from loket.identity.demo import DEMO_PASSWORD
from tests.browser import staff_logs_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each violation the page sees, kept on the window (an init script runs outside the policy).
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}`
  );
});
"""


@pytest.fixture
def live_demo(transactional_db, live_server, settings):
    from loket.brp.register import load_demo_register
    from loket.catalog.demo import load_demo_catalogue
    from loket.forms.demo import load_demo_forms
    from loket.identity.demo import load_demo_identities, load_demo_memberships

    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()
    load_demo_identities()
    load_demo_memberships()
    settings.LOKET_BASE_URL = live_server.url


class Violations:
    def __init__(self, page):
        self.page = page
        self.found = []
        page.add_init_script(LISTEN)
        page.on("console", self.console)

    def console(self, message):
        if "Content Security Policy" in message.text:
            self.found.append(f"console: {message.text}")

    def check(self, what: str) -> None:
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.found.append(f"{what} ({self.page.url}): {violation}")
        self.page.evaluate("window.__cspViolations = []")


def test_the_citizen_pages_and_the_session_dialog_keep_to_the_policy(live_demo, page, settings):
    settings.LOKET_VISITOR_IDLE_SECONDS = 10
    settings.LOKET_VISITOR_WARNING_SECONDS = 8
    violations = Violations(page)

    page.goto("/")
    violations.check("home")
    page.goto("/producten/melding-openbare-ruimte/")
    violations.check("product page")
    page.get_by_role("link", name="Direct regelen").click()
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#error-summary")).to_be_visible()
    violations.check("form step with errors")
    page.get_by_label("Zwerfvuil").check()
    page.get_by_label("Wat is er aan de hand?").fill("Veel blikjes.")
    page.get_by_role("button", name="Volgende").click()
    expect(page).to_have_url(re.compile(r"/plek/$"))
    violations.check("location step with its map")

    page.goto("/inloggen/?next=/mijn/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_role("button", name=re.compile(r"^Inloggen als ")).first.click()
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    violations.check("Mijn omgeving")
    dialog = page.get_by_role("alertdialog")
    dialog.wait_for(state="visible", timeout=7000)
    page.keyboard.press("Enter")  # "stay logged in": the script's request to the server
    dialog.wait_for(state="hidden", timeout=3000)
    violations.check("session warning dialog")

    assert violations.found == []


def test_the_staff_pages_and_the_charts_keep_to_the_policy(live_demo, page):
    violations = Violations(page)

    staff_logs_in(page, "/inzicht/", "manager")
    expect(page.locator("main svg").first).to_be_visible()
    box = page.locator("main svg").first.bounding_box()
    assert box["width"] <= page.viewport_size["width"], "the chart's CSS (max-width) applies"
    violations.check("insights dashboard with SVG charts")
    page.context.clear_cookies()

    staff_logs_in(page, "/kcc/", "kcc")
    violations.check("KCC contact screen")
    page.context.clear_cookies()

    page.goto("/beheer/")  # with the second factor off, the admin's own login page
    violations.check("admin login")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/beheer/$"))
    violations.check("admin index")
    page.goto("/beheer/auth/user/")
    violations.check("admin change list")
    page.goto("/beheer/auth/user/add/")
    violations.check("admin add form")

    assert violations.found == []
