"""Sharing data in Mijn omgeving (``/mijn/delen/``): a person's consents with their log,
sharing data with an organisation in two steps, the statement to copy or download, and
withdrawing it. Only a person logged in with DigiD; someone else's consent answers 404, as
one that does not exist."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from loket.brp.errors import BrpError
from loket.brp.sources import get_brp_source
from loket.identity.citizens import current_visitor, visitor_required
from loket.sharing.attributes import available_attributes
from loket.sharing.forms import ShareForm
from loket.sharing.models import Consent
from loket.sharing.selectors import consent_of, consents_of, events_of, receivers_to_choose
from loket.sharing.services import issue_statement, latest_end, revoke_consent

EVENTS_PER_PAGE = 50
RECEIVER_PARAMETER = "ontvanger"
NEXT_PARAMETER = "volgende"  # step 1's button: sent also when no organisation was chosen


def visitor_consent(request, consent_uuid) -> Consent:
    consent = consent_of(consent_uuid, bsn=current_visitor(request).bsn)
    if consent is None:
        raise Http404
    return consent


@never_cache
@visitor_required("person")
def overview(request):
    bsn = current_visitor(request).bsn
    events = Paginator(events_of(bsn), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "consents": consents_of(bsn),
        "events": events,
        "can_share": receivers_to_choose().exists(),
    }
    return render(request, "sharing/mijn/overview.html", context)


def chosen_receiver(request):
    """The active receiver the person chose in step 1, or None."""
    value = (request.POST if request.method == "POST" else request.GET).get(RECEIVER_PARAMETER)
    try:
        return receivers_to_choose().filter(uuid=value).first() if value else None
    except ValidationError:  # not a uuid
        return None


def choose_receiver(request):
    """Step 1: the organisation; an error when the person went on without choosing one."""
    errors = []
    if {RECEIVER_PARAMETER, NEXT_PARAMETER} & set(request.GET) or request.method == "POST":
        errors.append(("share-receiver", _("Organisation"), _("Choose an organisation.")))
    context = {"receivers": receivers_to_choose(), "errors": errors}
    status = 400 if errors else 200
    return render(request, "sharing/mijn/choose_receiver.html", context, status=status)


@never_cache
@visitor_required("person")
def new(request):
    """Step 1 chooses the organisation; step 2 the data, the purpose and the end date."""
    receiver = chosen_receiver(request)
    if receiver is None:
        return choose_receiver(request)
    bsn = current_visitor(request).bsn
    try:
        person = get_brp_source().person(bsn)
    except (BrpError, ValidationError):
        person = None
    if person is None:
        messages.error(request, _("We cannot get your data right now. Please try again later."))
        return redirect("sharing:mijn")
    attributes = available_attributes(person)
    choices = [(attribute.key, attribute.label) for attribute, _shown in attributes]
    form = ShareForm(request.POST or None, receiver=receiver, attributes=choices)
    if request.method == "POST" and form.is_valid():
        try:
            consent = issue_statement(bsn=bsn, receiver=receiver, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except BrpError:
            form.add_error(None, _("We cannot get your data right now. Please try again later."))
        else:
            messages.success(
                request,
                _("Done. Give the statement below to %(name)s.") % {"name": receiver.name},
            )
            return redirect("sharing:consent", consent.uuid)
    today = timezone.localdate()
    context = {
        "receiver": receiver,
        "receiver_parameter": RECEIVER_PARAMETER,
        "form": form,
        "attributes": attributes,
        "chosen": form["attributes"].value() or [],
        "today": today,
        "latest_end": latest_end(today),
    }
    return render(request, "sharing/mijn/share.html", context, status=400 if form.errors else 200)


@never_cache
@visitor_required("person")
def consent_detail(request, consent_uuid):
    consent = visitor_consent(request, consent_uuid)
    return render(request, "sharing/mijn/consent.html", {"consent": consent})


@never_cache
@visitor_required("person")
def download(request, consent_uuid):
    consent = visitor_consent(request, consent_uuid)
    if not (consent.is_active and consent.statement):
        raise Http404
    response = HttpResponse(consent.statement, content_type="application/jwt")
    name = f"verklaring-{consent.issued_at:%Y-%m-%d}-{str(consent.uuid)[:8]}.jwt"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@visitor_required("person")
@require_POST
def revoke(request, consent_uuid):
    consent = revoke_consent(visitor_consent(request, consent_uuid))
    messages.success(
        request,
        _("You have withdrawn your consent. %(name)s can no longer use the statement.")
        % {"name": consent.receiver.name},
    )
    return redirect("sharing:consent", consent.uuid)
