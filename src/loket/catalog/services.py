"""State changes of the catalogue: the only code that creates, publishes or versions types.

The rules follow the Catalogi API's behaviour rules (ztc-009, ztc-010, ztc-016): a published
version is immutable, a new version is a draft copy, and published versions of one
identification never overlap in validity.
"""

import uuid
from datetime import date, timedelta

from django.db import models, transaction
from django.utils.translation import gettext as _

from loket.catalog.choices import PropertyFormat
from loket.catalog.errors import CatalogError, refusal
from loket.catalog.models import (
    CaseObjectType,
    CaseType,
    CaseTypeDocumentType,
    Catalogue,
    DecisionType,
    Department,
    DocumentType,
    Property,
    ResultType,
    RoleType,
    StatusType,
)
from loket.catalog.selection_list import check_result_type, process_type_errors


def publication_problems(case_type: CaseType) -> list[CatalogError]:
    """Why this draft case type cannot be published yet, as sentences for the beheerder."""
    problems = []
    if case_type.status_types.count() < 2:
        problems.append(
            CatalogError(
                _("A case type needs at least two status types (a first and a last step)."),
                code="publish-requires-status-types",
            )
        )
    if not case_type.result_types.exists():
        problems.append(
            CatalogError(_("A case type needs at least one result type."), code="no-result-types")
        )
    if not case_type.role_types.exists():
        problems.append(
            CatalogError(_("A case type needs at least one role type."), code="no-role-types")
        )
    drafts = [
        link.document_type.description
        for link in case_type.document_type_links.select_related("document_type")
        if link.document_type.concept
    ] + [d.description for d in case_type.decision_types.all() if d.concept]
    if drafts:
        problems.append(
            CatalogError(
                _("Publish these related types first: %(names)s.") % {"names": ", ".join(drafts)},
                code="concept-relation",
            )
        )
    overlapping = overlapping_published_versions(case_type)
    if overlapping:
        problems.append(
            CatalogError(
                _(
                    "A published version of %(identification)s is valid in the same period "
                    "(from %(start)s). End that version first or choose another start date."
                )
                % {
                    "identification": case_type.identification,
                    "start": overlapping[0].valid_from.isoformat(),
                },
                code="overlap",
            )
        )
    return problems


def overlapping_published_versions(case_type: CaseType) -> list[CaseType]:
    far_future = date.max
    end = case_type.valid_until or far_future
    return [
        other
        for other in CaseType.objects.published()
        .filter(catalogue=case_type.catalogue, identification=case_type.identification)
        .exclude(pk=case_type.pk)
        if other.valid_from <= end and (other.valid_until or far_future) >= case_type.valid_from
    ]


@transaction.atomic
def publish_case_type(case_type: CaseType) -> CaseType:
    """Publish a draft; the previous published version then ends the day before this starts."""
    case_type = CaseType.objects.select_for_update().get(pk=case_type.pk)
    if case_type.is_published:
        raise CatalogError(_("This case type is already published."), code="already-published")
    previous = (
        CaseType.objects.published()
        .filter(
            catalogue=case_type.catalogue,
            identification=case_type.identification,
            valid_from__lt=case_type.valid_from,
            valid_until__isnull=True,
        )
        .first()
    )
    if previous is not None:
        end_validity(previous, case_type.valid_from - timedelta(days=1))
    problems = publication_problems(case_type)
    if problems:
        raise CatalogError(problems)
    case_type.concept = False
    case_type.save(update_fields=["concept"])
    return case_type


def end_validity(case_type: CaseType, last_day: date) -> None:
    """The one change a published version allows: its last valid day (ztc-009)."""
    case_type.valid_until = last_day
    case_type.save(update_fields=["valid_until"])


