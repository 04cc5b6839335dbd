"""The demo forms filled in by a person in a real headless browser, through to the case in the
work queue: a report with only the keyboard, a paid extract, a budget with rows and a wrong
IBAN, and axe-core's accessibility check of every kind of form page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from loket.cases.models import Case, PaymentIndication
from tests.browser import axe_problems, staff_logs_in, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# --- helpers ----------------------------------------------------------------------------------


def next_step(page: Page, url_end: str) -> None:
    page.get_by_role("button", name="Volgende").click()
    expect(page).to_have_url(re.compile(re.escape(url_end) + "$"))


def log_in_with_digid(page: Page) -> str:
    """On the login page the visitor was sent to: the demo DigiD, the first person offered.
    Returns that person's name."""
    expect(page.locator("h1")).to_have_text("Inloggen")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.locator("h1")).to_have_text("Demo-DigiD: kies een persoon")
    button = page.get_by_role("button", name=re.compile(r"^Inloggen als ")).first
    name = button.inner_text().removeprefix("Inloggen als ")
    button.click()
    expect(page.get_by_text(f"Ingelogd als {name}")).to_be_visible()
    return name


def case_number_on_confirmation(page: Page) -> str:
    expect(page.locator("h1")).to_have_text("We hebben uw aanvraag ontvangen")
    case = Case.objects.get()
    expect(page.locator(".loket-case-number")).to_have_text(case.identification)
    return case.identification


def staff_finds_case_in_queue(page: Page, department: str, identification: str) -> None:
    """The demo case worker logs in and sees the case in the department's queue."""
    staff_logs_in(page, f"/werk/{department}/", "behandelaar")
    table = page.get_by_role("table", name=re.compile(r"^Open zaken van "))
    row = table.get_by_role("row").filter(has_text=identification)
    expect(row.get_by_role("rowheader")).to_have_text(identification)


# --- 1. a report in public space with only the keyboard -----------------------------------------


