"""The functioneel beheerder's screens for products and case types.

Published case types are shown read-only: a change goes through "new version". The rules
themselves are in ``loket.catalog.services``; the admin only calls them.
"""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from loket.catalog.models import (
    CaseType,
    CaseTypeDocumentType,
    Catalogue,
    DecisionType,
    Department,
    DocumentType,
    Product,
    ProductCost,
    Property,
    ResultType,
    RoleType,
    StatusType,
)
from loket.catalog.services import (
    CatalogError,
    ensure_draft,
    new_case_type_version,
    publish_case_type,
    publish_type,
)


@admin.register(Department)
class DepartmentAdmin(TranslationAdmin):
    list_display = ["name", "code", "email"]


class ProductCostInline(TranslationTabularInline):
    model = ProductCost
    extra = 0


@admin.register(Product)
class ProductAdmin(TranslationAdmin):
    list_display = ["name", "upl_name", "department", "published"]
    list_filter = ["published", "department"]
    search_fields = ["name_nl", "name_en", "upl_name", "synonyms_nl"]
    prepopulated_fields = {"slug": ("name_nl",)}
    inlines = [ProductCostInline]


@admin.register(Catalogue)
class CatalogueAdmin(admin.ModelAdmin):
    list_display = ["__str__", "domain", "rsin"]


class CaseTypePartInline(admin.TabularInline):
    extra = 0


class StatusTypeInline(CaseTypePartInline, TranslationTabularInline):
    model = StatusType
    fields = [
        "order",
        "description",
        "citizen_name",
        "citizen_explanation",
        "lead_time",
        "inform_citizen",
    ]
    ordering = ["order"]


class ResultTypeInline(CaseTypePartInline):
    model = ResultType
    fields = [
        "description",
        "result_type_description_url",
        "selection_list_class",
        "archive_action",
        "archive_term",
        "archive_date_basis",
    ]


class RoleTypeInline(CaseTypePartInline):
    model = RoleType
    fields = ["description", "generic"]


class PropertyInline(CaseTypePartInline):
    model = Property
    fields = ["name", "definition", "format", "length", "status_type"]


class CaseTypeDocumentTypeInline(CaseTypePartInline):
    model = CaseTypeDocumentType
    fields = ["order", "document_type", "direction", "status_type"]


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    list_display = ["identification", "description", "valid_from", "valid_until", "state"]
    list_filter = ["concept", "department"]
    search_fields = ["identification", "description"]
    filter_horizontal = ["products"]
    inlines = [
        StatusTypeInline,
        ResultTypeInline,
        RoleTypeInline,
        PropertyInline,
        CaseTypeDocumentTypeInline,
    ]
    actions = ["publish", "make_new_version"]
    change_form_template = "admin/catalog/casetype/change_form.html"

    @admin.display(description=_("state"))
    def state(self, case_type):
        return _("draft") if case_type.concept else _("published")

    def has_change_permission(self, request, obj=None):
        # A published version is shown read-only; changes go through a new version.
        return super().has_change_permission(request, obj) and (obj is None or obj.concept)

    has_delete_permission = has_change_permission

    def save_model(self, request, obj, form, change):
        if change:
            ensure_draft(obj)  # it may have been published since the form was opened
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected drafts"))
    def publish(self, request, queryset):
        for case_type in queryset.filter(concept=True):
            try:
                publish_case_type(case_type)
            except CatalogError as error:
                self.message_user(
                    request,
                    _("%(type)s was not published: %(reasons)s")
                    % {"type": case_type, "reasons": " ".join(error.messages)},
                    messages.ERROR,
                )
            else:
                self.message_user(request, _("%s is published.") % case_type, messages.SUCCESS)

    @admin.action(description=_("Make a new draft version (valid from tomorrow)"))
    def make_new_version(self, request, queryset):
        for case_type in queryset:
            try:
                copy = new_case_type_version(case_type, timezone.localdate() + timedelta(days=1))
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                url = reverse("admin:catalog_casetype_change", args=[copy.pk])
                self.message_user(
                    request,
                    format_html(_('New draft version: <a href="{}">{}</a>'), url, copy),
                    messages.SUCCESS,
                )

    def get_urls(self):
        return [
            path(
                "<int:pk>/timeline/",
                self.admin_site.admin_view(self.timeline_preview),
                name="catalog_casetype_timeline",
            ),
            *super().get_urls(),
        ]

    def timeline_preview(self, request, pk):
        """The steps as a citizen will see them in track & trace."""
        case_type = get_object_or_404(CaseType, pk=pk)
        context = {
            **self.admin_site.each_context(request),
            "case_type": case_type,
            "steps": case_type.status_types.all(),
            "opts": self.model._meta,
            "title": _("Timeline preview: %s") % case_type.description,
        }
        return TemplateResponse(request, "admin/catalog/casetype/timeline.html", context)

    def response_change(self, request, obj):
        if "_publish" in request.POST:
            try:
                publish_case_type(obj)
            except CatalogError as error:
                for message in error.messages:
                    self.message_user(request, message, messages.ERROR)
            else:
                self.message_user(request, _("%s is published.") % obj, messages.SUCCESS)
            return redirect(request.path)
        return super().response_change(request, obj)


class VersionedTypeAdmin(admin.ModelAdmin):
    list_display = ["description", "valid_from", "valid_until", "concept"]
    list_filter = ["concept"]
    actions = ["publish"]

    @admin.action(description=_("Publish the selected drafts"))
    def publish(self, request, queryset):
        for versioned in queryset.filter(concept=True):
            try:
                publish_type(versioned)
            except CatalogError as error:
                self.message_user(
                    request,
                    _("%(type)s was not published: %(reasons)s")
                    % {"type": versioned, "reasons": " ".join(error.messages)},
                    messages.ERROR,
                )


admin.site.register(DocumentType, VersionedTypeAdmin)
admin.site.register(DecisionType, VersionedTypeAdmin)
