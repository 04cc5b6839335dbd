"""Citizen journey through the portal, in a real headless browser."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_opens_the_portal_and_switches_language(page):
    page.goto("/")

    assert page.locator("h1").inner_text() == "Welkom bij Gemeente Voorbeeld"
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("button", name="English").click()

    assert page.locator("h1").inner_text() == "Welcome to Gemeente Voorbeeld"
    assert page.locator("html").get_attribute("lang") == "en"


def test_skip_link_leads_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Naar de inhoud")
    assert skip_link.evaluate("element => element === document.activeElement")
    skip_link.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
