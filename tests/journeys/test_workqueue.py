"""The case worker's journeys in a real headless browser, with the citizen in a second one.

1. A case worker claims an application from the queue, asks the applicant for more
   information (the clock stops), the applicant answers in Mijn omgeving, the case worker
   decides (the letter appears in Mijn omgeving) and closes the case.
2. The leefbaarheidsbudget from the application to the end, as seed 003 tells it: the
   application by the citizen, the completeness notice, the assessment and approval with an
   amount, the payout in a SEPA file, the receipts uploaded by the citizen, the check, the
   closing.

axe-core checks the case screen and the payouts page.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

from loket.cases.models import Case, ClockEvent
from loket.notify.models import Mail
from tests.browser import axe_problems, staff_logs_in
from tests.journeys.test_forms import case_number_on_confirmation, start_budget_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def citizen(browser, live_server):
    """A second browser: the applicant's own."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    yield context.new_page()
    context.close()


def open_case_from_queue(page: Page, case: Case) -> None:
    table = page.get_by_role("table", name=re.compile(r"^Open zaken van "))
    table.get_by_role("link", name=case.identification).click()
    expect(page.locator("h1")).to_contain_text(case.identification)


def action(page: Page, name: str):
    return page.locator(f"#action-{name}")


def ask_applicant(page: Page, question: str) -> None:
    ask = action(page, "informatie")
    ask.get_by_label("Wat heeft u van de aanvrager nodig?").fill(question)
    ask.get_by_role("button", name="Vraag het en zet de termijn stil").click()


def done(page: Page, message: str) -> None:
    expect(page.locator("[data-message=success]")).to_contain_text(message)


def apply_for_budget(page: Page) -> Case:
    """The citizen applies for EUR 750 in the browser; returns the case."""
    start_budget_request(page)
    finish_budget_request(page)
    return Case.objects.get()


def finish_budget_request(page: Page) -> None:
    """From the budget form's payout step to the confirmation."""
    page.get_by_label("Rekeningnummer (IBAN)").fill("NL91 ABNA 0417 1643 00")
    page.get_by_label("Naam van de rekeninghouder").fill("J. Jansen")
    page.get_by_label("E-mailadres").fill("j@example.nl")
    page.get_by_label(
        re.compile(r"^Ik verklaar dat ik alles naar waarheid heb ingevuld\. Ik")
    ).check()
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld.").check()
    page.get_by_role("button", name="Versturen", exact=True).click()
    case_number_on_confirmation(page)


def citizen_answers(citizen: Page, case: Case, text: str, files=()) -> None:
    citizen.goto(f"/mijn/zaken/{case.uuid}/")
    main = citizen.locator("main")
    expect(main.get_by_role("heading", name="Wij wachten op u")).to_be_visible()
    citizen.get_by_label("Uw antwoord").fill(text)
    if files:
        citizen.get_by_label("Bestanden").set_input_files(list(files))
    citizen.get_by_role("button", name="Antwoord versturen").click()
    expect(main).to_contain_text("Bedankt. Wij hebben uw antwoord ontvangen")


