"""Loading the demo catalogue of Gemeente Voorbeeld from ``demo/catalogue.json``.

The file holds real product names from the Uniforme Productnamenlijst and twelve complete
case types whose selection-list references point at Loket's own Referentielijsten API.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from loket.catalog.models import (
    CaseType,
    CaseTypeDocumentType,
    Catalogue,
    DecisionType,
    Department,
    DocumentType,
    Product,
    ProductCost,
    Property,
    ResultType,
    RoleType,
    StatusType,
)
from loket.catalog.services import publish_case_type, publish_type

DEMO_CATALOGUE = Path(__file__).parent / "demo" / "catalogue.json"
DEMO_VALID_FROM = date(2026, 1, 1)
UNIT_LETTER = {"days": "D", "working_days": "D", "weeks": "W"}


def term(value: dict | None) -> str:
    """``{"amount": 8, "unit": "weeks"}`` as an ISO 8601 duration (``P8W``)."""
    if not value:
        return ""
    return f"P{value['amount']}{UNIT_LETTER[value['unit']]}"


def reference_url(resource: str, uuid: str) -> str:
    return f"{settings.LOKET_REFERENTIELIJSTEN_API}{resource}/{uuid}"


def lines(items: list[str]) -> str:
    return "\n".join(items)


@transaction.atomic
def load_demo_catalogue(path: Path = DEMO_CATALOGUE) -> None:
    """Create the demo catalogue; does nothing when it is already there."""
    if Catalogue.objects.filter(domain="VRBLD").exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    catalogue = Catalogue.objects.create(
        domain="VRBLD",
        rsin="001000007",
        name="Zaaktypecatalogus Gemeente Voorbeeld",
        version="2026",
        version_date=DEMO_VALID_FROM,
        contact_name="Functioneel beheer",
        contact_email="beheer@voorbeeld.nl",
    )
    departments = {
        d["code"]: Department.objects.create(
            code=d["code"], name_nl=d["name_nl"], name_en=d["name_en"], email=d.get("email", "")
        )
        for d in data["departments"]
    }
    products = {p["slug"]: create_product(p, departments) for p in data["products"]}
    for spec in data["case_types"]:
        case_type = create_case_type(spec, catalogue, departments)
        case_type.products.set(
            products[p["slug"]]
            for p in data["products"]
            if p.get("case_type") == spec["identification"]
        )
        publish_case_type(case_type)


def create_product(spec: dict, departments: dict) -> Product:
    product = Product.objects.create(
        slug=spec["slug"],
        upl_name=spec["upl_name"],
        upl_uri=spec["upl_uri"],
        audience=spec["audience"],
        apply_routes=spec["apply_routes"],
        legal_basis=spec["legal_basis"],
        department=departments[spec["department"]],
        published=True,
        **{
            f"{field}_{language}": text_of(spec, f"{field}_{language}")
            for field in ("name", "summary", "description", "cost_rule", "duration")
            for language in ("nl", "en")
        },
        **{
            f"{field}_{language}": lines(spec.get(f"{source}_{language}", []))
            for field, source in (("conditions", "conditions"), ("bring", "bring"))
            for language in ("nl", "en")
        },
        synonyms_nl=lines(spec.get("synonyms", [])),
    )
    for order, cost in enumerate(spec["costs"]):
        ProductCost.objects.create(
            product=product,
            order=order,
            label_nl=cost["label_nl"],
            label_en=cost["label_en"],
            amount=Decimal(cost["amount"]),
        )
    return product


def text_of(spec: dict, key: str) -> str:
    return spec.get(key) or ""


def create_case_type(spec: dict, catalogue: Catalogue, departments: dict) -> CaseType:
    days = (
        "working"
        if any(
            (spec.get(k) or {}).get("unit") == "working_days" for k in ("lead_time", "service_norm")
        )
        else "calendar"
    )
    case_type = CaseType.objects.create(
        catalogue=catalogue,
        identification=spec["identification"],
        valid_from=DEMO_VALID_FROM,
        version_date=DEMO_VALID_FROM,
        description=spec["description"],
        confidentiality=spec["confidentiality"],
        purpose=spec["purpose"],
        reason=spec["reason"],
        subject=spec["subject"],
        internal_or_external=spec["internal_or_external"],
        initiator_action=spec["initiator_action"],
        handler_action=spec["handler_action"],
        day_count=days,
        lead_time=term(spec["lead_time"]),
        service_norm=term(spec.get("service_norm")),
        suspension_allowed=spec["suspension_allowed"],
        extension_allowed=spec["extension_allowed"],
        extension_term=term(spec.get("extension_term")),
        keywords=spec.get("keywords", []),
        publication_indication=spec.get("publication_indication", False),
        publication_text=spec.get("publication_text", ""),
        responsible=spec["responsible"],
        reference_process_name=spec["reference_process"],
        selectielijst_procestype=reference_url("procestypen", spec["selectielijst_procestype"]),
        department=departments[spec["department"]],
    )
    for order, step in enumerate(spec["status_types"], start=1):
        StatusType.objects.create(
            case_type=case_type,
            order=order,
            description=step["description"],
            citizen_name_nl=step["citizen_name_nl"],
            citizen_name_en=step["citizen_name_en"],
            citizen_explanation_nl=step["explanation_nl"],
            citizen_explanation_en=step["explanation_en"],
            lead_time=term(step.get("lead_time")),
            inform_citizen=step.get("inform_citizen", True),
        )
    decision_types = [create_decision_type(d, case_type) for d in spec.get("decision_types", [])]
    for result in spec["result_types"]:
        result_type = ResultType.objects.create(
            case_type=case_type,
            description=result["description"],
            result_type_description_url=reference_url(
                "resultaattypeomschrijvingen", result["resultaattypeomschrijving"]
            ),
            selection_list_class=reference_url("resultaten", result["selectielijstklasse"]),
            explanation=result.get("explanation", ""),
            archive_action=result["archive_action"],
            archive_term=result.get("archive_term") or "",
            archive_date_basis=result["archive_date_basis"],
        )
        result_type.decision_types.set(decision_types)
    for role in spec["role_types"]:
        RoleType.objects.create(
            case_type=case_type, description=role["description"], generic=role["generic"]
        )
    for prop in spec.get("properties", []):
        Property.objects.create(
            case_type=case_type,
            name=prop["name"],
            definition=prop["definition"],
            format=prop["format"],
            length=prop["length"],
        )
    outgoing = []
    for order, doc in enumerate(spec.get("document_types", []), start=1):
        document_type = DocumentType.objects.create(
            catalogue=catalogue,
            valid_from=DEMO_VALID_FROM,
            description=doc["description"],
            confidentiality=doc["confidentiality"],
            category=doc["category"],
        )
        publish_type(document_type)
        CaseTypeDocumentType.objects.create(
            case_type=case_type,
            document_type=document_type,
            order=order,
            direction=doc["direction"],
        )
        if doc["direction"] == "uitgaand":
            outgoing.append(document_type)
    # A decision rests on its letter: the outgoing decision documents, else any outgoing one.
    letters = [d for d in outgoing if d.category == "besluit"] or outgoing
    for decision_type in decision_types:
        decision_type.document_types.set(letters)
    return case_type


def create_decision_type(spec: dict, case_type: CaseType) -> DecisionType:
    decision_type = DecisionType.objects.create(
        catalogue=case_type.catalogue,
        valid_from=DEMO_VALID_FROM,
        description=spec["description"],
        category=spec.get("category", ""),
        reaction_term=term(spec.get("reaction_term")),
        publication_indication=spec.get("publication_indication", False),
    )
    decision_type.case_types.add(case_type)
    publish_type(decision_type)
    return decision_type
