"""The built-in fictional person register, Loket's default BRP source.

It holds only fictional persons (BSNs in the test range), so a demo or test never touches
real personal data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Person(models.Model):
    bsn = models.CharField(_("BSN"), max_length=9, unique=True)
    given_names = models.CharField(_("given names"), max_length=200)
    surname_prefix = models.CharField(_("surname prefix"), max_length=10, blank=True)
    surname = models.CharField(_("surname"), max_length=200)
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(
        _("gender"), max_length=1, choices=[("M", "M"), ("V", "V"), ("O", "O")]
    )
    street = models.CharField(_("street"), max_length=200)
    house_number = models.PositiveIntegerField(_("house number"))
    house_number_addition = models.CharField(_("addition"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6)
    town = models.CharField(_("town"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["surname", "given_names"]
        indexes = [models.Index(fields=["postcode", "house_number"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)
