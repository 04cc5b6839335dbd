"""What the portal keeps itself: the satisfaction answers about closed cases.

One answer per case, with the case type and product it was about and the way it was given,
so that insights can count satisfaction per product and channel without reading the portal.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SatisfactionAnswer(models.Model):
    class Channel(models.TextChoices):
        """Where the question was answered."""

        MY_PAGE = "mijn_omgeving", _("My page")
        TRACK_LINK = "volglink", _("track & trace link")

    SCORES = range(1, 6)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="satisfaction",
        verbose_name=_("case"),
    )
    case_type = models.ForeignKey(
        "catalog.CaseType", on_delete=models.PROTECT, related_name="+", verbose_name=_("case type")
    )
    product = models.ForeignKey(
        "catalog.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("product"),
    )
    channel = models.CharField(_("answered through"), max_length=20, choices=Channel.choices)
    score = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 (very dissatisfied) to 5 (very satisfied)."),
    )
    comment = models.TextField(_("comment"), blank=True)
    language = models.CharField(_("language"), max_length=5, default="nl")
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("satisfaction answer")
        verbose_name_plural = _("satisfaction answers")
        ordering = ["-answered_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="satisfaction_score_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.score}"
