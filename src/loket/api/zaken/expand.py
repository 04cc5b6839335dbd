"""``expand``: related resources inline, under ``_expand``, as Zaken 1.5 defines it.

Paths such as ``status.statustype`` or ``hoofdzaak.deelzaken.status`` follow the links of the
Zaken API's own resources and end, at most, in a type of the Catalogi API (zrc-025); a path
that names no such link is refused with 404 (zrc-027). Each step of a path is resolved for all
objects on the page at once, so an expansion costs a fixed number of queries per step, never
per object. Expanded cases are only those the client may read.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound

from loket.api.catalogi import views as catalogi
from loket.api.common.authorisations import restrict
from loket.api.zaken import links, queries
from loket.api.zaken.scopes import ZAKEN_READ
from loket.api.zaken.serializers import parts
from loket.api.zaken.serializers.zaken import ZaakSerializer
from loket.cases.models import (
    Case,
    CaseDocument,
    CaseObject,
    PropertyValue,
    Result,
    Role,
    StatusChange,
)

CATALOGI = {
    "zaaktype": catalogi.CaseTypeViewSet,
    "statustype": catalogi.StatusTypeViewSet,
    "resultaattype": catalogi.ResultTypeViewSet,
    "roltype": catalogi.RoleTypeViewSet,
    "eigenschap": catalogi.PropertyViewSet,
    "zaakobjecttype": catalogi.CaseObjectTypeViewSet,
}
RESOURCES = {  # kind -> (queryset, serializer)
    "zaak": (queries.cases, ZaakSerializer),
    "status": (queries.statuses, parts.StatusSerializer),
    "rol": (queries.roles, parts.RolSerializer),
    "resultaat": (queries.results, parts.ResultaatSerializer),
    "zaakinformatieobject": (queries.case_documents, parts.ZaakInformatieObjectSerializer),
    "zaakobject": (queries.case_objects, parts.ZaakObjectSerializer),
    "zaakeigenschap": (queries.property_values, parts.ZaakEigenschapSerializer),
}


# How to find, for a page of source objects, the keys of their targets:
# a function (request, objects) -> {source pk: [target keys, in order]}.


def column(attribute: str):
    """The source's own column holds the target's key."""
    return lambda request, objects: {
        o.pk: [getattr(o, attribute)] for o in objects if getattr(o, attribute)
    }


def pointing(model, field: str):
    """Rows of ``model`` point at the source through ``field``."""

    def keys(request, objects):
        found = defaultdict(list)
        rows = model.objects.filter(**{f"{field}__in": [o.pk for o in objects]}).order_by("pk")
        for source, key in rows.values_list(field, "pk"):
            found[source].append(key)
        return found

    return keys


def current_status(request, cases):
    """The status set last; its uuid came with the page (``status_uuid``)."""
    uuids = [c.status_uuid for c in cases if c.status_uuid]
    by_uuid = dict(StatusChange.objects.filter(uuid__in=uuids).values_list("uuid", "pk"))
    return {c.pk: [by_uuid[c.status_uuid]] for c in cases if c.status_uuid in by_uuid}


def related_cases(request, cases):
    """relevanteAndereZaken held by Loket; those of other registries are not expanded."""
    wanted = {
        c.pk: [
            links.uuid_in(r.get("url", ""), "zaak")
            for r in c.related_cases
            if links.is_own(request, r.get("url", ""))
        ]
        for c in cases
    }
    uuids = {u for found in wanted.values() for u in found if u}
    by_uuid = dict(Case.objects.filter(uuid__in=uuids).values_list("uuid", "pk"))
    return {pk: [by_uuid[u] for u in found if u in by_uuid] for pk, found in wanted.items()}


@dataclass(frozen=True)
class Edge:
    """A link to expand: to objects of ``kind``, one (``many=False``) or a list."""

    kind: str
    keys: Callable
    many: bool = False


EDGES = {
    "zaak": {
        "zaaktype": Edge("zaaktype", column("case_type_id")),
        "hoofdzaak": Edge("zaak", column("main_case_id")),
        "deelzaken": Edge("zaak", pointing(Case, "main_case"), many=True),
        "relevanteAndereZaken": Edge("zaak", related_cases, many=True),
        "eigenschappen": Edge("zaakeigenschap", pointing(PropertyValue, "case"), many=True),
        "rollen": Edge("rol", pointing(Role, "case"), many=True),
        "status": Edge("status", current_status),
        "zaakinformatieobjecten": Edge(
            "zaakinformatieobject", pointing(CaseDocument, "case"), many=True
        ),
        "zaakobjecten": Edge("zaakobject", pointing(CaseObject, "case"), many=True),
        "resultaat": Edge("resultaat", pointing(Result, "case")),
    },
    "zaakeigenschap": {"eigenschap": Edge("eigenschap", column("property_id"))},
    "rol": {
        "zaak": Edge("zaak", column("case_id")),
        "roltype": Edge("roltype", column("role_type_id")),
        "statussen": Edge("status", pointing(StatusChange, "set_by_role"), many=True),
    },
    "status": {
        "statustype": Edge("statustype", column("status_type_id")),
        "gezetdoor": Edge("rol", column("set_by_role_id")),
        "zaakinformatieobjecten": Edge(
            "zaakinformatieobject", pointing(CaseDocument, "status"), many=True
        ),
    },
    "resultaat": {
        "zaak": Edge("zaak", column("case_id")),
        "resultaattype": Edge("resultaattype", column("result_type_id")),
    },
    "zaakinformatieobject": {"status": Edge("status", column("status_id"))},
    "zaakobject": {"zaakobjecttype": Edge("zaakobjecttype", column("case_object_type_id"))},
}


def parse(expand: str, kind: str = "zaak") -> dict:
    """``"a.b,c"`` as the tree ``{"a": {"b": {}}, "c": {}}``, every step checked."""
    tree: dict = {}
    for path in filter(None, (part.strip() for part in expand.split(","))):
        node, node_kind = tree, kind
        for step in path.split("."):
            edge = EDGES.get(node_kind, {}).get(step)
            if edge is None:
                raise NotFound(
                    _("Cannot expand %(path)s: %(step)s is no link of this resource to expand.")
                    % {"path": path, "step": step},
                    code="invalid-expand",
                )
            node, node_kind = node.setdefault(step, {}), edge.kind
    return tree


def expand(request, kind: str, objects: list, data: list[dict], tree: dict) -> None:
    """Add ``_expand`` to each of ``data`` (the representations of ``objects``)."""
    for field, subtree in tree.items():
        edge = EDGES[kind][field]
        keys = edge.keys(request, objects)
        wanted = {key for found in keys.values() for key in found}
        targets, shown = represent(request, edge.kind, wanted)
        if subtree:
            ordered = list(targets.values())
            expand(request, edge.kind, ordered, [shown[t.pk] for t in ordered], subtree)
        for item, item_data in zip(objects, data, strict=True):
            found = [shown[key] for key in keys.get(item.pk, []) if key in shown]
            value = found if edge.many else (found[0] if found else {})
            item_data.setdefault("_expand", {})[field] = value


def represent(request, kind: str, keys: set) -> tuple[dict, dict]:
    """The objects with these keys, and their representations, each by key."""
    if not keys:
        return {}, {}
    if kind in CATALOGI:
        view = CATALOGI[kind](request=request, format_kwarg=None, kwargs={}, action="list")
        objects = list(view.get_queryset().filter(pk__in=keys))
        data = view.get_serializer(objects, many=True).data
    else:
        queryset, serializer = RESOURCES[kind]
        queryset = queryset().filter(pk__in=keys)
        if kind == "zaak":
            queryset = restrict(
                queryset,
                request.user,
                "zrc",
                ZAKEN_READ,
                type_uuid_field="case_type__uuid",
                confidentiality_field="confidentiality",
            )
        objects = list(queryset)
        data = serializer(objects, many=True, context={"request": request}).data
    return (
        {o.pk: o for o in objects},
        {o.pk: item for o, item in zip(objects, data, strict=True)},
    )
