"""Mijn omgeving in a real headless browser: a resident logs in with the demo DigiD, follows
their cases, answers what the municipality waits for with a text and a file, downloads a
letter, answers the satisfaction question and looks at their data; axe-core checks every
page; and the same by keyboard only."""

import re

import pytest
from playwright.sync_api import Page, expect

from loket.cases.models import Case
from loket.cases.tracking import track_token
from loket.portal.models import SatisfactionAnswer
from tests.browser import axe_problems, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
REASON = "Stuur een kopie van uw huurcontract."


@pytest.fixture
def resident(transactional_db, live_server, settings):
    """The first person the demo DigiD page offers, with an open, a waiting and a closed case
    (the closed one with a letter to download)."""
    from loket.brp.register import load_demo_register
    from loket.catalog.demo import load_demo_catalogue
    from loket.identity.demo_login import demo_persons
    from tests.portal.conftest import add_document, make_case

    load_demo_catalogue()
    load_demo_register()
    settings.LOKET_BASE_URL = live_server.url
    person = demo_persons().first()
    make_case(bsn=person.bsn, identification="PASPOORT", steps=2, days_ago=5)
    make_case(bsn=person.bsn, identification="VERHUIZING", suspended=REASON, days_ago=2)
    closed = make_case(bsn=person.bsn, identification="UITTREKSEL-BRP", closed=True, days_ago=9)
    add_document(closed, title="Uittreksel BRP", file_name="uittreksel.pdf")
    return person


def case_of(identification: str) -> Case:
    return Case.objects.get(case_type__identification=identification)


def log_in_from_mijn(page: Page, person) -> None:
    """Open /mijn/, be sent to the login page, choose the demo DigiD and the person."""
    page.goto("/mijn/")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=/mijn/$"))
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.locator("h1")).to_have_text("Demo-DigiD: kies een persoon")
    page.get_by_role("button", name=f"Inloggen als {person.full_name}").first.click()
    expect(page).to_have_url(re.compile(r"/mijn/$"))


