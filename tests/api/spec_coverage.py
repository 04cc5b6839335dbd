"""Reading an official OpenAPI file and checking Loket's URLs against it.

Each API's ``test_spec_coverage.py`` uses these to fail, listing what is missing, when an
official path and method is not served.
"""

import re
import uuid
from functools import cache
from pathlib import Path

import yaml
from django.urls import Resolver404, resolve

SPECS = Path(__file__).resolve().parent / "specs"
METHODS = {"get", "post", "put", "patch", "delete", "head"}
PLACEHOLDER = re.compile(r"\{[^}]+\}")


@cache
def official(file_name: str) -> dict:
    return yaml.safe_load((SPECS / file_name).read_text(encoding="utf-8"))


def operations(spec: dict) -> set[tuple[str, str]]:
    return {
        (path, method)
        for path, item in spec["paths"].items()
        for method in item
        if method in METHODS
    }


def served(base: str, path: str, method: str) -> bool:
    """Whether Loket routes ``method`` on this official path (each ``{...}`` a uuid)."""
    concrete = PLACEHOLDER.sub(lambda _: str(uuid.uuid4()), path)
    try:
        match = resolve(f"{base}{concrete}")
    except Resolver404:
        return False
    actions = getattr(match.func, "actions", {})
    return method in actions or (method == "head" and "get" in actions)


def missing_operations(base: str, file_name: str) -> list[str]:
    return sorted(
        f"{method.upper()} {path}"
        for path, method in operations(official(file_name))
        if not served(base, path, method)
    )
