"""The pages of a form: steps, summary, payment return, confirmation, save and resume.

Thin on purpose: reading the request and choosing the page happen here; checking answers is
``steps``, showing them ``rendering``, and every change a service of ``services``.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from stdnum.nl.bsn import is_valid as is_valid_bsn

from loket.appointments.services import SlotUnavailable
from loket.brp.sources import get_brp_source
from loket.cases.tracking import track_token
from loket.catalog.models import Product
from loket.forms.booking import hold_chosen_slots
from loket.forms.fields import FillContext, clean_email
from loket.forms.models import Channel, Draft, FormDefinition, Login, Submission
from loket.forms.payments import get_payment_provider, payment_available
from loket.forms.prefill import prefilled_answers
from loket.forms.rendering import (
    MAP_HEIGHT,
    MAP_WIDTH,
    map_pixel,
    map_point,
    shown_fields,
    summary_rows,
)
from loket.forms.schema import appointment_step, find_step, step_keys, text
from loket.forms.services import (
    draft_for_resume_token,
    fee_of,
    login_allows,
    may_fill,
    record_payment,
    save_step,
    send_resume_link,
    start_draft,
    start_payment,
    submit_draft,
)
from loket.forms.steps import check_step, first_incomplete_step, read_step, visible_answers
from loket.forms.uploads import add_upload, remove_uploads, uploads_value
from loket.identity.assurance import LEVELS
from loket.identity.citizens import (
    Visitor,
    assisted_intake,
    current_visitor,
    end_assisted_intake,
    start_assisted_intake,
)
from loket.identity.permissions import StaffPermission, require
from loket.identity.second_factor import staff_required

PAGE_SALT = "loket.forms.page"
SESSION_DRAFTS = "form_drafts"


# --- finding the draft -----------------------------------------------------------------------


def language() -> str:
    return (get_language() or "nl")[:2]


def session_drafts(request) -> list[str]:
    return request.session.get(SESSION_DRAFTS, [])


def remember_draft(request, draft: Draft) -> None:
    request.session[SESSION_DRAFTS] = [*session_drafts(request), str(draft.uuid)][-20:]


def draft_or_404(request, draft_uuid) -> Draft:
    """The draft, for whoever may fill it in; the same 404 whether it exists or not."""
    draft = Draft.objects.select_related("definition__product").filter(uuid=draft_uuid).first()
    if draft is None or not may_fill(draft, current_visitor(request), session_drafts(request)):
        raise Http404
    return draft


def login_redirect(request, definition: FormDefinition):
    kind = {Login.CITIZEN: "digid", Login.BUSINESS: "eherkenning"}.get(definition.login, "")
    query = {"next": request.get_full_path(), **({"via": kind} if kind else {})}
    if definition.assurance:
        query["assurance"] = definition.assurance
    query = urlencode(query)
    return HttpResponseRedirect(f"{reverse('identity:login')}?{query}")


def base_answers(draft: Draft, visitor) -> dict:
    """The draft's answers with the register's prefill and the files as they are now."""
    schema = draft.definition.schema
    answers = dict(draft.answers)
    answers |= prefilled_answers(
        schema, bsn=visitor.bsn if visitor else "", kvk=visitor.kvk if visitor else ""
    )
    for step in schema["steps"]:
        for field in step["fields"]:
            if field["type"] == "file":
                answers[field["key"]] = uploads_value(draft, field["key"])
    return answers


def page_token(draft: Draft, step_key: str) -> str:
    return signing.dumps(
        {"d": str(draft.uuid), "s": step_key, "v": draft.definition.version}, salt=PAGE_SALT
    )


def page_token_valid(request, draft: Draft, step_key: str) -> bool:
    try:
        state = signing.loads(request.POST.get("state", ""), salt=PAGE_SALT)
    except signing.BadSignature:
        return False
    return state == {"d": str(draft.uuid), "s": step_key, "v": draft.definition.version}


def refused(request, message: str, back: str = ""):
    response = render(request, "forms/refused.html", {"message": message, "back": back})
    response.status_code = 400
    return response


def step_url(draft: Draft, step_key: str) -> str:
    return reverse("forms:step", args=[draft.uuid, step_key])


def next_page(draft: Draft, visitor) -> str:
    missing = first_incomplete_step(
        draft.definition.schema, base_answers(draft, visitor), draft.completed_steps
    )
    if missing:
        return step_url(draft, missing)
    return reverse("forms:summary", args=[draft.uuid])


# --- the pages -------------------------------------------------------------------------------


def current_definition(slug) -> FormDefinition:
    product = get_object_or_404(Product.objects.published(), slug=slug)
    definition = FormDefinition.objects.current_for(product)
    if definition is None:
        raise Http404
    return definition


def start(request, slug):
    """The product page's "Direct regelen": the person's draft, or a new one."""
    definition = current_definition(slug)
    visitor = current_visitor(request)
    if not login_allows(definition, visitor):
        return login_redirect(request, definition)
    assisted = assisted_intake(request)
    draft = start_draft(
        definition,
        visitor if definition.login != Login.NONE else None,
        **(
            {"channel": assisted["channel"], "assisted_by": request.user}
            if assisted and request.user.pk == assisted["employee"]
            else {}
        ),
    )
    remember_draft(request, draft)
    return redirect(next_page(draft, visitor))


ASSISTED_CHANNELS = (Channel.PHONE, Channel.COUNTER, Channel.HOME_VISIT)


@require_POST
@staff_required("workqueue:login", "workqueue:code")
def assist(request, slug):
    """Assisted digital: a KCC employee starts the form with a person (``bsn``) on a
    ``channel``; the same pages follow, and the case lands in the person's Mijn omgeving."""
    require(request.user, StaffPermission.HANDLE_CONTACTS)
    definition = current_definition(slug)
    if definition.login == Login.BUSINESS:
        return refused(
            request, _("This form is for businesses; it cannot be filled in for a person.")
        )
    channel = request.POST.get("channel", "")
    if channel not in ASSISTED_CHANNELS:
        return refused(
            request,
            _("Choose how you help the person: by phone, at the counter or on a home visit."),
        )
    bsn = request.POST.get("bsn", "").strip()
    person = get_brp_source().person(bsn) if is_valid_bsn(bsn) else None
    if person is None:
        return refused(request, _("There is no person with this BSN in the register."))
    visitor = Visitor(
        bsn=person.bsn,
        name=person.full_name,
        # The employee checked who the person is, as the counter does with an ID.
        assurance=LEVELS[-1],
        method="assisted",
    )
    start_assisted_intake(request, visitor, channel=channel, employee=request.user)
    return redirect("forms:start", slug)


