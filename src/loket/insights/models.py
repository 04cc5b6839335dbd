"""What insights keeps itself: the cost of one contact per channel, for the savings, and the
municipality's publications (newsletters and the like) for the open data.

The functioneel beheerder sets the costs in the admin (*Insights > Channel costs*); a channel
without a cost is left out of the savings rather than counted as free. Publications are
written there too and are public once their publication day has come (Wet hergebruik van
overheidsinformatie: what is published, anyone may get and reuse).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.contacts.models import Channel as ContactChannel

# The digital channel that the old channels' contacts shift to: the online form.
DIGITAL = "web"


class ChannelCost(models.Model):
    CHANNELS = [(DIGITAL, _("Online (digital)")), *ContactChannel.choices]

    channel = models.CharField(_("channel"), max_length=20, choices=CHANNELS, unique=True)
    cost = models.DecimalField(
        _("cost per contact in euros"),
        max_digits=9,
        decimal_places=2,
        help_text=_("What one contact or request on this channel costs the municipality."),
    )

    class Meta:
        verbose_name = _("channel cost")
        verbose_name_plural = _("channel costs")
        ordering = ["channel"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: € {self.cost}"


class PublicationQuerySet(models.QuerySet):
    def public(self, on):
        return self.filter(published_on__lte=on).order_by("-published_on", "-pk")


class Publication(models.Model):
    """A newsletter or other publication of the municipality, public from its day on."""

    class Kind(models.TextChoices):
        NEWSLETTER = "newsletter", _("newsletter")
        ANNOUNCEMENT = "announcement", _("announcement")
        REPORT = "report", _("report")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    published_on = models.DateField(_("published on"))
    summary = models.TextField(_("summary"), blank=True)
    text = models.TextField(_("text"))

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title
