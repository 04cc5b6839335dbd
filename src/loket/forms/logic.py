"""The form's logic: which fields are shown and required given the answers, and the values
computed from other answers (e.g. the total of the budget lines, capped at EUR 750)."""

from decimal import Decimal

from loket.forms.fields import empty


def holds(condition: dict | None, answers: dict) -> bool:
    """Whether a ``show_if`` / ``required_if`` condition holds; no condition always holds."""
    if not condition:
        return True
    if "all" in condition:
        return all(holds(part, answers) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, answers) for part in condition["any"])
    value = answers.get(condition["field"])
    if "equals" in condition:
        return value == condition["equals"]
    if "in" in condition:
        return value in condition["in"]
    if "filled" in condition:
        return (not empty(value)) == bool(condition["filled"])
    return False


def is_shown(field: dict, answers: dict) -> bool:
    return holds(field.get("show_if"), answers)


def is_required(field: dict, answers: dict) -> bool:
    if field.get("required"):
        return True
    return "required_if" in field and holds(field["required_if"], answers)


def compute(field: dict, answers: dict) -> str:
    """The value of a computed field: a sum over a group's rows, capped at ``max``."""
    group, _dot, member = field["compute"]["sum"].partition(".")
    total = Decimal(0)
    for row in answers.get(group) or []:
        if not empty(row.get(member)):
            total += Decimal(str(row[member]))
    cap = field["compute"].get("max")
    if cap is not None:
        total = min(total, Decimal(str(cap)))
    return str(total.quantize(Decimal("0.01")))
