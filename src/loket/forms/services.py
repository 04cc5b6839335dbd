"""The state changes of forms: start or resume a draft, save a step, submit, pay.

Views call these; each is one transaction. Submitting is idempotent: a draft is submitted
once, so a double click or a retried request finds the submission that is already there.
"""

import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from loket.forms.booking import book_held_slots
from loket.forms.models import Channel, Draft, FormDefinition, Login, Submission, Upload
from loket.forms.payments import Outcome, get_payment_provider
from loket.forms.registration import register_submission
from loket.forms.schema import schema_problems, step_keys
from loket.forms.steps import StepOutcome, visible_answers
from loket.identity.assurance import assurance_sufficient
from loket.notify.services import queue_mail


def login_allows(definition: FormDefinition, visitor) -> bool:
    """Whether this visitor (or nobody) may fill in the form, at the form's level."""
    match definition.login:
        case Login.NONE:
            return True
        case Login.CITIZEN:
            logged_in = bool(visitor and visitor.bsn)
        case Login.BUSINESS:
            logged_in = bool(visitor and visitor.kvk)
        case _:
            logged_in = bool(visitor and (visitor.bsn or visitor.kvk))
    return logged_in and assurance_sufficient(visitor, definition.assurance)


def owner_fields(visitor) -> dict:
    if visitor is None:
        return {"owner_bsn": "", "owner_kvk": ""}
    return {"owner_bsn": visitor.bsn, "owner_kvk": visitor.kvk}


def open_draft_of(definition: FormDefinition, visitor) -> Draft | None:
    """The visitor's unsubmitted draft of this product's form: a login keeps its draft."""
    if visitor is None:
        return None
    return (
        Draft.objects.filter(
            definition__product=definition.product,
            submitted_at__isnull=True,
            **owner_fields(visitor),
        )
        .order_by("-updated_at")
        .first()
    )


def start_draft(
    definition: FormDefinition, visitor, *, channel: str = Channel.WEB, assisted_by=None
) -> Draft:
    """The visitor's open draft of the form, or a new one; it records who fills it in now: a
    representative under a mandate or a business's employee (from the visitor), and with
    ``assisted_by`` the employee who fills it in with the person (on ``channel``)."""
    draft = open_draft_of(definition, visitor) or Draft(
        definition=definition, **owner_fields(visitor)
    )
    draft.acting_bsn = visitor.acting_bsn if visitor else ""
    draft.acting_name = visitor.acting_name if visitor else ""
    draft.branch = visitor.branch if visitor else ""
    if draft.pk is None or assisted_by is not None:
        draft.channel, draft.assisted_by = channel, assisted_by
    draft.save()
    return draft


def may_fill(draft: Draft, visitor, session_drafts: list[str]) -> bool:
    """Only the login that started a draft, or the browser session it was started or
    resumed in, may see it."""
    if draft.owner_bsn or draft.owner_kvk:
        return visitor is not None and (draft.owner_bsn, draft.owner_kvk) == (
            visitor.bsn,
            visitor.kvk,
        )
    return str(draft.uuid) in session_drafts


