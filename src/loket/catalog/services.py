"""State changes of the catalogue: the only code that creates, publishes or versions types.

The rules follow the Catalogi API's behaviour rules (ztc-009, ztc-010, ztc-016): a published
version is immutable, a new version is a draft copy, and published versions of one
identification never overlap in validity.
"""

import uuid
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from loket.catalog.models import CaseType, DecisionType, DocumentType


class CatalogError(ValidationError):
    """A refused catalogue change; ``code`` is the standard's error code where it has one."""


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
def publish_type(versioned: DecisionType | DocumentType) -> None:
    """Publish a document type or decision type."""
    versioned.concept = False
    versioned.save(update_fields=["concept"])


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
