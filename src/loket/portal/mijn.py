"""Mijn omgeving: the logged-in person's or business's own cases, documents, messages and data.

Every page needs a login (``visitor_required``): a person sees the cases of their BSN, a
business those of its KvK number (``loket.cases.selectors``). Someone else's case, document or
form answers 404, exactly as one that does not exist, and a visitor who is not logged in is
sent to the login page before anything is looked up, so no answer tells whether a case exists.
Cases and documents are named by uuid in the URL, never by a number one could count up.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from loket.brp.errors import BrpError
from loket.brp.sources import get_brp_source
from loket.cases.models import Case
from loket.cases.selectors import (
    applicant_of,
    case_of,
    case_timeline,
    cases_of,
    citizen_document_of,
    citizen_documents,
    citizen_messages,
    decisions_of,
)
from loket.cases.services import CaseError, EvidenceFile, answer_request
from loket.catalog.models import StatusType
from loket.forms.uploads import checked_content_type
from loket.identity.citizens import current_visitor, visitor_required
from loket.notify.models import Mail
from loket.portal.models import SatisfactionAnswer
from loket.portal.satisfaction import SatisfactionForm, answer_of, record_satisfaction
from loket.sharing.selectors import consents_of

CASES_PER_PAGE = 50
ANSWER_MAX_LENGTH = 4000
# Files sent as evidence: checked on their bytes as the forms' uploads are.
EVIDENCE_FIELD = {"accept": ["pdf", "jpg", "jpeg", "png"], "max_size_mb": 10}
EVIDENCE_MAX_FILES = 5


def visitor_case(request, case_uuid) -> Case:
    """The visitor's own case with this uuid; 404 for any other, existing or not."""
    visitor = current_visitor(request)
    case = case_of(case_uuid, bsn=visitor.bsn, kvk=visitor.kvk)
    if case is None:
        raise Http404
    return case


def number_steps(cases) -> None:
    """Give each case ``step`` (the place of its current step) and ``step_count`` (the
    steps of its case type), as "step 2 of 4": one query for the whole page."""
    types = {case.case_type_id for case in cases}
    rows = (
        StatusType.objects.filter(case_type__in=types)
        .order_by("case_type", "order")
        .values_list("pk", "case_type_id")
        if types
        else []
    )
    position, count = {}, {}
    for status_type, case_type in rows:
        count[case_type] = count.get(case_type, 0) + 1
        position[status_type] = count[case_type]
    for case in cases:
        case.step = position.get(case.current_status_id)
        case.step_count = count.get(case.case_type_id, 0)


@never_cache
@visitor_required()
def overview(request):
    visitor = current_visitor(request)
    cases = cases_of(bsn=visitor.bsn, kvk=visitor.kvk)
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    number_steps(page.object_list)
    context = {
        "page": page,
        "open_cases": [case for case in page.object_list if case.is_open],
        "closed_cases": [case for case in page.object_list if not case.is_open],
    }
    return render(request, "portal/mijn/overview.html", context)


def case_context(request, case: Case, **extra) -> dict:
    satisfaction = answer_of(case) if case.is_closed else None
    context = {
        "case": case,
        "steps": case_timeline(case),
        "applicant": applicant_of(case),
        "documents": citizen_documents(case),
        "notes": citizen_messages(case),
        "mails": Mail.objects.filter(case=case)
        .exclude(status=Mail.Status.FAILED)
        .only("subject", "status", "queued_at", "sent_at")
        .order_by("-queued_at", "-pk"),
        "decisions": decisions_of(case) if case.is_closed else [],
        "satisfaction": satisfaction,
        "satisfaction_form": SatisfactionForm() if case.is_closed and not satisfaction else None,
        "satisfaction_action": reverse("portal:mijn-satisfaction", args=[case.uuid]),
        "evidence": EVIDENCE_FIELD,
        "evidence_max_files": EVIDENCE_MAX_FILES,
        "answer_text": "",
        "answer_errors": [],
    }
    context.update(extra)
    return context


@never_cache
@visitor_required()
def case_detail(request, case_uuid):
    case = visitor_case(request, case_uuid)
    return render(request, "portal/mijn/case.html", case_context(request, case))


def actor_of(visitor) -> str:
    """Who answered, as the case's history and the documents' author show it."""
    return f"{visitor.name or visitor.bsn or visitor.kvk} (Mijn omgeving)"