def test_claim_ask_the_citizen_answers_decide_and_close(demo, page, citizen):
    problems = []
    case = apply_for_budget(citizen)

    staff_logs_in(page, "/werk/wijken/", "behandelaar")
    row = page.get_by_role("row").filter(has_text=case.identification)
    row.get_by_role("button", name="Oppakken").click()
    expect(row.locator("[data-assignee]")).not_to_have_text("Niemand")
    open_case_from_queue(page, case)
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Wat de aanvrager heeft ingestuurd")).to_be_visible()
    expect(main).to_contain_text("Buurtfeest")
    expect(main).to_contain_text("NL91 ABNA 0417 1643 00")
    problems += axe_problems(page, "case screen")

    # Ask for more: the clock stops and the applicant is told by mail.
    action(page, "informatie").get_by_label("Wat heeft u van de aanvrager nodig?").fill(
        "Stuur een schets van de plek van de tent."
    )
    action(page, "informatie").get_by_role(
        "button", name="Vraag het en zet de termijn stil"
    ).click()
    done(page, "De vraag is naar de aanvrager gestuurd.")
    expect(main.locator("[data-status]")).to_have_text("Wacht op de aanvrager")
    problems += axe_problems(page, "case screen, waiting")
    assert Mail.objects.filter(case=case, subject__startswith="We hebben iets van u nodig").exists()

    # The applicant (still logged in since the application) answers in Mijn omgeving.
    citizen_answers(
        citizen,
        case,
        "Hierbij de schets.",
        [{"name": "schets.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )

    page.reload()
    expect(main.locator("[data-status]")).not_to_have_text("Wacht op de aanvrager")
    expect(main.get_by_role("link", name="schets.pdf")).to_be_visible()
    expect(page.locator(".loket-history")).to_contain_text("Termijn loopt weer")

    # Decide: a refusal, with its letter; the case moves to "Besluit genomen".
    decide = action(page, "besluit")
    decide.get_by_role("button", name="Leg het besluit vast en maak de brief").click()
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(page.locator("#error-summary")).to_contain_text("Tekst van de besluitbrief")
    decide.get_by_label("Tekst van de besluitbrief").fill(
        "Wij geven geen bijdrage: in de straat is dit jaar al een buurtfeest betaald."
    )
    decide.get_by_label("Stap na het besluit").select_option(label="Besluit genomen")
    decide.get_by_role("button", name="Leg het besluit vast en maak de brief").click()
    done(page, "is vastgelegd, met de brief")
    decision = case.decisions.get()
    expect(main.get_by_role("link", name=f"Besluit {decision.identification}")).to_be_visible()

    # Close with the result "Afgewezen".
    close = action(page, "sluiten")
    close.get_by_label("Resultaat").select_option(label="Afgewezen")
    close.get_by_role("button", name="Sluit met dit resultaat").click()
    done(page, "De zaak is gesloten.")
    expect(main.locator("[data-status]")).to_have_text("Gesloten \N{EN DASH} Afgewezen")
    expect(action(page, "sluiten")).to_have_count(0)
    problems += axe_problems(page, "case screen, closed")

    # The applicant finds the letter in Mijn omgeving.
    citizen.goto(f"/mijn/zaken/{case.uuid}/")
    with citizen.expect_download() as letter:
        citizen.locator("main").get_by_role(
            "link", name=f"Besluit {decision.identification}"
        ).click()
    assert letter.value.path().read_bytes().startswith(b"%PDF")
    assert problems == []


def test_the_leefbaarheidsbudget_from_application_to_receipts_and_closing(demo, page, citizen):
    problems = []
    case = apply_for_budget(citizen)
    main = page.locator("main")

    # Completeness notice: the case moves to "Volledig" and the applicant is told.
    staff_logs_in(page, "/werk/wijken/", "behandelaar")
    open_case_from_queue(page, case)
    action(page, "compleet").get_by_role("button", name="De aanvraag is compleet").click()
    done(page, "De aanvraag staat nu op compleet.")
    expect(main.locator("[data-status]")).to_have_text("Volledig")

    # Assessment and approval with an amount; the step "Besluit genomen" tells the applicant.
    decide = action(page, "besluit")
    decide.get_by_label("Tekst van de besluitbrief").fill(
        "Een buurtfeest brengt de straat samen. Wij geven u de bijdrage die u vroeg."
    )
    decide.get_by_label("Toegekend bedrag in euro").fill("750,00")
    decide.get_by_label("Stap na het besluit").select_option(label="Besluit genomen")
    decide.get_by_role("button", name="Leg het besluit vast en maak de brief").click()
    done(page, "is vastgelegd, met de brief")
    expect(main.locator("[data-payout]")).to_contain_text("wacht op het volgende betaalbestand")

    # The payout goes to the bank in a SEPA credit-transfer file.
    page.get_by_role("link", name="Terug naar de werkvoorraad van").click()
    page.get_by_role("link", name="Uitbetalingen").click()
    expect(page.locator("h1")).to_have_text("Uitbetalingen")
    expect(main).to_contain_text("€ 750,00 in totaal")
    problems += axe_problems(page, "payouts")
    page.get_by_role("button", name="Maak het betaalbestand (SEPA)").click()
    done(page, "1 uitbetaling, € 750,00")
    with page.expect_download() as sepa:
        main.get_by_role("link", name=re.compile(r"\.xml$")).click()
    root = ET.fromstring(sepa.value.path().read_bytes())  # noqa: S314 - Loket's own file
    ns = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
    transfer = root.find("p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf", ns)
    assert transfer.find("p:CdtrAcct/p:Id/p:IBAN", ns).text == "NL91ABNA0417164300"
    assert transfer.find("p:Amt/p:InstdAmt", ns).text == "750.00"

    # Paid: the next step, then the receipts are asked for (the clock stops meanwhile).
    page.get_by_role("link", name="Terug naar de werkvoorraad van").click()
    open_case_from_queue(page, case)
    expect(main.locator("[data-payout]")).to_contain_text("in betaalbestand")
    step = action(page, "status")
    step.get_by_label("Volgende stap").select_option(label="Bijdrage uitbetaald")
    step.get_by_role("button", name="Zet deze stap").click()
    done(page, "De zaak staat nu bij de volgende stap.")
    action(page, "informatie").get_by_label("Wat heeft u van de aanvrager nodig?").fill(
        "Upload na het feest de bonnetjes van de tent en de muziek."
    )
    action(page, "informatie").get_by_role(
        "button", name="Vraag het en zet de termijn stil"
    ).click()
    done(page, "De vraag is naar de aanvrager gestuurd.")

    # The applicant uploads the receipts in Mijn omgeving.
    citizen.goto("/mijn/")
    citizen_answers(
        citizen,
        case,
        "Hier zijn de bonnen.",
        [
            {"name": "bon-tent.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "bon-muziek.pdf", "mimeType": "application/pdf", "buffer": PDF},
        ],
    )

    # Check and close.
    page.reload()
    expect(main.get_by_role("link", name="bon-tent.pdf")).to_be_visible()
    step = action(page, "status")
    step.get_by_label("Volgende stap").select_option(label="Bonnen gecontroleerd")
    step.get_by_role("button", name="Zet deze stap").click()
    done(page, "De zaak staat nu bij de volgende stap.")
    close = action(page, "sluiten")
    close.get_by_label("Resultaat").select_option(label="Toegekend")
    close.get_by_label("Bericht bij het afsluiten").fill("Bedankt voor uw mooie initiatief!")
    close.get_by_label("Stuur het bericht naar de aanvrager").check()
    close.get_by_role("button", name="Sluit met dit resultaat").click()
    done(page, "De zaak is gesloten.")
    problems += axe_problems(page, "case screen, closed")

    case.refresh_from_db()
    assert case.is_closed and case.result.result_type.description == "Toegekend"
    assert case.clock_events.filter(kind=ClockEvent.Kind.SUSPENDED).count() == 1
    # Every step told the applicant: received, complete, decision, paid, checked, closed,
    # and the question for the receipts.
    subjects = list(Mail.objects.filter(case=case).values_list("subject", flat=True))
    assert len(subjects) == 7, subjects

    # The applicant's track & trace shows every step done, with the closing message.
    citizen.goto(f"/mijn/zaken/{case.uuid}/")
    timeline = citizen.locator(".loket-timeline")
    expect(timeline.locator(".loket-timeline__step--done")).to_have_count(6)
    expect(citizen.locator("main")).to_contain_text("Bedankt voor uw mooie initiatief!")
    assert problems == []