@require_http_methods(["GET", "POST"])
def step(request, draft_uuid, step_key):
    draft = draft_or_404(request, draft_uuid)
    if draft.submitted_at:
        return redirect("forms:confirmation", draft.uuid)
    schema = draft.definition.schema
    current = find_step(schema, step_key)
    if current is None:
        raise Http404
    visitor = current_visitor(request)
    order = step_keys(schema)
    earlier = order[: order.index(step_key)]
    if any(key not in draft.completed_steps for key in earlier):
        # A step is only reachable after the steps before it: no skipping by URL.
        return redirect(next_page(draft, visitor))
    if request.method == "GET":
        return render_step(request, draft, current, base_answers(draft, visitor), draft.typed, {})
    if not page_token_valid(request, draft, step_key):
        return refused(request, _("This page was changed or is out of date. Open the form again."))
    return post_step(request, draft, current, visitor)


def post_step(request, draft: Draft, current: dict, visitor):
    action = request.POST.get("action", "next")
    errors = receive_files(request, draft, current)
    typed = read_step(current, request.POST)
    action = apply_page_action(request, current, typed, action)
    ctx = FillContext(today=timezone.localdate(), language=language())
    outcome = check_step(current, typed, base_answers(draft, visitor), ctx)
    outcome.errors |= errors
    hold_chosen_slots(
        current, draft.answers, outcome, typed, take_new=action == "next" and outcome.valid
    )
    draft = save_step(draft, current["key"], outcome, complete=action in ("next", "previous"))
    order = step_keys(draft.definition.schema)
    index = order.index(current["key"])
    if action == "previous":
        return redirect(step_url(draft, order[index - 1]) if index else draft_start(draft))
    if action == "save":
        return redirect("forms:save", draft.uuid)
    if action == "next" and outcome.valid:
        if index + 1 < len(order):
            return redirect(step_url(draft, order[index + 1]))
        return redirect("forms:summary", draft.uuid)
    shown_errors = outcome.errors if action == "next" else errors_for_action(outcome.errors, action)
    shown_typed = dict(draft.typed)
    kind, _sep, rest = action.partition(":")
    if kind in ("add", "remove"):
        # The rows as the person arranged them, the new empty one included.
        group = rest.partition(":")[0]
        shown_typed[group] = typed.get(group, [])
    return render_step(request, draft, current, outcome.answers, shown_typed, shown_errors)


