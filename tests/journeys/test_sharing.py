"""Sharing data with consent in a real headless browser: a resident logs in with the demo
DigiD, shares their name and address with the housing corporation, downloads the
statement, sees the corporation's check in the log, and withdraws the consent; axe-core
checks every page, in English and in Dutch."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from loket.identity.demo_login import demo_persons
from loket.sharing.demo import load_demo_receivers
from loket.sharing.models import Consent
from loket.sharing.verify import StatementRefused, Verifier
from tests.browser import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def receiver(demo):
    return load_demo_receivers()


def log_in_from_sharing(page: Page, person) -> None:
    page.goto("/mijn/delen/")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=/mijn/delen/$"))
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_role("button", name=f"Inloggen als {person.full_name}").first.click()
    expect(page).to_have_url(re.compile(r"/mijn/delen/$"))


def test_a_resident_shares_sees_the_log_and_withdraws_with_axe_on_every_page(
    receiver, page, live_server
):
    problems = []

    def check(what: str) -> None:
        problems.extend(axe_problems(page, what))

    person = demo_persons().first()
    log_in_from_sharing(page, person)
    check("sharing overview (nl)")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    main = page.locator("main")
    expect(page.locator("h1")).to_have_text("Share data")
    expect(main).to_contain_text("You have not shared any data yet.")
    check("sharing overview, nothing shared")

    # Step 1: the organisation.
    main.get_by_role("link", name="Share data with an organisation").click()
    main.get_by_role("button", name="Next").click()
    expect(page.locator("#error-summary")).to_contain_text("Choose an organisation.")
    check("step 1 with an error")
    page.get_by_label(receiver.name).check()
    main.get_by_role("button", name="Next").click()
    expect(page.locator("h1")).to_have_text(f"Share data with {receiver.name}")
    check("step 2")

    # Step 2: the data as the BRP has it, the purpose, the end date.
    main.get_by_role("button", name="Share data").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Choose at least one piece of data to share.")
    expect(summary).to_contain_text("Fill in an end date.")
    check("step 2 with errors")
    page.get_by_label(re.compile(rf"^Name: {re.escape(person.full_name)}")).check()
    page.get_by_label(re.compile(r"^Address: ")).check()
    page.get_by_label(receiver.purposes[1]).check()
    last_day = timezone.localdate() + timedelta(days=90)
    page.get_by_label("Until when may the organisation use it?").fill(last_day.isoformat())
    main.get_by_role("button", name="Share data").click()
    expect(main).to_contain_text(f"Done. Give the statement below to {receiver.name}.")
    consent = Consent.objects.get()
    assert (consent.attributes, consent.purpose) == (["name", "address"], receiver.purposes[1])
    assert consent.last_day == last_day
    expect(page.get_by_label("Statement (signed by the municipality)")).to_have_value(
        consent.statement
    )
    with page.expect_download() as download_info:
        main.get_by_role("link", name="Download the statement").click()
    assert download_info.value.path().read_text() == consent.statement
    check("the statement")

    # The corporation checks the statement; the resident sees that in the log.
    token = consent.statement
    verifier = Verifier(live_server.url, receiver.audience)  # the demo's base URL
    assert (
        verifier.verify(token, ["name", "address"]).attribute("name")["surname"] == person.surname
    )
    page.get_by_role("link", name="Back to sharing my data").click()
    log = page.locator("#logboek").locator("xpath=..")
    expect(log).to_contain_text("Statement issued")
    expect(log).to_contain_text("The organisation checked the statement")
    check("sharing overview with the log")

    # Withdraw: the statement is gone, and the corporation hears it is revoked.
    main.get_by_role("link", name=re.compile(receiver.name)).click()
    main.get_by_role("button", name="Withdraw consent").click()
    expect(main).to_contain_text("You have withdrawn your consent.")
    expect(page.get_by_label("Statement (signed by the municipality)")).to_have_count(0)
    check("withdrawn")
    with pytest.raises(StatementRefused) as refused:
        verifier.verify(token)
    assert refused.value.code == "revoked"
    page.get_by_role("link", name="Back to sharing my data").click()
    expect(log).to_contain_text("Consent withdrawn")
    expect(main.locator("#toestemmingen").locator("xpath=..")).to_contain_text("Withdrawn")

    # My data names the organisation; the pages once more in Dutch.
    page.get_by_role("link", name="My data", exact=True).click()
    expect(main).to_contain_text(receiver.name)
    page.get_by_role("button", name="Nederlands").click()
    for url in (
        "/mijn/delen/",
        "/mijn/delen/nieuw/",
        f"/mijn/delen/nieuw/?ontvanger={receiver.uuid}",
        f"/mijn/delen/{consent.uuid}/",
        "/mijn/gegevens/",
    ):
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        check(f"{url} (nl)")

    assert not problems, "\n\n".join(problems)
