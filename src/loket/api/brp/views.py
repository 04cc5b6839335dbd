"""Loket's built-in register served as a Haal Centraal BRP Personen API (``POST /personen``).

So other systems can use Loket's fictional persons as they would RvIG's mock, and Loket's own
client is tested against a real HTTP server. A plain Django view: one operation, an API key,
problem-details errors in RvIG's wording. The register answers, the view only translates.
"""

import json
from hmac import compare_digest

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from loket.api.brp.fields import select
from loket.api.brp.persons import municipality, persoon
from loket.api.brp.queries import InvalidQuery, PersonenQuery, parse_query
from loket.brp.builtin import BuiltInRegister, PersonSearch
from loket.brp.records import PersonRecord

JSON = "application/json; charset=utf-8"
PROBLEM_TYPES = {
    400: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
    401: "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1",
    405: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.5",
    406: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6",
    415: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.13",
}
SUPPORTED = "Ondersteunde content type: application/json; charset=utf-8."


def problem(request, status: int, title: str, code: str, detail: str = "", **extra):
    body = {
        "type": PROBLEM_TYPES[status],
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        "code": code,
        **extra,
    }
    if not detail:
        del body["detail"]
    return JsonResponse(body, status=status, content_type="application/problem+json")


def invalid(request, error: InvalidQuery):
    names = ", ".join(p.name for p in error.problems)
    title, code = (
        ("Minimale combinatie van parameters moet worden opgegeven.", "paramsCombination")
        if error.only_missing
        else ("Een of meerdere parameters zijn niet correct.", "paramsValidation")
    )
    return problem(
        request,
        400,
        title,
        code,
        f"De foutieve parameter(s) zijn: {names}.",
        invalidParams=[
            {"code": p.code, "name": p.name, "reason": p.reason} for p in error.problems
        ],
    )


def accepts_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return not accept or any(
        kind.split(";")[0].strip() in ("*/*", "application/*", "application/json")
        for kind in accept.split(",")
    )


@csrf_exempt
def personen(request):
    if request.method != "POST":
        return problem(
            request, 405, "Gebruikte bevragingsmethode is niet toegestaan.", "methodNotAllowed"
        )
    key = settings.LOKET_BRP_SERVER_API_KEY
    given = request.headers.get("X-API-KEY", "")
    if not key or not compare_digest(given.encode(), key.encode()):
        return problem(request, 401, "Niet correct geauthenticeerd.", "authentication")
    if not accepts_json(request):
        return problem(
            request,
            406,
            "Gevraagde content type wordt niet ondersteund.",
            "notAcceptable",
            SUPPORTED,
        )
    if request.content_type != "application/json":
        return problem(
            request, 415, "Media Type wordt niet ondersteund.", "unsupportedMediaType", SUPPORTED
        )
    try:
        query = parse_query(json.loads(request.body))
    except ValueError:
        return problem(
            request,
            400,
            "Een of meerdere parameters zijn niet correct.",
            "paramsValidation",
            "De request body is geen geldige JSON.",
        )
    except InvalidQuery as error:
        return invalid(request, error)
    today = timezone.localdate()
    personen = [
        select(persoon(record, today), query.fields, query.response_schema)
        for record in answer(query)
    ]
    return JsonResponse({"type": query.type, "personen": personen}, content_type=JSON)


def answer(query: PersonenQuery) -> list[PersonRecord]:
    register = BuiltInRegister()
    given = query.parameters
    if query.type == "RaadpleegMetBurgerservicenummer":
        records = register.persons(given["burgerservicenummer"])
    else:
        records = register.search(
            PersonSearch(
                surname=given.get("geslachtsnaam", ""),
                surname_prefix=given.get("voorvoegsel", ""),
                given_names=given.get("voornamen", ""),
                gender=given.get("geslacht", ""),
                birth_date=given.get("geboortedatum"),
                postcode=given.get("postcode", ""),
                house_number=given.get("huisnummer"),
                house_letter=given.get("huisletter", ""),
                house_number_addition=given.get("huisnummertoevoeging", ""),
                street=given.get("straat", ""),
                address_identification=given.get("nummeraanduidingIdentificatie", ""),
                addressable_object=given.get("adresseerbaarObjectIdentificatie", ""),
                include_deceased=given.get("inclusiefOverledenPersonen", False),
            )
        )
    code = given.get("gemeenteVanInschrijving")
    if code:
        records = [record for record in records if (municipality(record) or {}).get("code") == code]
    return records
