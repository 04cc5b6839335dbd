"""Small builders of catalogue objects for tests."""

from datetime import date

from loket.catalog.models import (
    CaseType,
    Catalogue,
    Department,
    ResultType,
    RoleType,
    StatusType,
)


def make_catalogue(**fields) -> Catalogue:
    defaults = {"domain": "TEST", "rsin": "001000007", "contact_name": "Beheer"}
    catalogue, _ = Catalogue.objects.get_or_create(**{**defaults, **fields})
    return catalogue


def make_department(code="burgerzaken") -> Department:
    department, _ = Department.objects.get_or_create(
        code=code, defaults={"name_nl": "Burgerzaken", "name_en": "Civil affairs"}
    )
    return department


def make_case_type(catalogue=None, *, complete=True, **fields) -> CaseType:
    defaults = {
        "catalogue": catalogue or make_catalogue(),
        "identification": "UITTREKSEL-BRP",
        "valid_from": date(2026, 1, 1),
        "version_date": date(2026, 1, 1),
        "description": "Uittreksel BRP verstrekken",
        "confidentiality": "zaakvertrouwelijk",
        "purpose": "Een uittreksel verstrekken",
        "reason": "Aanvraag van de inwoner",
        "internal_or_external": "extern",
        "initiator_action": "Aanvragen",
        "subject": "Uittreksel",
        "handler_action": "Verstrekken",
        "lead_time": "P8W",
        "responsible": "Afdeling Burgerzaken",
        "reference_process_name": "Verstrekken",
        "department": make_department(),
    }
    case_type = CaseType.objects.create(**{**defaults, **fields})
    if complete:
        for order, name in enumerate(["Ontvangen", "Afgehandeld"], start=1):
            StatusType.objects.create(
                case_type=case_type,
                order=order,
                description=name,
                citizen_name_nl=name,
                citizen_explanation_nl=f"Uw aanvraag is {name.lower()}.",
            )
        ResultType.objects.create(
            case_type=case_type,
            description="Verstrekt",
            result_type_description_url="http://127.0.0.1:8000/referentielijsten/api/v1/resultaattypeomschrijvingen/1",
            selection_list_class="http://127.0.0.1:8000/referentielijsten/api/v1/resultaten/1",
            archive_action="vernietigen",
            archive_term="P1Y",
            archive_date_basis="afgehandeld",
        )
        RoleType.objects.create(case_type=case_type, description="Aanvrager", generic="initiator")
    return case_type


def make_product(slug: str, name_nl: str, *, synonyms=(), published=True, **fields):
    from loket.catalog.models import Product

    defaults = {
        "upl_name": name_nl.split()[0],
        "upl_uri": f"http://standaarden.overheid.nl/owms/terms/{name_nl.split()[0]}",
        "name_en": "",
        "summary_nl": f"Samenvatting van {name_nl}.",
        "description_nl": "Uitleg.",
        "audience": ["inwoner"],
        "apply_routes": ["counter"],
        "department": make_department(),
        "synonyms_nl": "\n".join(synonyms),
    }
    return Product.objects.create(
        slug=slug, name_nl=name_nl, published=published, **{**defaults, **fields}
    )
