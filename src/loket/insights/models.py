"""What insights keeps itself: the cost of one contact per channel, for the savings.

The functioneel beheerder sets the costs in the admin (*Insights > Channel costs*); a channel
without a cost is left out of the savings rather than counted as free.
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
