"""The figures of the dashboard, computed from Loket's own data with grouped queries.

Each figure is one or two queries whatever the number of cases; the database does the
counting and Python only folds the groups (case type versions, the product of a case).

- Channel shift: a case counts as *fully digital* when the person filled in the online form
  themselves (``Draft.channel == "web"``). An assisted intake (phone, counter, home visit) and
  a case without a form (the KCC, a partner's API call) count as not digital. Cases count in
  the month they were registered.
- Lead time: the closed cases of the period (by closing day), per case type (all versions
  together): the average days from registration to closing, the legal lead time as the clock
  set it (``legal_end``, suspensions and extensions included), and the share closed on time.
- Satisfaction: the answers of the period, per month.
- Contacts: every contact of the period per channel and month; first-contact resolution comes
  from ``loket.contacts.selectors``. Contacts are not filtered by department or product.
- Savings: per old channel, the contacts fewer than in the same months a year earlier
  (*shifted*), times that channel's cost minus the cost of the digital channel.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, F, Min, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from loket.cases.models import Case
from loket.catalog.models import CaseType, Product
from loket.contacts.models import Channel as ContactChannel
from loket.contacts.models import Contact
from loket.contacts.selectors import Resolution, first_contact_resolution
from loket.forms.models import Channel as FormChannel
from loket.insights.models import DIGITAL, ChannelCost
from loket.insights.selection import Selection
from loket.portal.models import SatisfactionAnswer

# The seed municipalities' targets: 81 % of requests fully digital, 80 % of contacts solved
# in the first contact.
DIGITAL_TARGET = 0.81
FIRST_CONTACT_NORM = 0.80
# The channels whose volume the dashboard follows: the ones the shift should empty.
OLD_CHANNELS = [ContactChannel.COUNTER, ContactChannel.PHONE]


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def rate(self) -> float | None:
        return self.part / self.whole if self.whole else None

    def __add__(self, other: "Share") -> "Share":
        return Share(self.part + other.part, self.whole + other.whole)


NO_SHARE = Share(0, 0)


@dataclass
class DigitalShare:
    """Fully digital cases of all cases, per product and month (product ``None``: a case
    type without product)."""

    by_product_month: dict[tuple[Product | None, date], Share]

    def by_month(self, months: list[date]) -> dict[date, Share]:
        totals = dict.fromkeys(months, NO_SHARE)
        for (_, month), share in self.by_product_month.items():
            totals[month] += share
        return totals

    def by_product(self) -> dict[Product | None, Share]:
        totals = defaultdict(lambda: NO_SHARE)
        for (product, _), share in self.by_product_month.items():
            totals[product] += share
        return dict(sorted(totals.items(), key=lambda item: product_name(item[0])))

    @property
    def total(self) -> Share:
        return sum(self.by_product_month.values(), NO_SHARE)


@dataclass
class LeadTime:
    case_type: str  # the newest version's description
    closed: int
    total_days: int
    norm_days: int  # the sum, over the cases with a legal end, of their legal lead times
    with_legal_end: int
    on_time: int

    @property
    def average_days(self) -> float | None:
        return self.total_days / self.closed if self.closed else None

    @property
    def average_norm_days(self) -> float | None:
        return self.norm_days / self.with_legal_end if self.with_legal_end else None

    @property
    def on_time_share(self) -> Share:
        return Share(self.on_time, self.with_legal_end)


@dataclass(frozen=True)
class Satisfaction:
    answers: int
    score_total: int

    @property
    def average(self) -> float | None:
        return self.score_total / self.answers if self.answers else None


@dataclass(frozen=True)
class Saving:
    channel: str
    contacts_before: int  # in the same months a year earlier
    contacts_now: int
    cost: Decimal
    digital_cost: Decimal

    @property
    def shifted(self) -> int:
        return max(self.contacts_before - self.contacts_now, 0)

    @property
    def amount(self) -> Decimal:
        return self.shifted * (self.cost - self.digital_cost)


@dataclass
class Figures:
    selection: Selection
    digital: DigitalShare
    lead_times: list[LeadTime]
    satisfaction: dict[date, Satisfaction]
    contacts: dict[tuple[str, date], int]  # (channel, month) -> contacts
    savings: list[Saving]
    # None where the reader may not see it (the open data): see ``collect``.
    first_contact: list[Resolution] | None = None
    missing_costs: list[str] = field(default_factory=list)

    @property
    def total_saving(self) -> Decimal:
        return sum((saving.amount for saving in self.savings), Decimal(0))


def collect(selection: Selection, user=None) -> Figures:
    """Every figure of the selection. First-contact resolution only with a ``user`` (its
    selector checks the role), so the public open data goes without it."""
    contacts = contacts_by_channel_and_month(selection)
    now = defaultdict(int)
    for (channel, _), count in contacts.items():
        now[channel] += count
    savings, missing = savings_of(selection, now)
    return Figures(
        selection=selection,
        digital=digital_share(selection),
        lead_times=lead_times(selection),
        satisfaction=satisfaction_by_month(selection),
        contacts=contacts,
        savings=savings,
        first_contact=first_contact_resolution(user, start=selection.start, end=selection.end)
        if user is not None
        else None,
        missing_costs=missing,
    )


def product_name(product: Product | None) -> str:
    return product.name if product else ""


def first_products(case_type_ids) -> dict[int, int]:
    """The product a case of each case type is requested as when no form says: the case
    type's first (as ``portal.satisfaction.product_of``)."""
    links = CaseType.products.through.objects.filter(casetype_id__in=set(case_type_ids))
    return dict(
        links.values("casetype_id")
        .annotate(first=Min("product_id"))
        .values_list("casetype_id", "first")
    )


