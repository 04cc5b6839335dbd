"""Filling in the demo forms page by page without JavaScript, through to the case: the
answers, the logic, the checks, prefill, payment and the one transaction of submit."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from loket.cases.models import Case, PaymentIndication
from loket.forms.models import Draft, Submission
from loket.notify.models import Mail
from tests.forms.conftest import EXE, JPEG, PDF, named_file

pytestmark = pytest.mark.django_db


def start(filler, slug):
    return filler.open(reverse("forms:start", args=[slug]))


def log_in(filler, person):
    filler.client.post(reverse("identity:demo-digid"), {"bsn": person.bsn, "next": "/"})


def report_until_summary(filler, **contact):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "stoeptegel", "omschrijving": "Losse tegel voor nummer 12."})
    # A click on the map image sends its pixel; the page shows the place it stands for.
    filler.post({"locatie-map.x": "300", "locatie-map.y": "200"}, action="map")
    assert 'value="52.085"' in filler.html and 'value="5.11"' in filler.html
    filler.post(
        {"locatie-lat": "52.085", "locatie-lon": "5.11"}, foto=named_file("tegel.jpg", JPEG)
    )
    filler.post(contact or {"op_de_hoogte": "ja", "email": "melder@example.nl"})
    assert "Controleer uw antwoorden" in filler.html
    return filler


def test_a_report_in_public_space_becomes_a_routed_case_with_photo_and_mail(filler):
    report_until_summary(filler)
    assert "Losse tegel voor nummer 12." in filler.html and "tegel.jpg" in filler.html

    filler.confirm()

    assert "We hebben uw aanvraag ontvangen" in filler.html
    case = Case.objects.get()
    assert case.identification in filler.html
    assert case.department.code == "openbare-ruimte"
    assert case.description.startswith("Melding openbare ruimte: ")
    assert case.geometry == {"type": "Point", "coordinates": [5.11, 52.085]}
    assert case.current_status.order == 1
    assert case.initiator_bsn == "" and not case.roles.filter(generic="initiator").exists()
    document = case.document_links.get().document
    assert document.versions.get().content_type == "image/jpeg"
    assert {p.property.name: p.value for p in case.property_values.all()}["categorie"]
    mail = Mail.objects.get()
    assert mail.to == "melder@example.nl" and mail.case == case
    assert case.identification in mail.subject and case.identification in mail.text_body
    assert "/volgen/" in mail.text_body
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_mail").count() == 1


def test_the_track_link_in_the_mail_shows_the_steps_without_login(filler):
    report_until_summary(filler).confirm()
    link = Mail.objects.get().text_body.split("http://127.0.0.1:8000")[1].split()[0]

    page = filler.client.get(link).content.decode()

    assert Case.objects.get().identification in page
    assert 'aria-current="step"' in page
    assert filler.client.get(link[:-3] + "xx/").status_code == 404


def test_submitting_twice_makes_one_case(filler):
    report_until_summary(filler)
    state = filler.state()
    url = filler.url
    first = filler.client.post(url, {"state": state, "confirm": "on"})
    second = filler.client.post(url, {"state": state, "confirm": "on"})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Case.objects.count() == 1 and Submission.objects.count() == 1
    assert Mail.objects.count() == 1


def test_the_summary_needs_the_explicit_confirmation(filler):
    report_until_summary(filler)
    filler.post({})
    assert filler.response.status_code == 400
    assert "Vink het vakje aan" in filler.html
    assert not Case.objects.exists()


def test_routing_by_answer_sends_a_traffic_sign_to_parking(filler):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "verkeersbord", "omschrijving": "Bord omgewaaid."})
    filler.post({"locatie-lat": "52.07", "locatie-lon": "5.07"})
    filler.post({"op_de_hoogte": "nee"})
    filler.confirm()
    assert Case.objects.get().department.code == "parkeren"
    assert not Mail.objects.exists()  # no e-mail address asked, none given


def test_required_if_asks_the_email_only_when_wanted(filler):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "afval", "omschrijving": "Zakken naast de container."})
    filler.post({"locatie-lat": "52.07", "locatie-lon": "5.07"})
    filler.post({"op_de_hoogte": "ja"})
    assert filler.response.status_code == 400
    assert "Vul dit veld in." in filler.html


def test_bad_input_gets_a_dutch_sentence_and_keeps_what_was_typed(filler):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "afval", "omschrijving": "Zakken naast de container."})
    filler.post(
        {"locatie-lat": "51.0", "locatie-lon": "4.0", "locatie_omschrijving": "Bij de kerk"}
    )

    assert filler.response.status_code == 400
    assert "Deze plek ligt buiten de gemeente" in filler.html
    assert 'value="51.0"' in filler.html and 'value="Bij de kerk"' in filler.html
    assert 'aria-invalid="true"' in filler.html
    assert 'href="#locatie"' in filler.html  # the error summary links to the field


def test_an_executable_renamed_pdf_is_refused(filler, resident):
    log_in(filler, resident)
    start(filler, "parkeervergunning")
    filler.post({"soort_vergunning": "bewonersvergunning", "geen_eigen_parkeerplaats": "on"})
    filler.post(
        {"kenteken": "AB-123-C", "eigendom_auto": "lease", "ingangsdatum": "01-01-2027"},
        leasecontract=named_file("contract.pdf", EXE),
    )
    assert "Het bestand is niet echt een PDF-bestand" in filler.html
    assert not Draft.objects.get().uploads.exists()

    filler.post(
        {"kenteken": "AB-123-C", "eigendom_auto": "lease", "ingangsdatum": "01-01-2027"},
        leasecontract=named_file("contract.pdf", PDF),
    )
    assert Draft.objects.get().uploads.get().content_type == "application/pdf"
    assert "Uw gegevens" not in filler.html or "contact" in filler.url


def test_a_tampered_state_token_is_refused(filler):
    start(filler, "melding-openbare-ruimte")
    response = filler.client.post(filler.url, {"state": filler.state() + "x", "categorie": "afval"})
    assert response.status_code == 400
    assert "veranderd" in response.content.decode()


def test_a_step_skipped_by_url_is_refused(filler):
    start(filler, "melding-openbare-ruimte")
    draft = Draft.objects.get()
    response = filler.client.get(reverse("forms:step", args=[draft.uuid, "contact"]))
    assert response.status_code == 302
    assert response["Location"].endswith("/melding/")
    response = filler.client.get(reverse("forms:summary", args=[draft.uuid]))
    assert response["Location"].endswith("/melding/")


def test_someone_else_cannot_open_a_draft(filler, client):
    start(filler, "melding-openbare-ruimte")
    draft = Draft.objects.get()
    assert client.get(reverse("forms:step", args=[draft.uuid, "melding"])).status_code == 404
    assert client.get(reverse("forms:summary", args=[draft.uuid])).status_code == 404


def test_a_login_form_asks_for_login_first(filler):
    response = filler.client.get(reverse("forms:start", args=["uittreksel-brp"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("identity:login"))


def test_prefill_shows_the_register_and_ignores_a_tampered_value(filler, resident):
    log_in(filler, resident)
    start(filler, "uittreksel-brp")
    assert resident.full_name in filler.html
    assert 'name="naam"' not in filler.html  # shown as text, not as an input
    filler.post({"naam": "Iemand Anders", "bsn": "111222333"})
    filler.post({"soort_uittreksel": "standaard", "doel": "werk", "per_post": "nee"})
    filler.post({"email": "inwoner@example.nl"})

    assert resident.full_name in filler.html and "Iemand Anders" not in filler.html
    assert "17,95" in filler.html


def test_a_paid_form_registers_only_once_paid_and_keeps_the_answers_when_cancelled(
    filler, resident
):
    log_in(filler, resident)
    start(filler, "uittreksel-brp")
    filler.post({})
    filler.post({"soort_uittreksel": "met_adreshistorie", "doel": "woning", "per_post": "nee"})
    filler.post({"email": "inwoner@example.nl"})
    filler.confirm()
    assert "Demo-betaling" in filler.html

    filler.response = filler.client.post(filler.url, {"outcome": "cancelled"}, follow=True)
    assert "U heeft de betaling afgebroken" in filler.html
    assert "inwoner@example.nl" in filler.html
    assert not Case.objects.exists()

    filler.confirm()
    filler.response = filler.client.post(filler.url, {"outcome": "failed"}, follow=True)
    assert "De betaling is niet gelukt" in filler.html
    assert not Case.objects.exists()

    filler.confirm()
    filler.response = filler.client.post(filler.url, {"outcome": "paid"}, follow=True)
    case = Case.objects.get()
    assert case.identification in filler.html
    assert case.payment_indication == PaymentIndication.PAID
    assert case.initiator_bsn == resident.bsn
    assert case.department.code == "burgerzaken"
    submission = Submission.objects.get()
    assert submission.answers["naam"] == resident.full_name
    assert submission.payment_status == "paid"


def test_the_budget_total_is_computed_and_capped(filler, resident):
    log_in(filler, resident)
    start(filler, "leefbaarheidsbudget")
    filler.post(
        {
            "naam_initiatief": "Buurtfeest",
            "omschrijving": "Een feest voor de hele straat.",
            "buurt": "Centrum",
            "startdatum": "01-06-2027",
            "aantal_huishoudens": "40",
        }
    )
    filler.post(
        {"begroting-rows": "1", "begroting-0-post": "Tent", "begroting-0-bedrag": "500"},
        action="add:begroting",
    )
    assert 'name="begroting-1-post"' in filler.html
    filler.post(
        {
            "begroting-rows": "2",
            "begroting-0-post": "Tent",
            "begroting-0-bedrag": "500",
            "begroting-1-post": "Muziek",
            "begroting-1-bedrag": "400,50",
        }
    )
    filler.post(
        {"iban": "NL91 ABNA 0417 1643 01", "tenaamstelling": "J. Jansen", "email": "j@example.nl"}
    )
    assert "Dit is geen geldig IBAN" in filler.html
    assert 'value="NL91 ABNA 0417 1643 01"' in filler.html
    filler.post(
        {
            "iban": "NL91 ABNA 0417 1643 00",
            "tenaamstelling": "J. Jansen",
            "email": "j@example.nl",
            "verklaring": "on",
        }
    )
    assert "€ 750,00" in filler.html
    filler.confirm()

    case = Case.objects.get()
    assert case.department.code == "wijken"
    values = {p.property.name: p.value for p in case.property_values.all()}
    assert values["gevraagd_bedrag"] == "750.00"
    assert Submission.objects.get().answers["iban"] == "NL91ABNA0417164300"


def test_previous_keeps_every_answer(filler):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "groen", "omschrijving": "Overhangende takken."})
    filler.post({"locatie-lat": "52.0", "locatie_omschrijving": "Parkweg"}, action="previous")
    assert "Overhangende takken." in filler.html
    filler.post({"categorie": "groen", "omschrijving": "Overhangende takken."})
    assert 'value="Parkweg"' in filler.html and 'value="52.0"' in filler.html


def test_save_and_resume_by_mail_link_without_login(filler, client):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "zwerfvuil", "omschrijving": "Veel blikjes."}, action="save")
    filler.response = filler.client.post(filler.url, {"email": "later@example.nl"}, follow=True)
    assert "later@example.nl" in filler.html
    mail = Mail.objects.get(to="later@example.nl")
    link = mail.text_body.split("http://127.0.0.1:8000")[1].split()[0]

    resumed = client.get(link, follow=True).content.decode()

    assert 'value="52' not in resumed  # on the next step: the place
    assert (
        "Veel blikjes."
        in client.get(
            reverse("forms:step", args=[Draft.objects.get().uuid, "melding"])
        ).content.decode()
    )


def test_a_logged_in_person_gets_their_draft_back(filler, resident):
    log_in(filler, resident)
    start(filler, "leefbaarheidsbudget")
    filler.post({"naam_initiatief": "Moestuin"}, action="save")
    start(filler, "leefbaarheidsbudget")
    assert 'value="Moestuin"' in filler.html
    assert Draft.objects.count() == 1


def test_english_pages_speak_english(filler):
    filler.client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "afval"})
    assert "Fill in this field." in filler.html


def test_hospital_staff_file_a_birth_for_the_parents(filler, resident):
    filler.client.post(reverse("identity:demo-eherkenning"), {"kvk": "99990011", "next": "/"})
    start(filler, "geboorteaangifte")
    filler.post(
        {
            "kind_voornamen": "Noor",
            "kind_achternaam": "Jansen",
            "kind_geboortedatum": timezone.localdate().strftime("%d-%m-%Y"),
            "kind_geboortetijd": "04:12",
            "kind_geslacht": "meisje",
            "kind_geboorteplaats": "Voorbeeld",
        }
    )
    filler.post({"moeder_bsn": "123456789", "moeder_naam": "A. Jansen", "andere_ouder": "nee"})
    assert "Dit is geen geldig burgerservicenummer" in filler.html
    assert 'value="123456789"' in filler.html
    filler.post({"moeder_bsn": resident.bsn, "moeder_naam": "A. Jansen", "andere_ouder": "nee"})
    filler.post({"naam_medewerker": "Verpleegkundige De Boer", "email": "kraam@example.nl"})
    filler.confirm()

    case = Case.objects.get()
    assert case.initiator_kvk == "99990011" and case.initiator_bsn == ""
    mother = case.roles.get(generic="belanghebbende")
    assert mother.subject_identification == {"inpBsn": resident.bsn}
    assert case.description == "Geboorteaangifte Noor Jansen"


def test_a_citizen_login_cannot_fill_a_partner_form(filler, resident):
    log_in(filler, resident)
    response = filler.client.get(reverse("forms:start", args=["geboorteaangifte"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("identity:login"))


def test_a_keyboard_press_on_the_map_keeps_the_typed_place(filler):
    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "afval", "omschrijving": "Vol."})
    # A browser sends 0,0 for an image button pressed with the keyboard, not a place.
    filler.post(
        {
            "locatie-lat": "52.085",
            "locatie-lon": "5.11",
            "locatie-map.x": "0",
            "locatie-map.y": "0",
        },
        action="map",
    )
    assert 'value="52.085"' in filler.html and 'value="5.11"' in filler.html


def test_a_form_asks_for_its_level_of_assurance(filler, resident):
    from loket.forms.models import FormDefinition

    FormDefinition.objects.filter(product__slug="uittreksel-brp").update(assurance="hoog")
    log_in(filler, resident)  # the demo login is "substantieel"
    response = filler.client.get(reverse("forms:start", args=["uittreksel-brp"]))
    assert response.status_code == 302
    assert "assurance=hoog" in response["Location"]
    assert not Draft.objects.exists()

    FormDefinition.objects.filter(product__slug="uittreksel-brp").update(assurance="substantieel")
    response = filler.client.get(reverse("forms:start", args=["uittreksel-brp"]))
    assert "/formulieren/" in response["Location"]


def test_without_a_payment_provider_a_paid_form_says_so_and_keeps_the_answers(
    filler, resident, settings
):
    settings.LOKET_PAYMENT_PROVIDER = "none"
    log_in(filler, resident)
    start(filler, "uittreksel-brp")
    filler.post({})
    filler.post({"soort_uittreksel": "standaard", "doel": "werk", "per_post": "nee"})
    filler.post({"email": "inwoner@example.nl"})
    filler.confirm()

    assert filler.response.status_code == 400
    assert "Online betalen kan nog niet" in filler.html
    assert not Case.objects.exists() and not Submission.objects.exists()
    assert Draft.objects.get().answers["email"] == "inwoner@example.nl"
