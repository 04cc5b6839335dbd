"""A person record in the shapes of Haal Centraal BRP Personen: ``Persoon``, with every field
the record gives; the view cuts it down to ``fields`` and, for a search, to ``PersoonBeperkt``.

Codes come from the national tables (``loket.brp.codes``); what follows from the record is
derived as the BRP derives it: age, initials, address lines, the suspension of a deceased or
departed person's list (opschorting bijhouding), and registration with the non-residents'
register (RNI) after departure.
"""

from datetime import date

from loket.brp import codes
from loket.brp.records import (
    UNION_KINDS,
    AddressRecord,
    PartnerRecord,
    PersonRecord,
    RelativeRecord,
)

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
# How a letter greets a man or a woman, and how a text names them.
TITLES = {"M": ("heer", "de heer"), "V": ("mevrouw", "mevrouw")}


def datum(day: date | None) -> dict | None:
    if day is None:
        return None
    return {
        "type": "Datum",
        "datum": day.isoformat(),
        "langFormaat": f"{day.day} {MONTHS[day.month - 1]} {day.year}",
    }


def waarde(code: str, table: dict[str, str]) -> dict | None:
    return {"code": code, "omschrijving": table[code]} if code in table else None


def described(description: str, table: dict[str, str]) -> dict | None:
    """A table value from its description; a value outside the table keeps only that."""
    if not description:
        return None
    code = codes.code_of(table, description)
    return {"code": code, "omschrijving": description} if code else {"omschrijving": description}


def clean(data: dict) -> dict:
    """Without the empty fields: the API leaves out what the BRP does not hold."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def initials(given_names: str) -> str:
    return "".join(f"{name[0]}." for name in given_names.split())


def naam(person: RelativeRecord | PersonRecord) -> dict:
    return clean(
        {
            "voornamen": person.given_names,
            "voorvoegsel": person.surname_prefix,
            "geslachtsnaam": person.surname,
            "voorletters": initials(person.given_names),
        }
    )


def geboorte(born: date | None, place: str = "", country: str = "") -> dict:
    dutch = country == codes.COUNTRIES[codes.NETHERLANDS]
    return clean(
        {
            "datum": datum(born),
            "plaats": described(place, codes.MUNICIPALITIES) if dutch else described(place, {}),
            "land": described(country, codes.COUNTRIES),
        }
    )


def municipality(record: PersonRecord) -> dict | None:
    """The municipality of registration: of the address, or RNI after leaving the country."""
    if record.has_left:
        return waarde(codes.NON_RESIDENTS_CODE, codes.MUNICIPALITIES)
    if record.address:
        return {
            "code": record.address.municipality_code,
            "omschrijving": record.address.municipality_name,
        }
    return None


def verblijfplaats(record: PersonRecord) -> dict | None:
    if record.whereabouts_unknown:
        return {"type": "VerblijfplaatsOnbekend", "datumVan": datum(record.departure_date)}
    if record.has_left:
        return {
            "type": "VerblijfplaatsBuitenland",
            "verblijfadres": {"land": described(record.departure_country, codes.COUNTRIES)},
            "datumVan": datum(record.departure_date),
        }
    if not record.address:
        return None
    address = record.address
    return clean(
        {
            "type": "Adres",
            "verblijfadres": clean(
                {
                    "officieleStraatnaam": address.street,
                    "korteStraatnaam": address.street[:24],
                    "huisnummer": address.house_number,
                    "huisletter": address.house_letter,
                    "huisnummertoevoeging": address.house_number_addition,
                    "postcode": address.postcode,
                    "woonplaats": address.town,
                }
            ),
            "functieAdres": {"code": "W", "omschrijving": "woonadres"},
            "nummeraanduidingIdentificatie": address.identification,
            "adresseerbaarObjectIdentificatie": address.addressable_object,
            "datumVan": datum(record.address_since),
        }
    )


def address_lines(address: AddressRecord) -> dict:
    """The lines of a letter's address as PostNL wants them: "1234 AB  VOORBEELD"."""
    postcode = f"{address.postcode[:4]} {address.postcode[4:]}"
    return {
        "adresregel1": f"{address.street} {address.full_number}",
        "adresregel2": f"{postcode}  {address.town.upper()}",
        "land": waarde(codes.NETHERLANDS, codes.COUNTRIES),
    }


