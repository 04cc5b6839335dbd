"""Terms (lead times, service norms, archive terms) as ISO 8601 date durations.

The ZGW APIs exchange terms as ISO 8601 durations such as ``P8W`` or ``P5D``; Loket stores
them in that form and adds, per case type, whether days are calendar or working days.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

ISO_DATE_DURATION = re.compile(r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def validate_term(value: str) -> None:
    if not ISO_DATE_DURATION.match(value or ""):
        raise ValidationError(
            _("Give a term as an ISO 8601 duration, for example P8W (8 weeks) or P5D (5 days)."),
            code="invalid-term",
        )


class TermField(models.CharField):
    """An ISO 8601 date duration (years, months, weeks, days)."""

    default_validators = [validate_term]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)
