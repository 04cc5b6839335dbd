"""What a case worker does with a case in the back office: notes, completeness, asking the
initiator for more, moving it on, deciding, adding documents and closing it.

Each function takes the staff member (``by``) and refuses (``PermissionDenied``) anyone who
is not a case worker of the case's department: the rule holds whatever page, command or task
calls it. Each runs in one transaction with what follows from it: the status mail or the
message to the citizen, the events of ``case_events``, and an entry in the case's audit trail
(the Zaken API's ``audittrail`` shows the back office's changes beside the API's).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from loket.brp.errors import BrpError
from loket.brp.sources import get_brp_source
from loket.cases.models import AuditEntry, Case, CaseDocument, CaseNote, Decision, Payout
from loket.cases.services.common import check_open, lock, refuse
from loket.cases.services.deadlines import resume, suspend
from loket.cases.services.lifecycle import end_status_of, record_result, set_status
from loket.cases.services.registration import documents_with_latest
from loket.catalog.choices import DocumentDirection
from loket.catalog.models import DecisionType, DocumentType, ResultType, StatusType
from loket.identity.permissions import StaffPermission, require
from loket.notify import case_events

# How the back office appears in the audit trail, beside the API applications.
AUDIT_APPLICATION = "loket-werkvoorraad"
AUDIT_LABEL = "Loket werkvoorraad"
# The decision letter is a document of the case type's outgoing type of this category.
DECISION_CATEGORY = "besluit"
QUESTION_MAX_LENGTH = 200  # the suspension reason's length


def staff_name(user) -> str:
    return user.get_full_name() or user.get_username()


def check_handler(case: Case, by) -> str:
    """Only a case worker of the case's department handles it; returns their name."""
    if case.department is None:
        refuse(_("This case is in no department's queue."), "geen-afdeling", "zaak")
    require(by, StaffPermission.WORK_CASES, case.department)
    return staff_name(by)


def audit(case: Case, by, *, action: str, resource: str, label: str, new: dict | None = None):
    url = case_events.case_url(case)
    AuditEntry.objects.create(
        component="zrc",
        main_object_uuid=case.uuid,
        main_object_url=url,
        resource=resource,
        resource_url=url,
        resource_label=label[:200],
        action=action,
        result=200,
        application_id=AUDIT_APPLICATION,
        application_label=AUDIT_LABEL,
        user_id=by.get_username()[:255],
        user_label=staff_name(by)[:255],
        new=new,
    )


def my_page_url(case: Case) -> str:
    return settings.LOKET_BASE_URL + reverse("portal:mijn-case", args=[case.uuid])


def tell_citizen(case: Case, compose) -> None:
    """Queue a mail to the case's contact address. ``compose()`` gives its subject and the
    lines of its message; it runs in the case's language."""
    from loket.notify.citizen_mail import case_language, case_letter
    from loket.notify.services import queue_mail

    if not case.contact_email:
        return
    language = case_language(case)
    with override(language):
        subject, message = compose()
        body = case_letter(case, [*message, my_page_url(case), ""])
    queue_mail(to=case.contact_email, subject=subject, text_body=body, case=case, language=language)


@transaction.atomic
def add_note(case: Case, text: str, *, visible_to_citizen: bool, by) -> CaseNote:
    """A note for colleagues, or a message the citizen reads in Mijn omgeving (and is told of
    by mail)."""
    author = check_handler(case, by)
    text = text.strip()
    if not text:
        refuse(_("Write the note."), "required", "text")
    note = CaseNote.objects.create(
        case=case,
        text=text,
        visible_to_citizen=visible_to_citizen,
        written_at=timezone.now(),
        author=author,
    )
    if visible_to_citizen:
        tell_citizen(
            case,
            lambda: (
                _("New message about your request (%(number)s)") % {"number": case.identification},
                [_("There is a new message about your request. Read it in My account:")],
            ),
        )
    audit(case, by, action="create", resource="notitie", label=text[:80])
    return note


@transaction.atomic
def confirm_complete(case: Case, *, by) -> Case:
    """The request is complete: recorded on the case, and a case still at its first step
    moves to the next one (whose mail tells the citizen)."""
    author = check_handler(case, by)
    case = lock(case)
    check_open(case, force=False)
    if case.complete_on:
        refuse(_("The request has already been found complete."), "al-compleet", "zaak")
    case.complete_on = timezone.localdate()
    case.save(update_fields=["complete_on"])
    steps = list(case.case_type.status_types.order_by("order"))
    if len(steps) > 2 and case.current_status == steps[0]:
        set_status(case, steps[1], actor=author)
    audit(case, by, action="update", resource="zaak", label=_("Request complete"))
    return case


