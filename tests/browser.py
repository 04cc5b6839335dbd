"""A real headless Chromium for the journey tests (Debian's, at /usr/bin/chromium)."""

import os
import re
import shutil

from playwright.sync_api import expect

from loket.identity.demo import DEMO_PASSWORD

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("LOKET_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        raise RuntimeError(
            "The browser tests need Chromium: install it with "
            "'apt-get install -y chromium chromium-driver' or set LOKET_CHROMIUM."
        )
    return path


def axe_problems(page, what: str) -> list[str]:
    """axe-core's violations on the page as it is now, one readable block each."""
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    for violation in Axe().run(page).response["violations"]:
        lines = [
            f"{what} ({page.url}): {violation['id']} [{violation['impact']}] "
            f"{violation['help']} ({violation['helpUrl']})"
        ]
        for node in violation["nodes"]:
            lines.append(f"    target {node['target']}: {node['html']}")
            lines.append(f"      {node['failureSummary']}".replace("\n", "\n      "))
        problems.append("\n".join(lines))
    return problems


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, max_tabs: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user does."""
    locator.wait_for()
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    raise AssertionError(f"{max_tabs} times Tab never reached {locator}")


# The staff login page's heading, fields and button, per language of the page.
STAFF_LOGIN = {
    "nl": ("Inloggen voor medewerkers", "Gebruikersnaam", "Wachtwoord", "Inloggen"),
    "en": ("Log in for staff", "User name", "Password", "Log in"),
}


def staff_logs_in(page, path: str, username: str, *, language: str = "nl"):
    """Open a staff page, log in as a demo account on the login page it sends to, and be
    back on ``path``."""
    heading, user_label, password_label, button = STAFF_LOGIN[language]
    page.goto(path)
    expect(page.locator("h1")).to_have_text(heading)
    page.get_by_label(user_label).fill(username)
    page.get_by_label(password_label).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=button, exact=True).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(path)}$"))
