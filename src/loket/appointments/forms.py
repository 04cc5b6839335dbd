"""The small forms of the appointment pages; the rules themselves are in ``services.py``."""

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DAY_FORMATS = ["%Y-%m-%d", "%d-%m-%Y"]


class DayForm(forms.Form):
    """Which day (and, when booking anew, which location) to show the free times of."""

    dag = forms.DateField(
        label=_("Day"), input_formats=DAY_FORMATS, help_text=_("For example 31-12-2026.")
    )

    def __init__(self, *args, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locations = {str(location.uuid): location for location in locations or []}
        if locations is not None:
            self.fields = {
                "locatie": forms.ChoiceField(
                    label=_("Location"),
                    choices=[(key, location.name) for key, location in self.locations.items()],
                ),
                **self.fields,
            }
        self.fields["dag"].error_messages["invalid"] = _("Write the day as 31-12-2026.")
        self.fields["dag"].error_messages["required"] = _("Choose a day.")

    def clean_dag(self):
        day = self.cleaned_data["dag"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return day

    @property
    def location(self):
        return self.locations.get(self.cleaned_data.get("locatie"))


class TimeForm(DayForm):
    """A time on the chosen day, as one of the free times shown."""

    tijd = forms.TimeField(
        label=_("Time"), input_formats=["%H:%M"], error_messages={"required": _("Choose a time.")}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tijd"].error_messages["invalid"] = _("Choose one of the times.")

    def start(self) -> datetime:
        moment: time = self.cleaned_data["tijd"]
        return datetime.combine(
            self.cleaned_data["dag"], moment, tzinfo=timezone.get_current_timezone()
        )


class BookForm(TimeForm):
    naam = forms.CharField(
        label=_("Your name"), max_length=200, error_messages={"required": _("Fill in your name.")}
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the confirmation and the link to cancel or move to this address."),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.nl."),
        },
    )