def adressering(record: PersonRecord) -> dict:
    """How to address a letter to the person, who uses the own surname; no address lines
    for the deceased, nor for a person whose whereabouts are unknown."""
    surname = " ".join(part for part in (record.surname_prefix, record.surname) if part)
    name = f"{initials(record.given_names)} {surname}"
    if record.gender in TITLES:
        title, in_text = TITLES[record.gender]
        capitalised = surname[0].upper() + surname[1:]
        salutation, in_text = f"{title} {capitalised}", f"{in_text} {capitalised}"
    else:
        salutation = in_text = name
    lines = {}
    if record.address and not record.is_deceased and not record.has_left:
        lines = address_lines(record.address)
    elif record.has_left and not record.whereabouts_unknown:
        lines = {"land": described(record.departure_country, codes.COUNTRIES)}
    return clean(
        {
            **lines,
            "aanhef": f"Geachte {salutation}",
            "aanschrijfwijze": {"naam": name},
            "gebruikInLopendeTekst": in_text,
        }
    )


def partner(record: PartnerRecord) -> dict:
    place = described(record.start_place, codes.MUNICIPALITIES)
    return clean(
        {
            "burgerservicenummer": record.bsn,
            "geslacht": waarde(record.gender, codes.GENDERS),
            "soortVerbintenis": waarde(
                next(code for code, kind in UNION_KINDS.items() if kind == record.kind),
                codes.UNIONS,
            ),
            "naam": naam(record),
            "geboorte": geboorte(record.birth_date),
            "aangaanHuwelijkPartnerschap": clean(
                {
                    "datum": datum(record.start_date),
                    "plaats": place,
                    "land": waarde(codes.NETHERLANDS, codes.COUNTRIES)
                    if place and "code" in place
                    else None,
                }
            ),
            "ontbindingHuwelijkPartnerschap": clean({"datum": datum(record.end_date)}),
        }
    )


def kind(record: RelativeRecord) -> dict:
    return clean(
        {
            "burgerservicenummer": record.bsn,
            "naam": naam(record),
            "geboorte": geboorte(record.birth_date),
        }
    )


def ouder(record: RelativeRecord, number: int, child: PersonRecord) -> dict:
    return clean(
        {
            "burgerservicenummer": record.bsn,
            "geslacht": waarde(record.gender, codes.GENDERS),
            "ouderAanduiding": str(number),
            "naam": naam(record),
            "geboorte": geboorte(record.birth_date),
            "datumIngangFamilierechtelijkeBetrekking": datum(child.birth_date),
        }
    )


def opschorting(record: PersonRecord) -> dict | None:
    """A deceased or departed person's list is suspended (O: overlijden, E: emigratie)."""
    if record.is_deceased:
        return {
            "reden": {"code": "O", "omschrijving": "overlijden"},
            "datum": datum(record.death_date),
        }
    if record.has_left:
        return {
            "reden": {"code": "E", "omschrijving": "emigratie"},
            "datum": datum(record.departure_date),
        }
    return None


def persoon(record: PersonRecord, today: date) -> dict:
    naam_persoon = naam(record)
    naam_persoon["volledigeNaam"] = record.full_name
    naam_persoon["aanduidingNaamgebruik"] = {"code": "E", "omschrijving": "eigen geslachtsnaam"}
    overlijden = None
    if record.is_deceased:
        place = record.address.municipality_name if record.address else ""
        overlijden = clean(
            {
                "datum": datum(record.death_date),
                "plaats": described(place, codes.MUNICIPALITIES),
                "land": waarde(codes.NETHERLANDS, codes.COUNTRIES),
            }
        )
    return clean(
        {
            "burgerservicenummer": record.bsn,
            "geslacht": waarde(record.gender, codes.GENDERS),
            "naam": naam_persoon,
            "geboorte": geboorte(record.birth_date, record.birth_place, record.birth_country),
            "leeftijd": None if record.is_deceased else record.age(today),
            "nationaliteiten": [
                {"type": "Nationaliteit", "nationaliteit": described(name, codes.NATIONALITIES)}
                for name in record.nationalities
            ],
            "verblijfplaats": verblijfplaats(record),
            "gemeenteVanInschrijving": municipality(record),
            "adressering": adressering(record),
            "overlijden": overlijden,
            "opschortingBijhouding": opschorting(record),
            "partners": [partner(record.partner)] if record.partner else [],
            "kinderen": [kind(child) for child in record.children],
            "ouders": [
                ouder(parent, number, record)
                for number, parent in enumerate(record.parents, start=1)
            ],
        }
    )
