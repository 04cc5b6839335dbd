"""What Loket knows of a person from the BRP, whichever source answered.

Every source (the built-in register, a Haal Centraal BRP Personen API) answers in these
frozen records, so the rest of Loket never sees the source's own shapes. They hold what both
sources can give: coded values as the national tables describe them (``"Nederland"``), and
dates only when they are complete.
"""

from dataclasses import dataclass
from datetime import date

MARRIAGE = "marriage"
REGISTERED_PARTNERSHIP = "registered_partnership"
# The BRP's codes for the kind of union (soort verbintenis).
UNION_KINDS = {"H": MARRIAGE, "P": REGISTERED_PARTNERSHIP}


def full_name(given_names: str, surname_prefix: str, surname: str) -> str:
    return " ".join(part for part in (given_names, surname_prefix, surname) if part)


@dataclass(frozen=True)
class AddressRecord:
    street: str
    house_number: int
    postcode: str
    town: str
    house_letter: str = ""
    house_number_addition: str = ""
    municipality_code: str = ""
    municipality_name: str = ""
    identification: str = ""  # the BAG nummeraanduiding
    addressable_object: str = ""  # the BAG verblijfsobject

    @property
    def full_number(self) -> str:
        """The number as written on a letter: 12, 12A, 12-2, 12A-2."""
        addition = f"-{self.house_number_addition}" if self.house_number_addition else ""
        return f"{self.house_number}{self.house_letter}{addition}"


@dataclass(frozen=True)
class RelativeRecord:
    """A parent, child or partner, as the BRP repeats them on the person's own list."""

    bsn: str
    given_names: str
    surname_prefix: str
    surname: str
    birth_date: date | None
    gender: str = ""  # the standard gives no gender for children

    @property
    def full_name(self) -> str:
        return full_name(self.given_names, self.surname_prefix, self.surname)


@dataclass(frozen=True)
class PartnerRecord(RelativeRecord):
    kind: str = MARRIAGE
    start_date: date | None = None
    start_place: str = ""
    end_date: date | None = None  # dissolved: divorce, or the partner's death


@dataclass(frozen=True)
class PersonRecord:
    bsn: str
    given_names: str
    surname_prefix: str
    surname: str
    birth_date: date | None
    gender: str  # M, V or O, as in the BRP
    birth_place: str = ""
    birth_country: str = ""
    nationalities: tuple[str, ...] = ()
    address: AddressRecord | None = None  # a deceased person keeps the last one
    address_since: date | None = None
    # The current partner or, without one, the last: as the BRP API gives partners.
    partner: PartnerRecord | None = None
    children: tuple[RelativeRecord, ...] = ()
    parents: tuple[RelativeRecord, ...] = ()
    death_date: date | None = None
    departure_date: date | None = None  # left the Netherlands
    departure_country: str = ""  # empty with a departure date: whereabouts unknown

    @property
    def full_name(self) -> str:
        return full_name(self.given_names, self.surname_prefix, self.surname)

    @property
    def is_deceased(self) -> bool:
        return self.death_date is not None

    @property
    def has_left(self) -> bool:
        """Moved abroad, or left for an unknown place (vertrokken onbekend waarheen)."""
        return self.departure_date is not None

    @property
    def whereabouts_unknown(self) -> bool:
        return self.has_left and not self.departure_country

    def age(self, on: date) -> int | None:
        if self.birth_date is None:
            return None
        before_birthday = (on.month, on.day) < (self.birth_date.month, self.birth_date.day)
        return on.year - self.birth_date.year - before_birthday
