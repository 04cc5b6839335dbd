"""What the work queue keeps of its own: the verification codes of documents it produced."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VerifiedDocument(models.Model):
    """A document that Loket made itself, with the code printed on it and the SHA-256 of its
    bytes: the public verify page (``/controleren/``) checks a code, or a file, against it."""

    code = models.CharField(_("verification code"), max_length=32, unique=True)
    document = models.OneToOneField(
        "cases.Document",
        on_delete=models.CASCADE,
        related_name="verification",
        verbose_name=_("document"),
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    issued_at = models.DateTimeField(_("issued at"))

    class Meta:
        verbose_name = _("verified document")
        verbose_name_plural = _("verified documents")

    def __str__(self) -> str:
        return self.code


class PossibleDuplicate(models.Model):
    """A report that came in near an open one of the same category: perhaps the same problem,
    reported twice. Recorded when the report is registered; a case worker decides."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="possible_duplicates",
        verbose_name=_("case"),
    )
    of_case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("possible duplicate of"),
    )
    distance_m = models.PositiveIntegerField(_("distance (metres)"))
    found_at = models.DateTimeField(_("found at"))

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        constraints = [
            models.UniqueConstraint(fields=["case", "of_case"], name="unique_possible_duplicate")
        ]

    def __str__(self) -> str:
        return f"{self.case} ~ {self.of_case}"
