"""The dashboard's figures computed from scratch, straight from the cases, submissions,
answers and contacts: the queries ``loket.insights.figures`` ran before it read the counters.
The tests hold the counters' figures against these, for every filter."""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from loket.cases.models import Case
from loket.catalog.models import CaseType, Product
from loket.contacts.models import Contact
from loket.contacts.selectors import first_contact_resolution
from loket.forms.models import Channel as FormChannel
from loket.insights.figures import (
    NO_SHARE,
    DigitalShare,
    Figures,
    LeadTime,
    Satisfaction,
    Share,
    first_products,
    savings_of,
)
from loket.insights.selection import Selection
from loket.portal.models import SatisfactionAnswer


def collect_from_scratch(selection: Selection, user=None) -> Figures:
    """Every figure of the selection. First-contact resolution only with a ``user`` (its
    selector checks the role), so the public open data goes without it."""
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
        first_contact=first_contact_resolution(user, start=selection.start, end=selection.end)
        if user is not None
        else None,
        missing_costs=missing,
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
