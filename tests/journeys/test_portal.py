"""Citizen journey through the portal, in a real headless browser."""

import pytest

from tests.browser import axe_problems

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


def test_citizen_finds_a_product_from_the_index_through_search(page):
    from tests.catalog.factories import make_product

    make_product(
        "reisdocument",
        "Reisdocument aanvragen",
        synonyms=["paspoort"],
        apply_routes=["appointment"],
    )
    make_product("afvalcontainer", "Afvalcontainer aanvragen")

    page.goto("/")
    page.get_by_role("link", name="Alle producten van A tot Z").click()
    assert page.locator("h1").inner_text() == "Producten van A tot Z"
    page.get_by_role("link", name="R", exact=True).click()
    assert page.get_by_role("heading", name="R", exact=True).is_visible()

    page.get_by_label("Wat wilt u regelen?").fill("paspoot")
    page.get_by_role("button", name="Zoeken").click()
    assert "1 resultaat voor “paspoot”" in page.locator("#results").inner_text()

    page.get_by_role("link", name="Reisdocument aanvragen").click()
    assert page.locator("h1").inner_text() == "Reisdocument aanvragen"
    assert page.get_by_role("heading", name="Zo regelt u het").is_visible()
    assert "Afspraak maken" in page.locator("main").inner_text()


def test_the_public_pages_pass_axe(page):
    from loket.catalog.demo import load_demo_catalogue

    load_demo_catalogue()
    problems = []
    for path, what in [
        ("/", "home"),
        ("/producten/", "products A to Z"),
        ("/zoeken/?q=paspoort", "search results"),
        ("/zoeken/?q=xyzzy", "search without results"),
        ("/producten/paspoort/", "product page"),
        ("/inloggen/", "login choice"),
        ("/inloggen/demo/eherkenning/", "demo eHerkenning"),
    ]:
        page.goto(path)
        problems.extend(axe_problems(page, what))
    assert not problems, f"{len(problems)} axe violations:\n\n" + "\n\n".join(problems)
