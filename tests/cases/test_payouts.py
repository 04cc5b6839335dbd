"""Granted amounts to the bank: a SEPA credit-transfer file (pain.001.001.03) per export, with
every pending payout of the department once."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from loket.cases import services
from loket.cases.models import Payout
from loket.cases.payouts import export_payouts, pending_payouts
from loket.cases.services import CaseError
from tests.forms.conftest import Filler, demo_forms, resident  # noqa: F401 - fixtures
from tests.workqueue.helpers import BUDGET_IBAN, apply_for_budget, case_worker

pytestmark = pytest.mark.django_db
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


@pytest.fixture
def granted(resident, client):  # noqa: F811 - the fixture imported above
    case = apply_for_budget(Filler(client), resident)
    worker = case_worker("wim", case.department)
    decision_type = case.case_type.decision_types.get()
    services.decide(case, decision_type, text="Toegekend.", amount=Decimal("612.50"), by=worker)
    return case, worker


def test_the_export_is_a_valid_pain001_with_every_pending_payout_once(granted, settings):
    case, worker = granted

    batch = export_payouts(case.department, by=worker)

    root = ET.fromstring(batch.content)  # noqa: S314 - the file Loket just made
    assert root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId", NS).text == batch.message_id
    assert root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", NS).text == "1"
    assert root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", NS).text == "612.50"
    info = root.find("p:CstmrCdtTrfInitn/p:PmtInf", NS)
    assert info.find("p:DbtrAcct/p:Id/p:IBAN", NS).text == settings.LOKET_PAYOUT_IBAN
    transfer = info.find("p:CdtTrfTxInf", NS)
    assert transfer.find("p:CdtrAcct/p:Id/p:IBAN", NS).text == BUDGET_IBAN
    assert transfer.find("p:Cdtr/p:Nm", NS).text == "J. Jansen"
    assert transfer.find("p:Amt/p:InstdAmt", NS).text == "612.50"
    assert case.identification in transfer.find("p:RmtInf/p:Ustrd", NS).text
    assert batch.total == Decimal("612.50") and batch.created_by == "Bram Behandel"
    assert not pending_payouts(case.department).exists()
    assert Payout.objects.get().batch == batch

    with pytest.raises(CaseError) as empty:
        export_payouts(case.department, by=worker)
    assert empty.value.code == "leeg"


def test_only_a_case_worker_of_the_department_exports(granted):
    case, _worker = granted
    with pytest.raises(PermissionDenied):
        export_payouts(case.department, by=case_worker("otto"))
    assert pending_payouts(case.department).count() == 1


def test_without_the_municipalitys_account_there_is_no_file(granted, settings):
    case, worker = granted
    settings.LOKET_PAYOUT_IBAN = ""
    with pytest.raises(CaseError) as unset:
        export_payouts(case.department, by=worker)
    assert unset.value.code == "config"
