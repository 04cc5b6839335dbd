"""State changes of cases: the only code that opens, changes, moves, closes or destroys one.

Pages, the Zaken API, the CLI and tasks all call these functions, so every rule of the
standard (zrc-001 .. zrc-023) and of the legal clock holds whatever the channel. Each function
runs in one transaction: nothing is ever half-written. The modules split them by topic; this
package is their one door.
"""

from loket.cases.services.assignment import assign_case
from loket.cases.services.citizen import EvidenceFile, answer_request
from loket.cases.services.common import CaseError, check_open, lock, refuse
from loket.cases.services.deadlines import deadlines, extend, record_clock, resume, suspend
from loket.cases.services.handling import (
    add_case_document,
    add_note,
    advance_status,
    close_case,
    close_with_result,
    confirm_complete,
    decide,
    next_statuses,
    request_information,
    stop_waiting,
)
from loket.cases.services.lifecycle import (
    change_result,
    end_status_of,
    record_result,
    remove_result,
    set_status,
)
from loket.cases.services.parts import (
    add_case_object,
    add_contact,
    add_contact_moment,
    add_property_value,
    add_request,
    add_role,
    change_case_object,
    change_property_value,
    check_decision_of,
    check_decision_unlinked,
    describe_case_document,
    detach_case_document,
    remove_case_object,
    remove_contact_moment,
    remove_property_value,
    remove_request,
    remove_role,
)
from loket.cases.services.registration import delete_case, open_case, update_case

__all__ = [
    "CaseError",
    "EvidenceFile",
    "add_case_document",
    "add_case_object",
    "add_contact",
    "add_contact_moment",
    "add_note",
    "add_property_value",
    "add_request",
    "add_role",
    "advance_status",
    "answer_request",
    "assign_case",
    "change_case_object",
    "change_property_value",
    "change_result",
    "check_decision_of",
    "check_decision_unlinked",
    "check_open",
    "close_case",
    "close_with_result",
    "confirm_complete",
    "deadlines",
    "decide",
    "delete_case",
    "describe_case_document",
    "detach_case_document",
    "end_status_of",
    "extend",
    "lock",
    "next_statuses",
    "open_case",
    "record_clock",
    "record_result",
    "refuse",
    "remove_case_object",
    "remove_contact_moment",
    "remove_property_value",
    "remove_request",
    "remove_result",
    "remove_role",
    "request_information",
    "resume",
    "set_status",
    "stop_waiting",
    "suspend",
    "update_case",
]
