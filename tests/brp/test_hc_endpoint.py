"""Loket's own Haal Centraal BRP Personen endpoint: queries, fields, error bodies and the key.

The error bodies follow the features of RvIG's implementation (BRP-API/Haal-Centraal-BRP-
bevragen, ``features/**/fout-cases.feature``): title, code and one invalidParams entry per
problem.
"""

import json

import pytest

from loket.api.brp.fields import field_paths
from loket.brp.models import Address, Person
from tests.brp.conftest import API_KEY, HEADERS, PERSONEN, living

pytestmark = pytest.mark.usefixtures("register")

BAD_REQUEST = "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1"
NINE_DIGITS = "Waarde voldoet niet aan patroon ^[0-9]{9}$."
VALIDATION = "Een of meerdere parameters zijn niet correct."
COMBINATION = "Minimale combinatie van parameters moet worden opgegeven."


def post(client, body, **headers):
    return client.post(
        PERSONEN,
        json.dumps(body),
        content_type="application/json; charset=utf-8",
        headers={**HEADERS, **headers},
    )


def ask(client, query: str, fields: list[str], **parameters) -> list[dict]:
    response = post(client, {"type": query, "fields": fields, **parameters})
    assert response.status_code == 200, response.json()
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["type"] == query
    return response.json()["personen"]


def raadpleeg(client, bsns, fields):
    return ask(client, "RaadpleegMetBurgerservicenummer", fields, burgerservicenummer=bsns)


def refusal(response, status=400) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["instance"] == PERSONEN
    return body


def invalid_params(response) -> list[tuple[str, str, str]]:
    body = refusal(response)
    assert body["type"] == BAD_REQUEST
    names = ", ".join(p["name"] for p in body["invalidParams"])
    assert body["detail"] == f"De foutieve parameter(s) zijn: {names}."
    return [(p["code"], p["name"], p["reason"]) for p in body["invalidParams"]]


def paths(value, prefix="") -> set[str]:
    if isinstance(value, list):
        return set().union(*(paths(item, prefix) for item in value)) if value else set()
    if not isinstance(value, dict):
        return set()
    found = set()
    for key, item in value.items():
        found |= {prefix + key} | paths(item, f"{prefix}{key}.")
    return found


# Reading persons.


def test_a_person_in_the_shapes_of_the_standard(client):
    person = Person.objects.filter(living(), surname_prefix="van").order_by("bsn").first()

    (found,) = raadpleeg(client, [person.bsn], ["burgerservicenummer", "naam", "geboorte.datum"])

    assert found == {
        "burgerservicenummer": person.bsn,
        "naam": {
            "voornamen": person.given_names,
            "voorvoegsel": "van",
            "geslachtsnaam": person.surname,
            "voorletters": "".join(f"{n[0]}." for n in person.given_names.split()),
            "volledigeNaam": person.full_name,
            "aanduidingNaamgebruik": {"code": "E", "omschrijving": "eigen geslachtsnaam"},
        },
        "geboorte": {
            "datum": {
                "type": "Datum",
                "datum": person.birth_date.isoformat(),
                "langFormaat": found["geboorte"]["datum"]["langFormaat"],
            }
        },
    }
    assert found["geboorte"]["datum"]["langFormaat"].endswith(str(person.birth_date.year))


def test_fields_cut_a_person_down_and_keep_the_type_of_what_they_reach_into(client):
    person = Person.objects.filter(living()).exclude(address=None).order_by("bsn").first()

    (found,) = raadpleeg(
        client, [person.bsn], ["naam.voornamen", "verblijfplaats.verblijfadres.postcode"]
    )

    assert found == {
        "naam": {"voornamen": person.given_names},
        "verblijfplaats": {"type": "Adres", "verblijfadres": {"postcode": person.postcode}},
    }


def test_a_resident_address_its_lines_and_municipality(client):
    person = Person.objects.filter(living()).exclude(address=None).order_by("bsn").first()
    address = person.address

    (found,) = raadpleeg(
        client,
        [person.bsn],
        ["verblijfplaats", "adressering.adresregel2", "gemeenteVanInschrijving"],
    )

    residence = found["verblijfplaats"]
    assert residence["type"] == "Adres"
    assert residence["verblijfadres"]["officieleStraatnaam"] == address.street
    assert residence["verblijfadres"]["huisnummer"] == address.house_number
    assert residence["nummeraanduidingIdentificatie"] == address.identification
    assert residence["datumVan"]["datum"] == person.address_since.isoformat()
    assert found["adressering"] == {
        "adresregel2": f"{address.postcode[:4]} {address.postcode[4:]}  VOORBEELD"
    }
    assert found["gemeenteVanInschrijving"] == {"code": "9999", "omschrijving": "Voorbeeld"}


