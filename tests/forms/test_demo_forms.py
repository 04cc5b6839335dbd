"""The demo forms not walked elsewhere, filled in to the case: moving house with co-movers,
a marriage whose fee follows the ceremony, a death notification by an undertaker; and the
prefill of partner and children."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.brp.models import Address, Partnership
from loket.brp.sources import get_brp_source
from loket.cases.models import Case, PaymentIndication
from loket.forms.prefill import prefilled_answers
from tests.forms.conftest import PDF, named_file

pytestmark = pytest.mark.django_db


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).strftime("%d-%m-%Y")


def log_in(filler, bsn):
    filler.client.post(reverse("identity:demo-digid"), {"bsn": bsn, "next": "/"})


def test_moving_house_with_co_movers(filler, resident):
    log_in(filler, resident.bsn)
    filler.open(reverse("forms:start", args=["verhuizing-doorgeven"]))
    assert resident.address.street in filler.html  # the current address, from the BRP
    new = Address.objects.exclude(pk=resident.address.pk).first()
    filler.post(
        {
            "nieuw_adres-postcode": new.postcode,
            "nieuw_adres-house_number": str(new.house_number),
            "nieuw_adres-addition": new.house_letter,
        },
        action="lookup:nieuw_adres",
    )
    assert new.street in filler.html  # filled in from the address register
    filler.post(
        {
            "nieuw_adres-postcode": new.postcode,
            "nieuw_adres-house_number": str(new.house_number),
            "nieuw_adres-addition": new.house_letter,
            "verhuisdatum": day(7),
        }
    )
    filler.post({"meeverhuizers": "ja", "meeverhuizers_lijst-rows": "1"})
    assert "Vul minstens 1 regel(s) in." in filler.html
    filler.post(
        {
            "meeverhuizers": "ja",
            "meeverhuizers_lijst-rows": "1",
            "meeverhuizers_lijst-0-meeverhuizer_naam": "Sam Jansen",
            "meeverhuizers_lijst-0-meeverhuizer_bsn": "999993653",
            "meeverhuizers_lijst-0-meeverhuizer_geboortedatum": "01-02-2015",
        }
    )
    filler.post({"woonsituatie": "eigen_woning", "email": "verhuizer@example.nl"})
    assert "Sam Jansen" in filler.html and new.street in filler.html
    filler.confirm()

    case = Case.objects.get()
    assert case.initiator_bsn == resident.bsn and case.contact_email == "verhuizer@example.nl"
    assert case.submission.answers["meeverhuizers_lijst"][0]["meeverhuizer_bsn"] == "999993653"


def test_a_marriage_costs_what_the_chosen_ceremony_costs(filler, resident):
    log_in(filler, resident.bsn)
    filler.open(reverse("forms:start", args=["trouwen-partnerschap"]))
    filler.post(
        {
            "soort_verbintenis": "huwelijk",
            "partner_bsn": "999993653",
            "partner_naam": "Kim de Vries",
        }
    )
    filler.post({"voorkeursdatum": day(60), "soort_ceremonie": "eenvoudig", "trouwboekje": "nee"})
    witnesses = {"getuigen-rows": "2", "email": "bruid@example.nl"}
    for index, name in enumerate(["Ans Bakker", "Piet Smit"]):
        witnesses |= {
            f"getuigen-{index}-getuige_naam": name,
            f"getuigen-{index}-getuige_geboortedatum": "01-01-1980",
        }
    filler.post(witnesses)
    assert "425,00" in filler.html
    filler.confirm()
    filler.response = filler.client.post(filler.url, {"outcome": "paid"}, follow=True)

    case = Case.objects.get()
    assert case.payment_indication == PaymentIndication.PAID
    assert str(case.submission.amount) == "425.00"


def test_an_undertaker_files_a_death_with_the_doctors_declaration(filler, resident):
    filler.client.post(reverse("identity:demo-eherkenning"), {"kvk": "99990028", "next": "/"})
    filler.open(reverse("forms:start", args=["overlijdensaangifte"]))
    filler.post(
        {
            "overledene_bsn": resident.bsn,
            "overledene_naam": resident.full_name,
            "overledene_geboortedatum": resident.birth_date.strftime("%d-%m-%Y"),
            "datum_overlijden": day(-1),
            "plaats_overlijden": "Voorbeeld",
        }
    )
    filler.post({"wijze_lijkbezorging": "cremeren", "datum_uitvaart": day(5)})
    assert "Voeg een bestand toe." in filler.html
    filler.post(
        {"wijze_lijkbezorging": "cremeren", "datum_uitvaart": day(5)},
        verklaring_overlijden=named_file("verklaring.pdf", PDF),
    )
    filler.post({"contact_naam": "J. de Linde", "telefoon": "0301234567", "email": "u@example.nl"})
    filler.confirm()

    case = Case.objects.get()
    assert case.initiator_kvk == "99990028"
    assert case.roles.get(generic="belanghebbende").subject_identification["inpBsn"] == resident.bsn
    document = case.document_links.get().document
    assert document.document_type.description == "Verklaring van overlijden"


def test_prefill_gives_partner_and_children_from_the_register(demo_forms):
    partnership = Partnership.objects.filter(end_date__isnull=True).first()
    person = get_brp_source().person(partnership.first.bsn)
    schema = {
        "steps": [
            {
                "key": "gezin",
                "fields": [
                    {"key": "partner", "type": "text", "prefill": "person.partner.name"},
                    {"key": "partner_bsn", "type": "bsn", "prefill": "person.partner.bsn"},
                    {"key": "kinderen", "type": "group", "prefill": "person.children"},
                    {"key": "geboren", "type": "date", "prefill": "person.birth_date"},
                ],
            }
        ]
    }

    answers = prefilled_answers(schema, bsn=person.bsn)

    assert answers["partner"] == person.partner.full_name
    assert answers["partner_bsn"] == person.partner.bsn
    assert [child["bsn"] for child in answers["kinderen"]] == [c.bsn for c in person.children]
    assert answers["geboren"] == person.birth_date.isoformat()
