"""The form a person fills in to share data. It only reads what was posted; what may be
shared is decided by ``services.check_request``."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class ShareForm(forms.Form):
    attributes = forms.MultipleChoiceField(
        label=_("Which data do you want to share?"),
        error_messages={
            "required": _("Choose at least one piece of data to share."),
            "invalid_choice": _("Choose data from the list."),
        },
    )
    purpose = forms.ChoiceField(
        label=_("What may the organisation use it for?"),
        error_messages={
            "required": _("Choose what the organisation may use your data for."),
            "invalid_choice": _("Choose what the organisation may use your data for."),
        },
    )
    ends_on = forms.DateField(
        label=_("Until when may the organisation use it?"),
        input_formats=DATE_FORMATS,
        error_messages={
            "required": _("Fill in an end date."),
            "invalid": _("Fill in a date as day-month-year, for example 31-12-2026."),
        },
    )

    def __init__(self, *args, receiver, attributes, **kwargs):
        """``attributes``: the (key, label) pairs the BRP has a value of for this person."""
        super().__init__(*args, **kwargs)
        self.fields["attributes"].choices = attributes
        self.fields["purpose"].choices = [(purpose, purpose) for purpose in receiver.purposes]

    def error_list(self) -> list[tuple[str, str, str]]:
        """The field errors as the error summary shows them: (field id, label, message)."""
        return [
            (f"share-{name}", str(self.fields[name].label), errors[0])
            for name, errors in self.errors.items()
            if name in self.fields
        ]
