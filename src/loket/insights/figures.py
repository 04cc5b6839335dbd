"""The figures of the dashboard, read from the monthly counters of ``models`` (kept in step
with the cases, submissions, answers and contacts by ``counting.py``).

Each figure is one small grouped query over those counters, whatever the number of cases:
a few rows per month, department, case type and form. Python folds the groups (case type
versions, the product of a form or case type), so a change in the catalogue (a case type's
products, a new version's description) shows at once without counting again.

- Channel shift: a case counts as *fully digital* when the person filled in the online form
  themselves (``Draft.channel == "web"``). An assisted intake (phone, counter, home visit) and
  a case without a form (the KCC, a partner's API call) count as not digital. Cases count in
  the month they were registered.
- Lead time: the closed cases of the period (by closing day), per case type (all versions
  together): the average days from registration to closing, the legal lead time as the clock
  set it (``legal_end``, suspensions and extensions included), and the share closed on time.
- Satisfaction: the answers of the period, per month.
- Contacts: every contact of the period per channel and month, and first-contact resolution
  (of the contacts with an outcome, those solved in that contact). Contacts are not filtered
  by department or product.
- Savings: per old channel, the contacts fewer than in the same months a year earlier
  (*shifted*), times that channel's cost minus the cost of the digital channel.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Min, Sum

from loket.catalog.models import CaseType, Product
from loket.contacts.models import Channel as ContactChannel
from loket.contacts.selectors import Resolution
from loket.forms.models import FormDefinition
from loket.identity.permissions import StaffPermission, has_permission, require
from loket.insights.models import (
    DIGITAL,
    ChannelCost,
    ClosingCount,
    ContactCount,
    RequestCount,
    SatisfactionCount,
)
from loket.insights.selection import Selection

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
    """Every figure of the selection. First-contact resolution only with a ``user`` whose role
    may read it (as ``contacts.selectors.first_contact_resolution``), so the public open data
    goes without it."""
    contacts = contacts_by_channel_and_month(selection)
    now = defaultdict(int)
    for (channel, _), count in contacts.items():
        now[channel] += count
    savings, missing = savings_of(now, contacts_by_channel(selection.a_year_earlier()))
    return Figures(
        selection=selection,
        digital=digital_share(selection),
        lead_times=lead_times(selection),
        satisfaction=satisfaction_by_month(selection),
        contacts=contacts,
        savings=savings,
        first_contact=first_contact(selection, user) if user is not None else None,
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


def counted(model, selection: Selection):
    """The counter rows of the selection's months (and department, for the counters that
    have one)."""
    rows = model.objects.filter(month__range=(selection.start, selection.end))
    if selection.department is not None:
        rows = rows.filter(department_id=selection.department.pk)
    return rows


def with_product(rows):
    """The counter rows grouped by case type and form, each with ``product_id``: the form's
    product, else the case type's first."""
    rows = list(rows)
    forms = dict(
        FormDefinition.objects.filter(pk__in={row["definition_id"] for row in rows})
        .values_list("pk", "product_id")
        .order_by()
    )
    fallback = first_products(row["case_type_id"] for row in rows)
    for row in rows:
        row["product_id"] = forms.get(row["definition_id"]) or fallback.get(row["case_type_id"])
    return rows


def digital_share(selection: Selection) -> DigitalShare:
    rows = with_product(
        counted(RequestCount, selection)
        .values("month", "case_type_id", "definition_id")
        .annotate(total=Sum("requests"), digital=Sum("digital"))
        .filter(total__gt=0)
        .order_by()
    )
    products = Product.objects.in_bulk({row["product_id"] for row in rows} - {None})
    shares = defaultdict(lambda: NO_SHARE)
    for row in rows:
        product = products.get(row["product_id"])
        if selection.product is None or product == selection.product:
            shares[(product, row["month"])] += Share(row["digital"], row["total"])
    return DigitalShare(dict(shares))