def test_a_deceased_person_carries_the_suspension_whatever_the_fields(client):
    late = Person.objects.filter(death_date__isnull=False).order_by("bsn").first()

    (found,) = raadpleeg(client, [late.bsn], ["burgerservicenummer", "overlijden.datum"])

    day = late.death_date.isoformat()
    assert found["overlijden"]["datum"]["datum"] == day
    assert found["opschortingBijhouding"]["reden"] == {"code": "O", "omschrijving": "overlijden"}
    assert found["opschortingBijhouding"]["datum"]["datum"] == day


def test_departed_persons_are_registered_abroad_or_unknown(client):
    emigrant = Person.objects.exclude(departure_country__in=["", "0000"]).order_by("bsn").first()
    gone = Person.objects.filter(departure_country="0000").order_by("bsn").first()

    abroad, unknown = raadpleeg(
        client, [emigrant.bsn, gone.bsn], ["verblijfplaats", "gemeenteVanInschrijving"]
    )

    assert abroad["verblijfplaats"]["type"] == "VerblijfplaatsBuitenland"
    assert abroad["verblijfplaats"]["verblijfadres"]["land"]["code"] == emigrant.departure_country
    assert unknown["verblijfplaats"] == {
        "type": "VerblijfplaatsOnbekend",
        "datumVan": unknown["verblijfplaats"]["datumVan"],
    }
    for found in (abroad, unknown):
        assert found["gemeenteVanInschrijving"]["code"] == "1999"
        assert found["opschortingBijhouding"]["reden"]["code"] == "E"


def test_a_municipality_narrows_down_a_lookup(client):
    resident = Person.objects.filter(living()).order_by("bsn").first()
    emigrant = Person.objects.exclude(departure_date=None).order_by("bsn").first()
    both = [resident.bsn, emigrant.bsn]

    def bsns(code):
        found = ask(
            client,
            "RaadpleegMetBurgerservicenummer",
            ["burgerservicenummer"],
            burgerservicenummer=both,
            gemeenteVanInschrijving=code,
        )
        return [p["burgerservicenummer"] for p in found]

    assert bsns("9999") == [resident.bsn]
    assert bsns("1999") == [emigrant.bsn]
    assert bsns("0363") == []


def test_every_person_answers_within_the_standard_schema(client):
    numbers = list(Person.objects.order_by("bsn").values_list("bsn", flat=True))
    allowed = field_paths("Persoon")

    for start in range(0, len(numbers), 20):
        for found in raadpleeg(client, numbers[start : start + 20], sorted(allowed_top(allowed))):
            assert paths(found) <= allowed


def allowed_top(allowed) -> set[str]:
    automatic = {"inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding"}
    return {path for path in allowed if "." not in path} - automatic - {"rni", "verificatie"}


def test_the_field_paths_come_from_the_official_document():
    persoon, beperkt = field_paths("Persoon"), field_paths("PersoonBeperkt")

    assert {
        "geboorte.datum.langFormaat",
        "verblijfplaats.verblijfadres.officieleStraatnaam",
        "verblijfplaats.verblijfadres.land.code",
        "partners.aangaanHuwelijkPartnerschap.plaats.code",
        "ouders.ouderAanduiding",
        "nationaliteiten.nationaliteit.omschrijving",
    } <= persoon
    assert "partners" not in beperkt and "geboorte.plaats" not in beperkt
    assert {"naam.voornamen", "adressering.adresregel1", "leeftijd"} <= beperkt


# Searching.


def test_a_search_answers_with_restricted_persons(client):
    person = Person.objects.filter(living()).exclude(address=None).order_by("bsn").first()

    found = ask(
        client,
        "ZoekMetGeslachtsnaamEnGeboortedatum",
        ["burgerservicenummer", "geboorte", "naam"],
        geslachtsnaam=person.surname.upper(),
        geboortedatum=person.birth_date.isoformat(),
    )

    mine = next(p for p in found if p["burgerservicenummer"] == person.bsn)
    assert set(mine["geboorte"]) == {"datum"}, "PersoonBeperkt: no place or country of birth"
    assert "aanduidingNaamgebruik" not in mine["naam"]
    assert paths(mine) <= field_paths("PersoonBeperkt")