@transaction.atomic
def save_step(draft: Draft, step_key: str, outcome: StepOutcome, *, complete: bool) -> Draft:
    """Keep a step's answers and what was typed; ``complete`` marks it done when valid."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    draft.answers = outcome.answers
    step_fields = {field["key"] for field in step_of(draft, step_key)["fields"]}
    draft.typed = {k: v for k, v in draft.typed.items() if k not in step_fields} | outcome.typed
    completed = [key for key in draft.completed_steps if key != step_key]
    if complete and outcome.valid:
        completed.append(step_key)
    order = step_keys(draft.definition.schema)
    draft.completed_steps = sorted(completed, key=order.index)
    draft.save(update_fields=["answers", "typed", "completed_steps", "updated_at"])
    return draft


def step_of(draft: Draft, step_key: str) -> dict:
    return next(s for s in draft.definition.schema["steps"] if s["key"] == step_key)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def send_resume_link(draft: Draft, email: str, language: str) -> None:
    """Mail a link that opens the draft again; a new link replaces the old one."""
    token = secrets.token_urlsafe(32)
    draft.resume_token_hash = hash_token(token)
    draft.save(update_fields=["resume_token_hash", "updated_at"])
    link = settings.LOKET_BASE_URL + reverse("forms:resume", args=[token])
    with override(language):
        product = draft.definition.product.name
        subject = _("Continue your form: %(product)s") % {"product": product}
        body = "\n".join(
            [
                _("You saved your form %(product)s to finish later.") % {"product": product},
                _("Open this link to continue where you left off:"),
                link,
                "",
                _("Do not share this link: whoever has it can see your answers."),
            ]
        )
    queue_mail(to=email, subject=subject, text_body=body, language=language)


def draft_for_resume_token(token: str) -> Draft | None:
    return Draft.objects.filter(
        resume_token_hash=hash_token(token), submitted_at__isnull=True
    ).first()


def fee_of(definition: FormDefinition, answers: dict) -> Decimal:
    """What the person pays: by an answer when the fee depends on it, else the product's
    first cost (none: free)."""
    fee = definition.schema.get("case", {}).get("fee")
    if fee:
        return Decimal(str(fee.get("amounts", {}).get(answers.get(fee["by"]), "0")))
    cost = definition.product.costs.order_by("order", "pk").first()
    return cost.amount if cost else Decimal(0)


@transaction.atomic
def submit_draft(draft: Draft, *, submitted_by: str, language: str) -> Submission:
    """Confirm a complete draft: a free form becomes a case at once, a paid one waits for
    its payment. A second submit of the same draft returns the first submission."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    existing = Submission.objects.filter(draft=draft).first()
    answers = visible_answers(draft.definition.schema, draft.answers)
    if existing and existing.status == Submission.Status.REGISTERED:
        return existing
    amount = fee_of(draft.definition, answers)
    if existing is None:
        email_field = draft.definition.schema.get("case", {}).get("email_field")
        book_held_slots(
            draft.definition.schema,
            answers,
            name=submitted_by,
            email=(answers.get(email_field) or "") if email_field else "",
            bsn=draft.owner_bsn,
        )
    submission = existing or Submission(draft=draft, definition=draft.definition)
    submission.answers = answers
    submission.submitted_by = submitted_by
    submission.language = language
    submission.amount = amount
    submission.status = Submission.Status.AWAITING_PAYMENT
    submission.payment_status = Submission.Payment.OPEN if amount else Submission.Payment.NONE
    submission.save()
    if not amount:
        register_submission(submission)
        submission.refresh_from_db()
    return submission


def forget_submissions_of(cases) -> None:
    """Delete the submissions that started ``cases``, their drafts and the uploaded files
    (after the commit): part of destroying the cases under the archive rules."""
    drafts = list(Draft.objects.filter(submission__case__in=cases).values_list("pk", flat=True))
    files = [upload.file.name for upload in Upload.objects.filter(draft__in=drafts)]
    Submission.objects.filter(case__in=cases).delete()
    Draft.objects.filter(pk__in=drafts).delete()
    storage = Upload._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in files])


def start_payment(submission: Submission, return_url: str) -> str:
    """A fresh payment at the provider (also after a cancelled one); where to send the person."""
    submission.payment_reference = f"LKT-{secrets.token_hex(8).upper()}"
    submission.payment_status = Submission.Payment.OPEN
    submission.save(update_fields=["payment_reference", "payment_status"])
    return get_payment_provider().start(
        reference=submission.payment_reference,
        amount=submission.amount,
        description=submission.definition.product.name,
        return_url=return_url,
    )


@transaction.atomic
def record_payment(submission: Submission, outcome: str) -> Submission:
    """The provider's answer: paid registers the case; cancelled or failed keeps the form."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == Submission.Status.REGISTERED or outcome == Outcome.OPEN:
        return submission
    submission.payment_status = outcome
    submission.save(update_fields=["payment_status"])
    if outcome == Outcome.PAID:
        register_submission(submission)
        submission.refresh_from_db()
    return submission


@transaction.atomic
def publish_definition(definition: FormDefinition) -> FormDefinition:
    """Publish a concept version; from then on it cannot change."""
    problems = schema_problems(definition.schema)
    if problems:
        raise ValidationError(problems)
    definition.published = True
    definition.save(update_fields=["published"])
    return definition


@transaction.atomic
def new_version(definition: FormDefinition) -> FormDefinition:
    """A concept copy with the next version number; drafts keep the version they started on."""
    latest = FormDefinition.objects.filter(product=definition.product).order_by("-version").first()
    return FormDefinition.objects.create(
        product=definition.product,
        version=latest.version + 1,
        login=definition.login,
        assurance=definition.assurance,
        schema=definition.schema,
    )


def save_definition(
    product, *, login: str, schema: dict, assurance: str = "", publish: bool = True
) -> FormDefinition:
    """A new version of a product's form, from data (the demo loader, an import)."""
    latest = FormDefinition.objects.filter(product=product).order_by("-version").first()
    definition = FormDefinition.objects.create(
        product=product,
        version=latest.version + 1 if latest else 1,
        login=login,
        assurance=assurance,
        schema=schema,
    )
    return publish_definition(definition) if publish else definition
