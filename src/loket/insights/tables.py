"""The figures as tables: one shape for the page's tables, the charts, the exports and the
open data, so that each shows the same numbers.

A table has at most one text column (product, channel, case type) and one month column; the
other columns are numbers. A table with a ``chart`` is drawn by ``charts.py`` as well.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from loket.contacts.models import Channel as ContactChannel
from loket.insights.figures import (
    DIGITAL_TARGET,
    FIRST_CONTACT_NORM,
    OLD_CHANNELS,
    Figures,
    Share,
    product_name,
)
from loket.insights.models import ChannelCost

TEXT, MONTH, COUNT, SHARE, DAYS, SCORE, EUROS = (
    "text",
    "month",
    "count",
    "share",
    "days",
    "score",
    "euros",
)
DIMENSIONS = {TEXT, MONTH}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar": one bar per row; "line": one line per text value, months along
    value: str  # the key of the column drawn
    maximum: float
    target: float | None = None
    target_label: str = ""


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    chart: Chart | None = None
    note: str = ""

    def column(self, kind: str) -> int | None:
        return next((i for i, column in enumerate(self.columns) if column.kind == kind), None)


def format_value(kind: str, value) -> str:
    """A cell as people read it, in the active language."""
    if value is None:
        return "-"
    if kind == MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    if kind == SHARE:
        # number_format cuts off the digits beyond the last one shown; round them first.
        return f"{number_format(round(value * 100, 1), 1)} %"
    if kind in (DAYS, SCORE):
        return number_format(round(value, 1), 1)
    if kind == EUROS:
        return f"€ {number_format(value, 2, force_grouping=True)}"
    if kind == COUNT:
        return number_format(value, force_grouping=True)
    return str(value)


def plain_value(kind: str, value):
    """A cell for machines: months as ``YYYY-MM``, shares as fractions, amounts as text."""
    if value is None:
        return None
    if kind == MONTH:
        return value.strftime("%Y-%m")
    if kind in (SHARE, DAYS, SCORE):
        return round(value, 4)
    if kind == EUROS:
        return str(value)
    return value


def percent(share: float) -> str:
    return f"{number_format(round(share * 100), 0)} %"


def share_columns() -> list[Column]:
    return [
        Column("digital", _("Fully digital"), COUNT),
        Column("requests", _("All requests"), COUNT),
        Column("share", _("Share fully digital"), SHARE),
    ]


def share_cells(share: Share) -> list:
    return [share.part, share.whole, share.rate]


def digital_tables(figures: Figures) -> list[Table]:
    digital = figures.digital
    target = Chart(
        "bar",
        "share",
        1,
        DIGITAL_TARGET,
        _("Target %(share)s") % {"share": percent(DIGITAL_TARGET)},
    )
    month = Column("month", _("Month"), MONTH)
    product = Column("product", _("Product"), TEXT)
    no_product = _("(no product)")
    return [
        Table(
            "digital_by_month",
            _("Requests fully digital per month"),
            [month, *share_columns()],
            [
                [day, *share_cells(share)]
                for day, share in digital.by_month(figures.selection.months).items()
            ],
            Chart("line", "share", 1, target.target, target.target_label),
        ),
        Table(
            "digital_by_product",
            _("Requests fully digital per product"),
            [product, *share_columns()],
            [
                [product_name(item) or no_product, *share_cells(share)]
                for item, share in digital.by_product().items()
            ],
            target,
        ),
        Table(
            "digital_by_product_and_month",
            _("Requests fully digital per product and month"),
            [product, month, *share_columns()],
            [
                [product_name(item) or no_product, day, *share_cells(share)]
                for (item, day), share in sorted(
                    digital.by_product_month.items(),
                    key=lambda entry: (product_name(entry[0][0]), entry[0][1]),
                )
            ],
        ),
    ]


def first_contact_table(figures: Figures) -> Table:
    return Table(
        "first_contact",
        _("Solved in the first contact, per channel"),
        [
            Column("channel", _("Channel"), TEXT),
            Column("solved", _("Solved in the first contact"), COUNT),
            Column("contacts", _("Contacts with an outcome"), COUNT),
            Column("share", _("Share solved"), SHARE),
        ],
        [
            [str(resolution.channel.label), resolution.solved, resolution.total, resolution.rate]
            for resolution in figures.first_contact
        ],
        Chart(
            "bar",
            "share",
            1,
            FIRST_CONTACT_NORM,
            _("Norm %(share)s") % {"share": percent(FIRST_CONTACT_NORM)},
        ),
        _("Contacts of every department and product."),
    )


def lead_time_table(figures: Figures) -> Table:
    return Table(
        "lead_times",
        _("Lead time of closed cases per case type"),
        [
            Column("case_type", _("Case type"), TEXT),
            Column("closed", _("Closed cases"), COUNT),
            Column("average_days", _("Average lead time in days"), DAYS),
            Column("norm_days", _("Legal lead time in days (average)"), DAYS),
            Column("on_time", _("Closed on time"), COUNT),
            Column("on_time_share", _("Share on time"), SHARE),
        ],
        [
            [
                lead_time.case_type,
                lead_time.closed,
                lead_time.average_days,
                lead_time.average_norm_days,
                lead_time.on_time,
                lead_time.on_time_share.rate,
            ]
            for lead_time in figures.lead_times
        ],
        Chart("bar", "on_time_share", 1),
        _("On time: closed on or before the legal end date, suspensions and extensions included."),
    )


def satisfaction_table(figures: Figures) -> Table:
    return Table(
        "satisfaction",
        _("Satisfaction per month"),
        [
            Column("month", _("Month"), MONTH),
            Column("answers", _("Answers"), COUNT),
            Column("average_score", _("Average score (1 to 5)"), SCORE),
        ],
        [[day, found.answers, found.average] for day, found in figures.satisfaction.items()],
        Chart("line", "average_score", 5),
    )


def contacts_table(figures: Figures) -> Table:
    channels = [
        channel
        for channel in ContactChannel
        if channel in OLD_CHANNELS or any(key[0] == channel for key in figures.contacts)
    ]
    rows = [
        [str(channel.label), day, figures.contacts.get((channel.value, day), 0)]
        for channel in channels
        for day in figures.selection.months
    ]
    largest = max((row[2] for row in rows), default=0)
    return Table(
        "contacts",
        _("Contacts per channel and month"),
        [
            Column("channel", _("Channel"), TEXT),
            Column("month", _("Month"), MONTH),
            Column("contacts", _("Contacts"), COUNT),
        ],
        rows,
        Chart("line", "contacts", max(largest, 1)),
        _("Contacts of every department and product."),
    )


def savings_table(figures: Figures) -> Table:
    names = dict(ChannelCost.CHANNELS)
    rows = [
        [
            str(names[saving.channel]),
            saving.contacts_before,
            saving.contacts_now,
            saving.shifted,
            saving.cost,
            saving.digital_cost,
            saving.amount,
        ]
        for saving in figures.savings
    ]
    note = _(
        "Shifted: contacts fewer than in the same months a year earlier. Saving: shifted "
        "contacts times (the channel's cost minus the cost of the digital channel)."
    )
    if figures.missing_costs:
        note += " " + _(
            "No cost set yet for: %(channels)s. Set it in the admin, Channel costs."
        ) % {"channels": ", ".join(str(names[channel]) for channel in figures.missing_costs)}
    largest = max((row[6] for row in rows), default=Decimal(0))
    return Table(
        "savings",
        _("Savings from the channel shift: %(total)s")
        % {"total": format_value(EUROS, figures.total_saving)},
        [
            Column("channel", _("Channel"), TEXT),
            Column("contacts_year_earlier", _("Contacts a year earlier"), COUNT),
            Column("contacts", _("Contacts"), COUNT),
            Column("shifted", _("Shifted contacts"), COUNT),
            Column("cost", _("Cost per contact"), EUROS),
            Column("digital_cost", _("Cost per digital request"), EUROS),
            Column("saving", _("Saving"), EUROS),
        ],
        rows,
        Chart("bar", "saving", float(max(largest, 1))),
        note,
    )


def tables_of(figures: Figures) -> list[Table]:
    """Every figure as a table, in the order of the dashboard."""
    tables = digital_tables(figures)
    if figures.first_contact is not None:
        tables.append(first_contact_table(figures))
    return [
        *tables,
        lead_time_table(figures),
        satisfaction_table(figures),
        contacts_table(figures),
        savings_table(figures),
    ]