def test_deceased_persons_are_found_only_when_asked_for(client):
    late = Person.objects.filter(death_date__isnull=False).order_by("bsn").first()
    query = {
        "postcode": late.postcode,
        "huisnummer": late.house_number,
        "huisletter": late.address.house_letter or None,
    }
    query = {key: value for key, value in query.items() if value}

    def bsns(**extra):
        found = ask(
            client, "ZoekMetPostcodeEnHuisnummer", ["burgerservicenummer"], **query, **extra
        )
        return {p["burgerservicenummer"] for p in found}

    assert late.bsn not in bsns()
    assert late.bsn not in bsns(inclusiefOverledenPersonen=False)
    assert late.bsn in bsns(inclusiefOverledenPersonen=True)


def test_search_by_name_and_municipality(client):
    person = Person.objects.filter(living()).order_by("bsn").first()

    found = ask(
        client,
        "ZoekMetNaamEnGemeenteVanInschrijving",
        ["burgerservicenummer"],
        geslachtsnaam=person.surname,
        voornamen=person.given_names.lower(),
        gemeenteVanInschrijving="9999",
    )

    assert person.bsn in {p["burgerservicenummer"] for p in found}


def test_search_by_street_number_and_municipality_with_a_wildcard(client):
    person = Person.objects.filter(living(), address__street="Julianastraat").first()

    found = ask(
        client,
        "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving",
        ["burgerservicenummer"],
        straat="*ianastraat",
        huisnummer=person.house_number,
        gemeenteVanInschrijving="9999",
    )

    assert person.bsn in {p["burgerservicenummer"] for p in found}


@pytest.mark.parametrize(
    ("query", "parameter", "attribute"),
    [
        ("ZoekMetNummeraanduidingIdentificatie", "nummeraanduidingIdentificatie", "identification"),
        (
            "ZoekMetAdresseerbaarObjectIdentificatie",
            "adresseerbaarObjectIdentificatie",
            "addressable_object",
        ),
    ],
)
def test_search_by_bag_identification(client, query, parameter, attribute):
    address = Address.objects.filter(residents__in=Person.objects.filter(living())).first()
    residents = set(address.residents.filter(living()).values_list("bsn", flat=True))

    found = ask(client, query, ["burgerservicenummer"], **{parameter: getattr(address, attribute)})

    assert {p["burgerservicenummer"] for p in found} == residents


# Refusals.


def test_without_the_right_key_nothing_is_answered(client, settings):
    body = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999900011"]}

    for key in ("", "wrong", API_KEY.upper()):
        refused = refusal(post(client, {**body, "fields": ["naam"]}, **{"X-API-KEY": key}), 401)
        assert refused["title"] == "Niet correct geauthenticeerd."
        assert refused["code"] == "authentication"
        assert refused["type"] == "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1"
    settings.LOKET_BRP_SERVER_API_KEY = ""
    assert post(client, {**body, "fields": ["naam"]}, **{"X-API-KEY": ""}).status_code == 401


def test_only_post_with_json_is_understood(client):
    assert refusal(client.get(PERSONEN, headers=HEADERS), 405)["code"] == "methodNotAllowed"
    as_text = client.post(PERSONEN, "type=x", content_type="text/plain", headers=HEADERS)
    assert refusal(as_text, 415)["title"] == "Media Type wordt niet ondersteund."
    as_html = post(client, {"type": "RaadpleegMetBurgerservicenummer"}, Accept="text/html")
    assert refusal(as_html, 406)["code"] == "notAcceptable"
    broken = client.post(PERSONEN, "{", content_type="application/json", headers=HEADERS)
    assert refusal(broken)["title"] == VALIDATION


def test_the_query_type_is_required_and_must_exist(client):
    missing = post(client, {"fields": ["naam"]})
    assert invalid_params(missing) == [("required", "type", "Parameter is verplicht.")]
    assert missing.json()["code"] == "paramsCombination"
    unknown = post(client, {"type": "ZoekMetSchoenmaat", "fields": ["naam"]})
    assert invalid_params(unknown)[0][:2] == ("value", "type")


def test_a_lookup_without_bsn_or_fields_misses_its_minimum(client):
    response = post(client, {"type": "RaadpleegMetBurgerservicenummer"})

    assert invalid_params(response) == [
        ("required", "burgerservicenummer", "Parameter is verplicht."),
        ("required", "fields", "Parameter is verplicht."),
    ]
    assert (response.json()["title"], response.json()["code"]) == (COMBINATION, "paramsCombination")


