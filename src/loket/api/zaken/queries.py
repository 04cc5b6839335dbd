"""The reads behind the Zaken API's resources, at a constant number of queries per page.

Every link a resource shows is either a column of its row, a joined row (``select_related``)
or a subquery of the page's own query: the case's current status, and each list of links (a
case's roles, sub cases ...) as one text of uuids. So a page of 100 cases costs one query, as
a page of one does. Prefetching the lists instead cost five more queries and, for a page of
100 cases, more time in Django than the page itself.
"""

import uuid

from django.db.models import F, OuterRef, Subquery, TextField

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
# The relations a case shows as lists of links, with the key by which they point to the case.
CASE_LINKS = {
    "sub_cases": (Case, "main_case"),
    "property_values": (PropertyValue, "case"),
    "roles": (Role, "case"),
    "document_links": (CaseDocument, "case"),
    "case_objects": (CaseObject, "case"),
}


def latest_status_uuid(case: str = "pk") -> Subquery:
    """The uuid of the status set last (by datumStatusGezet) on the case ``case`` points to."""
    latest = StatusChange.objects.filter(case=OuterRef(case)).order_by("-set_at", "-pk")
    return Subquery(latest.values("uuid")[:1])


class LinkedUuids(Subquery):
    """The uuids of the rows of ``queryset`` (a subquery, in its order) as one comma-separated
    text, empty when there are none; :func:`uuids_in` reads it."""

    def __init__(self, queryset):
        super().__init__(queryset.values("uuid"), output_field=TextField())

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, "ARRAY_TO_STRING(ARRAY(%(subquery)s), ',')")

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite aggregates an ordered subquery in its order, as it does not flatten it into
        # the aggregate (from 3.44 on, GROUP_CONCAT could take the ORDER BY itself).
        return self.as_sql(
            compiler, connection, "COALESCE((SELECT GROUP_CONCAT(uuid) FROM (%(subquery)s)), '')"
        )


def uuids_in(text: str | None) -> list[uuid.UUID]:
    return [uuid.UUID(part) for part in text.split(",")] if text else []


def links(model, key: str) -> LinkedUuids:
    """The uuids of the rows of ``model`` whose ``key`` points to the row, oldest first."""
    return LinkedUuids(model.objects.filter(**{key: OuterRef("pk")}).order_by("pk"))


# Of the case type and the main case only their uuids are shown (as URLs) or checked
# (authorisation): joining their whole rows would make every row several times wider.
CASES = (
    Case.objects.select_related("case_type", "main_case")
    .only(
        *(field.attname for field in Case._meta.concrete_fields),
        "case_type__uuid",
        "main_case__uuid",
    )
    .annotate(
        status_uuid=latest_status_uuid(),
        result_uuid=F("result__uuid"),
        **{f"{relation}_uuids": links(model, key) for relation, (model, key) in CASE_LINKS.items()},
    )
)


def cases():
    # A copy of the queryset built once: resolving its subqueries took longer than the copy.
    return CASES.all()


def as_read(new_case: Case) -> Case:
    """A case just registered, with what :func:`cases` adds to a case read: it has no parts,
    status or result yet, so its representation needs no query."""
    for relation in CASE_LINKS:
        setattr(new_case, f"{relation}_uuids", "")
    new_case.status_uuid = new_case.result_uuid = None
    return new_case


STATUSES = StatusChange.objects.select_related(*WITH_CASE, "status_type", "set_by_role").annotate(
    latest_uuid=latest_status_uuid("case"),
    document_links_uuids=LinkedUuids(
        CaseDocument.objects.filter(status=OuterRef("pk")).order_by("registered_at", "pk")
    ),
)


def statuses():
    return STATUSES.all()  # a copy, as cases()


def results():
    return Result.objects.select_related(*WITH_CASE, "result_type").order_by("pk")


def roles():
    return (
        Role.objects.select_related(*WITH_CASE, "role_type")
        .annotate(status_changes_uuids=links(StatusChange, "set_by_role"))
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
