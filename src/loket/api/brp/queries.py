"""Reading a ``POST /personen`` body: which query, with which parameters, or why not.

Each query type names its required and optional parameters; each parameter has the check the
OpenAPI document gives it (pattern, integer, date, boolean, array). Every problem is reported
at once, with the codes and sentences of RvIG's implementation, so a client written against
the real BRP reads Loket's refusals the same way.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from loket.api.brp.fields import field_paths, is_automatic

NAME = r"^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$"
PATTERNS = {
    "burgerservicenummer": r"^[0-9]{9}$",
    "geslachtsnaam": NAME,
    "voornamen": r"^[a-zA-Z0-9À-ž \.\-\']{1,199}\*{0,1}$",
    "geslacht": r"^([Mm]|[Vv]|[Oo])$",
    "voorvoegsel": r"^[a-zA-Z \']{1,10}$",
    "gemeenteVanInschrijving": r"^[0-9]{4}$",
    "postcode": r"^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$",
    "huisletter": r"^[a-zA-Z]{1}$",
    "huisnummertoevoeging": r"^[a-zA-Z0-9 \-]{1,4}$",
    "straat": (
        r"^[a-zA-Z0-9À-ž \-\'\.]{1,80}$|^[a-zA-Z0-9À-ž \-\'\.]{7,79}\*{1}$"
        r"|^\*{1}[a-zA-Z0-9À-ž \-\'\.]{7,79}$"
    ),
    "nummeraanduidingIdentificatie": r"^(?!0{16})[0-9]{16}$",
    "adresseerbaarObjectIdentificatie": r"^(?!0{16})[0-9]{16}$",
    "fields": r"^[a-zA-Z0-9\._]{1,200}$",
}
# In the search by name and municipality the given names are required, and a wildcard
# needs three letters before it, as for the surname.
REQUIRED_GIVEN_NAMES = NAME

SEARCH = ("inclusiefOverledenPersonen",)
TYPES = {
    "RaadpleegMetBurgerservicenummer": (("burgerservicenummer",), ()),
    "ZoekMetGeslachtsnaamEnGeboortedatum": (
        ("geslachtsnaam", "geboortedatum"),
        (*SEARCH, "geslacht", "voorvoegsel", "voornamen"),
    ),
    "ZoekMetNaamEnGemeenteVanInschrijving": (
        ("geslachtsnaam", "gemeenteVanInschrijving", "voornamen"),
        (*SEARCH, "geslacht", "voorvoegsel"),
    ),
    "ZoekMetPostcodeEnHuisnummer": (
        ("postcode", "huisnummer"),
        (*SEARCH, "huisletter", "huisnummertoevoeging", "geboortedatum", "geslachtsnaam"),
    ),
    "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving": (
        ("straat", "huisnummer", "gemeenteVanInschrijving"),
        (*SEARCH, "huisletter", "huisnummertoevoeging"),
    ),
    "ZoekMetNummeraanduidingIdentificatie": (("nummeraanduidingIdentificatie",), SEARCH),
    "ZoekMetAdresseerbaarObjectIdentificatie": (("adresseerbaarObjectIdentificatie",), SEARCH),
}
# Every query may narrow down to a municipality.
COMMON = ("gemeenteVanInschrijving",)
# The schema of the persons each query answers with.
RESPONSE_SCHEMAS = {
    "RaadpleegMetBurgerservicenummer": "Persoon",
    "ZoekMetAdresseerbaarObjectIdentificatie": "GezagPersoonBeperkt",
}
MAX_BSNS = 20
MAX_FIELDS = 130


@dataclass(frozen=True)
class InvalidParam:
    name: str
    code: str
    reason: str


class InvalidQuery(Exception):
    def __init__(self, problems: list[InvalidParam]):
        super().__init__(", ".join(problem.name for problem in problems))
        self.problems = problems

    @property
    def only_missing(self) -> bool:
        """Only the query's minimum is missing (type, fields, the BSNs): RvIG's answer is then
        "paramsCombination" rather than "paramsValidation"."""
        return all(
            problem.code == "required" and problem.name in ("type", "fields", "burgerservicenummer")
            for problem in self.problems
        )


@dataclass(frozen=True)
class PersonenQuery:
    type: str
    fields: list[str]
    parameters: dict = field(default_factory=dict)

    @property
    def response_schema(self) -> str:
        return RESPONSE_SCHEMAS.get(self.type, "PersoonBeperkt")


def parse_query(body) -> PersonenQuery:
    """The query in ``body`` with checked, typed parameters, or InvalidQuery."""
    if not isinstance(body, dict):
        raise InvalidQuery([InvalidParam("type", "required", "Parameter is verplicht.")])
    kind = body.get("type")
    if kind in (None, ""):
        raise InvalidQuery([InvalidParam("type", "required", "Parameter is verplicht.")])
    if not isinstance(kind, str) or kind not in TYPES:
        raise InvalidQuery([InvalidParam("type", "value", "Waarde is geen geldig zoek type.")])
    required, optional = TYPES[kind]
    problems: list[InvalidParam] = []
    parameters = {}
    for name in dict.fromkeys((*required, *optional, *COMMON)):
        value = body.get(name)
        if value in (None, ""):
            if name in required:
                problems.append(InvalidParam(name, "required", "Parameter is verplicht."))
            elif name in body:
                problems += check(name, value, kind)
            continue
        found = check(name, value, kind)
        problems += found
        if not found:
            parameters[name] = typed(name, value)
    fields = body.get("fields")
    if fields is None:
        problems.append(InvalidParam("fields", "required", "Parameter is verplicht."))
    else:
        problems += check_fields(fields, RESPONSE_SCHEMAS.get(kind, "PersoonBeperkt"))
    known = {"type", "fields", *required, *optional, *COMMON}
    problems += [
        InvalidParam(name, "unknownParam", "Parameter is niet verwacht.")
        for name in body
        if name not in known
    ]
    if problems:
        raise InvalidQuery(problems)
    return PersonenQuery(kind, fields, parameters)


def check(name: str, value, kind: str) -> list[InvalidParam]:
    if name == "burgerservicenummer":
        return check_array(name, value, MAX_BSNS, PATTERNS[name])
    if name == "huisnummer":
        number = value if isinstance(value, int) and not isinstance(value, bool) else None
        if isinstance(value, str) and value.isdigit():
            number = int(value)
        if number is None or not 1 <= number <= 99_999:
            return [InvalidParam(name, "integer", "Waarde is geen geldig getal.")]
        return []
    if name == "geboortedatum":
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            date.fromisoformat(value)
        except (TypeError, ValueError):
            return [InvalidParam(name, "date", "Waarde is geen geldige datum.")]
        return []
    if name == "inclusiefOverledenPersonen":
        if not isinstance(value, bool):
            return [InvalidParam(name, "boolean", "Waarde is geen boolean.")]
        return []
    pattern = PATTERNS[name]
    if name == "voornamen" and kind == "ZoekMetNaamEnGemeenteVanInschrijving":
        pattern = REQUIRED_GIVEN_NAMES
    if not isinstance(value, str) or not re.search(pattern, value):
        return [InvalidParam(name, "pattern", f"Waarde voldoet niet aan patroon {pattern}.")]
    return []


def check_array(name: str, value, most: int, pattern: str) -> list[InvalidParam]:
    if not isinstance(value, list):
        return [InvalidParam(name, "array", "Parameter is geen array.")]
    if not value:
        return [InvalidParam(name, "minItems", "Array bevat minder dan 1 items.")]
    if len(value) > most:
        return [InvalidParam(name, "maxItems", f"Array bevat meer dan {most} items.")]
    return [
        InvalidParam(f"{name}[{index}]", "pattern", f"Waarde voldoet niet aan patroon {pattern}.")
        for index, item in enumerate(value)
        if not isinstance(item, str) or not re.search(pattern, item)
    ]


def check_fields(fields, schema: str) -> list[InvalidParam]:
    problems = check_array("fields", fields, MAX_FIELDS, PATTERNS["fields"])
    if problems:
        return problems
    paths = field_paths(schema)
    for index, path in enumerate(fields):
        if path not in paths:
            reason = "Parameter bevat een niet bestaande veldnaam."
        elif is_automatic(path):
            reason = "Parameter bevat een niet toegestane veldnaam."
        else:
            continue
        problems.append(InvalidParam(f"fields[{index}]", "fields", reason))
    return problems


def typed(name: str, value):
    if name == "huisnummer":
        return int(value)
    if name == "geboortedatum":
        return date.fromisoformat(value)
    return value
