"""The reads behind the Zaken API's resources, at a constant number of queries per page.

Every link a resource shows is either a column of its row, a joined row (``select_related``)
or one prefetch for the whole page; the case's current status is a subquery of the page's own
query. So a page of 100 cases costs what a page of one does.
"""

from django.db.models import OuterRef, Prefetch, Subquery

from loket.cases.models import (
    Case,
    CaseContact,
    CaseContactMoment,
    CaseDocument,
    CaseObject,
    CaseRequest,
    PropertyValue,
    Result,
    Role,
    StatusChange,
)

WITH_CASE = ("case__case_type",)  # a part's case and its type: links and authorisation


def latest_status_uuid(case: str = "pk") -> Subquery:
    """The uuid of the status set last (by datumStatusGezet) on the case ``case`` points to."""
    latest = StatusChange.objects.filter(case=OuterRef(case)).order_by("-set_at", "-pk")
    return Subquery(latest.values("uuid")[:1])


def uuids_only(model, key: str = "case_id"):
    return model.objects.only("uuid", key).order_by("pk")


def cases():
    # Of the main case and the result only their uuids are shown (as URLs): joining their
    # whole rows would make every row of a page several times wider.
    own_fields = [field.attname for field in Case._meta.concrete_fields]
    return (
        Case.objects.select_related("case_type", "main_case", "result")
        .only(*own_fields, "case_type", "main_case__uuid", "result__uuid", "result__case_id")
        .annotate(status_uuid=latest_status_uuid())
        .prefetch_related(
            Prefetch("sub_cases", uuids_only(Case, "main_case_id")),
            Prefetch("property_values", uuids_only(PropertyValue)),
            Prefetch("roles", uuids_only(Role)),
            Prefetch("document_links", uuids_only(CaseDocument)),
            Prefetch("case_objects", uuids_only(CaseObject)),
        )
    )


def statuses():
    return StatusChange.objects.select_related(*WITH_CASE, "status_type", "set_by_role").annotate(
        latest_uuid=latest_status_uuid("case")
    )


def results():
    return Result.objects.select_related(*WITH_CASE, "result_type").order_by("pk")


def roles():
    return (
        Role.objects.select_related(*WITH_CASE, "role_type")
        .prefetch_related(Prefetch("status_changes", uuids_only(StatusChange, "set_by_role_id")))
        .order_by("pk")
    )


def case_objects():
    return CaseObject.objects.select_related(*WITH_CASE, "case_object_type").order_by("pk")


def case_documents():
    return CaseDocument.objects.select_related(*WITH_CASE, "document", "status").order_by("pk")


def property_values():
    return PropertyValue.objects.select_related(*WITH_CASE, "property").order_by("pk")


def contacts():
    return CaseContact.objects.select_related(*WITH_CASE).order_by("pk")


def contact_moments():
    return CaseContactMoment.objects.select_related(*WITH_CASE).order_by("pk")


def requests():
    return CaseRequest.objects.select_related(*WITH_CASE).order_by("pk")
