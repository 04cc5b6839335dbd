"""Logging in to the portal: the choice of DigiD or eHerkenning, the demo identity provider,
and logging out.

The real logins go through an OpenID Connect broker, which is still to come; until then only
the demo identity provider (``LOKET_DEMO_LOGIN``, never in production) logs anyone in.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from loket.identity.citizens import Visitor, log_in_visitor, log_out_visitor
from loket.identity.demo_login import (
    DEMO_ASSURANCE,
    DEMO_BUSINESSES,
    PERSONS_SHOWN,
    demo_business,
    demo_persons,
)


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
    return render(
        request,
        "identity/login.html",
        {"next": safe_next(request), "demo": settings.LOKET_DEMO_LOGIN},
    )


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


@require_POST
def logout(request):
    log_out_visitor(request)
    return redirect("portal:home")
