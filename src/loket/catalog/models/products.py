"""The product catalogue (PDC): what a citizen or business can arrange with the municipality."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.catalog.choices import ApplyRoute, Audience


class Department(models.Model):
    """A department of the municipality; its queue receives the cases of its products."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="departments",
        verbose_name=_("members"),
        help_text=_("The staff who work on this department's queue."),
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProductQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Product(models.Model):
    """A product or service (product of dienst), named after the Uniforme Productnamenlijst.

    Texts are in Dutch and English (``name_nl``, ``name_en`` ...; ``name`` is the active
    language's, falling back to Dutch).
    """

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    upl_name = models.CharField(_("UPL name"), max_length=200)
    upl_uri = models.URLField(_("UPL URI"), max_length=300)
    name = models.CharField(_("name"), max_length=200, help_text=_("What the person comes to do."))
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), help_text=_("Plain language (B1)."))
    audience = models.JSONField(_("audience"), default=list, help_text=_("inwoner, ondernemer"))
    conditions = models.TextField(_("conditions"), blank=True, help_text=_("One per line."))
    cost_rule = models.TextField(_("when the costs vary"), blank=True)
    duration = models.CharField(_("how long it takes"), max_length=300, blank=True)
    apply_routes = models.JSONField(_("how to apply"), default=list)
    bring = models.TextField(_("what to bring"), blank=True, help_text=_("One per line."))
    legal_basis = models.JSONField(_("legal basis"), default=list, blank=True)
    synonyms = models.TextField(
        _("synonyms"), blank=True, help_text=_("Other words people search with, one per line.")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="products", verbose_name=_("department")
    )
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def condition_list(self) -> list[str]:
        return split_lines(self.conditions)

    @property
    def bring_list(self) -> list[str]:
        return split_lines(self.bring)

    @property
    def synonym_list(self) -> list[str]:
        return split_lines(self.synonyms)

    @property
    def can_apply_online(self) -> bool:
        return ApplyRoute.ONLINE in self.apply_routes

    @property
    def audience_labels(self) -> list[str]:
        return [Audience(value).label for value in self.audience]

    @property
    def apply_route_labels(self) -> list[str]:
        return [ApplyRoute(value).label for value in self.apply_routes]


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ProductCost(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="costs")
    label = models.CharField(_("what"), max_length=200)
    amount = models.DecimalField(_("amount in euros"), max_digits=9, decimal_places=2)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.label}: EUR {self.amount}"
