"""The reads behind the Catalogi API's resources, at a constant number of queries per page.

Versioned types show, for their relations, only the versions that are published and valid on
the day asked (``datumGeldigheid``, else today): the Catalogi rule on "welke url's moeten
worden teruggegeven". Related objects are prefetched; the versions that names point to are
fetched once per page and kind of type (:class:`CurrentVersions`).
"""

from datetime import date

from django.db.models import Case, Exists, OuterRef, Subquery, When

from loket.catalog.models import CaseType, DecisionType, DocumentType


def is_current(versioned, day: date) -> bool:
    return (
        not versioned.concept
        and versioned.valid_from <= day
        and (versioned.valid_until is None or versioned.valid_until >= day)
    )


def with_object_dates(queryset, *, prefix: str = "", key: str = "identification"):
    """Annotate ``begin_object`` / ``end_object``: the lifetime of the type over its versions.

    The object begins with its first version and ends with its last one's end of validity,
    or not at all while a version is open-ended. ``prefix`` reaches the versioned type from a
    part (``"case_type__"``).
    """
    model = CaseType if prefix else queryset.model
    versions = model.objects.filter(
        catalogue=OuterRef(f"{prefix}catalogue"), **{key: OuterRef(f"{prefix}{key}")}
    )
    first = versions.order_by("valid_from").values("valid_from")[:1]
    last = versions.order_by("-valid_until").values("valid_until")[:1]
    return queryset.annotate(
        begin_object=Subquery(first),
        end_object=Case(
            When(Exists(versions.filter(valid_until__isnull=True)), then=None),
            default=Subquery(last),
        ),
    )


class CurrentVersions:
    """The version valid on the day of each type named in a page, one query per kind of type.

    Since Catalogi 1.3 types refer to each other by name: a case type to its decision and
    document types by description, to its sub and related case types by identification. The
    API shows the URL of the version that is published and valid on the day asked, so that a
    new version of a decision type needs no new version of the case types that use it.
    """

    NAME_FIELD = {
        CaseType: "identification",
        DecisionType: "description",
        DocumentType: "description",
    }

    def __init__(self, day: date):
        self.day = day
        self.asked: set[tuple] = set()
        self.found: dict[tuple, object] = {}

    def prime(self, model, names) -> None:
        """Fetch at once the current versions of ``names``: (catalogue id, name) pairs."""
        wanted = {(model, catalogue_id, name) for catalogue_id, name in names} - self.asked
        if not wanted:
            return
        self.asked |= wanted
        field = self.NAME_FIELD[model]
        versions = (
            model.objects.published()
            .valid_on(self.day)
            .filter(
                catalogue_id__in={catalogue_id for _, catalogue_id, _ in wanted},
                **{f"{field}__in": {name for _, _, name in wanted}},
            )
            .only("uuid", "catalogue_id", field)
        )
        for version in versions:
            self.found[(model, version.catalogue_id, getattr(version, field))] = version

    def get(self, model, catalogue_id: int, name: str):
        self.prime(model, [(catalogue_id, name)])
        return self.found.get((model, catalogue_id, name))


def named_identifications(case_type: CaseType) -> list[str]:
    """The identifications a case type names: its sub case types and related case types."""
    return [*case_type.sub_case_types, *(r["identification"] for r in case_type.related_case_types)]
