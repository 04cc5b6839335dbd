"""Logging in to the portal: the choice of DigiD or eHerkenning, the logins through an
OpenID Connect broker (``oidc.py``), the demo identity provider, staying logged in, and
logging out.

The demo identity provider exists only with ``LOKET_DEMO_LOGIN``, which production refuses.
"""

import logging
import math
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loket.identity import oidc
from loket.identity.assurance import LABELS, LEVELS, assurance_sufficient
from loket.identity.citizens import (
    Visitor,
    current_visitor,
    log_in_visitor,
    log_out_visitor,
    seconds_left,
)
from loket.identity.demo_login import (
    DEMO_ASSURANCE,
    DEMO_BUSINESSES,
    PERSONS_SHOWN,
    demo_business,
    demo_persons,
)

log = logging.getLogger(__name__)


def safe_next(request) -> str:
    """Where to go after logging in: ``next`` if it stays on this site, else the home page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("portal:home")


def demo_only(view):
    """Outside demo mode the demo identity provider does not exist."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.LOKET_DEMO_LOGIN:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
def login(request):
    brokers = oidc.configured_brokers()
    demo = settings.LOKET_DEMO_LOGIN
    # A form that needs DigiD or eHerkenning says which (``via``); else both are offered.
    via = request.GET.get("via", "")
    person = ("digid" in brokers or demo) and via != "eherkenning"
    business = ("eherkenning" in brokers or demo) and via != "digid"
    required = request.GET.get("assurance", "")
    required = required if required in LEVELS else ""
    visitor = current_visitor(request)
    return render(
        request,
        "identity/login.html",
        {
            "next": safe_next(request),
            "demo": demo,
            "digid": "digid" in brokers,
            "eherkenning": "eherkenning" in brokers,
            "offer_person": person,
            "offer_business": business,
            "required_level": LABELS.get(required, ""),
            "too_low": bool(required and visitor and not assurance_sufficient(visitor, required)),
            "visitor_level": LABELS.get(visitor.assurance, "") if visitor else "",
        },
    )


def broker_or_404(broker: str) -> None:
    if oidc.broker_config(broker) is None:
        raise Http404


def login_refused(request, broker: str, refusal: oidc.LoginRefused):
    log.warning("A %s login was refused: %s", broker, refusal.reason)
    return render(
        request,
        "identity/login_refused.html",
        {
            "means": oidc.BROKERS[broker].label,
            "message": refusal.message,
            "retry": reverse("identity:login")
            + "?"
            + urlencode({"next": refusal.next_url or safe_next(request)}),
        },
        status=refusal.status,
    )


@never_cache
@require_GET
def broker_login(request, broker: str):
    """To the DigiD or eHerkenning broker, which sends the visitor back to ``broker_return``."""
    broker_or_404(broker)
    try:
        return oidc.start_login(request, broker, safe_next(request))
    except oidc.LoginRefused as refusal:
        return login_refused(request, broker, refusal)


@never_cache
@require_GET
def broker_return(request, broker: str):
    """The broker's answer: log the visitor in and go where they were going, or say why not."""
    broker_or_404(broker)
    try:
        visitor, next_url = oidc.finish_login(request, broker)
    except oidc.LoginRefused as refusal:
        return login_refused(request, broker, refusal)
    log_in_visitor(request, visitor)
    return redirect(next_url)


@never_cache
@require_http_methods(["GET", "POST"])
@demo_only
def demo_digid(request):
    if request.method == "POST":
        # Only a person the page offers: the demo is no way to act as any BSN.
        person = get_object_or_404(demo_persons(), bsn=request.POST.get("bsn", ""))
        visitor = Visitor(
            bsn=person.bsn, name=person.full_name, assurance=DEMO_ASSURANCE, method="demo"
        )
        log_in_visitor(request, visitor)
        return redirect(safe_next(request))
    query = request.GET.get("q", "").strip()[:100]
    matches = demo_persons(query)
    return render(
        request,
        "identity/demo_digid.html",
        {
            "next": safe_next(request),
            "query": query,
            "persons": matches[:PERSONS_SHOWN],
            "total": matches.count(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@demo_only
def demo_eherkenning(request):
    if request.method == "POST":
        business = demo_business(request.POST.get("kvk", ""))
        if business is None:
            raise Http404
        visitor = Visitor(
            kvk=business.kvk, name=business.name, assurance=DEMO_ASSURANCE, method="demo"
        )
        log_in_visitor(request, visitor)
        return redirect(safe_next(request))
    return render(
        request,
        "identity/demo_eherkenning.html",
        {"next": safe_next(request), "businesses": DEMO_BUSINESSES},
    )


def logout_time_message(seconds: float) -> str:
    ends_at = timezone.localtime(timezone.now() + timedelta(seconds=seconds))
    return _("You will be logged out at %(time)s if you do nothing.") % {
        "time": time_format(ends_at, "H:i")
    }


@never_cache
@require_POST
def stay_logged_in(request):
    """ "Stay logged in": the request itself counts as activity (``VisitorIdleTimeoutMiddleware``
    noted it before this view). The warning's script asks for JSON; a plain form post goes
    back to the page."""
    left = seconds_left(request)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if left is None:  # the login had already ended
        if wants_json:
            return JsonResponse({"logged_in": False}, status=401)
        return redirect(f"{reverse('identity:login')}?{urlencode({'next': safe_next(request)})}")
    if wants_json:
        return JsonResponse(
            {
                "logged_in": True,
                "seconds_left": math.ceil(left),
                "message": logout_time_message(left),
            }
        )
    return redirect(safe_next(request))


@require_POST
def logout(request):
    log_out_visitor(request)
    return redirect("portal:home")
