"""Reading a form definition's schema (docs/forms.md) and checking it before it is saved.

The engine trusts a schema that passed ``schema_problems``: the admin refuses to publish one
with problems, so a mistake in a definition is found by the functioneel beheerder, not by a
citizen halfway through a form.
"""

import re
from collections.abc import Iterator
from datetime import date

from django.utils.translation import get_language
from django.utils.translation import gettext as _

KEY = re.compile(r"[a-z][a-z0-9_]{0,59}")
FIELD_TYPES = {
    "text",
    "textarea",
    "number",
    "amount",
    "date",
    "choice",
    "checkbox",
    "bsn",
    "kvk",
    "iban",
    "email",
    "phone",
    "address",
    "file",
    "group",
    "location",
    "appointment",
    "computed",
    "paragraph",
}
NOT_IN_GROUPS = {"group", "file", "computed", "address", "location", "appointment"}
# Types that hold no answer of their own.
NO_INPUT = {"paragraph", "computed"}


def text(value, language: str | None = None) -> str:
    """A ``{"nl": …, "en": …}`` text in the active language, falling back to Dutch."""
    if isinstance(value, str):
        return value
    if not value:
        return ""
    language = (language or get_language() or "nl")[:2]
    return value.get(language) or value.get("nl") or ""


def steps(schema: dict) -> list[dict]:
    return schema.get("steps", [])


def step_keys(schema: dict) -> list[str]:
    return [step["key"] for step in steps(schema)]


def find_step(schema: dict, key: str) -> dict | None:
    return next((step for step in steps(schema) if step["key"] == key), None)


def all_fields(schema: dict) -> Iterator[dict]:
    """Every top-level field of every step, in order."""
    for step in steps(schema):
        yield from step.get("fields", [])


def appointment_step(schema: dict) -> str:
    """The key of the first step that asks for an appointment."""
    return next(
        step["key"]
        for step in steps(schema)
        if any(field["type"] == "appointment" for field in step["fields"])
    )


def field_by_key(schema: dict) -> dict[str, dict]:
    return {field["key"]: field for field in all_fields(schema)}


def step_of_field(schema: dict) -> dict[str, str]:
    return {field["key"]: step["key"] for step in steps(schema) for field in step["fields"]}


def condition_fields(condition: dict | None) -> Iterator[str]:
    if not condition:
        return
    for part in condition.get("all", []) + condition.get("any", []):
        yield from condition_fields(part)
    if "field" in condition:
        yield condition["field"]


def schema_problems(schema: dict) -> list[str]:
    """Every problem of the schema, as sentences for the functioneel beheerder."""
    problems = []
    if not isinstance(schema, dict) or not schema.get("steps"):
        return [_("The form has no steps.")]
    seen_steps = set()
    fields = {}
    for step in steps(schema):
        key = step.get("key", "")
        if not KEY.fullmatch(key) or key in seen_steps:
            problems.append(_("Step key %(key)r is not a unique lowercase key.") % {"key": key})
        seen_steps.add(key)
        if not text(step.get("title"), "nl"):
            problems.append(_("Step %(key)s has no Dutch title.") % {"key": key})
        if not isinstance(step.get("fields"), list) or not step["fields"]:
            problems.append(_("Step %(key)s has no fields.") % {"key": key})
            continue
        for field in step["fields"]:
            problems += field_problems(field, fields, in_group=False)
    for field in fields.values():
        for name in ("show_if", "required_if"):
            for other in condition_fields(field.get(name)):
                if other not in fields:
                    problems.append(
                        _("Field %(key)s refers to a field %(other)s that does not exist.")
                        % {"key": field["key"], "other": other}
                    )
        compute = field.get("compute") or {}
        if field["type"] == "computed":
            group, _dot, sub = str(compute.get("sum", "")).partition(".")
            group_field = fields.get(group)
            if not group_field or sub not in {f["key"] for f in group_field.get("fields", [])}:
                problems.append(
                    _("Computed field %(key)s sums %(path)r, which is no field of a group.")
                    % {"key": field["key"], "path": compute.get("sum")}
                )
    problems += case_problems(schema.get("case", {}), fields)
    return problems


def field_problems(field: dict, seen: dict, *, in_group: bool) -> list[str]:
    problems = []
    key, kind = field.get("key", ""), field.get("type")
    if not KEY.fullmatch(key) or key in seen:
        problems.append(_("Field key %(key)r is not a unique lowercase key.") % {"key": key})
    seen[key] = field
    if kind not in FIELD_TYPES:
        problems.append(
            _("Field %(key)s has an unknown type %(type)r.") % {"key": key, "type": kind}
        )
        return problems
    if in_group and kind in NOT_IN_GROUPS:
        problems.append(
            _("Field %(key)s of type %(type)s cannot be part of a group.")
            % {"key": key, "type": kind}
        )
        return problems
    if kind == "date":
        for limit in (field.get("min"), field.get("max")):
            if limit is not None and not valid_date_limit(str(limit)):
                problems.append(
                    _("Date field %(key)s has a limit %(limit)r that is no date, today or today+N.")
                    % {"key": key, "limit": limit}
                )
    if kind != "paragraph" and not text(field.get("label"), "nl"):
        problems.append(_("Field %(key)s has no Dutch label.") % {"key": key})
    if kind == "appointment" and not bookable(field.get("product")):
        problems.append(
            _("Appointment field %(key)s names no product that a location offers.") % {"key": key}
        )
    if kind == "choice" and not field.get("choices"):
        problems.append(_("Choice field %(key)s has no choices.") % {"key": key})
    if kind == "group":
        members = {}
        for sub in field.get("fields", []):
            problems += field_problems(sub, members, in_group=True)
    return problems


def case_problems(case: dict, fields: dict) -> list[str]:
    problems = []
    references = [case.get("email_field"), case.get("location_field")]
    references += [(case.get("route_by") or {}).get("field")]
    references += list((case.get("properties") or {}).values())
    initiator = case.get("initiator", "login")
    if isinstance(initiator, dict):
        if not initiator.get("bsn_field"):
            problems.append(_("The case's initiator must be login, none or a BSN field."))
        references.append(initiator.get("bsn_field"))
    elif initiator not in ("login", "none"):
        problems.append(_("The case's initiator must be login, none or a BSN field."))
    for reference in filter(None, references):
        if reference not in fields:
            problems.append(
                _("The case settings refer to a field %(key)s that does not exist.")
                % {"key": reference}
            )
    fee = case.get("fee") or {}
    if fee and fee.get("by") not in fields:
        problems.append(_("The fee depends on a field that does not exist."))
    return problems


def bookable(product_slug) -> bool:
    from loket.appointments.selectors import offers_of

    return isinstance(product_slug, str) and offers_of(product_slug).exists()


DATE_LIMIT = re.compile(r"today([+-]\d{1,5})?|\d{4}-\d{2}-\d{2}")


def valid_date_limit(limit: str) -> bool:
    if not DATE_LIMIT.fullmatch(limit):
        return False
    if limit.startswith("today"):
        return True
    try:
        date.fromisoformat(limit)
    except ValueError:
        return False
    return True
