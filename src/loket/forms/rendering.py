"""What a step's page shows of each field: label, help, value, error, choices, rows.

The templates only print this; every decision (shown or not, prefilled, which rows) is made
here from the schema, the answers and what was typed.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.conf import settings
from django.utils.translation import gettext as _

from loket.forms.booking import times_to_show
from loket.forms.fields import as_typed, display, empty
from loket.forms.logic import is_required, is_shown
from loket.forms.schema import text

MAP_WIDTH, MAP_HEIGHT = 600, 400


@dataclass
class ShownField:
    key: str
    name: str
    type: str
    label: str
    help: str = ""
    required: bool = False
    error: str = ""
    value: object = ""
    shown_value: str = ""
    prefilled: bool = False
    choices: list = dataclass_field(default_factory=list)
    widget: str = ""
    rows: list = dataclass_field(default_factory=list)
    row_errors: bool = False
    files: list = dataclass_field(default_factory=list)
    accept: str = ""
    settings: dict = dataclass_field(default_factory=dict)

    @property
    def add_label(self) -> str:
        return text(self.settings.get("add_label"))

    @property
    def can_add_row(self) -> bool:
        return len(self.rows) < self.settings.get("max_items", 50)

    @property
    def described_by(self) -> str:
        ids = [f"{self.name}-help"] if self.help else []
        if self.error:
            ids.append(f"{self.name}-error")
        return " ".join(ids)

    @property
    def input_type(self) -> str:
        # Dates are typed as text ("31-12-2026"): a date picker loses what was typed wrongly.
        return {"email": "email", "phone": "tel"}.get(self.type, "text")

    @property
    def input_mode(self) -> str:
        modes = {"bsn": "numeric", "kvk": "numeric", "number": "numeric", "amount": "decimal"}
        return modes.get(self.type, "")

    @property
    def autocomplete(self) -> str:
        return {"email": "email", "phone": "tel", "iban": "off"}.get(self.type, "")


def shown_fields(step: dict, answers: dict, typed: dict, errors: dict, language: str):
    """The fields of a step as the page shows them; hidden ones are left out (without
    JavaScript a condition takes effect when the page is sent, like any other answer)."""
    seen = answers | {k: v for k, v in typed.items() if not isinstance(v, list)}
    shown = []
    for spec in step["fields"]:
        if not is_shown(spec, seen):
            continue
        shown.append(shown_field(spec, spec["key"], answers, typed, errors, language, seen))
    return shown


def shown_field(spec, name, answers, typed, errors, language, seen) -> ShownField:
    key = spec["key"]
    value = typed[key] if key in typed else as_typed(spec, answers.get(key))
    field = ShownField(
        key=key,
        name=name,
        type=spec["type"],
        label=text(spec.get("label"), language) or text(spec.get("text"), language),
        help=text(spec.get("help"), language),
        required=is_required(spec, seen),
        error=errors.get(name, ""),
        value=value,
        prefilled=bool(spec.get("prefill")),
        widget=spec.get("widget", "radio"),
        settings=spec,
    )
    if spec["type"] == "date":
        hint = _("Write the date as day-month-year, like 31-12-2026.")
        field.help = f"{field.help} {hint}".strip()
    if spec["type"] == "address" and key not in typed:
        field.shown_value = display(spec, answers.get(key), language)
    if field.prefilled or spec["type"] == "computed":
        field.shown_value = (
            display(spec, answers.get(key), language) if not empty(answers.get(key)) else ""
        )
        if spec["type"] == "group":
            field.rows = answers.get(key) or []
    if spec["type"] == "choice":
        field.choices = [
            {"value": c["value"], "label": text(c["label"], language), "id": f"{name}-{i}"}
            for i, c in enumerate(spec["choices"])
        ]
    if spec["type"] == "file":
        field.files = answers.get(key) or []
        field.accept = ",".join(
            "." + extension for extension in spec.get("accept", ["pdf", "jpg", "png"])
        )
    if spec["type"] == "appointment":
        field.settings = {**spec, **times_to_show(spec, value or {}, answers.get(key))}
    if spec["type"] == "group" and not field.prefilled:
        field.rows = group_rows(spec, answers, typed, errors, language)
        field.row_errors = any(e.startswith(f"{key}-") for e in errors)
    return field


def group_rows(spec, answers, typed, errors, language) -> list[list[ShownField]]:
    key = spec["key"]
    if key in typed:
        rows = typed[key]
    else:
        rows = [
            {sub["key"]: as_typed(sub, row.get(sub["key"])) for sub in spec["fields"]}
            for row in answers.get(key) or []
        ]
    least = max(spec.get("min_items", 1), 1)
    rows = list(rows) + [{} for _ in range(least - len(rows))]
    shown = []
    for index, row in enumerate(rows):
        shown.append(
            [
                shown_field(sub, f"{key}-{index}-{sub['key']}", {}, row, errors, language, row)
                for sub in spec["fields"]
            ]
        )
    return shown


def summary_rows(schema: dict, answers: dict, language: str) -> list[dict]:
    """Per step: its title and the shown fields' answers, for the summary page and the case."""
    sections = []
    for step in schema["steps"]:
        items = []
        for spec in step["fields"]:
            if spec["type"] == "paragraph" or not is_shown(spec, answers):
                continue
            value = answers.get(spec["key"])
            if spec["type"] == "group":
                lines = [
                    ", ".join(
                        display(sub, row.get(sub["key"]), language)
                        for sub in spec["fields"]
                        if not empty(row.get(sub["key"]))
                    )
                    for row in value or []
                ]
                items.append({"label": text(spec["label"], language), "lines": lines})
            else:
                items.append(
                    {
                        "label": text(spec["label"], language),
                        "lines": [display(spec, value, language)],
                    }
                )
        sections.append(
            {"key": step["key"], "title": text(step["title"], language), "items": items}
        )
    return sections


def map_point(x: int, y: int) -> dict:
    """Where a click on the map image (pixels) lies on the earth."""
    south, west, north, east = settings.LOKET_MAP_AREA
    x, y = min(max(x, 0), MAP_WIDTH), min(max(y, 0), MAP_HEIGHT)
    return {
        "lat": f"{north - (north - south) * y / MAP_HEIGHT:.6f}",
        "lon": f"{west + (east - west) * x / MAP_WIDTH:.6f}",
    }


def map_pixel(location: dict | None) -> tuple[float, float] | None:
    if not location:
        return None
    try:
        lat, lon = float(location["lat"]), float(location["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    south, west, north, east = settings.LOKET_MAP_AREA
    return (
        (lon - west) / (east - west) * MAP_WIDTH,
        (north - lat) / (north - south) * MAP_HEIGHT,
    )
