"""What insights keeps itself: the cost of one contact per channel, for the savings, the
municipality's publications (newsletters and the like) for the open data, and the monthly
counters the dashboard reads (``counting.py`` keeps them in step with the other apps' rows).

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


# --- The dashboard's counters ------------------------------------------------------------------
#
# One row per month and group, written only by the database triggers and the rebuild of
# ``loket.insights.counting``. The groups are plain numbers, 0 for none (no department, no
# form), not foreign keys: a unique key with NULL in it would not make the counts add up on
# PostgreSQL, and a counter row must not stand in the way of deleting a catalogue row. A row
# whose counts went back to zero may stay; the figures skip it.


class RequestCount(models.Model):
    """Cases by the month they were registered in: all, and those filled in online by the
    person (the form's draft on the ``web`` channel)."""

    month = models.DateField()  # the first day
    department_id = models.IntegerField()  # the case's department, 0 for none
    case_type_id = models.IntegerField()
    definition_id = models.IntegerField()  # the form the case came from, 0 for none
    requests = models.IntegerField(default=0)
    digital = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "department_id", "case_type_id", "definition_id"],
                name="request_count_group",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.requests} requests"


class ClosingCount(models.Model):
    """Cases by the month they were closed in, with the sums of their lead times in days."""

    month = models.DateField()
    department_id = models.IntegerField()
    case_type_id = models.IntegerField()
    definition_id = models.IntegerField()
    closed = models.IntegerField(default=0)
    closed_days = models.IntegerField(default=0)  # closed_on - registered_on, summed
    with_legal_end = models.IntegerField(default=0)
    legal_days = models.IntegerField(default=0)  # legal_end - registered_on, summed
    on_time = models.IntegerField(default=0)  # closed_on <= legal_end

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "department_id", "case_type_id", "definition_id"],
                name="closing_count_group",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.closed} closed"


class SatisfactionCount(models.Model):
    """Satisfaction answers by the (local) month they were given in."""

    month = models.DateField()
    department_id = models.IntegerField()  # the case's department, 0 for none
    product_id = models.IntegerField()  # the answer's product, 0 for none
    answers = models.IntegerField(default=0)
    score_total = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "department_id", "product_id"], name="satisfaction_count_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.answers} answers"


class ContactCount(models.Model):
    """Contacts by the (local) month they took place in and their channel."""

    month = models.DateField()
    channel = models.CharField(max_length=20)
    contacts = models.IntegerField(default=0)
    with_outcome = models.IntegerField(default=0)
    solved = models.IntegerField(default=0)  # in this contact

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "channel"], name="contact_count_group")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.channel}: {self.contacts} contacts"