@pytest.mark.parametrize(
    ("bsns", "expected"),
    [
        ([], [("minItems", "burgerservicenummer", "Array bevat minder dan 1 items.")]),
        ("999900011,999900023", [("array", "burgerservicenummer", "Parameter is geen array.")]),
        (
            ["999900011"] * 21,
            [("maxItems", "burgerservicenummer", "Array bevat meer dan 20 items.")],
        ),
        (
            ["1234567890", "999900011", "<script>"],
            [
                ("pattern", "burgerservicenummer[0]", NINE_DIGITS),
                ("pattern", "burgerservicenummer[2]", NINE_DIGITS),
            ],
        ),
    ],
)
def test_bsns_must_be_an_array_of_one_to_twenty_nine_digit_numbers(client, bsns, expected):
    response = post(
        client,
        {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": bsns,
            "fields": ["naam"],
        },
    )

    assert invalid_params(response) == expected
    assert (response.json()["title"], response.json()["code"]) == (VALIDATION, "paramsValidation")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ([], [("minItems", "fields", "Array bevat minder dan 1 items.")]),
        ("naam,geboorte", [("array", "fields", "Parameter is geen array.")]),
        (
            ["naam", "a*nummer"],
            [("pattern", "fields[1]", "Waarde voldoet niet aan patroon ^[a-zA-Z0-9\\._]{1,200}$.")],
        ),
        (["anummer"], [("fields", "fields[0]", "Parameter bevat een niet bestaande veldnaam.")]),
        (
            ["naam", "opschortingBijhouding.reden"],
            [("fields", "fields[1]", "Parameter bevat een niet toegestane veldnaam.")],
        ),
        (
            ["naam.inOnderzoek"],
            [("fields", "fields[0]", "Parameter bevat een niet toegestane veldnaam.")],
        ),
    ],
)
def test_fields_must_name_existing_fields_that_are_not_delivered_anyway(client, fields, expected):
    response = post(
        client,
        {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": ["999900011"],
            "fields": fields,
        },
    )

    assert invalid_params(response) == expected


def test_a_search_may_not_ask_for_what_a_restricted_person_lacks(client):
    response = post(
        client,
        {
            "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
            "geslachtsnaam": "Jansen",
            "geboortedatum": "1980-01-01",
            "fields": ["partners"],
        },
    )

    assert invalid_params(response) == [
        ("fields", "fields[0]", "Parameter bevat een niet bestaande veldnaam.")
    ]


def test_every_bad_search_parameter_is_reported_at_once(client):
    response = post(
        client,
        {
            "type": "ZoekMetPostcodeEnHuisnummer",
            "postcode": "0628HJ",
            "huisnummer": "twee",
            "huisletter": "12",
            "huisnummertoevoeging": "<script>",
            "inclusiefOverledenPersonen": "ja",
            "geboortedatum": "1-1-2000",
            "voornamen": "Jan",
            "fields": ["burgerservicenummer"],
        },
    )

    assert invalid_params(response) == [
        (
            "pattern",
            "postcode",
            "Waarde voldoet niet aan patroon ^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$.",
        ),
        ("integer", "huisnummer", "Waarde is geen geldig getal."),
        ("boolean", "inclusiefOverledenPersonen", "Waarde is geen boolean."),
        ("pattern", "huisletter", "Waarde voldoet niet aan patroon ^[a-zA-Z]{1}$."),
        (
            "pattern",
            "huisnummertoevoeging",
            "Waarde voldoet niet aan patroon ^[a-zA-Z0-9 \\-]{1,4}$.",
        ),
        ("date", "geboortedatum", "Waarde is geen geldige datum."),
        ("unknownParam", "voornamen", "Parameter is niet verwacht."),
    ]


@pytest.mark.parametrize("number", [0, 100_000, "twee", 2.5])
def test_a_house_number_is_a_whole_number_from_1_to_99999(client, number):
    response = post(
        client,
        {
            "type": "ZoekMetPostcodeEnHuisnummer",
            "postcode": "1234AB",
            "huisnummer": number,
            "fields": ["burgerservicenummer"],
        },
    )

    assert invalid_params(response) == [("integer", "huisnummer", "Waarde is geen geldig getal.")]


def test_missing_search_parameters_are_each_named(client):
    response = post(
        client,
        {"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "", "fields": ["burgerservicenummer"]},
    )

    assert invalid_params(response) == [
        ("required", "postcode", "Parameter is verplicht."),
        ("required", "huisnummer", "Parameter is verplicht."),
    ]
    assert response.json()["code"] == "paramsValidation"
