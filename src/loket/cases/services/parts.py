"""What belongs to a case besides its statuses and result: roles, property values, objects,
customer contacts, links to contact moments and requests, and its document links' details.

Each part of a closed case changes only as a correction (``force``, zrc-007); each type a part
names must belong to the case's type (zrc-018, zrc-019).
"""

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from loket.cases.models import (
    Case,
    CaseContact,
    CaseContactMoment,
    CaseDocument,
    CaseObject,
    CaseRequest,
    Decision,
    PropertyValue,
    Role,
)
from loket.cases.services.common import check_open, check_same, lock, refuse
from loket.catalog.choices import GenericRole
from loket.catalog.models import CaseObjectType, Property, RoleType

# --- Roles ---------------------------------------------------------------------------------


@transaction.atomic
def add_role(
    case: Case,
    role_type: RoleType,
    *,
    subject_kind: str,
    subject_url: str = "",
    subject_identification: dict | None = None,
    force: bool = False,
    **fields,
) -> Role:
    """Give someone a part in the case; an initiator known by BSN or KvK number becomes the
    case's initiator, so the case shows in their *Mijn omgeving*."""
    case = lock(case)
    check_open(case, force=force)
    if role_type.case_type_id != case.case_type_id:  # zrc-019
        refuse(
            _("This role type does not belong to the case type."), "zaaktype-mismatch", "roltype"
        )
    if not subject_url and not subject_identification:
        refuse(
            _("Give the subject by URL (betrokkene) or by its identification."),
            "invalid-betrokkene",
            "betrokkene",
        )
    role = Role.objects.create(
        case=case,
        role_type=role_type,
        generic=role_type.generic,
        subject_kind=subject_kind,
        subject_url=subject_url,
        subject_identification=subject_identification or {},
        **fields,
    )
    bsn, kvk = initiator_numbers(role)
    if (bsn and not case.initiator_bsn) or (kvk and not case.initiator_kvk):
        case.initiator_bsn = case.initiator_bsn or bsn
        case.initiator_kvk = case.initiator_kvk or kvk
        case.save(update_fields=["initiator_bsn", "initiator_kvk"])
    return role


@transaction.atomic
def remove_role(role: Role, *, force: bool = False) -> None:
    case = lock(role.case)
    check_open(case, force=force)
    role.delete()
    bsn, kvk = initiator_numbers(role)
    remaining = [initiator_numbers(r) for r in case.roles.filter(generic=GenericRole.INITIATOR)]
    if bsn and bsn == case.initiator_bsn and bsn not in {b for b, _k in remaining}:
        case.initiator_bsn = ""
    if kvk and kvk == case.initiator_kvk and kvk not in {k for _b, k in remaining}:
        case.initiator_kvk = ""
    case.save(update_fields=["initiator_bsn", "initiator_kvk"])


def initiator_numbers(role: Role) -> tuple[str, str]:
    """The BSN and KvK number by which an initiator role names a person or business."""
    if role.generic != GenericRole.INITIATOR:
        return "", ""
    identification = role.subject_identification or {}
    if role.subject_kind == Role.SubjectKind.PERSON:
        return str(identification.get("inpBsn") or ""), ""
    if role.subject_kind == Role.SubjectKind.BRANCH:
        return "", str(identification.get("kvkNummer") or "")
    return "", ""


# --- Property values (zaakeigenschappen) --------------------------------------------------


@transaction.atomic
def add_property_value(
    case: Case, prop: Property, *, value: str, force: bool = False
) -> PropertyValue:
    case = lock(case)
    check_open(case, force=force)
    check_property(case, prop)
    return PropertyValue.objects.create(case=case, property=prop, value=value)


@transaction.atomic
def change_property_value(
    property_value: PropertyValue,
    *,
    case: Case | None = None,
    prop: Property | None = None,
    value: str | None = None,
    force: bool = False,
) -> PropertyValue:
    check_same(property_value.case, case, "zaak")
    check_open(lock(property_value.case), force=force)
    if prop is not None:
        check_property(property_value.case, prop)
        property_value.property = prop
    if value is not None:
        property_value.value = value
    property_value.save()
    return property_value


@transaction.atomic
def remove_property_value(property_value: PropertyValue, *, force: bool = False) -> None:
    check_open(lock(property_value.case), force=force)
    property_value.delete()


def check_property(case: Case, prop: Property) -> None:
    if prop.case_type_id != case.case_type_id:  # zrc-018
        refuse(
            _("This property does not belong to the case type."), "zaaktype-mismatch", "eigenschap"
        )


