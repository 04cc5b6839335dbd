"""A case's links to resources in other registries: contact moments and requests.

The Zaken API 1.x keeps these links (zaakcontactmomenten, zaakverzoeken) on the case side;
the resources themselves live in a Contactmomenten or Verzoeken API elsewhere.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.cases.models.cases import Case


class CaseContactMoment(models.Model):
    """Zaakcontactmoment: a contact moment (in another registry) about this case."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contact_moments")
    contact_moment = models.URLField(_("contact moment"), max_length=1000)

    class Meta:
        verbose_name = _("case contact moment")
        verbose_name_plural = _("case contact moments")
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.contact_moment}"


class CaseRequest(models.Model):
    """Zaakverzoek: a citizen's request (in another registry) that this case handles."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="requests")
    request = models.URLField(_("request"), max_length=1000)

    class Meta:
        verbose_name = _("case request")
        verbose_name_plural = _("case requests")
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return f"{self.case}: {self.request}"