def ensure_draft(case_type: CaseType) -> None:
    """Refuse to change a published case type or anything that belongs to it (ztc-010)."""
    if CaseType.objects.filter(pk=case_type.pk, concept=False).exists():
        raise CatalogError(
            _(
                "This case type is published and cannot be changed. Make a new version and "
                "change that."
            ),
            code="non-concept-zaaktype",
        )


@transaction.atomic
def publish_type(versioned: DecisionType | DocumentType) -> DecisionType | DocumentType:
    """Publish a document type or decision type.

    Published versions with the same description in a catalogue do not overlap in validity,
    and a decision type is published after the document types it is recorded in.
    """
    versioned = type(versioned).objects.select_for_update().get(pk=versioned.pk)
    if versioned.is_published:
        raise CatalogError(_("This type is already published."), code="already-published")
    problems = []
    if overlapping_published_types(versioned):
        problems.append(
            CatalogError(
                _("A published version with this description is valid in the same period."),
                code="overlap",
            )
        )
    if isinstance(versioned, DecisionType):
        drafts = [d.description for d in versioned.document_types.all() if d.concept]
        if drafts:
            problems.append(
                CatalogError(
                    _("Publish these related types first: %(names)s.")
                    % {"names": ", ".join(drafts)},
                    code="concept-relation",
                )
            )
    if problems:
        raise CatalogError(problems)
    versioned.concept = False
    versioned.save(update_fields=["concept"])
    return versioned


@transaction.atomic
def new_case_type_version(case_type: CaseType, valid_from: date) -> CaseType:
    """A draft copy of a case type with all its parts, to be valid from ``valid_from``.

    Existing cases keep the version they were started under.
    """
    if valid_from <= case_type.valid_from:
        raise CatalogError(
            _("A new version must start after %(date)s.")
            % {"date": case_type.valid_from.isoformat()},
            code="invalid-valid-from",
        )
    original = CaseType.objects.get(pk=case_type.pk)
    copy = clone(
        CaseType.objects.get(pk=case_type.pk),
        concept=True,
        valid_from=valid_from,
        valid_until=None,
        version_date=valid_from,
    )
    copy.products.set(original.products.all())
    copy.decision_types.set(original.decision_types.all())

    status_copies = {}
    for status_type in original.status_types.all():
        old_pk = status_type.pk
        status_copies[old_pk] = clone(status_type, case_type=copy)
    for result_type in original.result_types.all():
        decision_types = list(result_type.decision_types.all())
        clone(result_type, case_type=copy).decision_types.set(decision_types)
    for role_type in original.role_types.all():
        clone(role_type, case_type=copy)
    for part in [*original.properties.all(), *original.document_type_links.all()]:
        clone(part, case_type=copy, status_type=status_copies.get(part.status_type_id))
    return copy


def clone(instance, **changes):
    """Save a copy of ``instance`` as a new row with a new uuid and the given changes."""
    instance.pk = None
    instance._state.adding = True
    instance.uuid = uuid.uuid4()
    for field, value in changes.items():
        setattr(instance, field, value)
    instance.save()
    return instance


# --- Catalogues -----------------------------------------------------------------------------


@transaction.atomic
def create_catalogue(**fields) -> Catalogue:
    catalogue = Catalogue(**fields)
    if Catalogue.objects.filter(domain=catalogue.domain, rsin=catalogue.rsin).exists():
        raise refusal(
            None, _("A catalogue with this domain and RSIN already exists."), code="unique"
        )
    catalogue.save()
    return catalogue


# --- Case types -----------------------------------------------------------------------------


def unassigned_department() -> Department:
    """Where a case type created through the API routes its cases until the beheerder chooses."""
    department, _created = Department.objects.get_or_create(
        code="unassigned",
        defaults={"name_nl": "Nog niet toegewezen", "name_en": "Not yet assigned"},
    )
    return department


