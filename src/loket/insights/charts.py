"""Charts as inline SVG drawn on the server: readable without JavaScript, every bar and point
with its value as text, and the same figures in the table next to the chart for screen
readers (the SVG carries a title and points to that table). Lines differ by dash pattern as
well as colour, and every colour has at least 3:1 contrast on white (WCAG 1.4.1, 1.4.11)."""

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from loket.insights.tables import MONTH, TEXT, Table, format_value

WIDTH = 720
INK = "#1a1a1a"
TARGET = "#b3261e"
SERIES = [("#1f4e8c", ""), ("#8a4b08", "6 4"), ("#2e6b30", "2 3")]
BAR_LABEL_WIDTH, BAR_AREA, BAR_ROW = 240, 360, 30
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_HEIGHT = 60, WIDTH - 30, 50, 200


def chart_of(table: Table, described_by: str) -> SafeString:
    """The table's chart; ``described_by`` is the id of the table with the same figures."""
    body = bars(table) if table.chart.kind == "bar" else lines(table)
    height = body_height(table)
    return mark_safe(  # noqa: S308 - every text in the SVG is escaped above
        f'<svg class="loket-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{described_by}-chart-title" aria-describedby="{described_by}" '
        f'font-family="inherit" font-size="13" fill="{INK}">'
        f'<title id="{described_by}-chart-title">{escape(table.title)}</title>{body}</svg>'
    )


def body_height(table: Table) -> int:
    if table.chart.kind == "bar":
        return 40 + BAR_ROW * max(len(table.rows), 1)
    return PLOT_TOP + PLOT_HEIGHT + 40


def value_index(table: Table) -> tuple[int, str]:
    index = next(i for i, column in enumerate(table.columns) if column.key == table.chart.value)
    return index, table.columns[index].kind


def bars(table: Table) -> str:
    chart = table.chart
    label, (index, kind) = table.column(TEXT), value_index(table)
    parts = []
    for row_number, row in enumerate(table.rows):
        y = 30 + row_number * BAR_ROW
        value = row[index]
        length = BAR_AREA * min(float(value or 0) / chart.maximum, 1)
        parts.append(
            f'<text x="{BAR_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape(shorten(str(row[label])))}</text>"
            f'<rect x="{BAR_LABEL_WIDTH}" y="{y + 2}" width="{length:.1f}" height="{BAR_ROW - 8}" '
            f'fill="{SERIES[0][0]}"/>'
            f'<text x="{BAR_LABEL_WIDTH + length + 6:.1f}" y="{y + 15}">'
            f"{escape(format_value(kind, value))}</text>"
        )
    if chart.target is not None:
        x = BAR_LABEL_WIDTH + BAR_AREA * chart.target / chart.maximum
        bottom = 30 + BAR_ROW * max(len(table.rows), 1)
        parts.append(target_line(x, 22, x, bottom, x, 16, chart.target_label, "middle"))
    return "".join(parts)


def target_line(x1, y1, x2, y2, text_x, text_y, label, anchor) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{TARGET}" '
        f'stroke-width="2" stroke-dasharray="8 4"/>'
        f'<text x="{text_x:.1f}" y="{text_y:.1f}" text-anchor="{anchor}" fill="{TARGET}">'
        f"{escape(label)}</text>"
    )


def shorten(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def lines(table: Table) -> str:
    chart = table.chart
    month_index, (index, kind) = table.column(MONTH), value_index(table)
    series_index = table.column(TEXT)
    months = sorted({row[month_index] for row in table.rows})
    if not months:
        return ""
    step = (PLOT_RIGHT - PLOT_LEFT) / max(len(months) - 1, 1)
    x_of = {month: PLOT_LEFT + number * step for number, month in enumerate(months)}

    def y_of(value) -> float:
        return PLOT_TOP + PLOT_HEIGHT * (1 - min(float(value) / chart.maximum, 1))

    parts = [axes(months, x_of, kind, chart.maximum)]
    names = (
        list(dict.fromkeys(row[series_index] for row in table.rows))
        if series_index is not None
        else [""]
    )
    for number, name in enumerate(names):
        colour, dashes = SERIES[number % len(SERIES)]
        points = [
            (x_of[row[month_index]], y_of(row[index]), row[index])
            for row in table.rows
            if (series_index is None or row[series_index] == name) and row[index] is not None
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5" '
            f'stroke-dasharray="{dashes}"/>'
        )
        for x, y, value in points:
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
                f'<text x="{x:.1f}" y="{y - 8 - 12 * number:.1f}" text-anchor="middle" '
                f'font-size="11">{escape(format_value(kind, value))}</text>'
            )
        if name:  # the legend: the line's pattern, then its name
            left = PLOT_LEFT + number * 160
            parts.append(
                f'<line x1="{left}" y1="14" x2="{left + 30}" y2="14" stroke="{colour}" '
                f'stroke-width="2.5" stroke-dasharray="{dashes}"/>'
                f'<text x="{left + 36}" y="18">{escape(name)}</text>'
            )
    if chart.target is not None:
        y = y_of(chart.target)
        parts.append(
            target_line(PLOT_LEFT, y, PLOT_RIGHT, y, PLOT_RIGHT, y - 6, chart.target_label, "end")
        )
    return "".join(parts)


def axes(months, x_of, kind, maximum) -> str:
    bottom = PLOT_TOP + PLOT_HEIGHT
    every = max(len(months) // 12, 1)
    parts = [
        f'<line x1="{PLOT_LEFT}" y1="{bottom}" x2="{PLOT_RIGHT}" y2="{bottom}" stroke="{INK}"/>',
        f'<text x="{PLOT_LEFT - 6}" y="{bottom + 4}" text-anchor="end" font-size="11">'
        f"{escape(format_value(kind, 0))}</text>",
        f'<text x="{PLOT_LEFT - 6}" y="{PLOT_TOP + 4}" text-anchor="end" font-size="11">'
        f"{escape(format_value(kind, maximum))}</text>",
        f'<line x1="{PLOT_LEFT}" y1="{PLOT_TOP}" x2="{PLOT_RIGHT}" y2="{PLOT_TOP}" '
        f'stroke="#767676" stroke-dasharray="1 3"/>',
    ]
    for number, month in enumerate(months):
        if number % every == 0:
            parts.append(
                f'<text x="{x_of[month]:.1f}" y="{bottom + 18}" text-anchor="middle" '
                f'font-size="11">'
                f"{escape(date_format(month, 'M Y'))}</text>"
            )
    return "".join(parts)