@transaction.atomic
def request_information(case: Case, question: str, *, by) -> Case:
    """Ask the initiator for something: the legal clock stops (``suspend``) until the answer
    comes in Mijn omgeving (``answer_request``), and the citizen gets the question by mail."""
    author = check_handler(case, by)
    question = question.strip()
    if not question:
        refuse(_("Write what you need from the applicant."), "required", "question")
    if len(question) > QUESTION_MAX_LENGTH:
        refuse(
            _("Write at most %(limit)s characters.") % {"limit": QUESTION_MAX_LENGTH},
            "max_length",
            "question",
        )
    case = suspend(case, reason=question, actor=author)
    tell_citizen(
        case,
        lambda: (
            _("We need something from you (%(number)s)") % {"number": case.identification},
            [
                _("We need more information to handle your request:"),
                question,
                "",
                _(
                    "The time limit of your request is paused until we have it. Send your "
                    "answer or files in My account:"
                ),
            ],
        ),
    )
    audit(case, by, action="update", resource="zaak", label=_("Information requested"))
    return case


@transaction.atomic
def stop_waiting(case: Case, *, by) -> Case:
    """The municipality no longer waits (the answer came another way): the clock runs again."""
    author = check_handler(case, by)
    case = resume(case, actor=author)
    audit(case, by, action="update", resource="zaak", label=_("Waiting stopped"))
    return case


def next_statuses(case: Case) -> list[StatusType]:
    """The steps a case worker can set: those after the current one, the end excepted (a case
    closes with a result, ``close``)."""
    steps = list(case.case_type.status_types.order_by("order"))
    current = case.current_status.order if case.current_status else 0
    return [step for step in steps[:-1] if step.order > current]


@transaction.atomic
def advance_status(case: Case, status_type: StatusType, *, note: str = "", note_visible: bool, by):
    author = check_handler(case, by)
    case = lock(case)
    if case.is_suspended:
        refuse(
            _("The case is waiting for the applicant. Stop waiting first."),
            "opgeschort",
            "statustype",
        )
    if status_type not in next_statuses(case):
        refuse(
            _("Choose one of the next steps; close the case with a result to end it."),
            "invalid",
            "statustype",
        )
    change = set_status(
        case, status_type, actor=author, note=note.strip(), note_visible_to_citizen=note_visible
    )
    audit(case, by, action="create", resource="status", label=status_type.description)
    return change


def letter_document_type(case: Case, decision_type: DecisionType) -> DocumentType:
    """The type of a decision's letter: an outgoing document type of the case type that the
    decision type allows (brc-008), one of the category "besluit" first."""
    links = (
        case.case_type.document_type_links.filter(
            direction=DocumentDirection.OUTGOING,
            document_type__in=decision_type.document_types.all(),
        )
        .select_related("document_type")
        .order_by("order")
    )
    link = links.filter(document_type__category=DECISION_CATEGORY).first() or links.first()
    if link is None:
        refuse(
            _("Decisions of this type have no document type for their letter."),
            "missing-besluittype-informatieobjecttype-relation",
            "decision_type",
        )
    return link.document_type


@dataclass(frozen=True)
class Addressee:
    name: str
    address_lines: tuple[str, ...]


def addressee_of(case: Case) -> Addressee:
    """The initiator's name and address from the BRP; a neutral addressee when unknown."""
    person = None
    if case.initiator_bsn:
        try:
            person = get_brp_source().person(case.initiator_bsn)
        except BrpError:
            person = None
    if person is None:
        return Addressee("meneer, mevrouw", ())
    address = person.address
    lines = (
        (f"{address.street} {address.full_number}", f"{address.postcode} {address.town}")
        if address
        else ()
    )
    return Addressee(person.full_name, lines)


