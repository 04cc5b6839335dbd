"""The functioneel beheerder registers the receiving organisations and their purposes."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from loket.identity.permissions import StaffPermission, has_permission
from loket.sharing.models import Consent, Receiver

PURPOSE_MAX_LENGTH = Consent._meta.get_field("purpose").max_length


class PurposesField(forms.CharField):
    """Purposes typed one a line, kept as a JSON list."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = (line.strip() for line in (value or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def validate(self, value):
        super().validate(value)
        if any(len(purpose) > PURPOSE_MAX_LENGTH for purpose in value):
            raise ValidationError(
                _("Write each purpose in at most %(limit)d characters.")
                % {"limit": PURPOSE_MAX_LENGTH}
            )


class ReceiverForm(forms.ModelForm):
    purposes = PurposesField(
        label=_("purposes"),
        help_text=_(
            "What the organisation may ask data for, one a line, as persons will read it, "
            "e.g. Inschrijven als woningzoekende."
        ),
    )

    class Meta:
        model = Receiver
        fields = ["name", "audience", "purposes", "active"]


@admin.register(Receiver)
class ReceiverAdmin(admin.ModelAdmin):
    form = ReceiverForm
    list_display = ["name", "audience", "purpose_list", "active"]
    search_fields = ["name", "audience"]

    @admin.display(description=_("purposes"))
    def purpose_list(self, receiver) -> str:
        return "; ".join(receiver.purposes)

    def has_module_permission(self, request):
        return has_permission(request.user, StaffPermission.MANAGE_APPLICATIONS)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_module_permission
    has_change_permission = has_delete_permission = has_view_permission