def test_a_report_in_public_space_with_only_the_keyboard_reaches_the_work_queue(demo, page):
    keyboard = page.keyboard
    page.goto("/producten/melding-openbare-ruimte/")

    tab_to(page, page.get_by_role("link", name="Direct regelen"))
    keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/formulieren/[0-9a-f-]+/melding/$"))
    expect(page.locator("h1")).to_have_text("Wat wilt u melden?")

    # Tab enters the radio group on its first option; an arrow key moves and chooses.
    tab_to(page, page.get_by_label("Afval naast een container of een volle container"))
    keyboard.press("ArrowDown")
    expect(page.get_by_label("Losliggende stoeptegel of kapotte stoep")).to_be_checked()
    tab_to(page, page.get_by_label("Wat is er aan de hand?"))
    keyboard.type("Losse tegel voor nummer 12.")
    tab_to(page, page.get_by_role("button", name="Volgende"))
    keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/plek/$"))
    # The map is a submit button (a click sends the place); the coordinates are typed.
    tab_to(page, page.get_by_label("Breedtegraad"))
    keyboard.type("52.085")
    keyboard.press("Tab")
    expect(page.get_by_label("Lengtegraad")).to_be_focused()
    keyboard.type("5.11")
    tab_to(page, page.get_by_role("button", name="Volgende"))
    keyboard.press("Space")

    expect(page).to_have_url(re.compile(r"/contact/$"))
    tab_to(page, page.get_by_label("Ja, stuur mij berichten per e-mail"))
    keyboard.press("Space")
    expect(page.get_by_label("Ja, stuur mij berichten per e-mail")).to_be_checked()
    # Without JavaScript the e-mail field is asked once "ja" has been sent.
    tab_to(page, page.get_by_role("button", name="Controleer uw antwoorden"))
    keyboard.press("Enter")
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    tab_to(page, page.get_by_label("E-mailadres"))
    keyboard.type("melder@example.nl")
    keyboard.press("Enter")  # a text field's Enter sends the form with its first button

    expect(page).to_have_url(re.compile(r"/overzicht/$"))
    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    main = page.locator("main")
    expect(main).to_contain_text("Losliggende stoeptegel of kapotte stoep")
    expect(main).to_contain_text("Losse tegel voor nummer 12.")
    expect(main).to_contain_text("melder@example.nl")
    tab_to(page, page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld."))
    keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Versturen", exact=True))
    keyboard.press("Enter")

    identification = case_number_on_confirmation(page)
    case = Case.objects.get()
    assert case.department.code == "openbare-ruimte"
    assert case.geometry == {"type": "Point", "coordinates": [5.11, 52.085]}

    staff_finds_case_in_queue(page, "openbare-ruimte", identification)


def test_enter_in_a_coordinate_field_sends_the_step_and_keeps_the_place(demo, page):
    page.goto("/formulieren/melding-openbare-ruimte/")
    page.get_by_label("Zwerfvuil").check()
    page.get_by_label("Wat is er aan de hand?").fill("Veel blikjes.")
    next_step(page, "/plek/")

    page.get_by_label("Breedtegraad").fill("52.085")
    page.get_by_label("Lengtegraad").fill("5.11")
    # The map is the form's first submit button, but Enter must not "click" its corner.
    page.get_by_label("Lengtegraad").press("Enter")

    expect(page).to_have_url(re.compile(r"/contact/$"))
    page.get_by_role("button", name="Vorige").click()
    expect(page).to_have_url(re.compile(r"/plek/$"))
    expect(page.get_by_label("Breedtegraad")).to_have_value("52.085")
    expect(page.get_by_label("Lengtegraad")).to_have_value("5.11")


# --- 2. an extract from the BRP, paid after one cancelled payment ----------------------------


def test_a_paid_extract_with_digid_prefill_and_a_cancelled_payment_reaches_the_queue(demo, page):
    page.goto("/producten/uittreksel-brp/")
    page.get_by_role("link", name="Direct regelen").click()
    name = log_in_with_digid(page)

    # Back from the login straight into the form: the register fills in step 1.
    expect(page).to_have_url(re.compile(r"/formulieren/[0-9a-f-]+/gegevens/$"))
    expect(page.locator("h1")).to_have_text("Uw gegevens")
    expect(page.locator("main").get_by_text(name, exact=True)).to_be_visible()
    expect(page.locator('[name="naam"]')).to_have_count(0)
    next_step(page, "/uittreksel/")

    page.get_by_label("Met adreshistorie").check()
    page.get_by_label("Voor een woningcorporatie of verhuurder").check()
    page.get_by_role("group", name="Wilt u het uittreksel ook per post ontvangen?").get_by_label(
        "Nee"
    ).check()
    next_step(page, "/contact/")

    page.get_by_label("E-mailadres").fill("inwoner@example.nl")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    expect(page).to_have_url(re.compile(r"/overzicht/$"))
    main = page.locator("main")
    expect(main).to_contain_text(name)
    expect(main).to_contain_text("Met adreshistorie")
    expect(main).to_contain_text("€ 17,95")

    page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld.").check()
    page.get_by_role("button", name="Versturen en betalen").click()
    expect(page.locator("h1")).to_have_text("Demo-betaling")
    expect(main).to_contain_text("€ 17,95")
    page.get_by_role("button", name="Afbreken").click()

    expect(page).to_have_url(re.compile(r"/overzicht/\?betaling=cancelled$"))
    expect(page.get_by_role("alert")).to_have_text(
        "U heeft de betaling afgebroken. Uw antwoorden zijn bewaard: u kunt het opnieuw proberen."
    )
    expect(main).to_contain_text("inwoner@example.nl")
    assert not Case.objects.exists()

    page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld.").check()
    page.get_by_role("button", name="Versturen en betalen").click()
    expect(page.locator("h1")).to_have_text("Demo-betaling")
    page.get_by_role("button", name="Betalen").click()

    identification = case_number_on_confirmation(page)
    case = Case.objects.get()
    assert case.department.code == "burgerzaken"
    assert case.payment_indication == PaymentIndication.PAID

    staff_finds_case_in_queue(page, "burgerzaken", identification)


# --- 3. a neighbourhood budget: rows, a wrong IBAN, the capped total --------------------------


def start_budget_request(page: Page) -> str:
    """From the product page through login, the plan and a budget of two rows (capped at
    EUR 750) to the payout step. Returns the name of the person logged in."""
    page.goto("/producten/leefbaarheidsbudget/")
    page.get_by_role("link", name="Direct regelen").click()
    name = log_in_with_digid(page)
    fill_budget_plan(page)
    return name


def fill_budget_plan(page: Page) -> None:
    """On the budget form's first step: the plan and a budget of two rows, to the payout."""
    expect(page).to_have_url(re.compile(r"/initiatief/$"))
    page.get_by_label("Naam van uw initiatief").fill("Buurtfeest")
    page.get_by_label("Wat wilt u doen?").fill("Een feest voor de hele straat.")
    page.get_by_label("In welke buurt of straat?").fill("Centrum")
    start = timezone.localdate() + timedelta(days=30)
    page.get_by_label("Wanneer begint het initiatief?").fill(start.strftime("%d-%m-%Y"))
    page.get_by_label("Hoeveel huishoudens doen mee?").fill("40")
    next_step(page, "/begroting/")

    row_1 = page.get_by_role("group", name="Regel 1")
    row_1.get_by_label("Wat koopt of betaalt u?").fill("Tent")
    row_1.get_by_label("Bedrag in euro").fill("500")
    page.get_by_role("button", name="Nog een kostenpost toevoegen").click()
    row_2 = page.get_by_role("group", name="Regel 2")
    expect(row_2).to_be_visible()
    expect(row_1.get_by_label("Wat koopt of betaalt u?")).to_have_value("Tent")
    row_2.get_by_label("Wat koopt of betaalt u?").fill("Muziek")
    row_2.get_by_label("Bedrag in euro").fill("400,50")
    # Enter in a field sends the step, as "Volgende" does: not "Regel 1 verwijderen", the
    # first button in the form.
    row_2.get_by_label("Bedrag in euro").press("Enter")
    expect(page).to_have_url(re.compile(r"/uitbetaling/$"))


def test_a_budget_request_with_two_rows_and_a_corrected_iban_reaches_the_queue(demo, page):
    start_budget_request(page)

    iban = page.get_by_label("Rekeningnummer (IBAN)")
    iban.fill("NL91 ABNA 0417 1643 01")
    page.get_by_label("Naam van de rekeninghouder").fill("J. Jansen")
    page.get_by_label("E-mailadres").fill("j@example.nl")
    page.get_by_role("button", name="Controleer uw antwoorden").click()

    expect(page).to_have_title(re.compile(r"^Fout: "))
    # The message stands in the field's own box, above the input that keeps what was typed.
    field = page.locator(".loket-field").filter(has=iban)
    expect(field.locator(".utrecht-form-field-error-message")).to_have_text(
        "Dit is geen geldig IBAN. Controleer het nummer, zoals NL91 ABNA 0417 1643 00."
    )
    expect(iban).to_have_value("NL91 ABNA 0417 1643 01")
    expect(iban).to_have_attribute("aria-invalid", "true")
    expect(iban).to_have_attribute("aria-describedby", re.compile(r"\biban-error\b"))
    expect(page.get_by_label("Naam van de rekeninghouder")).to_have_value("J. Jansen")

    iban.fill("NL91 ABNA 0417 1643 00")
    page.get_by_label(
        re.compile(r"^Ik verklaar dat ik alles naar waarheid heb ingevuld\. Ik")
    ).check()
    page.get_by_role("button", name="Controleer uw antwoorden").click()

    expect(page).to_have_url(re.compile(r"/overzicht/$"))
    main = page.locator("main")
    expect(main).to_contain_text("Tent, € 500,00")
    expect(main).to_contain_text("Muziek, € 400,50")
    expect(main).to_contain_text("€ 750,00")
    page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld.").check()
    page.get_by_role("button", name="Versturen", exact=True).click()

    identification = case_number_on_confirmation(page)
    case = Case.objects.get()
    assert case.department.code == "wijken"

    staff_finds_case_in_queue(page, "wijken", identification)


# --- 4. accessibility: axe-core on every kind of form page -------------------------------------


def test_every_kind_of_form_page_passes_axe(demo, page):
    problems = []

    def check(what: str) -> None:
        problems.extend(axe_problems(page, what))

    page.goto("/producten/melding-openbare-ruimte/")
    expect(page.get_by_role("link", name="Direct regelen")).to_be_visible()
    check("product page")

    page.get_by_role("link", name="Direct regelen").click()
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("step sent empty, with errors")

    page.get_by_label("Zwerfvuil").check()
    page.get_by_label("Wat is er aan de hand?").fill("Veel blikjes.")
    next_step(page, "/plek/")
    check("location step")

    page.get_by_label("Breedtegraad").fill("52.085")
    page.get_by_label("Lengtegraad").fill("5.11")
    next_step(page, "/contact/")
    page.get_by_label("Nee, ik wil geen berichten").check()
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    expect(page).to_have_url(re.compile(r"/overzicht/$"))
    check("summary")

    page.get_by_role("button", name="Versturen", exact=True).click()
    expect(page.locator("#confirm-error")).to_be_visible()
    check("summary without the confirmation ticked")

    page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld.").check()
    page.get_by_role("button", name="Versturen", exact=True).click()
    case_number_on_confirmation(page)
    check("confirmation")

    page.get_by_role("link", name="Volg uw aanvraag").click()
    expect(page).to_have_url(re.compile(r"/volgen/[^/]+/$"))
    expect(page.locator("main")).to_contain_text(Case.objects.get().identification)
    check("track page")

    # Logged in once with DigiD for the forms that need it.
    page.goto("/formulieren/leefbaarheidsbudget/")
    log_in_with_digid(page)
    expect(page).to_have_url(re.compile(r"/initiatief/$"))
    page.get_by_label("Naam van uw initiatief").fill("Moestuin")
    page.get_by_label("Wat wilt u doen?").fill("Een moestuin voor de buurt.")
    page.get_by_label("In welke buurt of straat?").fill("Centrum")
    start = timezone.localdate() + timedelta(days=30)
    page.get_by_label("Wanneer begint het initiatief?").fill(start.strftime("%d-%m-%Y"))
    page.get_by_label("Hoeveel huishoudens doen mee?").fill("12")
    next_step(page, "/begroting/")
    check("group step")
    page.get_by_role("button", name="Nog een kostenpost toevoegen").click()
    expect(page.get_by_role("group", name="Regel 2")).to_be_visible()
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("group step with two empty rows sent")

    page.goto("/formulieren/verhuizing-doorgeven/")
    expect(page).to_have_url(re.compile(r"/adres/$"))
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("address step with errors")

    page.goto("/formulieren/uittreksel-brp/")
    expect(page).to_have_url(re.compile(r"/gegevens/$"))
    check("prefilled step")
    next_step(page, "/uittreksel/")
    page.get_by_label("Zonder adreshistorie").check()
    page.get_by_label("Voor een opleiding of studie").check()
    page.get_by_role("group", name="Wilt u het uittreksel ook per post ontvangen?").get_by_label(
        "Ja"
    ).check()
    next_step(page, "/contact/")
    page.get_by_label("E-mailadres").fill("inwoner@example.nl")
    page.get_by_role("button", name="Controleer uw antwoorden").click()
    page.get_by_label("Ik verklaar dat ik alles naar waarheid heb ingevuld.").check()
    page.get_by_role("button", name="Versturen en betalen").click()
    expect(page.locator("h1")).to_have_text("Demo-betaling")
    check("demo payment page")
    page.get_by_role("button", name="Laat de betaling mislukken").click()
    expect(page).to_have_url(re.compile(r"/overzicht/\?betaling=failed$"))
    check("summary after a failed payment")

    assert not problems, f"{len(problems)} axe violations:\n\n" + "\n\n".join(problems)