@transaction.atomic
def decide(
    case: Case,
    decision_type: DecisionType,
    *,
    text: str,
    by,
    amount: Decimal | None = None,
    status_type: StatusType | None = None,
) -> Decision:
    """Record a decision with its letter: a PDF in Mijn omgeving, linked to the decision.

    With ``amount`` the decision grants money: a payout to the IBAN of the application is
    recorded, for the next SEPA file (``loket.cases.payouts``). With ``status_type`` the case
    moves to that step, whose mail tells the citizen; without, a mail says a decision is in
    Mijn omgeving.
    """
    from loket.cases.decisions import create_decision, link_document
    from loket.cases.documents import attach_to_case, create_document
    from loket.cases.letters import DecisionLetter, build_decision_letter

    author = check_handler(case, by)
    case = lock(case)
    check_open(case, force=False)
    text = text.strip()
    if not text:
        refuse(_("Write the text of the decision."), "required", "text")
    letter_type = letter_document_type(case, decision_type)
    iban = holder = ""
    if amount is not None:
        if amount <= 0:
            refuse(_("Give an amount of more than 0 euros."), "invalid", "amount")
        iban, holder = payout_account(case)
    today = timezone.localdate()
    decision = create_decision(
        decision_type=decision_type,
        responsible_organisation=case.responsible_organisation,
        date=today,
        start_date=today,
        case=case,
        explanation=text[:1000],
    )
    addressee = addressee_of(case)
    letter = DecisionLetter(
        municipality=settings.LOKET_MUNICIPALITY_NAME,
        case=case,
        decision=decision,
        addressee=addressee.name,
        address_lines=addressee.address_lines,
        text=text,
        signed_by=author,
        made_at=timezone.now(),
        amount=amount,
        iban=iban,
        account_holder=holder,
    )
    document = create_document(
        document_type=letter_type,
        title=letter.title,
        author=settings.LOKET_MUNICIPALITY_NAME,
        source_organisation=case.source_organisation,
        content=build_decision_letter(letter),
        file_name=f"besluit-{decision.identification}.pdf",
        language="nld",
        status="definitief",
        usage_rights_indicated=False,
    )
    attach_to_case(case, document, visible_to_citizen=True)
    link_document(decision, document)
    if amount is not None:
        Payout.objects.create(
            case=case,
            amount=amount,
            iban=iban,
            account_holder=holder,
            description=f"{case.case_type.description} {case.identification}"[:140],
            recorded_at=timezone.now(),
            recorded_by=author,
        )
    if status_type is not None:
        advance_status(case, status_type, note_visible=False, by=by)
    else:
        tell_citizen(
            case,
            lambda: (
                _("Decision on your request (%(number)s)") % {"number": case.identification},
                [_("We have made a decision on your request. Read the letter in My account:")],
            ),
        )
    audit(case, by, action="create", resource="besluit", label=decision.identification)
    return decision


def payout_account(case: Case) -> tuple[str, str]:
    """The IBAN and account holder the application gave."""
    submission = getattr(case, "submission", None)
    answers = submission.answers if submission else {}
    iban = (answers.get("iban") or "").replace(" ", "").upper()
    if not iban:
        refuse(_("The application has no IBAN to pay the amount to."), "geen-iban", "amount")
    return iban, (answers.get("tenaamstelling") or "").strip() or addressee_of(case).name


@transaction.atomic
def add_case_document(
    case: Case,
    *,
    document_type: DocumentType,
    title: str,
    file_name: str,
    content: bytes,
    visible_to_citizen: bool,
    by,
) -> CaseDocument:
    from loket.cases.documents import attach_to_case, create_document

    author = check_handler(case, by)
    title = title.strip() or file_name
    document = create_document(
        document_type=document_type,
        title=title[:200],
        author=author,
        source_organisation=case.source_organisation,
        content=content,
        file_name=file_name,
        language="nld",
        usage_rights_indicated=False,
    )
    link = attach_to_case(case, document, visible_to_citizen=visible_to_citizen)
    audit(case, by, action="create", resource="zaakinformatieobject", label=title)
    return link


def close_with_result(
    case: Case, result_type: ResultType, *, actor: str, note: str = "", note_visible=False
):
    """Record the result and set the end status, which closes the case. Documents whose
    usage rights were never stated get "none" (zrc-007): the municipality's own letters and
    the initiator's papers carry none."""
    from loket.cases.documents import set_usage_indication

    record_result(case, result_type)
    for link in documents_with_latest(case, "usage_rights_indicated").filter(latest__isnull=True):
        set_usage_indication(link.document, False)
    return set_status(
        case,
        end_status_of(case.case_type),
        actor=actor,
        note=note,
        note_visible_to_citizen=note_visible,
    )


@transaction.atomic
def close_case(case: Case, result_type: ResultType, *, note: str = "", note_visible: bool, by):
    author = check_handler(case, by)
    case = lock(case)
    check_open(case, force=False)
    if case.is_suspended:
        refuse(
            _("The case is waiting for the applicant. Stop waiting first."), "opgeschort", "zaak"
        )
    change = close_with_result(
        case, result_type, actor=author, note=note.strip(), note_visible=note_visible
    )
    audit(case, by, action="create", resource="resultaat", label=result_type.description)
    return change
