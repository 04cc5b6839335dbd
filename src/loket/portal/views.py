from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from loket.appointments.selectors import is_bookable
from loket.cases.selectors import case_timeline
from loket.cases.tracking import case_for_track_token
from loket.catalog.models import Product
from loket.catalog.search import normalise, search_products
from loket.forms.models import FormDefinition
from loket.portal.mijn import handle_satisfaction
from loket.portal.models import SatisfactionAnswer
from loket.portal.satisfaction import SatisfactionForm, answer_of


class HomeView(TemplateView):
    template_name = "portal/home.html"


def product_index(request):
    """All published products A to Z, grouped by first letter."""
    products = sorted(Product.objects.published(), key=lambda p: normalise(p.name))
    groups = [
        (letter.upper(), list(items))
        for letter, items in groupby(products, key=lambda p: normalise(p.name)[:1])
    ]
    return render(request, "portal/products/index.html", {"groups": groups})


def product_search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = search_products(query) if query else []
    return render(request, "portal/products/search.html", {"query": query, "results": results})


def product_detail(request, slug):
    product = get_object_or_404(Product.objects.published().prefetch_related("costs"), slug=slug)
    online_form = FormDefinition.objects.current_for(product)
    context = {"product": product, "online_form": online_form, "bookable": is_bookable(product)}
    return render(request, "portal/products/detail.html", context)


def track_case(token: str):
    case = case_for_track_token(token)
    if case is None:
        raise Http404
    return case


def track_context(case, token: str, **extra) -> dict:
    satisfaction = answer_of(case) if case.is_closed else None
    context = {
        "case": case,
        "steps": case_timeline(case),
        "satisfaction": satisfaction,
        "satisfaction_form": SatisfactionForm() if case.is_closed and not satisfaction else None,
        "satisfaction_action": reverse("portal:track-satisfaction", args=[token]),
        # Only the initiator can log in to send what the municipality waits for.
        "has_initiator": bool(case.initiator_bsn or case.initiator_kvk),
    }
    context.update(extra)
    return context


@never_cache
def track(request, token):
    """Track & trace through the secret link of the confirmation mail, without login."""
    case = track_case(token)
    return render(request, "portal/track.html", track_context(case, token))


@never_cache
@require_POST
def track_satisfaction(request, token):
    """The satisfaction question of a closed case, answered on its track & trace page."""
    case = track_case(token)
    form = handle_satisfaction(request, case, SatisfactionAnswer.Channel.TRACK_LINK)
    if form is None:
        return redirect(reverse("portal:track", args=[token]) + "#tevredenheid")
    context = track_context(case, token, satisfaction_form=form)
    return render(request, "portal/track.html", context, status=400)
