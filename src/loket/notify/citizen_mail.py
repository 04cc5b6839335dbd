"""Telling the citizen of a new status of their case by mail, from the status's template.

``mail_status_change`` runs inside the transaction of the status change (``case_events``): the
mail and its delivery task are committed with the status, or not at all. A mail goes out when

- the status type says to tell the citizen (``inform_citizen``),
- the case has an address for messages (``contact_email``),
- it is not the case's first status: whoever registers a case confirms its receipt (the form
  queues its confirmation mail in the same transaction), so the first status would be a
  second mail about the same thing,
- and an active template is found (``template_for``).

The mail is in the case's language: the language of the form it was submitted with, else Dutch.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from loket.cases.models import Case
from loket.cases.tracking import track_url
from loket.notify.models import Mail, StatusMailTemplate
from loket.notify.services import queue_mail
from loket.notify.templates_mail import RenderedMail, render_template, sample_context

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "nl"


def case_language(case) -> str:
    """The language of the form that started the case; Dutch for every other case."""
    submission = getattr(case, "submission", None)  # a case from a form has one
    language = ((submission.language if submission else "") or DEFAULT_LANGUAGE)[:2]
    return language if language in dict(settings.LANGUAGES) else DEFAULT_LANGUAGE


def candidate_templates(identification: str, status_description: str, language: str):
    """The active templates that may serve, best first.

    In the wanted language before Dutch; within a language: this case type and this status,
    this case type and every status, every case type and this status, the default (every
    case type, every status).
    """
    languages = list(dict.fromkeys([language, DEFAULT_LANGUAGE]))
    levels = [
        (identification, status_description),
        (identification, ""),
        ("", status_description),
        ("", ""),
    ]
    found = StatusMailTemplate.objects.filter(
        active=True,
        case_type_identification__in={identification, ""},
        status_description__in={status_description, ""},
        language__in=languages,
    )
    by_key = {(t.language, t.case_type_identification, t.status_description): t for t in found}
    return [
        by_key[(lang, *level)] for lang in languages for level in levels if (lang, *level) in by_key
    ]


def template_for(case_type, status_type, language: str) -> StatusMailTemplate | None:
    candidates = candidate_templates(case_type.identification, status_type.description, language)
    return candidates[0] if candidates else None


def status_context(case, status_type, *, note: str, language: str) -> dict:
    """What a template can use, in ``language`` (the citizen's names of the steps)."""
    with override(language):
        return {
            "case": case,
            "case_number": case.identification,
            "status": status_type.citizen_name,
            "explanation": status_type.citizen_explanation,
            "note": note,
            "track_url": track_url(case),
            "municipality": settings.LOKET_MUNICIPALITY_NAME,
            "expected_end": case.planned_end,
            "legal_end": case.legal_end,
        }


def is_first_status(change) -> bool:
    return not change.case.status_changes.exclude(pk=change.pk).exists()


def mail_status_change(change) -> Mail | None:
    """Queue the mail of this status to the case's contact address, if it has a template."""
    case, status_type = change.case, change.status_type
    if not status_type.inform_citizen or not case.contact_email or is_first_status(change):
        return None
    language = case_language(case)
    note = change.note if change.note_visible_to_citizen else ""
    for template in candidate_templates(
        case.case_type.identification, status_type.description, language
    ):
        try:
            # A savepoint: a template that fails must not spoil the status change's
            # transaction. A case worker's status change never fails on a template.
            with transaction.atomic():
                context = status_context(case, status_type, note=note, language=template.language)
                rendered = render_template(template, context)
        except Exception:
            logger.exception(
                "Status mail template %s failed for case %s; trying the next one",
                template.pk,
                case.identification,
            )
            continue
        return queue_mail(
            to=case.contact_email,
            subject=rendered.subject,
            text_body=rendered.text_body,
            html_body=rendered.html_body,
            case=case,
            language=template.language,
        )
    return None


def preview(template: StatusMailTemplate) -> tuple[RenderedMail, str]:
    """The template filled in for the newest case of its case type, or with example data;
    with a sentence that says which."""
    cases = Case.objects.select_related("case_type", "current_status")
    if template.case_type_identification:
        cases = cases.filter(case_type__identification=template.case_type_identification)
    case = cases.order_by("-registered_on", "-pk").first()
    example = sample_context(template.language, template.status_description)
    status_type = None
    if case is not None:
        steps = case.case_type.status_types.order_by("order")
        status_type = (
            template.status_description
            and steps.filter(description=template.status_description).first()
        ) or (case.current_status or steps.last())
    if status_type is None:
        return (
            render_template(template, example),
            _("Filled in with example data: there is no case of this case type yet."),
        )
    context = status_context(case, status_type, note=example["note"], language=template.language)
    return (
        render_template(template, context),
        _("Filled in with case %(number)s, the newest of this case type. The note is an example.")
        % {"number": case.identification},
    )


def case_letter(case: Case, message: list[str], details: tuple[str, ...] = ()) -> str:
    """The plain text of a mail about a case in the active language: the greeting, the
    message, the case number with its ``details``, the track & trace link and the regards."""
    return "\n".join(
        [
            _("Dear Sir or Madam,"),
            "",
            *message,
            _("Your case number is %(number)s.") % {"number": case.identification},
            *details,
            "",
            _("Follow your request here:"),
            track_url(case),
            "",
            _("Kind regards,"),
            settings.LOKET_MUNICIPALITY_NAME,
        ]
    )