@transaction.atomic
def create_case_type(*, decision_types=(), **fields) -> CaseType:
    """A new draft case type, or a draft new version when the identification exists."""
    fields.setdefault("department", None)
    if fields["department"] is None:
        fields["department"] = unassigned_department()
    case_type = CaseType(concept=True, **fields)
    check_case_type(case_type)
    case_type.save()
    case_type.decision_types.set(
        named_versions(DecisionType, case_type.catalogue, decision_types, "decision_types")
    )
    return case_type


@transaction.atomic
def update_case_type(case_type: CaseType, *, correction: bool = False, **changes) -> CaseType:
    """Change a draft; of a published version only its end of validity, unless a correction."""
    decision_types = changes.pop("decision_types", None)
    case_type = CaseType.objects.select_for_update().get(pk=case_type.pk)
    changed = {f for f, value in changes.items() if getattr(case_type, f) != value}
    if decision_types is not None and set(decision_types) != set(case_type.decision_types.all()):
        changed.add("decision_types")
    if case_type.is_published and not correction and changed - {"valid_until"}:
        raise refusal(
            None,
            _("A published case type can only get an end of validity; make a new version."),
            code="non-concept-object",
        )
    for field, value in changes.items():
        setattr(case_type, field, value)
    check_case_type(case_type)
    case_type.save()
    if decision_types is not None:
        case_type.decision_types.set(
            named_versions(DecisionType, case_type.catalogue, decision_types, "decision_types")
        )
    return case_type


@transaction.atomic
def delete_case_type(case_type: CaseType, *, force: bool = False) -> None:
    if case_type.is_published and not force:
        raise refusal(
            None, _("A published case type cannot be deleted."), code="non-concept-object"
        )
    delete_protected(case_type)


def check_case_type(case_type: CaseType) -> None:
    """The field rules of a case type version, ztc-001 and ztc-016 among them."""
    errors = {}
    if case_type.valid_until and case_type.valid_until < case_type.valid_from:
        errors["valid_until"] = CatalogError(
            _("The end of validity lies before its start."), code="date-mismatch"
        )
    errors.update(process_type_errors(case_type))
    if case_type.is_published and overlapping_published_versions(case_type):
        errors["valid_until"] = CatalogError(
            _("A published version of this case type is valid in the same period."),
            code="overlap",
        )
    if case_type.concept and (
        CaseType.objects.filter(
            catalogue=case_type.catalogue, identification=case_type.identification, concept=True
        )
        .exclude(pk=case_type.pk)
        .exists()
    ):
        errors["identification"] = CatalogError(
            _("A draft of this case type already exists; change or publish that one first."),
            code="identificatie-niet-uniek",
        )
    if errors:
        raise CatalogError(errors)


def named_versions(model, catalogue: Catalogue, refs, field: str) -> list:
    """Types given as objects or by description; a description names all its versions.

    Since Catalogi 1.3 a case type refers to its decision and document types by description,
    so that a new version of such a type needs no new version of the case type.
    """
    objects = [ref for ref in refs if not isinstance(ref, str)]
    names = {ref for ref in refs if isinstance(ref, str)}
    if names:
        found = list(model.objects.filter(catalogue=catalogue, description__in=names))
        missing = names - {item.description for item in found}
        if missing:
            raise refusal(
                field,
                _("The catalogue has no %(kind)s named %(names)s.")
                % {"kind": model._meta.verbose_name, "names": ", ".join(sorted(missing))},
                code="unknown-name",
            )
        objects += found
    return list(dict.fromkeys(objects))


def delete_protected(instance) -> None:
    try:
        instance.delete()
    except models.ProtectedError:
        raise refusal(
            None,
            _("%(name)s is still in use and cannot be deleted.") % {"name": instance},
            code="in-use",
        ) from None


# --- Document types and decision types ------------------------------------------------------


@transaction.atomic
def create_document_type(**fields) -> DocumentType:
    document_type = DocumentType(concept=True, **fields)
    check_validity(document_type)
    document_type.save()
    return document_type


