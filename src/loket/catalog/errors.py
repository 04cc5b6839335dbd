"""The refusal of a catalogue change, shared by the services and the rules they apply."""

from django.core.exceptions import ValidationError


class CatalogError(ValidationError):
    """A refused catalogue change; ``code`` is the standard's error code where it has one.

    Given a dict, the keys are the model fields the refusal is about.
    """


def refusal(field: str | None, message: str, code: str) -> CatalogError:
    error = CatalogError(message, code=code)
    return CatalogError({field: error}) if field else error