def draft_start(draft: Draft) -> str:
    return reverse("portal:product-detail", args=[draft.definition.product.slug])


def receive_files(request, draft: Draft, current: dict) -> dict:
    """Keep new files and drop removed ones at once, whatever else is wrong on the page."""
    errors = {}
    for field in current["fields"]:
        if field["type"] != "file":
            continue
        remove_uploads(draft, field["key"], request.POST.getlist(f"{field['key']}-remove"))
        for uploaded in request.FILES.getlist(field["key"]):
            try:
                add_upload(draft, field, uploaded)
            except ValidationError as error:
                errors[field["key"]] = f"{uploaded.name}: {error.messages[0]}"
    return errors


def apply_page_action(request, current: dict, typed: dict, action: str) -> str:
    """Buttons that change the page itself: add or remove a row, fill in an address, click
    the map. They keep the person on the step."""
    for field in current["fields"]:
        key = field["key"]
        if field["type"] == "location" and f"{key}-map.x" in request.POST:
            try:
                x, y = int(request.POST[f"{key}-map.x"]), int(request.POST[f"{key}-map.y"])
            except ValueError:
                return "map"
            if (x, y) != (0, 0):  # a keyboard "click" says 0,0: keep the typed coordinates
                typed[key] = map_point(x, y)
            return f"map:{key}"
    kind, _sep, rest = action.partition(":")
    if kind == "add" and isinstance(typed.get(rest), list):
        typed[rest].append({})
    elif kind == "remove":
        group, _sep, index = rest.partition(":")
        rows = typed.get(group)
        if isinstance(rows, list) and index.isdigit() and int(index) < len(rows):
            del rows[int(index)]
    elif kind not in ("next", "previous", "save", "lookup", "times"):
        return "next"
    return action


def errors_for_action(errors: dict, action: str) -> dict:
    """After "find address" only that address's error is news; other buttons show none."""
    kind, _sep, key = action.partition(":")
    if kind == "lookup":
        return {name: message for name, message in errors.items() if name == key}
    return {}


def render_step(request, draft, current, answers, typed, errors):
    schema = draft.definition.schema
    order = step_keys(schema)
    fields = shown_fields(current, answers, typed, errors, language())
    context = {
        "draft": draft,
        "product": draft.definition.product,
        "step": current,
        "title": text(current["title"]),
        "intro": text(current.get("intro")),
        "fields": fields,
        "errors": [(f.name, f.label, f.error) for f in fields if f.error] + group_errors(fields),
        "position": order.index(current["key"]) + 1,
        "steps": [text(s["title"]) for s in schema["steps"]],
        "count": len(order),
        "is_first": current["key"] == order[0],
        "state": page_token(draft, current["key"]),
        "map_size": (MAP_WIDTH, MAP_HEIGHT),
        "can_save": True,
    }
    for field in fields:
        if field.type == "location":
            field.settings = {**field.settings, "pixel": map_pixel(field.value)}
    return render(request, "forms/step.html", context, status=400 if errors else 200)


def group_errors(fields) -> list:
    found = []
    for field in fields:
        for row in field.rows:
            if isinstance(row, list):
                found += [(sub.name, sub.label, sub.error) for sub in row if sub.error]
    return found


