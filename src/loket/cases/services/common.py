"""What every state change of a case shares: the refusal type, the row lock, the closed rule."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from loket.cases.models import Case


class CaseError(ValidationError):
    """A refused change of a case; ``code`` is the standard's error code where it has one and
    ``field`` the name of the API field it concerns."""


def refuse(message: str, code: str, field: str | None = None):
    error = CaseError(message, code=code)
    error.field = field
    raise error


def lock(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("case_type").get(pk=case.pk)


def check_open(case: Case, *, force: bool) -> None:
    """A closed case is changed only as a correction (``force``: zaken.geforceerd-bijwerken),
    for itself and for everything that belongs to it (zrc-007)."""
    if case.is_closed and not force:
        refuse(_("This case is closed."), "zaak-afgesloten", "zaak")


def check_same(current, given, field: str) -> None:
    """A relation that cannot change after creation (the case of a part, a case's type)."""
    if given is not None and given != current:
        refuse(_("This field cannot be changed."), "wijzigen-niet-toegelaten", field)
