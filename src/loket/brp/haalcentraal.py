"""A Haal Centraal BRP Personen 2.x API as a BRP source.

Every question is one ``POST {base_url}/personen`` whose ``type`` names the query and whose
``fields`` names what to send back; the key goes in the ``X-API-KEY`` header. The search
queries answer with a restricted person (no address, partners or children), so a search
asks for the BSNs first and then looks those persons up, 20 at a time as the API allows.
"""

from collections.abc import Iterable
from datetime import date

import requests

from loket.brp.addresses import check_house_number, normalise_postcode
from loket.brp.bsn import require_valid_bsn
from loket.brp.errors import BrpError, BrpUnavailable
from loket.brp.records import (
    MARRIAGE,
    UNION_KINDS,
    AddressRecord,
    PartnerRecord,
    PersonRecord,
    RelativeRecord,
)

# Everything a PersonRecord holds, and nothing more: a BRP grants fields per client.
PERSON_FIELDS = [
    "burgerservicenummer",
    "naam",
    "geslacht",
    "geboorte",
    "nationaliteiten",
    "verblijfplaats",
    "gemeenteVanInschrijving",
    "overlijden",
    "partners",
    "kinderen",
    "ouders",
]
MAX_PER_LOOKUP = 20


class HaalCentraalClient:
    def __init__(self, base_url: str, api_key: str = "", timeout: float = 10.0):
        self.url = base_url.rstrip("/") + "/personen"
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json", "X-API-KEY": api_key})

    def person(self, bsn: str) -> PersonRecord | None:
        require_valid_bsn(bsn)
        records = self.persons([bsn])
        return records[0] if records else None

    def persons(self, bsns: Iterable[str]) -> list[PersonRecord]:
        """The persons with these BSNs that exist, in the order asked."""
        order = {bsn: index for index, bsn in enumerate(bsns)}
        numbers = list(order)
        records = []
        for start in range(0, len(numbers), MAX_PER_LOOKUP):
            answer = self.post(
                {
                    "type": "RaadpleegMetBurgerservicenummer",
                    "burgerservicenummer": numbers[start : start + MAX_PER_LOOKUP],
                    "fields": PERSON_FIELDS,
                }
            )
            records += [person_from_json(data) for data in answer.get("personen", [])]
        return sorted(records, key=lambda record: order.get(record.bsn, len(order)))

    def find_by_name_and_birth_date(
        self,
        surname: str,
        birth_date: date,
        given_names: str | None = None,
        include_deceased: bool = False,
    ) -> list[PersonRecord]:
        query = {
            "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
            "geslachtsnaam": surname,
            "geboortedatum": birth_date.isoformat(),
        }
        if given_names:
            query["voornamen"] = given_names
        return self.search(query, include_deceased)

    def find_by_postcode_and_number(
        self,
        postcode: str,
        house_number: int,
        house_letter: str = "",
        house_number_addition: str = "",
        include_deceased: bool = False,
    ) -> list[PersonRecord]:
        query = {
            "type": "ZoekMetPostcodeEnHuisnummer",
            "postcode": normalise_postcode(postcode),
            "huisnummer": check_house_number(house_number),
        }
        if house_letter:
            query["huisletter"] = house_letter
        if house_number_addition:
            query["huisnummertoevoeging"] = house_number_addition
        return self.search(query, include_deceased)

    def residents_of(self, address: AddressRecord) -> list[PersonRecord]:
        if address.identification:
            return self.search(
                {
                    "type": "ZoekMetNummeraanduidingIdentificatie",
                    "nummeraanduidingIdentificatie": address.identification,
                }
            )
        return self.find_by_postcode_and_number(
            address.postcode,
            address.house_number,
            address.house_letter,
            address.house_number_addition,
        )

    def search(self, query: dict, include_deceased: bool = False) -> list[PersonRecord]:
        body = {**query, "fields": ["burgerservicenummer"]}
        if include_deceased:
            body["inclusiefOverledenPersonen"] = True
        answer = self.post(body)
        bsns = [found["burgerservicenummer"] for found in answer.get("personen", [])]
        return self.persons(bsns)

    def post(self, body: dict) -> dict:
        try:
            response = self.session.post(self.url, json=body, timeout=self.timeout)
        except requests.Timeout:
            raise BrpUnavailable(
                f"The BRP at {self.url} did not answer within {self.timeout:g} seconds."
            ) from None
        except requests.RequestException as error:
            raise BrpUnavailable(f"The BRP at {self.url} cannot be reached: {error}") from None
        if response.status_code >= 500:
            raise BrpUnavailable(
                f"The BRP at {self.url} failed ({response.status_code}): {problem_text(response)}"
            )
        if response.status_code != 200:
            raise BrpError(
                f"The BRP at {self.url} refused the {body['type']} question "
                f"({response.status_code}): {problem_text(response)}"
            )
        try:
            return response.json()
        except ValueError:
            raise BrpError(
                f"The BRP at {self.url} answered with something else than JSON."
            ) from None


