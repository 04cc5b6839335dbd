"""The Referentielijsten in memory, in the shapes of the API's resources.

The lists change once in years and hold a few hundred records, so they are read from the JSON
files in ``data/`` once per process (per base URL, as every resource carries its absolute URL)
instead of living in database tables that each installation would have to load.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from uuid import UUID

from django.conf import settings

DATA_DIR = Path(__file__).resolve().parent / "data"

# Each resource's path segment in the API, and the name of one of its items.
RESOURCES = {
    "procestypen": "procestype",
    "resultaten": "resultaat",
    "resultaattypeomschrijvingen": "resultaattypeomschrijving",
    "communicatiekanalen": "communicatiekanaal",
}

# procestermijnWeergave: the display text of each procestermijn, exactly as VNG's API gives it.
PROCESTERMIJN_DISPLAY = {
    "nihil": "Nihil",
    "bestaansduur_procesobject": "De bestaans- of geldigheidsduur van het procesobject.",
    "ingeschatte_bestaansduur_procesobject": (
        "De ingeschatte maximale bestaans- of geldigheidsduur van het procesobject."
    ),
    "vast_te_leggen_datum": (
        "De tijdens het proces vast te leggen datum waarop de geldigheid van het procesobject "
        "komt te vervallen. "
    ),
    "samengevoegd_met_bewaartermijn": "De procestermijn is samengevoegd met de bewaartermijn.",
}

# The task areas (taakgebieden) a result applies to, in the order of the API's Resultaat.
TASK_AREAS = (
    "algemeen_bestuur_en_inrichting_organisatie",
    "bedrijfsvoering_en_personeel",
    "publieke_informatie_en_registratie",
    "burgerzaken",
    "veiligheid",
    "verkeer_en_vervoer",
    "economie",
    "onderwijs",
    "sport_cultuur_en_recreatie",
    "sociaal_domein",
    "volksgezonheid_en_milieu",
    "vhrosv",
    "heffen_belastingen",
    "alle_taakgebieden",
)


@dataclass(frozen=True)
class Resource:
    items: list[dict]  # in the API's order
    by_uuid: dict[str, dict]


def base_url() -> str:
    return settings.LOKET_REFERENTIELIJSTEN_API


def items(resource: str) -> list[dict]:
    return _resources(base_url())[resource].items


def item(resource: str, uuid: str) -> dict | None:
    """The item with this uuid, or None; a malformed uuid simply names nothing."""
    try:
        key = str(UUID(uuid))
    except ValueError:
        return None
    return _resources(base_url())[resource].by_uuid.get(key)


@cache
def openapi_schema(base: str) -> str:
    """VNG's OpenAPI document, with this installation as its server."""
    text = (DATA_DIR / "referentielijsten-openapi.yaml").read_text(encoding="utf-8")
    return re.sub(
        r"^servers:\n(\s+)- url: \S+$",
        lambda match: f"servers:\n{match[1]}- url: {base.rstrip('/')}",
        text,
        count=1,
        flags=re.MULTILINE,
    )


def camel_case(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def procestype_json(base: str, fields: dict) -> dict:
    return {
        "url": f"{base}procestypen/{fields['uuid']}",
        "nummer": fields["nummer"],
        "jaar": fields["jaar"],
        "naam": fields["naam"],
        "omschrijving": fields["omschrijving"],
        "toelichting": fields["toelichting"],
        "procesobject": fields["procesobject"],
    }


def resultaat_json(base: str, fields: dict, process: dict, generic: dict | None) -> dict:
    """A result; ``process`` and ``generic`` are the fields of its procestype and, for a
    specific result, of the generic result it details."""
    generic_number = f".{generic['nummer']}" if generic else ""
    return {
        "url": f"{base}resultaten/{fields['uuid']}",
        "procesType": f"{base}procestypen/{process['uuid']}",
        "nummer": fields["nummer"],
        "volledigNummer": f"{process['nummer']}{generic_number}.{fields['nummer']}",
        "generiek": generic is None,
        "specifiek": generic is not None,
        "naam": fields["naam"],
        "omschrijving": fields["omschrijving"],
        "herkomst": fields["herkomst"],
        "waardering": fields["waardering"],
        "procestermijn": fields["procestermijn"],
        "procestermijnWeergave": PROCESTERMIJN_DISPLAY.get(fields["procestermijn"], ""),
        "bewaartermijn": fields.get("bewaartermijn"),
        "toelichting": fields["toelichting"],
        **{camel_case(area): fields[area] for area in TASK_AREAS},
        "procestermijnOpmerking": fields["procestermijn_opmerking"],
    }


def resultaattypeomschrijving_json(base: str, fields: dict) -> dict:
    return {
        "url": f"{base}resultaattypeomschrijvingen/{fields['uuid']}",
        "omschrijving": fields["omschrijving"],
        "definitie": fields["definitie"],
        "opmerking": fields["opmerking"],
    }


def communicatiekanaal_json(base: str, fields: dict) -> dict:
    return {
        "url": f"{base}communicatiekanalen/{fields['uuid']}",
        "naam": fields["naam"],
        "omschrijving": fields["omschrijving"],
    }


def _records(filename: str) -> list[dict]:
    """The records of a ``dumpdata`` file, in primary key order."""
    records = json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))
    return sorted(records, key=lambda record: record["pk"])


def _index(pairs: list[tuple[dict, dict]]) -> Resource:
    """A resource from (fixture fields, API item) pairs in the API's order."""
    return Resource(
        items=[api for _, api in pairs],
        by_uuid={fields["uuid"]: api for fields, api in pairs},
    )


@cache
def _resources(base: str) -> dict[str, Resource]:
    processes = {r["pk"]: r["fields"] for r in _records("selectielijst_2020_procestypen.json")}
    results = {r["pk"]: r["fields"] for r in _records("selectielijst_2020_resultaten.json")}

    def parents(fields: dict) -> tuple[dict, dict | None]:
        return processes[fields["proces_type"]], results.get(fields.get("generiek_resultaat"))

    def tree_order(pk: int) -> tuple:
        # VNG's order: per procestype, each generic result followed by its specific ones.
        process, generic = parents(results[pk])
        number = results[pk]["nummer"]
        position = (generic["nummer"], number) if generic else (number, 0)
        return (process["nummer"], results[pk]["proces_type"], *position)

    process_order = sorted(processes, key=lambda pk: (processes[pk]["nummer"], pk))
    kanalen = [r["fields"] for r in _records("communicatiekanalen.json")]
    omschrijvingen = [r["fields"] for r in _records("resultaattypeomschrijvingen.json")]
    return {
        "procestypen": _index(
            [(processes[pk], procestype_json(base, processes[pk])) for pk in process_order]
        ),
        "resultaten": _index(
            [
                (results[pk], resultaat_json(base, results[pk], *parents(results[pk])))
                for pk in sorted(results, key=tree_order)
            ]
        ),
        "resultaattypeomschrijvingen": _index(
            [(f, resultaattypeomschrijving_json(base, f)) for f in omschrijvingen]
        ),
        "communicatiekanalen": _index([(f, communicatiekanaal_json(base, f)) for f in kanalen]),
    }
