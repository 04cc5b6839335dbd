"""Filling in one step of a form: reading, checking and keeping what was typed.

Every answer that is valid is kept in the draft at once; what is not valid yet is kept as it
was typed, so the page shows it again with the sentence that says what to change. Going back
keeps everything too. Files are stored as soon as they arrive (``loket.forms.uploads``).
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from loket.forms.fields import FillContext, clean, empty, read
from loket.forms.logic import compute, is_required, is_shown
from loket.forms.schema import NO_INPUT, all_fields, steps


@dataclass
class StepOutcome:
    answers: dict
    typed: dict
    errors: dict[str, str] = dataclass_field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.errors


def missing_message(field: dict) -> str:
    if field["type"] == "checkbox":
        return _("Tick this box to continue.")
    if field["type"] in ("choice",):
        return _("Choose one of the options.")
    if field["type"] == "file":
        return _("Add a file.")
    if field["type"] == "location":
        return _("Click the place on the map, or fill in both coordinates.")
    if field["type"] == "appointment":
        return _("Choose a time. Show the free times of a day first.")
    return _("Fill in this field.")


def group_rows(data, key: str) -> int:
    try:
        return max(0, min(int(data.get(f"{key}-rows", 0)), 50))
    except ValueError:
        return 0


def read_step(step: dict, data) -> dict:
    """What was typed on the step's page, by field key (a group: a list of row dicts)."""
    typed = {}
    for field in step["fields"]:
        if field["type"] in NO_INPUT or field["type"] == "file" or field.get("prefill"):
            continue
        if field["type"] == "group":
            typed[field["key"]] = [
                {
                    sub["key"]: read(sub, data, f"{field['key']}-{i}-{sub['key']}")
                    for sub in field["fields"]
                }
                for i in range(group_rows(data, field["key"]))
            ]
        else:
            typed[field["key"]] = read(field, data, field["key"])
    return typed


def check_step(step: dict, typed: dict, answers: dict, ctx: FillContext) -> StepOutcome:
    """Check what was typed on a step against the answers so far.

    ``answers`` holds the other steps' answers, the prefilled values and this step's files;
    conditions are evaluated on what this step's page shows now.
    """
    answers = dict(answers)
    outcome = StepOutcome(answers=answers, typed={})
    seen = answers | {key: value for key, value in typed.items() if not isinstance(value, list)}
    for field in step["fields"]:
        key = field["key"]
        if field["type"] in NO_INPUT or field.get("prefill"):
            continue
        if not is_shown(field, seen):
            answers.pop(key, None)
            continue
        required = is_required(field, seen)
        if field["type"] == "file":
            if required and empty(answers.get(key)):
                outcome.errors[key] = missing_message(field)
            continue
        if field["type"] == "group":
            check_group(field, typed.get(key, []), outcome, ctx, required)
            continue
        raw = typed.get(key)
        if empty(raw):
            answers[key] = False if field["type"] == "checkbox" else None
            if required:
                outcome.errors[key] = missing_message(field)
            continue
        try:
            answers[key] = clean(field, raw, ctx)
        except ValidationError as error:
            outcome.errors[key] = error.messages[0]
            outcome.typed[key] = raw
    for field in step["fields"]:
        if field["type"] == "computed":
            answers[field["key"]] = compute(field, answers)
    return outcome


def check_group(field: dict, rows: list[dict], outcome: StepOutcome, ctx, required: bool):
    key = field["key"]
    kept, errors = [], {}
    for row in rows:
        if empty(row):
            continue  # an empty row is one the person did not use
        index = len(kept)
        cleaned = {}
        for sub in field["fields"]:
            name = f"{key}-{index}-{sub['key']}"
            raw = row.get(sub["key"])
            if empty(raw):
                cleaned[sub["key"]] = None
                if is_required(sub, row):
                    errors[name] = missing_message(sub)
                continue
            try:
                cleaned[sub["key"]] = clean(sub, raw, ctx)
            except ValidationError as error:
                errors[name] = error.messages[0]
        kept.append((row, cleaned))
    least = field.get("min_items", 1 if required else 0)
    most = field.get("max_items", 50)
    if len(kept) < least:
        errors[key] = _("Fill in at least %(count)s row(s).") % {"count": least}
    elif len(kept) > most:
        errors[key] = _("Fill in at most %(count)s rows.") % {"count": most}
    if errors:
        outcome.errors |= errors
        outcome.typed[key] = [row for row, _cleaned in kept]
    else:
        outcome.answers[key] = [cleaned for _row, cleaned in kept]


def first_incomplete_step(schema: dict, answers: dict, completed: list[str]) -> str | None:
    """The first step that still needs something: not done yet, or a field that became
    required or shown by a later change is empty. None when the form can be submitted."""
    for step in steps(schema):
        if step["key"] not in completed:
            return step["key"]
        for field in step["fields"]:
            if field["type"] in NO_INPUT or field.get("prefill"):
                continue
            needed = is_shown(field, answers) and is_required(field, answers)
            if needed and empty(answers.get(field["key"])):
                return step["key"]
    return None


def visible_answers(schema: dict, answers: dict) -> dict:
    """The answers of the fields that are shown: what a submission keeps."""
    return {
        field["key"]: answers.get(field["key"])
        for field in all_fields(schema)
        if field["type"] != "paragraph" and is_shown(field, answers)
    }
