"""Straight-through processing: cases that Loket handles from start to end with no human step.

``STRAIGHT_THROUGH`` names the case types (by identification) and the function that handles a
case of that type. Registering a case of such a type enqueues ``process_straight_through`` in
the registration's transaction (``enqueue_straight_through``); the worker then runs the
handler. The worker delivers at least once, so a handler must be safe to run twice: it checks
under the case's row lock that the work is not done yet, and writes all of it in one
transaction.

The uittreksel BRP (``produce_brp_extract``): the initiator's data from the BRP source, a PDF
with the municipality's name, the date, a verification code and a QR code that points at the
public verify page (``/controleren/``); then, in one transaction, the document (visible to the
citizen in Mijn omgeving), the verification code with the SHA-256 of the PDF, the status
"Uittreksel gemaakt", the result, the usage indications and the end status, which closes the
case. The citizen gets one mail: the end status's template, or, where no template covers it,
the mail ``queue_ready_mail`` writes. Whoever asked for the extract by post as well gets the
case left open at "Uittreksel gemaakt", for a case worker to post it.
"""

import copy
import hashlib
import logging
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from loket.brp.sources import get_brp_source
from loket.cases.documents import attach_to_case, create_document
from loket.cases.models import Case
from loket.cases.services import lock, set_status
from loket.cases.services.handling import close_with_result
from loket.notify.citizen_mail import case_language, case_letter
from loket.notify.models import Mail
from loket.notify.services import queue_mail
from loket.workqueue.extract_pdf import KIND_TITLES, STANDARD, Extract, build_extract_pdf
from loket.workqueue.models import VerifiedDocument
from loket.workqueue.tasks import process_straight_through

logger = logging.getLogger(__name__)

ACTOR = "Loket (automatisch)"
# Without I, O, 0 and 1, which people mix up when they type a code from paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_GROUPS, CODE_GROUP_LENGTH = 4, 4  # 16 characters: 80 random bits

# The uittreksel BRP's steps, by the names in its case type.
EXTRACT_DOCUMENT_TYPE = "Uittreksel BRP"
EXTRACT_MADE_STATUS = "Uittreksel gemaakt"
EXTRACT_RESULT = "Verstrekt"


def enqueue_straight_through(case: Case) -> bool:
    """Enqueue the processing of a case whose type is handled straight through, in the
    caller's transaction; False for every other case."""
    if case.case_type.identification not in STRAIGHT_THROUGH:
        return False
    process_straight_through.enqueue(case.pk)
    return True


def process(case_id: int) -> None:
    case = Case.objects.select_related("case_type").filter(pk=case_id).first()
    if case is None:
        logger.warning("Straight-through case %s no longer exists", case_id)
        return
    handler = STRAIGHT_THROUGH.get(case.case_type.identification)
    if handler is not None:
        handler(case)


# --- Verification codes -----------------------------------------------------------------------


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return group_code(raw)


def group_code(raw: str) -> str:
    size = CODE_GROUP_LENGTH
    return "-".join(raw[i : i + size] for i in range(0, len(raw), size))


def normalise_code(typed: str) -> str:
    """A code as typed (any case, with or without spaces and dashes) as it is stored; empty
    when it cannot be one."""
    raw = "".join(char for char in (typed or "").upper() if char.isalnum())
    if len(raw) != CODE_GROUPS * CODE_GROUP_LENGTH or set(raw) - set(CODE_ALPHABET):
        return ""
    return group_code(raw)


def verify_url(code: str) -> str:
    return f"{settings.LOKET_BASE_URL}{reverse('portal:verify')}?{urlencode({'code': code})}"


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# --- The uittreksel BRP -----------------------------------------------------------------------


def extract_done(case: Case) -> bool:
    return (
        case.is_closed or VerifiedDocument.objects.filter(document__case_links__case=case).exists()
    )


def extract_kind(case: Case) -> str:
    submission = getattr(case, "submission", None)
    kind = (submission.answers if submission else {}).get("soort_uittreksel")
    return kind if kind in KIND_TITLES else STANDARD


def wants_post(case: Case) -> bool:
    submission = getattr(case, "submission", None)
    return bool(submission) and submission.answers.get("per_post") == "ja"


def produce_brp_extract(case: Case) -> None:
    if extract_done(case):
        return
    if not case.initiator_bsn:
        logger.warning("Case %s has no initiator's BSN; left for a case worker", case)
        return
    person = get_brp_source().person(case.initiator_bsn)  # BrpError: the worker retries
    if person is None:
        logger.warning("The initiator of case %s is not in the BRP; left for a case worker", case)
        return
    issued_at = timezone.now()
    code = new_code()
    extract = Extract(
        municipality=settings.LOKET_MUNICIPALITY_NAME,
        kind=extract_kind(case),
        person=person,
        issued_at=issued_at,
        code=code,
        verify_url=verify_url(code),
        case_number=case.identification,
    )
    # Made before the transaction, so the case's row lock is held for the writes only.
    content = build_extract_pdf(extract)
    with transaction.atomic():
        case = lock(case)
        if extract_done(case):  # another worker ran this task at the same time
            return
        store_extract(case, extract, content)
        close = not wants_post(case)
        made = case.case_type.status_types.filter(description=EXTRACT_MADE_STATUS).first()
        if made is not None:
            set_status(case, quiet(made) if close else made, actor=ACTOR, at=issued_at)
        if close:
            close_extract_case(case)


def store_extract(case: Case, extract: Extract, content: bytes) -> None:
    document_type = (
        case.case_type.document_type_links.filter(document_type__description=EXTRACT_DOCUMENT_TYPE)
        .select_related("document_type")
        .get()
        .document_type
    )
    document = create_document(
        document_type=document_type,
        title=extract.title,
        author=extract.municipality,
        source_organisation=case.source_organisation,
        content=content,
        file_name=f"uittreksel-brp-{case.identification}.pdf",
        language="nld",
        status="definitief",
    )
    attach_to_case(case, document, visible_to_citizen=True)
    VerifiedDocument.objects.create(
        code=extract.code, document=document, sha256=sha256_of(content), issued_at=extract.issued_at
    )


def quiet(status_type):
    """The status type without its mail to the citizen: the step is passed in the same
    transaction as the end status, whose mail tells the citizen everything."""
    silent = copy.copy(status_type)
    silent.inform_citizen = False
    return silent


def close_extract_case(case: Case) -> None:
    result_type = (
        case.case_type.result_types.filter(description=EXTRACT_RESULT).first()
        or case.case_type.result_types.order_by("pk").first()
    )
    mails_before = Mail.objects.filter(case=case).count()
    close_with_result(case, result_type, actor=ACTOR)
    if case.contact_email and Mail.objects.filter(case=case).count() == mails_before:
        queue_ready_mail(case)


def queue_ready_mail(case: Case) -> Mail:
    """The mail that the extract is ready, for when no status mail template covers the end."""
    language = case_language(case)
    with override(language):
        subject = _("Your extract from the BRP is ready (%(number)s)") % {
            "number": case.identification
        }
        body = case_letter(
            case, [_("Your extract from the BRP is ready. You can download it in My account.")]
        )
    return queue_mail(
        to=case.contact_email, subject=subject, text_body=body, case=case, language=language
    )


STRAIGHT_THROUGH = {"UITTREKSEL-BRP": produce_brp_extract}
