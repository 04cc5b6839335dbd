"""The tables as files: CSV (one row per number, so that every table fits one file), XLSX
(one sheet per table, as on the page) and JSON for the open data.

openpyxl is not a dependency of Loket, so the XLSX is written here with the standard
library: the smallest package of Office Open XML parts that Excel and LibreOffice open,
with inline strings and plain numbers.
"""

import csv
import io
import zipfile
from xml.sax.saxutils import escape as xml_escape

from loket.insights.selection import Selection
from loket.insights.tables import DIMENSIONS, EUROS, MONTH, TEXT, Table, plain_value

CSV_HEADER = ["figure", "group", "month", "measure", "value"]


def long_rows(table: Table):
    """(figure, group, month, measure, value) for every number of the table."""
    group, month = table.column(TEXT), table.column(MONTH)
    for row in table.rows:
        for column, value in zip(table.columns, row, strict=True):
            if column.kind not in DIMENSIONS:
                yield [
                    table.key,
                    row[group] if group is not None else "",
                    plain_value(MONTH, row[month]) if month is not None else "",
                    column.key,
                    "" if value is None else plain_value(column.kind, value),
                ]


def as_csv(tables: list[Table]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for table in tables:
        writer.writerows(long_rows(table))
    return out.getvalue()


def as_json(tables: list[Table], selection: Selection) -> dict:
    return {
        "period": {"start": selection.start.isoformat(), "end": selection.end.isoformat()},
        "department": selection.department.code if selection.department else None,
        "product": selection.product.slug if selection.product else None,
        "figures": {
            table.key: {
                "title": table.title,
                "note": table.note,
                "rows": [
                    {
                        column.key: plain_value(column.kind, value)
                        for column, value in zip(table.columns, row, strict=True)
                    }
                    for row in table.rows
                ],
            }
            for table in tables
        },
    }


# --- XLSX ------------------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs>'
    "</styleSheet>"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FORBIDDEN_IN_SHEET_NAMES = str.maketrans({char: " " for char in "[]:*?/\\"})


def cell(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"<c><v>{value}</v></c>"
    text = "" if value is None else str(value)
    return f'<c t="inlineStr"><is><t xml:space="preserve">{xml_escape(text)}</t></is></c>'


def xlsx_value(kind: str, value):
    # Amounts as numbers, so that a spreadsheet can add them up.
    return float(value) if kind == EUROS and value is not None else plain_value(kind, value)


def sheet(table: Table) -> str:
    rows = [[column.label for column in table.columns]]
    rows += [
        [xlsx_value(column.kind, value) for column, value in zip(table.columns, row, strict=True)]
        for row in table.rows
    ]
    body = "".join(f"<row>{''.join(cell(value) for value in row)}</row>" for row in rows)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}">'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def sheet_name(table: Table, number: int) -> str:
    # Excel allows 31 characters, unique per workbook; the number keeps them unique.
    return f"{number} {table.title.translate(FORBIDDEN_IN_SHEET_NAMES)}"[:31]


def as_xlsx(tables: list[Table]) -> bytes:
    numbers = range(1, len(tables) + 1)
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
        + "".join(
            f'<sheet name="{xml_escape(sheet_name(table, n))}" sheetId="{n}" r:id="rId{n}"/>'
            for n, table in zip(numbers, tables, strict=True)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" '
            f'Target="worksheets/sheet{n}.xml"/>'
            for n in numbers
        )
        + f'<Relationship Id="rId{len(tables) + 1}" Type="{RELATIONSHIPS}/styles" '
        'Target="styles.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=n) for n in numbers)),
        )
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", workbook)
        package.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        package.writestr("xl/styles.xml", STYLES)
        for n, table in zip(numbers, tables, strict=True):
            package.writestr(f"xl/worksheets/sheet{n}.xml", sheet(table))
    return out.getvalue()