# --- Case objects (zaakobjecten) ------------------------------------------------------------


@transaction.atomic
def add_case_object(case: Case, *, force: bool = False, **fields) -> CaseObject:
    case = lock(case)
    check_open(case, force=force)
    case_object = CaseObject(case=case, **fields)
    check_case_object(case_object)
    case_object.save()
    return case_object


@transaction.atomic
def change_case_object(
    case_object: CaseObject, *, case: Case | None = None, force: bool = False, **fields
) -> CaseObject:
    check_same(case_object.case, case, "zaak")
    check_open(lock(case_object.case), force=force)
    for field, value in fields.items():
        setattr(case_object, field, value)
    check_case_object(case_object)
    case_object.save()
    return case_object


@transaction.atomic
def remove_case_object(case_object: CaseObject, *, force: bool = False) -> None:
    check_open(lock(case_object.case), force=force)
    case_object.delete()


def check_case_object(case_object: CaseObject) -> None:
    object_type: CaseObjectType | None = case_object.case_object_type
    if object_type is not None and object_type.case_type_id != case_object.case.case_type_id:
        refuse(
            _("This case object type does not belong to the case type."),
            "zaaktype-mismatch",
            "zaakobjecttype",
        )
    if not case_object.object_url and not case_object.object_identification:
        refuse(_("Give the object by URL or by objectIdentificatie."), "required", "object")
    if case_object.object_type == "overige" and not (
        case_object.object_type_other or case_object.object_type_other_definition
    ):
        refuse(
            _("Name the other object type (objectTypeOverige or its definition)."),
            "required",
            "objectTypeOverige",
        )


# --- Customer contacts (klantcontacten) and links to other registries ---------------------


@transaction.atomic
def add_contact(case: Case, *, identification: str = "", force: bool = False, **fields):
    case = lock(case)
    check_open(case, force=force)
    return CaseContact.objects.create(
        case=case, identification=identification or f"KC{secrets.token_hex(6).upper()}", **fields
    )


@transaction.atomic
def add_contact_moment(case: Case, contact_moment: str) -> CaseContactMoment:
    case = lock(case)
    if case.contact_moments.filter(contact_moment=contact_moment).exists():
        refuse(_("This contact moment is already linked."), "unique", "contactmoment")
    return CaseContactMoment.objects.create(case=case, contact_moment=contact_moment)


@transaction.atomic
def remove_contact_moment(link: CaseContactMoment) -> None:
    link.delete()


@transaction.atomic
def add_request(case: Case, request: str) -> CaseRequest:
    case = lock(case)
    if case.requests.filter(request=request).exists():
        refuse(_("This request is already linked."), "unique", "verzoek")
    return CaseRequest.objects.create(case=case, request=request)


@transaction.atomic
def remove_request(link: CaseRequest) -> None:
    link.delete()


# --- Document links (zaakinformatieobjecten) and decisions --------------------------------


@transaction.atomic
def describe_case_document(
    link: CaseDocument,
    *,
    case: Case | None = None,
    document=None,
    force: bool = False,
    **fields,
) -> CaseDocument:
    """Change what the case says about one of its documents; not which case or document it
    links (zrc-004). ``status`` must be one of the case's own statuses."""
    check_same(link.case, case, "zaak")
    check_same(link.document, document, "informatieobject")
    check_open(lock(link.case), force=force)
    status = fields.get("status")
    if status is not None and status.case_id != link.case_id:
        refuse(_("This status belongs to another case."), "zaak-mismatch", "status")
    for field, value in fields.items():
        setattr(link, field, value)
    link.save()
    return link


@transaction.atomic
def detach_case_document(link: CaseDocument, *, force: bool = False) -> None:
    check_open(lock(link.case), force=force)
    link.delete()


def check_decision_of(case: Case, decision: Decision) -> None:
    """A zaakbesluit only mirrors the decision's own ``zaak``, which the Besluiten API sets."""
    if decision.case_id != case.pk:
        refuse(
            _("This decision does not belong to the case; link it in the Besluiten API."),
            "inconsistent-relation",
            "besluit",
        )


def check_decision_unlinked(case: Case, decision: Decision) -> None:
    if decision.case_id == case.pk:
        refuse(
            _("The decision still names this case; remove the link in the Besluiten API."),
            "inconsistent-relation",
            "nonFieldErrors",
        )