@transaction.atomic
def create_decision_type(*, document_types=(), **fields) -> DecisionType:
    decision_type = DecisionType(concept=True, **fields)
    check_validity(decision_type)
    decision_type.save()
    decision_type.document_types.set(
        named_versions(DocumentType, decision_type.catalogue, document_types, "document_types")
    )
    # Case types name their decision types by description: a new version serves them too.
    earlier_versions = DecisionType.objects.filter(
        catalogue=decision_type.catalogue, description=decision_type.description
    ).exclude(pk=decision_type.pk)
    decision_type.case_types.add(
        *CaseType.objects.filter(decision_types__in=earlier_versions).distinct()
    )
    return decision_type


@transaction.atomic
def update_type(versioned, *, correction: bool = False, **changes):
    """Change a draft document or decision type; a published one as :func:`update_case_type`."""
    document_types = changes.pop("document_types", None)
    versioned = type(versioned).objects.select_for_update().get(pk=versioned.pk)
    changed = {f for f, value in changes.items() if getattr(versioned, f) != value}
    if document_types is not None:
        changed.add("document_types")
    if versioned.is_published and not correction and changed - {"valid_until"}:
        raise refusal(
            None,
            _("A published type can only get an end of validity; make a new version."),
            code="non-concept-object",
        )
    for field, value in changes.items():
        setattr(versioned, field, value)
    check_validity(versioned)
    versioned.save()
    if document_types is not None:
        versioned.document_types.set(
            named_versions(DocumentType, versioned.catalogue, document_types, "document_types")
        )
    return versioned


@transaction.atomic
def delete_type(versioned, *, force: bool = False) -> None:
    if versioned.is_published and not force:
        raise refusal(None, _("A published type cannot be deleted."), code="non-concept-object")
    delete_protected(versioned)


def check_validity(versioned) -> None:
    if versioned.valid_until and versioned.valid_until < versioned.valid_from:
        raise refusal(
            "valid_until", _("The end of validity lies before its start."), code="date-mismatch"
        )
    if versioned.is_published and overlapping_published_types(versioned):
        raise refusal(
            "valid_until",
            _("A published version with this description is valid in the same period."),
            code="overlap",
        )


def overlapping_published_types(versioned) -> bool:
    end = versioned.valid_until or date.max
    others = (
        type(versioned)
        .objects.published()
        .filter(catalogue=versioned.catalogue, description=versioned.description)
        .exclude(pk=versioned.pk)
    )
    return any(
        other.valid_from <= end and (other.valid_until or date.max) >= versioned.valid_from
        for other in others
    )


# --- The parts of a case type (ztc-010) -----------------------------------------------------


def ensure_changeable(case_type: CaseType, correction: bool) -> None:
    """A part of a published case type changes only as a correction (ztc-010)."""
    if not correction:
        ensure_draft(case_type)


@transaction.atomic
def create_part(model, *, case_type: CaseType, correction: bool = False, **fields):
    """Create a status, result, role, property, document or object type of a case type."""
    ensure_changeable(case_type, correction)
    relations = {name: fields.pop(name) for name in RELATIONS.get(model, ()) if name in fields}
    if "document_type" in fields:
        fields["document_type"] = document_type_for(case_type, fields["document_type"])
    part = model(case_type=case_type, **fields)
    return save_part(part, relations)


@transaction.atomic
def update_part(part, *, correction: bool = False, **changes):
    ensure_changeable(part.case_type, correction)
    if "case_type" in changes and changes["case_type"] != part.case_type:
        ensure_changeable(changes["case_type"], correction)
    relations = {
        name: changes.pop(name) for name in RELATIONS.get(type(part), ()) if name in changes
    }
    if "document_type" in changes:
        case_type = changes.get("case_type", part.case_type)
        changes["document_type"] = document_type_for(case_type, changes["document_type"])
    for field, value in changes.items():
        setattr(part, field, value)
    return save_part(part, relations)


@transaction.atomic
def delete_part(part, *, force: bool = False) -> None:
    if not force:
        ensure_draft(part.case_type)
    delete_protected(part)


