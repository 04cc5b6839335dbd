"""The case services the Zaken API added: changing and destroying a case, its parts, and the
closed-case rule, as every channel meets them."""

from datetime import date

import pytest

from loket.cases.models import AuditEntry, Case, ClockEvent, Role
from loket.cases.services import (
    CaseError,
    add_property_value,
    add_role,
    check_open,
    delete_case,
    open_case,
    record_result,
    remove_role,
    set_status,
    update_case,
)
from tests.cases.factories import published_case_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    case_type = published_case_type(
        product_urls=["https://producten.example.nl/p"],
        suspension_allowed=True,
        extension_allowed=True,
        extension_term="P2W",
    )
    return open_case(case_type, actor="test", registered_on=date(2026, 3, 2))


def code_of(call, *args, **kwargs) -> str:
    with pytest.raises(CaseError) as refusal:
        call(*args, **kwargs)
    return refusal.value.code


def test_update_keeps_the_case_type_and_the_rules_between_fields(case):
    other = published_case_type(identification="ANDER")

    assert code_of(update_case, case, actor="t", case_type=other) == "wijzigen-niet-toegelaten"
    assert code_of(update_case, case, actor="t", products=["https://x.nl"]) == (
        "invalid-products-services"
    )
    assert code_of(update_case, case, actor="t", main_case=case) == "self-forbidden"
    changed = update_case(case, actor="t", description="Nieuw", confidentiality="")
    assert changed.description == "Nieuw"
    assert changed.confidentiality == case.case_type.confidentiality  # zrc-009


def test_the_clock_groups_move_the_deadlines(case):
    legal_end = case.legal_end

    extended = update_case(case, actor="t", extension={"reden": "Advies", "duur": "P1W"})

    assert extended.legal_end == date(2026, 5, 4) and legal_end == date(2026, 4, 27)
    suspended = update_case(case, actor="t", suspension={"indicatie": True, "reden": "Wacht"})
    assert suspended.is_suspended
    assert case.clock_events.filter(kind=ClockEvent.Kind.SUSPENDED).exists()


def test_a_closed_case_changes_only_by_force(case):
    record_result(case, case.case_type.result_types.get())
    set_status(case, case.case_type.status_types.order_by("-order").first(), actor="t")
    case.refresh_from_db()

    assert code_of(check_open, case, force=False) == "zaak-afgesloten"
    assert code_of(update_case, case, actor="t", description="x") == "zaak-afgesloten"
    assert update_case(case, actor="t", description="Correctie", force=True).description == (
        "Correctie"
    )


def test_an_initiator_role_names_the_cases_citizen(case):
    role = add_role(
        case,
        case.case_type.role_types.get(),
        subject_kind=Role.SubjectKind.PERSON,
        subject_identification={"inpBsn": "999993653"},
    )
    assert Case.objects.get(pk=case.pk).initiator_bsn == "999993653"

    remove_role(role)

    assert Case.objects.get(pk=case.pk).initiator_bsn == ""


def test_deleting_a_case_deletes_its_sub_cases_parts_and_audit_trail(case):
    sub = open_case(case.case_type, actor="t", main_case=case)
    prop = case.case_type.properties.create(name="x", definition="x", format="tekst", length=5)
    add_property_value(case, prop, value="1")
    AuditEntry.objects.create(
        component="zrc",
        main_object_uuid=sub.uuid,
        main_object_url="http://x/zaken/1",
        resource="zaak",
        resource_url="http://x/zaken/1",
        resource_label="x",
        action="create",
        result=201,
    )

    delete_case(case)

    assert not Case.objects.exists() and not AuditEntry.objects.exists()