def to_english(page: Page) -> None:
    """The rest of the journey reads the interface's own (English) texts, which do not
    change when the Dutch translations are added."""
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_resident_follows_answers_downloads_and_rates_with_axe_on_every_page(resident, page):
    problems = []

    def check(what: str) -> None:
        problems.extend(axe_problems(page, what))

    log_in_from_mijn(page, resident)
    check("overview (nl)")
    to_english(page)
    main = page.locator("main")
    expect(page.locator("h1")).to_have_text("My page")
    expect(main.get_by_role("heading", name="My cases in progress")).to_be_visible()
    expect(main.get_by_role("heading", name="My completed cases")).to_be_visible()
    expect(main.get_by_text("We are waiting for you")).to_be_visible()
    check("overview")

    # The passport: steps done, the current one explained, the ones to come with dates.
    passport = case_of("PASPOORT")
    main.get_by_role("link", name=passport.description).click()
    expect(page.locator("h1")).to_have_text(passport.description)
    timeline = page.locator(".loket-timeline")
    expect(timeline.locator(".loket-timeline__step--done")).to_have_count(1)
    expect(timeline.locator('[aria-current="step"]')).to_contain_text("Now")
    expect(timeline.locator(".loket-timeline__step--coming").first).to_contain_text("expected by")
    check("open case")

    # The move waits for a rental contract: answer with a text and a file.
    page.get_by_role("link", name="Back to my cases").click()
    move = case_of("VERHUIZING")
    main.get_by_role("link", name=move.description).click()
    expect(main.get_by_role("heading", name="We are waiting for you")).to_be_visible()
    expect(main).to_contain_text(REASON)
    check("suspended case with the answer form")
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#error-summary")).to_contain_text("Write an answer or add a file.")
    check("answer form with an error")
    page.get_by_label("Your answer").fill("Hierbij het huurcontract.")
    page.get_by_label("Files").set_input_files(
        [{"name": "huurcontract.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Send answer").click()
    expect(main).to_contain_text("Thank you. We have received your answer")
    expect(main.get_by_role("heading", name="We are waiting for you")).to_have_count(0)
    expect(main.get_by_role("link", name="huurcontract.pdf")).to_be_visible()
    check("case after the answer")
    move.refresh_from_db()
    assert not move.is_suspended and move.document_links.count() == 2

    # The closed extract: the letter to download, the result, the satisfaction question.
    page.get_by_role("link", name="Back to my cases").click()
    extract = case_of("UITTREKSEL-BRP")
    main.get_by_role("link", name=extract.description).click()
    expect(main).to_contain_text(f"Result: {extract.result.result_type.description}")
    with page.expect_download() as download_info:
        main.get_by_role("link", name="Uittreksel BRP").click()
    download = download_info.value
    assert download.suggested_filename == "uittreksel.pdf"
    assert download.path().read_bytes() == PDF
    check("closed case with the satisfaction question")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#error-summary")).to_contain_text("Choose a score from 1 to 5.")
    check("satisfaction question with an error")
    page.locator("#satisfaction-score-4").check()
    expect(page.get_by_label("4 \N{EN DASH} satisfied")).to_be_checked()
    page.get_by_label("Would you like to tell us more?").fill("Snel en duidelijk.")
    page.get_by_role("button", name="Send").click()
    expect(main).to_contain_text("Thank you for your answer.")
    check("satisfaction thanks")
    answer = SatisfactionAnswer.objects.get()
    assert (answer.case, answer.score, answer.comment) == (extract, 4, "Snel en duidelijk.")

    # My data from the BRP, and the organisations it was shared with: none yet.
    page.get_by_role("link", name="Back to my cases").click()
    page.get_by_role("link", name="My data").click()
    expect(main).to_contain_text("Basisregistratie Personen")
    expect(main).to_contain_text(resident.full_name)
    expect(main).to_contain_text(resident.bsn)
    expect(main).to_contain_text("No organisations yet")
    check("my data")

    # The track & trace link of the mail shows the same timeline, without login.
    page.goto(f"/volgen/{track_token(passport)}/")
    expect(page.locator(".loket-timeline__step--done")).to_have_count(1)
    check("track page")
    page.goto(f"/volgen/{track_token(extract)}/")
    expect(page.locator("main")).to_contain_text("You gave a 4 out of 5.")
    check("track page of a closed case, answered")

    # And the pages once more in Dutch.
    page.get_by_role("button", name="Nederlands").click()
    for url in ("/mijn/", f"/mijn/zaken/{extract.uuid}/", "/mijn/gegevens/"):
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        check(f"{url} (nl)")

    assert not problems, "\n\n".join(problems)


def test_a_resident_answers_and_rates_with_only_the_keyboard(resident, page):
    keyboard = page.keyboard
    page.goto("/mijn/")
    tab_to(page, page.get_by_role("link", name="Inloggen met DigiD"))
    keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name=f"Inloggen als {resident.full_name}").first)
    keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    tab_to(page, page.get_by_role("button", name="English"))
    keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    move = case_of("VERHUIZING")
    tab_to(page, page.get_by_role("link", name=move.description))
    keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(REASON)
    tab_to(page, page.get_by_label("Your answer"))
    keyboard.type("Het huurcontract komt per post.")
    tab_to(page, page.get_by_role("button", name="Send answer"))
    keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Thank you. We have received your answer")
    move.refresh_from_db()
    assert not move.is_suspended

    tab_to(page, page.get_by_role("link", name="Back to my cases"))
    keyboard.press("Enter")
    extract = case_of("UITTREKSEL-BRP")
    tab_to(page, page.get_by_role("link", name=extract.description))
    keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(extract.description)
    # Tab enters the radio group on its first option; the arrow keys move and choose.
    tab_to(page, page.locator("#satisfaction-score-1"))
    for _ in range(4):
        keyboard.press("ArrowDown")
    expect(page.locator("#satisfaction-score-5")).to_be_checked()
    tab_to(page, page.get_by_label("Would you like to tell us more?"))
    keyboard.type("Prima.")
    tab_to(page, page.get_by_role("button", name="Send"))
    keyboard.press("Space")
    expect(page.locator("main")).to_contain_text("You gave a 5 out of 5.")
    assert SatisfactionAnswer.objects.get().score == 5