def cases_of(selection: Selection):
    cases = Case.objects.all()
    if selection.department is not None:
        cases = cases.filter(department=selection.department)
    return cases


def with_product(rows, product_key="form_product"):
    """The rows of a query grouped by case type and form product, each with ``product_id``:
    the form's product, else the case type's first; only the selected product's when one is."""
    rows = list(rows)
    fallback = first_products(row["case_type"] for row in rows)
    for row in rows:
        row["product_id"] = row[product_key] or fallback.get(row["case_type"])
    return rows


def digital_share(selection: Selection) -> DigitalShare:
    rows = with_product(
        cases_of(selection)
        .filter(registered_on__range=(selection.start, selection.end))
        .annotate(
            month=TruncMonth("registered_on"), form_product=F("submission__definition__product")
        )
        .values("month", "case_type", "form_product")
        .annotate(
            total=Count("pk"),
            digital=Count("pk", filter=Q(submission__draft__channel=FormChannel.WEB)),
        )
        .order_by()
    )
    products = Product.objects.in_bulk({row["product_id"] for row in rows} - {None})
    shares = defaultdict(lambda: NO_SHARE)
    for row in rows:
        product = products.get(row["product_id"])
        if selection.product is None or product == selection.product:
            shares[(product, as_date(row["month"]))] += Share(row["digital"], row["total"])
    return DigitalShare(dict(shares))


def as_date(month) -> date:
    """TruncMonth of a date field gives a date on PostgreSQL, a datetime on some backends."""
    return month.date() if isinstance(month, datetime) else month


def days(duration: timedelta | None) -> int:
    return duration.days if duration else 0


def lead_times(selection: Selection) -> list[LeadTime]:
    rows = with_product(
        cases_of(selection)
        .filter(closed_on__range=(selection.start, selection.end))
        .annotate(form_product=F("submission__definition__product"))
        .values("case_type", "form_product")
        .annotate(
            closed=Count("pk"),
            total=Sum(F("closed_on") - F("registered_on")),
            with_legal_end=Count("legal_end"),
            norm=Sum(F("legal_end") - F("registered_on")),
            on_time=Count("pk", filter=Q(closed_on__lte=F("legal_end"))),
        )
        .order_by()
    )
    if selection.product is not None:
        rows = [row for row in rows if row["product_id"] == selection.product.pk]
    versions = CaseType.objects.in_bulk({row["case_type"] for row in rows})
    newest = {}  # identification -> the newest version's description
    for case_type in sorted(versions.values(), key=lambda version: version.valid_from):
        newest[case_type.identification] = case_type.description
    per_type: dict[str, LeadTime] = {}
    for row in rows:
        identification = versions[row["case_type"]].identification
        found = per_type.setdefault(identification, LeadTime(newest[identification], 0, 0, 0, 0, 0))
        found.closed += row["closed"]
        found.total_days += days(row["total"])
        found.norm_days += days(row["norm"])
        found.with_legal_end += row["with_legal_end"]
        found.on_time += row["on_time"]
    return sorted(per_type.values(), key=lambda lead_time: lead_time.case_type)


def moments(selection: Selection) -> tuple[datetime, datetime]:
    """The period as local moments: from its first day's start to the day after its end."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(selection.start, time.min, tzinfo=zone),
        datetime.combine(selection.end + timedelta(days=1), time.min, tzinfo=zone),
    )


def satisfaction_by_month(selection: Selection) -> dict[date, Satisfaction]:
    start, end = moments(selection)
    answers = SatisfactionAnswer.objects.filter(answered_at__gte=start, answered_at__lt=end)
    if selection.department is not None:
        answers = answers.filter(case__department=selection.department)
    if selection.product is not None:
        answers = answers.filter(product=selection.product)
    found = {
        as_date(row["month"]): Satisfaction(row["answers"], row["scores"])
        for row in answers.annotate(month=TruncMonth("answered_at"))
        .values("month")
        .annotate(answers=Count("pk"), scores=Sum("score"))
        .order_by()
    }
    return {month: found.get(month, Satisfaction(0, 0)) for month in selection.months}


def contacts_by_channel_and_month(selection: Selection) -> dict[tuple[str, date], int]:
    start, end = moments(selection)
    return {
        (row["channel"], as_date(row["month"])): row["contacts"]
        for row in Contact.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .annotate(month=TruncMonth("occurred_at"))
        .values("channel", "month")
        .annotate(contacts=Count("pk"))
        .order_by()
    }


def contacts_by_channel(selection: Selection) -> dict[str, int]:
    start, end = moments(selection)
    return dict(
        Contact.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .values("channel")
        .annotate(contacts=Count("pk"))
        .values_list("channel", "contacts")
        .order_by()
    )


def savings_of(selection: Selection, now: dict[str, int]) -> tuple[list[Saving], list[str]]:
    """The savings per old channel with a cost, given the period's contacts per channel
    (``now``), and the channels still without a cost."""
    costs = dict(ChannelCost.objects.values_list("channel", "cost"))
    needed = [DIGITAL, *OLD_CHANNELS]
    missing = [channel for channel in needed if channel not in costs]
    if DIGITAL in missing:
        return [], missing
    before = contacts_by_channel(selection.a_year_earlier())
    savings = [
        Saving(channel, before.get(channel, 0), now.get(channel, 0), costs[channel], costs[DIGITAL])
        for channel in OLD_CHANNELS
        if channel in costs
    ]
    return savings, missing
