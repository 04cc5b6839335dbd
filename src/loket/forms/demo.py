"""The demo municipality's forms (``demo/forms.json``): one per product that can be arranged
online in the demo catalogue."""

import json
from pathlib import Path

from django.db import transaction

from loket.catalog.models import Product
from loket.forms.models import FormDefinition
from loket.forms.services import save_definition

DEMO_FORMS = Path(__file__).parent / "demo" / "forms.json"


@transaction.atomic
def load_demo_forms() -> None:
    if FormDefinition.objects.exists():
        return
    for spec in json.loads(DEMO_FORMS.read_text(encoding="utf-8"))["forms"]:
        product = Product.objects.get(slug=spec["product"])
        save_definition(
            product,
            login=spec["login"],
            assurance=spec.get("assurance", ""),
            schema=spec["schema"],
        )