@require_http_methods(["GET", "POST"])
def summary(request, draft_uuid):
    draft = draft_or_404(request, draft_uuid)
    if draft.submitted_at:
        return redirect("forms:confirmation", draft.uuid)
    visitor = current_visitor(request)
    answers = base_answers(draft, visitor)
    schema = draft.definition.schema
    missing = first_incomplete_step(schema, answers, draft.completed_steps)
    if missing:
        return redirect(step_url(draft, missing))
    error = ""
    if request.method == "POST":
        if not page_token_valid(request, draft, "summary"):
            return refused(
                request, _("This page was changed or is out of date. Open the form again.")
            )
        if "confirm" not in request.POST:
            error = _("Tick the box to confirm that your answers are correct.")
        elif fee_of(draft.definition, visible_answers(schema, answers)) and not payment_available():
            return refused(
                request,
                _(
                    "Paying online is not possible yet. Your answers are kept; please arrange "
                    "this at the counter or by phone."
                ),
            )
        else:
            try:
                return submit(request, draft, answers, visitor)
            except SlotUnavailable as refusal:
                return refused(
                    request, str(refusal), back=step_url(draft, appointment_step(schema))
                )
    fee = fee_of(draft.definition, visible_answers(schema, answers))
    payment = request.GET.get("betaling", "")
    return render(
        request,
        "forms/summary.html",
        {
            "draft": draft,
            "product": draft.definition.product,
            "sections": summary_rows(schema, answers, language()),
            "fee": fee,
            "error": error,
            "payment_problem": payment if payment in ("cancelled", "failed") else "",
            "state": page_token(draft, "summary"),
        },
        status=400 if error else 200,
    )


def submit(request, draft: Draft, answers: dict, visitor):
    # The register's values are asked again now, so the submission holds what it says.
    draft.answers = answers
    draft.save(update_fields=["answers", "updated_at"])
    submission = submit_draft(
        draft, submitted_by=visitor.name if visitor else "", language=language()
    )
    if submission.status == Submission.Status.REGISTERED:
        return redirect("forms:confirmation", draft.uuid)
    return_url = reverse("forms:payment-return", args=[draft.uuid])
    return HttpResponseRedirect(start_payment(submission, return_url))


def payment_return(request, draft_uuid):
    draft = draft_or_404(request, draft_uuid)
    submission = get_object_or_404(Submission, draft=draft)
    outcome = get_payment_provider().outcome(request, submission.payment_reference)
    submission = record_payment(submission, outcome)
    if submission.status == Submission.Status.REGISTERED:
        return redirect("forms:confirmation", draft.uuid)
    problem = submission.payment_status if submission.payment_status != "open" else "cancelled"
    return HttpResponseRedirect(
        reverse("forms:summary", args=[draft.uuid]) + "?" + urlencode({"betaling": problem})
    )


def confirmation(request, draft_uuid):
    draft = draft_or_404(request, draft_uuid)
    submission = Submission.objects.filter(draft=draft, case__isnull=False).first()
    if submission is None:
        return redirect(next_page(draft, current_visitor(request)))
    # The employee's help ends with the request: the next call starts without this person.
    assisted = assisted_intake(request) is not None and draft.assisted_by_id is not None
    if assisted:
        end_assisted_intake(request)
    return render(
        request,
        "forms/confirmation.html",
        {
            "assisted": assisted,
            "submission": submission,
            "case": submission.case,
            "product": draft.definition.product,
            "track_url": reverse("portal:track", args=[track_token(submission.case)]),
            "email": submission.answers.get(
                draft.definition.schema.get("case", {}).get("email_field", "")
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def save_for_later(request, draft_uuid):
    draft = draft_or_404(request, draft_uuid)
    context = {
        "draft": draft,
        "product": draft.definition.product,
        "logged_in": bool(draft.owner_bsn or draft.owner_kvk),
    }
    if request.method == "POST" and not context["logged_in"]:
        email = request.POST.get("email", "").strip()
        try:
            clean_email({}, email, None)
        except ValidationError as error:
            context |= {"error": error.messages[0], "email": email}
            return render(request, "forms/save.html", context, status=400)
        send_resume_link(draft, email, language())
        context["sent_to"] = email
    return render(request, "forms/save.html", context)


def resume(request, token):
    draft = draft_for_resume_token(token)
    if draft is None:
        return render(
            request,
            "forms/refused.html",
            {"message": _("This link is no longer valid. Start the form again.")},
            status=404,
        )
    remember_draft(request, draft)
    return redirect(next_page(draft, current_visitor(request)))


def map_image(request):
    """The municipality's map for the location field, drawn without outside map tiles."""
    try:
        marker = map_pixel({"lat": request.GET["lat"], "lon": request.GET["lon"]})
    except KeyError:
        marker = None
    response = render(
        request,
        "forms/map.svg",
        {
            "width": MAP_WIDTH,
            "height": MAP_HEIGHT,
            "marker": marker,
            "area": settings.LOKET_MAP_AREA,
        },
        content_type="image/svg+xml",
    )
    response["Cache-Control"] = "max-age=3600"
    return response
