from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from loket.cases.timeline import timeline
from loket.cases.tracking import case_for_track_token
from loket.catalog.models import Product
from loket.catalog.search import normalise, search_products
from loket.forms.models import FormDefinition


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
    return render(
        request, "portal/products/detail.html", {"product": product, "online_form": online_form}
    )


def track(request, token):
    """Track & trace through the secret link of the confirmation mail, without login."""
    case = case_for_track_token(token)
    if case is None:
        raise Http404
    return render(request, "portal/track.html", {"case": case, "steps": timeline(case)})
