"""Forms in the admin: the functioneel beheerder edits a concept version's steps and fields
(as JSON, see docs/forms.md) and publishes it; a published version is read-only."""

from django import forms as django_forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from loket.forms.models import FormDefinition, Submission
from loket.forms.schema import schema_problems
from loket.forms.services import new_version, publish_definition


class FormDefinitionForm(django_forms.ModelForm):
    class Meta:
        model = FormDefinition
        fields = ["product", "version", "login", "assurance", "schema"]

    def clean_schema(self):
        schema = self.cleaned_data["schema"]
        problems = schema_problems(schema)
        if problems:
            raise django_forms.ValidationError(problems)
        return schema


@admin.register(FormDefinition)
class FormDefinitionAdmin(admin.ModelAdmin):
    form = FormDefinitionForm
    list_display = ["product", "version", "login", "published", "created_at"]
    list_filter = ["published", "login"]
    search_fields = ["product__name"]
    actions = ["publish", "make_new_version"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.published:
            return ["product", "version", "login", "assurance", "schema", "published"]
        return ["published"]

    @admin.action(description=_("Publish the selected forms"))
    def publish(self, request, queryset):
        for definition in queryset.filter(published=False):
            try:
                publish_definition(definition)
            except ValidationError as error:
                self.message_user(
                    request,
                    _("%(form)s is not published: %(problems)s")
                    % {"form": definition, "problems": " ".join(error.messages)},
                    messages.ERROR,
                )
                return
        self.message_user(request, _("Published."), messages.SUCCESS)

    @admin.action(description=_("Make a new concept version"))
    def make_new_version(self, request, queryset):
        for definition in queryset:
            new_version(definition)
        self.message_user(request, _("New concept versions made."), messages.SUCCESS)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "definition", "status", "payment_status", "amount", "created_at"]
    list_filter = ["status", "payment_status"]
    readonly_fields = [field.name for field in Submission._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
