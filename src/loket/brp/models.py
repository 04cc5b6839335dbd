"""The built-in fictional person register, Loket's default BRP source, with its addresses.

It holds only fictional persons (BSNs in the test range) at the addresses of the fictional
municipality Voorbeeld, so a demo or test never touches real personal data. Codes (country,
nationality, union) are those of the BRP's national tables (``codes.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.brp import codes


class Address(models.Model):
    """An address as the BAG knows it: the key is its nummeraanduiding identification."""

    identification = models.CharField(_("identification"), max_length=16, primary_key=True)
    addressable_object = models.CharField(_("addressable object"), max_length=16, unique=True)
    street = models.CharField(_("street"), max_length=80)
    house_number = models.PositiveIntegerField(_("house number"))
    house_letter = models.CharField(_("house letter"), max_length=1, blank=True)
    house_number_addition = models.CharField(_("addition"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6)
    town = models.CharField(_("town"), max_length=80)
    municipality_code = models.CharField(_("municipality code"), max_length=4)
    municipality_name = models.CharField(_("municipality"), max_length=80)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["postcode", "house_number", "house_letter", "house_number_addition"]
        constraints = [
            models.UniqueConstraint(
                fields=["postcode", "house_number", "house_letter", "house_number_addition"],
                name="brp_address_unique_postcode_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.street} {self.full_number}, {self.postcode} {self.town}"

    @property
    def full_number(self) -> str:
        """The number as written on a letter: 12, 12A, 12-2, 12A-2."""
        addition = f"-{self.house_number_addition}" if self.house_number_addition else ""
        return f"{self.house_number}{self.house_letter}{addition}"


class Person(models.Model):
    bsn = models.CharField(_("BSN"), max_length=9, unique=True)
    given_names = models.CharField(_("given names"), max_length=200)
    surname_prefix = models.CharField(_("surname prefix"), max_length=10, blank=True)
    surname = models.CharField(_("surname"), max_length=200)
    birth_date = models.DateField(_("date of birth"))
    birth_place = models.CharField(
        _("place of birth"), max_length=80, default=codes.DEMO_MUNICIPALITY
    )
    birth_country = models.CharField(
        _("country of birth"),
        max_length=4,
        choices=list(codes.COUNTRIES.items()),
        default=codes.NETHERLANDS,
    )
    gender = models.CharField(_("gender"), max_length=1, choices=list(codes.GENDERS.items()))
    nationality = models.CharField(
        _("nationality"),
        max_length=4,
        choices=list(codes.NATIONALITIES.items()),
        default=codes.DUTCH,
    )
    address = models.ForeignKey(
        Address,
        verbose_name=_("address"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
    )
    address_since = models.DateField(_("living at the address since"), null=True, blank=True)
    # The BRP's "ouder 1" and "ouder 2"; only parents who are in the register themselves.
    parent1 = models.ForeignKey(
        "self",
        verbose_name=_("parent 1"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    parent2 = models.ForeignKey(
        "self",
        verbose_name=_("parent 2"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    death_date = models.DateField(_("date of death"), null=True, blank=True)
    # Left the Netherlands: to a known country (emigrated) or to "0000", whereabouts unknown.
    departure_date = models.DateField(_("departed abroad on"), null=True, blank=True)
    departure_country = models.CharField(
        _("departed to"), max_length=4, choices=list(codes.COUNTRIES.items()), blank=True
    )
    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["surname", "given_names"]
        indexes = [models.Index(fields=["surname", "birth_date"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)

    # The address as flat attributes, as Person had them before addresses had a register.
    @property
    def street(self) -> str:
        return self.address.street if self.address else ""

    @property
    def house_number(self) -> int | None:
        return self.address.house_number if self.address else None

    @property
    def house_number_addition(self) -> str:
        if not self.address:
            return ""
        return self.address.full_number.removeprefix(str(self.address.house_number))

    @property
    def postcode(self) -> str:
        return self.address.postcode if self.address else ""

    @property
    def town(self) -> str:
        return self.address.town if self.address else ""


class Partnership(models.Model):
    """A marriage or registered partnership between two persons of the register."""

    first = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=1, choices=list(codes.UNIONS.items()))
    start_date = models.DateField(_("entered on"))
    start_place = models.CharField(_("entered in"), max_length=80, default=codes.DEMO_MUNICIPALITY)
    end_date = models.DateField(_("dissolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(first=models.F("second")), name="brp_partnership_two_persons"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first} & {self.second}"
