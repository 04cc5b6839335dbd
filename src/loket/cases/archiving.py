"""Archive rules of a closed case (zrc-021): archiefnominatie and archiefactiedatum.

The result type says which date the archive term counts from (``archive_date_basis``, the
standard's afleidingswijze); this module finds that date for every basis the standard names.
"""

from datetime import date

from loket.cases.clock import add_term
from loket.cases.models import Case, Decision
from loket.catalog.choices import ArchiveDateBasis
from loket.catalog.models import ResultType


def base_date(case: Case, result_type: ResultType) -> date | None:
    """The brondatum, or None when it cannot be known (then no archive date is set)."""
    basis = result_type.archive_date_basis
    if basis == ArchiveDateBasis.CLOSED:
        return case.closed_on
    if basis == ArchiveDateBasis.TERM:
        if case.closed_on is None or not result_type.archive_process_term:
            return None
        return add_term(case.closed_on, result_type.archive_process_term)
    if basis == ArchiveDateBasis.MAIN_CASE:
        return case.main_case.closed_on if case.main_case else None
    if basis == ArchiveDateBasis.PROPERTY:
        return property_date(case, result_type.archive_date_property)
    if basis == ArchiveDateBasis.RELATED_CASE:
        return latest([c.closed_on for c in related_cases(case)])
    if basis == ArchiveDateBasis.DECISION_START:
        return latest(Decision.objects.filter(case=case).values_list("start_date", flat=True))
    if basis == ArchiveDateBasis.DECISION_EXPIRY:
        return latest(Decision.objects.filter(case=case).values_list("expiry_date", flat=True))
    # ander_datumkenmerk: set by hand; zaakobject: read from objects outside Loket.
    return None


def latest(dates) -> date | None:
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def property_date(case: Case, name: str) -> date | None:
    value = case.property_values.filter(property__name=name).values_list("value", flat=True).first()
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def related_cases(case: Case) -> list[Case]:
    uuids = [link.get("url", "").rstrip("/").rsplit("/", 1)[-1] for link in case.related_cases]
    return list(Case.objects.filter(uuid__in=[u for u in uuids if len(u) == 36]))


def archive_fields(case: Case, result_type: ResultType) -> dict:
    """The archive fields to store when ``case`` closes with ``result_type``."""
    fields = {"archive_action": case.archive_action or result_type.archive_action}
    brondatum = base_date(case, result_type)
    if brondatum is not None and result_type.archive_term:
        fields["archive_date"] = add_term(brondatum, result_type.archive_term)
    return fields
