"""Which catalogue texts exist in Dutch and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from loket.catalog.models import Department, Product, ProductCost, StatusType


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = ("name",)


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "description",
        "conditions",
        "cost_rule",
        "duration",
        "bring",
        "synonyms",
    )


@register(ProductCost)
class ProductCostTranslation(TranslationOptions):
    fields = ("label",)


@register(StatusType)
class StatusTypeTranslation(TranslationOptions):
    fields = ("citizen_name", "citizen_explanation")
