"""The questions Loket asks the BRP, and the choice of who answers them.

Two sources answer the same questions in the same records (``records.py``): the built-in
fictional register (``builtin.py``, the default) and a Haal Centraal BRP Personen API
(``haalcentraal.py``). ``LOKET_BRP_SOURCE`` chooses; callers use ``get_brp_source()`` and
never know which one they got. A BSN failing the elfproef is refused with a ValidationError;
a source that cannot answer raises ``errors.BrpError``.
"""

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from loket.brp.builtin import BuiltInRegister
from loket.brp.haalcentraal import HaalCentraalClient
from loket.brp.records import AddressRecord, PersonRecord


class BrpSource(Protocol):
    def person(self, bsn: str) -> PersonRecord | None:
        """The person with this BSN, also when deceased or departed; None if unknown."""

    def persons(self, bsns: Iterable[str]) -> list[PersonRecord]:
        """The persons with these BSNs that exist, in the order asked."""

    def find_by_name_and_birth_date(
        self,
        surname: str,
        birth_date: date,
        given_names: str | None = None,
        include_deceased: bool = False,
    ) -> list[PersonRecord]:
        """Persons by surname without prefix ("Vries" for "de Vries"); ``*`` at the end of
        a name matches any ending."""

    def find_by_postcode_and_number(
        self,
        postcode: str,
        house_number: int,
        house_letter: str = "",
        house_number_addition: str = "",
        include_deceased: bool = False,
    ) -> list[PersonRecord]:
        """Persons living at a postcode and number; without letter or addition, every letter
        and addition at that number."""

    def residents_of(self, address: AddressRecord) -> list[PersonRecord]:
        """The living persons registered at exactly this address."""


def get_brp_source() -> BrpSource:
    """The source ``LOKET_BRP_SOURCE`` names, configured from the settings."""
    if settings.LOKET_BRP_SOURCE == "haalcentraal":
        if not settings.LOKET_BRP_URL:
            raise ImproperlyConfigured(
                "LOKET_BRP_SOURCE is haalcentraal but LOKET_BRP_URL is empty."
            )
        return HaalCentraalClient(settings.LOKET_BRP_URL, settings.LOKET_BRP_API_KEY)
    return BuiltInRegister()
