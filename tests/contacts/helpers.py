"""Builders for the contact centre tests."""

from datetime import timedelta

from loket.cases.services import open_case
from tests.workqueue.helpers import today


def case_of(case_type, bsn: str, **fields):
    """An open case of this person, registered ten days ago."""
    return open_case(
        case_type,
        actor="test",
        initiator_bsn=bsn,
        registered_on=today() - timedelta(days=10),
        **fields,
    )
