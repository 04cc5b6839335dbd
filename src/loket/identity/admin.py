"""The functioneel beheerder's screens for API applications: client ids with their secrets,
and what each application may do (all of it, or authorisations per component and type)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from loket.identity.admin_site import ReadOnlyModelAdmin
from loket.identity.models import ApiAuthorization, ApiCall, ApiClient, Application


class ApiClientInline(admin.TabularInline):
    model = ApiClient
    extra = 0
    fields = ["client_id", "secret", "revoked_at"]


class ScopesField(forms.CharField):
    """Scopes typed as a list separated by commas or spaces, kept as a JSON list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return sorted({scope for scope in (value or "").replace(",", " ").split() if scope})


def type_field(label, help_text) -> forms.URLField:
    return forms.URLField(
        label=label, help_text=help_text, max_length=1000, required=False, assume_scheme="https"
    )


class ApiAuthorizationForm(forms.ModelForm):
    scopes = ScopesField(
        label=_("scopes"), help_text=_("Separated by commas, e.g. zaken.lezen, zaken.aanmaken")
    )
    case_type = type_field(_("case type"), _("Empty: every case type, present and future."))
    document_type = type_field(
        _("document type"), _("Empty: every document type, present and future.")
    )
    decision_type = type_field(
        _("decision type"), _("Empty: every decision type, present and future.")
    )

    class Meta:
        model = ApiAuthorization
        fields = [
            "component",
            "scopes",
            "case_type",
            "document_type",
            "decision_type",
            "max_confidentiality",
        ]
        help_texts = {"max_confidentiality": _("Empty: every level.")}


class ApiAuthorizationFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if self.instance.all_scopes and kept:  # ac-002
            raise ValidationError(
                _("Give either all authorisations or a list of authorisations, not both.")
            )


class ApiAuthorizationInline(admin.TabularInline):
    model = ApiAuthorization
    form = ApiAuthorizationForm
    formset = ApiAuthorizationFormSet
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    fields = ["label", "all_scopes", "partner"]
    list_display = [
        "label",
        "client_ids",
        "all_scopes",
        "partner",
        "authorisation_count",
        "created_at",
    ]
    search_fields = ["label", "clients__client_id"]
    inlines = [ApiClientInline, ApiAuthorizationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("clients", "authorizations")

    @admin.display(description=_("client ids"))
    def client_ids(self, application) -> str:
        return ", ".join(client.client_id for client in application.clients.all())

    @admin.display(description=_("authorisations"))
    def authorisation_count(self, application) -> int:
        return len(application.authorizations.all())


@admin.register(ApiCall)
class ApiCallAdmin(ReadOnlyModelAdmin):
    """The partners' calls: read only, as an audit log is."""

    list_display = ["at", "client_id", "method", "path", "status", "duration_ms"]
    list_filter = ["client_id", "method", "status"]
    search_fields = ["client_id", "path"]
    date_hierarchy = "at"