def problem_text(response: requests.Response) -> str:
    """The title and detail of a problem-details body, and the parameters it names."""
    try:
        problem = response.json()
    except ValueError:
        return response.text[:200] or response.reason
    text = " ".join(str(problem[key]) for key in ("title", "detail") if problem.get(key))
    invalid = [f"{p.get('name')}: {p.get('reason')}" for p in problem.get("invalidParams", [])]
    return f"{text} ({'; '.join(invalid)})" if invalid else text


def full_date(value: dict | None) -> date | None:
    """A complete date; the BRP's partly unknown dates (year only, unknown) give None."""
    if value and value.get("type") == "Datum":
        return date.fromisoformat(value["datum"])
    return None


def description(value: dict | None) -> str:
    return (value or {}).get("omschrijving", "")


def relative_from_json(data: dict) -> RelativeRecord:
    name = data.get("naam", {})
    return RelativeRecord(
        bsn=data.get("burgerservicenummer", ""),
        given_names=name.get("voornamen", ""),
        surname_prefix=name.get("voorvoegsel", ""),
        surname=name.get("geslachtsnaam", ""),
        birth_date=full_date(data.get("geboorte", {}).get("datum")),
        gender=(data.get("geslacht") or {}).get("code", ""),
    )


def partner_from_json(data: dict) -> PartnerRecord:
    start = data.get("aangaanHuwelijkPartnerschap", {})
    return PartnerRecord(
        **vars(relative_from_json(data)),
        kind=UNION_KINDS.get((data.get("soortVerbintenis") or {}).get("code"), MARRIAGE),
        start_date=full_date(start.get("datum")),
        start_place=description(start.get("plaats")),
        end_date=full_date(data.get("ontbindingHuwelijkPartnerschap", {}).get("datum")),
    )


def address_from_json(residence: dict, municipality: dict) -> AddressRecord | None:
    if residence.get("type") != "Adres":
        return None
    address = residence.get("verblijfadres", {})
    return AddressRecord(
        street=address.get("officieleStraatnaam") or address.get("korteStraatnaam", ""),
        house_number=address.get("huisnummer", 0),
        house_letter=address.get("huisletter", ""),
        house_number_addition=address.get("huisnummertoevoeging", ""),
        postcode=address.get("postcode", ""),
        town=address.get("woonplaats", ""),
        municipality_code=municipality.get("code", ""),
        municipality_name=municipality.get("omschrijving", ""),
        identification=residence.get("nummeraanduidingIdentificatie", ""),
        addressable_object=residence.get("adresseerbaarObjectIdentificatie", ""),
    )


def person_from_json(data: dict) -> PersonRecord:
    """A ``Persoon`` of the API as a record; what the API leaves out stays empty."""
    name = data.get("naam", {})
    birth = data.get("geboorte", {})
    residence = data.get("verblijfplaats", {})
    abroad = residence.get("type") in ("VerblijfplaatsBuitenland", "VerblijfplaatsOnbekend")
    address = address_from_json(residence, data.get("gemeenteVanInschrijving", {}))
    partners = [partner_from_json(partner) for partner in data.get("partners", [])]
    return PersonRecord(
        bsn=data["burgerservicenummer"],
        given_names=name.get("voornamen", ""),
        surname_prefix=name.get("voorvoegsel", ""),
        surname=name.get("geslachtsnaam", ""),
        birth_date=full_date(birth.get("datum")),
        gender=(data.get("geslacht") or {}).get("code", ""),
        birth_place=description(birth.get("plaats")),
        birth_country=description(birth.get("land")),
        nationalities=tuple(
            description(n.get("nationaliteit"))
            for n in data.get("nationaliteiten", [])
            if n.get("nationaliteit")
        ),
        address=address,
        address_since=full_date(residence.get("datumVan")) if address else None,
        partner=partners[-1] if partners else None,
        children=tuple(relative_from_json(child) for child in data.get("kinderen", [])),
        parents=tuple(
            relative_from_json(parent)
            for parent in sorted(data.get("ouders", []), key=lambda p: p.get("ouderAanduiding", ""))
        ),
        death_date=full_date(data.get("overlijden", {}).get("datum")),
        departure_date=full_date(residence.get("datumVan")) if abroad else None,
        departure_country=description(residence.get("verblijfadres", {}).get("land"))
        if abroad
        else "",
    )
