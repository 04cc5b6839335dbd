"""The Referentielijsten API's endpoints: read-only JSON over the lists in memory.

Plain Django views rather than a REST framework: the data is static and public (VNG's own
instances ask no authorisation), so all there is to do is filter, paginate and render. Field
names, URL forms and response shapes follow ``data/referentielijsten-openapi.yaml``.
"""

from urllib.parse import urlsplit

from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from loket.api.referentielijsten import store

API_VERSION = "0.6.0"  # the version of VNG's OpenAPI document that Loket serves
PAGE_SIZE = 100  # as VNG's own instance, so that clients page the same way


def api_response(data, status: int = 200, content_type: str = "application/json"):
    response = JsonResponse(data, status=status, safe=False, content_type=content_type)
    response["API-version"] = API_VERSION
    return response


def problem(request, status: int, code: str, title: str, detail: str, **extra):
    """An error body in the API's ``Fout`` shape (RFC 7807 problem details)."""
    body = {
        "type": f"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        "code": code,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.get_full_path(),
        **extra,
    }
    return api_response(body, status=status, content_type="application/problem+json")


def not_found(request, detail: str):
    return problem(request, 404, "not_found", "Niet gevonden.", detail)


def invalid_parameter(request, name: str, reason: str):
    """A 400 in the API's ``ValidatieFout`` shape, for a query parameter it cannot use."""
    return problem(
        request,
        400,
        "invalid",
        "Een of meer parameters zijn niet geldig.",
        reason,
        invalidParams=[{"name": name, "code": "invalid", "reason": reason}],
    )


def page_url(request, resource: str, number: int) -> str:
    """The URL of another page, keeping the filters; page 1 carries no ``page``, as in DRF."""
    query = request.GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = number
    encoded = query.urlencode()
    return f"{store.base_url()}{resource}" + (f"?{encoded}" if encoded else "")


def paginated(request, resource: str, items: list[dict]):
    paginator = Paginator(items, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        return not_found(request, "Ongeldige pagina.")
    next_page = page.next_page_number() if page.has_next() else None
    previous_page = page.previous_page_number() if page.has_previous() else None
    return api_response(
        {
            "count": paginator.count,
            "next": next_page and page_url(request, resource, next_page),
            "previous": previous_page and page_url(request, resource, previous_page),
            "results": page.object_list,
        }
    )


@require_safe
def procestype_list(request):
    items = store.items("procestypen")
    jaar = request.GET.get("jaar")
    if jaar:
        try:
            year = int(jaar)
        except ValueError:
            return invalid_parameter(request, "jaar", "Voer een geheel getal in.")
        items = [item for item in items if item["jaar"] == year]
    return api_response(items)


@require_safe
def resultaat_list(request):
    items = store.items("resultaten")
    process_url = request.GET.get("proces_type")
    if process_url:
        # Loosely: a host name without a dot ("http://loket:8000/") is a fine base URL too.
        parts = urlsplit(process_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return invalid_parameter(request, "proces_type", "Voer een geldige URL in.")
        # A URL that names no procestype of this API matches no result.
        items = [item for item in items if item["procesType"] == process_url]
    return paginated(request, "resultaten", items)


@require_safe
def resultaattypeomschrijving_list(request):
    return api_response(store.items("resultaattypeomschrijvingen"))


@require_safe
def communicatiekanaal_list(request):
    return paginated(request, "communicatiekanalen", store.items("communicatiekanalen"))


@require_safe
def retrieve(request, resource: str, uuid: str):
    item = store.item(resource, uuid)
    if item is None:
        return not_found(request, f"Er is geen {store.RESOURCES[resource]} met uuid {uuid}.")
    return api_response(item)


@require_safe
def openapi_schema(request):
    return HttpResponse(
        store.openapi_schema(store.base_url()),
        content_type="application/vnd.oai.openapi; charset=utf-8",
    )
