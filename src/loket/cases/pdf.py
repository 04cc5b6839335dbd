"""What every PDF that Loket makes shares: an A4 page with the municipality's name on top,
text in the standard fonts, and no compression (small files whose text any tool can search).
"""

import unicodedata
from datetime import date, datetime

from django.utils import timezone
from fpdf import FPDF

UNKNOWN = "onbekend"


def pdf_text(value) -> str:
    """Text the PDF's standard fonts can show: Latin-1, other letters without their accents."""
    text = str(value)
    if all(ord(char) < 256 for char in text):
        return text
    plain = unicodedata.normalize("NFKD", text)
    return (
        "".join(c for c in plain if not unicodedata.combining(c))
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else UNKNOWN


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


class MunicipalPdf(FPDF):
    """A page with the municipality's name and ``subtitle`` as its header."""

    def __init__(self, *, municipality: str, subtitle: str, title: str, made_at: datetime):
        super().__init__(format="A4")
        self.municipality = municipality
        self.subtitle = subtitle
        self.set_compression(False)
        self.set_creation_date(made_at)
        self.set_title(pdf_text(title))
        self.set_author(pdf_text(municipality))
        self.set_creator("Loket")
        self.set_auto_page_break(auto=True, margin=30)
        self.set_margins(20, 20, 20)

    def header(self):
        self.set_font("Helvetica", "B", 18)
        self.cell(0, 10, pdf_text(self.municipality), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 11)
        self.cell(0, 6, pdf_text(self.subtitle), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(0, 0, 0)
        self.line(20, self.get_y() + 2, 190, self.get_y() + 2)
        self.ln(6)

    def paragraph(self, text: str, *, bold: bool = False, size: int = 11, height: float = 5.5):
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, height, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
