"""What a client may see and do per case, document or decision type (the Autorisaties API).

A client either has every authorisation (``all_scopes``, the standard's
``heeftAlleAutorisaties``) or a list of grants: scopes on one component, for one case,
document or decision type, up to a maximum confidentiality. Lists are filtered in the
database with one condition built from the grants already loaded with the client, so a list
costs the same number of queries whatever the number of authorisations (zrc-006).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from loket.catalog.choices import Confidentiality

LEVELS = [choice.value for choice in Confidentiality]  # from most open to most closed


def levels_up_to(maximum: str) -> list[str]:
    """The confidentiality levels a grant with this maximum covers (all when it is empty)."""
    if not maximum:
        return LEVELS
    return LEVELS[: LEVELS.index(maximum) + 1]


def uuid_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Grant:
    component: str  # "zrc", "drc", "brc", "ztc", "ac", "nrc", "kic"
    scopes: frozenset[str]
    type_url: str = ""  # the zaaktype, informatieobjecttype or besluittype
    max_confidentiality: str = ""

    def covers(self, component: str, scope: str, type_url: str, confidentiality: str) -> bool:
        return (
            self.component == component
            and scope in self.scopes
            and (not self.type_url or uuid_of(self.type_url) == uuid_of(type_url))
            and (not confidentiality or confidentiality in levels_up_to(self.max_confidentiality))
        )


def may(user, component: str, scope: str, type_url: str, confidentiality: str = "") -> bool:
    """May this client use ``scope`` on an object of this type and confidentiality?"""
    if user.all_scopes:
        return True
    return any(g.covers(component, scope, type_url, confidentiality) for g in user.grants)


def restrict(
    queryset: QuerySet,
    user,
    component: str,
    scope: str,
    *,
    type_uuid_field: str,
    confidentiality_field: str | None = None,
) -> QuerySet:
    """Only the objects whose type (and confidentiality) one of the client's grants covers.

    ``type_uuid_field`` is the lookup of the type's uuid from the queryset's model, e.g.
    ``case_type__uuid``; ``confidentiality_field`` the lookup of the object's level.
    """
    if user.all_scopes:
        return queryset
    # Type uuids per maximum level ("" for every type), so that 170 grants make a few IN
    # lists, not 170 OR-ed conditions.
    types_per_level: dict[str, set[str]] = {}
    for grant in user.grants:
        if grant.component == component and scope in grant.scopes:
            level = grant.max_confidentiality if confidentiality_field else ""
            types_per_level.setdefault(level, set()).add(uuid_of(grant.type_url))
    condition = Q(pk__in=[])
    for level, type_uuids in types_per_level.items():
        part = Q() if "" in type_uuids else Q(**{f"{type_uuid_field}__in": sorted(type_uuids)})
        if confidentiality_field:
            part &= Q(**{f"{confidentiality_field}__in": levels_up_to(level)})
        if not part:  # a grant on every type at every level: nothing is filtered out
            return queryset
        condition |= part
    return queryset.filter(condition)
