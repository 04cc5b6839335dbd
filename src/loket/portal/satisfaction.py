"""The satisfaction question after a case is closed: the form, and storing the one answer.

The question is asked on the closed case's page in Mijn omgeving and on its track & trace
page; whichever is answered first is the answer, and both then show the thanks.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from loket.cases.models import Case
from loket.catalog.models import Product
from loket.forms.models import Submission
from loket.portal.models import SatisfactionAnswer

COMMENT_MAX_LENGTH = 2000

# The page shows each with its number before it ("4 - satisfied").
SCORE_CHOICES = [
    (1, gettext_lazy("very dissatisfied")),
    (2, gettext_lazy("dissatisfied")),
    (3, gettext_lazy("neutral")),
    (4, gettext_lazy("satisfied")),
    (5, gettext_lazy("very satisfied")),
]


class SatisfactionForm(forms.Form):
    score = forms.TypedChoiceField(
        label=gettext_lazy("How satisfied are you with how we handled your request?"),
        choices=SCORE_CHOICES,
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose a score from 1 to 5."),
            "invalid_choice": gettext_lazy("Choose a score from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=gettext_lazy("Would you like to tell us more?"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": gettext_lazy("Write at most %(limit_value)d characters."),
        },
    )

    def error_list(self) -> list[tuple[str, str, str]]:
        """The errors as the error summary shows them: (field id, label, message)."""
        return [
            (f"satisfaction-{name}", str(self.fields[name].label), errors[0])
            for name, errors in self.errors.items()
            if name in self.fields
        ]


def answer_of(case: Case) -> SatisfactionAnswer | None:
    return SatisfactionAnswer.objects.filter(case=case).first()


def product_of(case: Case) -> Product | None:
    """The product the case was requested as: the form's, else the case type's first."""
    submission = Submission.objects.filter(case=case).select_related("definition__product").first()
    if submission is not None:
        return submission.definition.product
    return case.case_type.products.order_by("pk").first()


@transaction.atomic
def record_satisfaction(
    case: Case, *, score: int, comment: str = "", channel: str
) -> SatisfactionAnswer:
    """Keep the answer about a closed case; a case has one answer, so a second one (another
    tab, the track link after Mijn omgeving) changes nothing and the first is returned."""
    if not case.is_closed:
        raise ValidationError(_("You can answer this question once your request is done."))
    if score not in SatisfactionAnswer.SCORES:
        raise ValidationError(_("Choose a score from 1 to 5."))
    answer, _created = SatisfactionAnswer.objects.get_or_create(
        case=case,
        defaults={
            "case_type_id": case.case_type_id,
            "product": product_of(case),
            "channel": channel,
            "score": score,
            "comment": comment[:COMMENT_MAX_LENGTH],
            "language": (get_language() or "nl")[:5],
        },
    )
    return answer