def read_evidence(uploads) -> tuple[list[EvidenceFile], list[str]]:
    """The uploaded files, each checked on type, size and bytes; and the problems found."""
    files, problems = [], []
    limit = EVIDENCE_FIELD["max_size_mb"] * 1024 * 1024
    if len(uploads) > EVIDENCE_MAX_FILES:
        problems.append(
            _("You can send at most %(count)s files at once.") % {"count": EVIDENCE_MAX_FILES}
        )
        return files, problems
    for upload in uploads:
        name = upload.name.replace("/", "_").replace("\\", "_")[-200:]
        if upload.size > limit:
            problems.append(
                f"{name}: "
                + _("The file is larger than %(mb)s MB.") % {"mb": EVIDENCE_FIELD["max_size_mb"]}
            )
            continue
        content = upload.read()
        try:
            checked_content_type(EVIDENCE_FIELD, name, content)
        except ValidationError as error:
            problems.append(f"{name}: {error.messages[0]}")
            continue
        files.append(EvidenceFile(name=name, content=content))
    return files, problems


@never_cache
@visitor_required()
@require_POST
def answer(request, case_uuid):
    """The answer to what the municipality is waiting for: text and/or files."""
    case = visitor_case(request, case_uuid)
    visitor = current_visitor(request)
    text = request.POST.get("answer", "")
    label_text, label_files = _("Your answer"), _("Files")
    errors = []
    if len(text) > ANSWER_MAX_LENGTH:
        message = _("Write at most %(limit_value)d characters.") % {
            "limit_value": ANSWER_MAX_LENGTH
        }
        errors.append(("answer-text", label_text, message))
    files, problems = read_evidence(request.FILES.getlist("files"))
    errors += [("answer-files", label_files, problem) for problem in problems]
    if not errors:
        try:
            answer_request(case, text=text, files=files, actor=actor_of(visitor))
        except CaseError as error:
            if error.code in ("niet-opgeschort", "zaak-afgesloten"):
                # Someone at the municipality went on with the case meanwhile: no form now.
                messages.warning(request, error.messages[0])
                return redirect("portal:mijn-case", case.uuid)
            errors.append(("answer-text", label_text, error.messages[0]))
        else:
            messages.success(
                request,
                _("Thank you. We have received your answer and continue with your request."),
            )
            return redirect("portal:mijn-case", case.uuid)
    context = case_context(
        request, case, answer_text=text[:ANSWER_MAX_LENGTH], answer_errors=errors
    )
    return render(request, "portal/mijn/case.html", context, status=400)


@never_cache
@visitor_required()
def download(request, case_uuid, document_uuid):
    case = visitor_case(request, case_uuid)
    document = citizen_document_of(case, document_uuid)
    if document is None:
        raise Http404
    return document.download()


def handle_satisfaction(request, case: Case, channel: str):
    """Store a posted satisfaction answer; the form with its errors when it is not right."""
    if not case.is_closed:
        raise Http404  # the question is only asked about a closed case
    form = SatisfactionForm(request.POST)
    if form.is_valid():
        try:
            record_satisfaction(
                case,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
                channel=channel,
            )
        except ValidationError as error:
            form.add_error("score", error)
        else:
            return None
    return form


@never_cache
@visitor_required()
@require_POST
def satisfaction(request, case_uuid):
    case = visitor_case(request, case_uuid)
    form = handle_satisfaction(request, case, SatisfactionAnswer.Channel.MY_PAGE)
    if form is None:
        return redirect(reverse("portal:mijn-case", args=[case.uuid]) + "#tevredenheid")
    context = case_context(request, case, satisfaction_form=form)
    return render(request, "portal/mijn/case.html", context, status=400)


@never_cache
@visitor_required()
def my_data(request):
    """The person's data in the BRP, and whom they shared it with (``loket.sharing``)."""
    visitor = current_visitor(request)
    person, unavailable = None, False
    if visitor.is_person:
        try:
            person = get_brp_source().person(visitor.bsn)
        except (BrpError, ValidationError):
            unavailable = True
    partner = person.partner if person and person.partner and not person.partner.end_date else None
    context = {
        "person": person,
        "partner": partner,
        "unavailable": unavailable,
        "consents": consents_of(visitor.bsn) if visitor.is_person else [],
    }
    return render(request, "portal/mijn/data.html", context)