def save_part(part, relations: dict):
    check = PART_CHECKS.get(type(part))
    if check:
        check(part, relations)
    part.save()
    for name, values in relations.items():
        RELATION_SETTERS[name](part, values)
    return part


def check_status_type(status_type: StatusType, relations: dict) -> None:
    if not status_type.citizen_name_nl:
        # The citizen reads the step's name in track & trace; the API has no field for it.
        status_type.citizen_name_nl = status_type.description[:80]
    clash = (
        StatusType.objects.filter(case_type=status_type.case_type, order=status_type.order)
        .exclude(pk=status_type.pk)
        .exists()
    )
    if clash:
        raise refusal("order", _("This case type already has a step with this number."), "unique")
    foreign = [
        p
        for p in relations.get("required_properties", ())
        if p.case_type_id != status_type.case_type_id
    ]
    if foreign:
        raise refusal(
            "required_properties",
            _("A property of another case type cannot be required here."),
            "invalid",
        )


def set_status_properties(status_type: StatusType, properties) -> None:
    Property.objects.filter(status_type=status_type).exclude(
        pk__in=[p.pk for p in properties]
    ).update(status_type=None)
    Property.objects.filter(pk__in=[p.pk for p in properties]).update(status_type=status_type)


def check_property(prop: Property, relations: dict) -> None:
    clash = (
        Property.objects.filter(case_type=prop.case_type, name=prop.name)
        .exclude(pk=prop.pk)
        .exists()
    )
    if clash:
        raise refusal("name", _("This case type already has a property with this name."), "unique")
    # ztc-015: dates as YYYYMMDD, date-times as YYYYMMDDhhmmss.
    fixed_length = {PropertyFormat.DATE: 8, PropertyFormat.DATE_TIME: 14}.get(prop.format)
    if fixed_length and prop.length != fixed_length:
        raise refusal(
            "length",
            _("A %(format)s property has length %(length)s.")
            % {"format": prop.format, "length": fixed_length},
            "invalid-length",
        )
    if prop.status_type_id and prop.status_type.case_type_id != prop.case_type_id:
        raise refusal("status_type", _("The status type is of another case type."), "invalid")


def check_case_type_document_type(link: CaseTypeDocumentType, relations: dict) -> None:
    clash = (
        CaseTypeDocumentType.objects.filter(case_type=link.case_type, order=link.order)
        .exclude(pk=link.pk)
        .exists()
    )
    if clash:
        raise refusal(
            "order", _("This case type already has a document with this number."), "unique"
        )
    if link.status_type_id and link.status_type.case_type_id != link.case_type_id:
        raise refusal("status_type", _("The status type is of another case type."), "invalid")


def document_type_for(case_type: CaseType, ref) -> DocumentType:
    """The document type a case type's link points to: given, or by description (Catalogi 1.3).

    Of several versions with that description the most recent one is taken; the API shows the
    version valid on the day asked.
    """
    if not isinstance(ref, str):
        return ref
    versions = named_versions(DocumentType, case_type.catalogue, [ref], "document_type")
    return max(versions, key=lambda version: version.valid_from)


RELATIONS = {
    StatusType: ("required_properties",),
    ResultType: ("decision_types", "document_types"),
}
RELATION_SETTERS = {
    "required_properties": set_status_properties,
    "decision_types": lambda part, refs: part.decision_types.set(
        named_versions(DecisionType, part.case_type.catalogue, refs, "decision_types")
    ),
    "document_types": lambda part, refs: part.document_types.set(
        named_versions(DocumentType, part.case_type.catalogue, refs, "document_types")
    ),
}
PART_CHECKS = {
    StatusType: check_status_type,
    ResultType: check_result_type,
    Property: check_property,
    CaseTypeDocumentType: check_case_type_document_type,
    RoleType: None,
    CaseObjectType: None,
}
