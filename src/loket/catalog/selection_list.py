"""The selection-list rules of a result type (ztc-002..008).

A result type points at VNG's Selectielijst: its class (resultaat) must belong to the case
type's process type, the archive action and term default to the class's, and the fields
that say which date the archive term counts from depend on the afleidingswijze.
"""

from django.utils.translation import gettext as _

from loket.catalog import references
from loket.catalog.choices import ArchiveDateBasis
from loket.catalog.errors import CatalogError
from loket.catalog.models import CaseType, ResultType


def process_type_errors(case_type: CaseType) -> dict:
    """ztc-001: the selectielijstProcestype, when given, is a procestype of the list."""
    if not case_type.selectielijst_procestype:
        return {}
    try:
        references.procestype(case_type.selectielijst_procestype)
    except references.UnresolvableReference as error:
        return {"selectielijst_procestype": CatalogError(str(error), code="invalid-resource")}
    return {}


# ztc-004..008: which brondatumArchiefprocedure fields each afleidingswijze needs; the others
# must stay empty.
ARCHIVE_FIELDS_REQUIRED_FOR = {
    "archive_date_property": {
        ArchiveDateBasis.PROPERTY,
        ArchiveDateBasis.CASE_OBJECT,
        ArchiveDateBasis.OTHER_DATE,
    },
    "archive_object_type": {ArchiveDateBasis.CASE_OBJECT, ArchiveDateBasis.OTHER_DATE},
    "archive_registration": {ArchiveDateBasis.OTHER_DATE},
    "archive_process_term": {ArchiveDateBasis.TERM},
}
# ztc-003: the afleidingswijze a selection list procestermijn dictates.
BASIS_FOR_PROCESS_TERM = {
    "nihil": ArchiveDateBasis.CLOSED,
    "ingeschatte_bestaansduur_procesobject": ArchiveDateBasis.TERM,
}


def check_result_type(result_type: ResultType, relations: dict) -> None:
    """ztc-002..008: the selection list references, and what the archive date derives from.

    The generic description comes from the resultaattypeomschrijving, and the archive action
    and term from the selection list class when they are not given.
    """
    errors = {}
    try:
        description = references.resultaattypeomschrijving(result_type.result_type_description_url)
    except references.UnresolvableReference as error:
        errors["result_type_description_url"] = CatalogError(str(error), code="invalid-resource")
    else:
        result_type.generic_description = str(description.get("omschrijving", ""))[:20]
    selection_class = None
    try:
        selection_class = references.resultaat(result_type.selection_list_class)
    except references.UnresolvableReference as error:
        errors["selection_list_class"] = CatalogError(str(error), code="invalid-resource")
    process_type = result_type.case_type.selectielijst_procestype
    if selection_class is not None and process_type:
        try:
            references.check_result_fits_process(result_type.selection_list_class, process_type)
        except references.UnresolvableReference as error:
            errors["selection_list_class"] = CatalogError(str(error), code="procestype-mismatch")
    if selection_class is not None:
        if not result_type.archive_action:
            result_type.archive_action = selection_class.get("waardering") or ""
        if not result_type.archive_term:
            result_type.archive_term = selection_class.get("bewaartermijn") or ""
        required_basis = BASIS_FOR_PROCESS_TERM.get(selection_class.get("procestermijn"))
        basis = result_type.archive_date_basis
        if required_basis and basis and basis != required_basis:
            errors["archive_date_basis"] = CatalogError(
                _("The selection list class requires afleidingswijze %(basis)s.")
                % {"basis": required_basis},
                code="invalid-afleidingswijze-for-procestermijn",
            )
    errors.update(archive_date_errors(result_type))
    if errors:
        raise CatalogError(errors)


def archive_date_errors(result_type: ResultType) -> dict:
    basis = result_type.archive_date_basis
    errors = {}
    if not basis:
        return errors
    for field, bases in ARCHIVE_FIELDS_REQUIRED_FOR.items():
        value = getattr(result_type, field)
        if basis in bases and not value:
            errors[field] = CatalogError(
                _("Required when the archive date derives from %(basis)s.") % {"basis": basis},
                code="required",
            )
        elif basis not in bases and value:
            errors[field] = CatalogError(
                _("Must be empty when the archive date derives from %(basis)s.") % {"basis": basis},
                code="must-be-empty",
            )
    if result_type.archive_end_date_known and basis in (
        ArchiveDateBasis.CLOSED,
        ArchiveDateBasis.TERM,
    ):
        errors["archive_end_date_known"] = CatalogError(
            _("Must be empty when the archive date derives from %(basis)s.") % {"basis": basis},
            code="must-be-empty",
        )
    return errors