def lead_times(selection: Selection) -> list[LeadTime]:
    rows = with_product(
        counted(ClosingCount, selection)
        .values("case_type_id", "definition_id")
        .annotate(
            closed_sum=Sum("closed"),
            total=Sum("closed_days"),
            with_legal_end_sum=Sum("with_legal_end"),
            norm=Sum("legal_days"),
            on_time_sum=Sum("on_time"),
        )
        .filter(closed_sum__gt=0)
        .order_by()
    )
    if selection.product is not None:
        rows = [row for row in rows if row["product_id"] == selection.product.pk]
    versions = CaseType.objects.in_bulk({row["case_type_id"] for row in rows})
    newest = {}  # identification -> the newest version's description
    for case_type in sorted(versions.values(), key=lambda version: version.valid_from):
        newest[case_type.identification] = case_type.description
    per_type: dict[str, LeadTime] = {}
    for row in rows:
        identification = versions[row["case_type_id"]].identification
        found = per_type.setdefault(identification, LeadTime(newest[identification], 0, 0, 0, 0, 0))
        found.closed += row["closed_sum"]
        found.total_days += row["total"]
        found.norm_days += row["norm"]
        found.with_legal_end += row["with_legal_end_sum"]
        found.on_time += row["on_time_sum"]
    return sorted(per_type.values(), key=lambda lead_time: lead_time.case_type)


def satisfaction_by_month(selection: Selection) -> dict[date, Satisfaction]:
    answers = counted(SatisfactionCount, selection)
    if selection.product is not None:
        answers = answers.filter(product_id=selection.product.pk)
    found = {
        row["month"]: Satisfaction(row["answers_sum"], row["scores"])
        for row in answers.values("month")
        .annotate(answers_sum=Sum("answers"), scores=Sum("score_total"))
        .order_by()
    }
    return {month: found.get(month, Satisfaction(0, 0)) for month in selection.months}


def contact_counts(selection: Selection):
    """Contacts are counted for every department and product."""
    return ContactCount.objects.filter(month__range=(selection.start, selection.end))


def contacts_by_channel_and_month(selection: Selection) -> dict[tuple[str, date], int]:
    return {
        (channel, month): contacts
        for channel, month, contacts in contact_counts(selection)
        .filter(contacts__gt=0)
        .values_list("channel", "month", "contacts")
    }


def contacts_by_channel(selection: Selection) -> dict[str, int]:
    return dict(
        contact_counts(selection)
        .values("channel")
        .annotate(total=Sum("contacts"))
        .values_list("channel", "total")
        .order_by()
    )


def first_contact(selection: Selection, user) -> list[Resolution]:
    """First-contact resolution per channel over the selection's months, as
    ``contacts.selectors.first_contact_resolution`` counts it, read from the counters; the
    same check of the reader's role."""
    if not has_permission(user, StaffPermission.VIEW_INSIGHTS):
        require(user, StaffPermission.VIEW_CONTACTS)
    counts = {
        channel: (solved, total)
        for channel, solved, total in contact_counts(selection)
        .values("channel")
        .annotate(solved=Sum("solved"), total=Sum("with_outcome"))
        .values_list("channel", "solved", "total")
        .order_by()
    }
    return [Resolution(channel, *counts.get(channel, (0, 0))) for channel in ContactChannel]


def savings_of(now: dict[str, int], before: dict[str, int]) -> tuple[list[Saving], list[str]]:
    """The savings per old channel with a cost, given the contacts per channel of the period
    (``now``) and of a year earlier (``before``), and the channels still without a cost."""
    costs = dict(ChannelCost.objects.values_list("channel", "cost"))
    needed = [DIGITAL, *OLD_CHANNELS]
    missing = [channel for channel in needed if channel not in costs]
    if DIGITAL in missing:
        return [], missing
    savings = [
        Saving(channel, before.get(channel, 0), now.get(channel, 0), costs[channel], costs[DIGITAL])
        for channel in OLD_CHANNELS
        if channel in costs
    ]
    return savings, missing
