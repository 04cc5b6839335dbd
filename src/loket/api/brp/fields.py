"""The ``fields`` parameter: which field paths exist, and cutting a person down to them.

The paths are read from RvIG's own OpenAPI document (``data/``), so that Loket accepts exactly
the paths a real BRP accepts and a restricted person (``PersoonBeperkt``) never shows more than
its schema holds. A polymorphic object keeps its ``type`` whatever part of it is asked for.
"""

import json
from functools import cache
from pathlib import Path

SPEC = Path(__file__).resolve().parent / "data" / "brp-personen-2.7.0.openapi.json"
# Delivered whenever present, and refused in ``fields``.
AUTOMATIC = frozenset(
    {"inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie"}
)
MAX_DEPTH = 6


@cache
def schemas() -> dict:
    return json.loads(SPEC.read_text(encoding="utf-8"))["components"]["schemas"]


def properties(node: dict, expanding: frozenset = frozenset()) -> list[tuple[str, dict]]:
    """The properties of a schema with those of its ``allOf`` parts and, for an abstract
    schema, of every subtype its discriminator names; one name may come with several schemas."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return [] if name in expanding else properties(schemas()[name], expanding | {name})
    if node.get("type") == "array":
        return properties(node.get("items", {}), expanding)
    found = list(node.get("properties", {}).items())
    for part in node.get("allOf", []):
        found += properties(part, expanding)
    for ref in node.get("discriminator", {}).get("mapping", {}).values():
        found += properties({"$ref": ref}, expanding)
    return found


@cache
def field_paths(schema: str) -> frozenset[str]:
    """Every dotted path into ``schema`` (e.g. ``"Persoon"``), automatic fields included."""
    paths = set()

    def visit(node: dict, prefix: str, depth: int) -> None:
        for name, child in properties(node):
            paths.add(prefix + name)
            if depth < MAX_DEPTH:
                visit(child, f"{prefix}{name}.", depth + 1)

    visit({"$ref": f"#/components/schemas/{schema}"}, "", 1)
    return frozenset(paths)


def is_automatic(path: str) -> bool:
    return any(part in AUTOMATIC for part in path.split("."))


def select(data: dict, fields: list[str], schema: str) -> dict:
    """``data`` with only the asked fields and the automatic ones, within ``schema``."""
    tree: dict = {}
    for field in fields:
        node = tree
        for part in field.split("."):
            node = node.setdefault(part, {})
    for name in AUTOMATIC:
        tree[name] = {}
    return pick(data, tree, "", field_paths(schema))


def pick(value, tree: dict, prefix: str, allowed: frozenset):
    if isinstance(value, list):
        picked = [pick(item, tree, prefix, allowed) for item in value]
        return [item for item in picked if item not in ({}, None)]
    if not isinstance(value, dict):
        return value
    if not tree:  # the whole object was asked for
        tree = {key: {} for key in value}
    elif "type" in value:
        tree = {"type": {}, **tree}
    result = {}
    for name, subtree in tree.items():
        path = prefix + name
        if name in value and path in allowed:
            picked = pick(value[name], subtree, f"{path}.", allowed)
            if picked not in ({}, [], None):
                result[name] = picked
    return result
