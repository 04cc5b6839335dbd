"""The PDF of an extract from the BRP (uittreksel BRP), made with fpdf2; the QR code with segno.

The extract is a Dutch document whatever the language of the site: its labels are fixed Dutch
text, and on the international extract Dutch with English beside it. It holds what the BRP
source gives (``loket.brp.records.PersonRecord``); the source keeps no earlier addresses, so
the extract "with address history" shows the current address with the date it started and says
that earlier addresses are not in it.

The page content is not compressed: the file stays small (a few kilobytes) and its text can be
searched by any tool, the verify page's hash check included.
"""

from dataclasses import dataclass
from datetime import datetime

import segno

from loket.brp.records import PersonRecord
from loket.cases.pdf import UNKNOWN, MunicipalPdf, day, local_date, pdf_text

STANDARD = "standaard"
WITH_ADDRESS_HISTORY = "met_adreshistorie"
INTERNATIONAL = "internationaal"

KIND_TITLES = {
    STANDARD: "Uittreksel zonder adreshistorie",
    WITH_ADDRESS_HISTORY: "Uittreksel met adreshistorie",
    INTERNATIONAL: "Internationaal uittreksel / International extract",
}
GENDERS = {"M": ("man", "male"), "V": ("vrouw", "female"), "O": ("onbekend", "unknown")}

# The labels: Dutch, with the English the international extract adds.
LABELS = {
    "personal": ("Persoonsgegevens", "Personal details"),
    "surname": ("Geslachtsnaam", "Surname"),
    "given_names": ("Voornamen", "Given names"),
    "bsn": ("Burgerservicenummer", "Citizen service number"),
    "gender": ("Geslacht", "Sex"),
    "birth_date": ("Geboortedatum", "Date of birth"),
    "birth_place": ("Geboorteplaats", "Place of birth"),
    "birth_country": ("Geboorteland", "Country of birth"),
    "nationality": ("Nationaliteit", "Nationality"),
    "address": ("Adres", "Address"),
    "street": ("Straat en huisnummer", "Street and number"),
    "town": ("Postcode en woonplaats", "Postcode and town"),
    "municipality": ("Gemeente van inschrijving", "Municipality of registration"),
    "since": ("Woont op dit adres sinds", "Living at this address since"),
    "history": ("Adreshistorie", "Address history"),
    "partner": ("Partner", "Partner"),
    "children": ("Kinderen", "Children"),
    "issued": ("Datum van afgifte", "Date of issue"),
    "code": ("Controlecode", "Verification code"),
}
NO_HISTORY = (
    "Eerdere adressen staan niet in de registratie waaruit dit uittreksel is gemaakt. "
    "Alleen het huidige adres is opgenomen."
)


@dataclass(frozen=True)
class Extract:
    municipality: str
    kind: str
    person: PersonRecord
    issued_at: datetime
    code: str
    verify_url: str
    case_number: str

    @property
    def title(self) -> str:
        """The document's title: the kind of extract, never the person (the verify page
        shows the title to whoever has the code)."""
        return f"Uittreksel BRP - {KIND_TITLES[self.kind].split(' / ')[0].lower()}"


class ExtractPdf(MunicipalPdf):
    def __init__(self, extract: Extract):
        super().__init__(
            municipality=extract.municipality,
            subtitle="Uittreksel uit de Basisregistratie Personen (BRP)",
            title=extract.title,
            made_at=extract.issued_at,
        )
        self.extract = extract
        self.bilingual = extract.kind == INTERNATIONAL

    def label(self, key: str) -> str:
        dutch, english = LABELS[key]
        return f"{dutch} / {english}" if self.bilingual else dutch

    def footer(self):
        self.set_y(-22)
        self.set_font("Helvetica", "", 8)
        self.multi_cell(
            0,
            4,
            pdf_text(
                f"Dit uittreksel is automatisch gemaakt door {self.extract.municipality} "
                f"(zaak {self.extract.case_number}). Controleer de echtheid met de controlecode "
                f"op {self.extract.verify_url.split('?')[0]}"
            ),
        )

    def heading(self, text: str):
        self.ln(3)
        self.set_font("Helvetica", "B", 12)
        self.cell(0, 8, pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    def row(self, key: str, value):
        self.set_font("Helvetica", "", 10)
        self.cell(75 if self.bilingual else 60, 6, pdf_text(self.label(key)))
        self.set_font("Helvetica", "B", 10)
        self.multi_cell(0, 6, pdf_text(value or UNKNOWN), new_x="LMARGIN", new_y="NEXT")

    def qr_code(self, data: str, x: float, y: float, size: float):
        """The QR code as filled rectangles: sharp at every zoom, and no image to embed."""
        code = segno.make(data, error="m")
        rows = [list(row) for row in code.matrix_iter(scale=1, border=0)]
        module = size / len(rows)
        self.set_fill_color(0, 0, 0)
        for r, row in enumerate(rows):
            start = None
            for c, dark in enumerate([*row, False]):
                if dark and start is None:
                    start = c
                elif not dark and start is not None:
                    self.rect(x + start * module, y + r * module, (c - start) * module, module, "F")
                    start = None


def build_extract_pdf(extract: Extract) -> bytes:
    person = extract.person
    pdf = ExtractPdf(extract)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 9, pdf_text(KIND_TITLES[extract.kind]), new_x="LMARGIN", new_y="NEXT")
    pdf.row("issued", day(local_date(extract.issued_at)))

    pdf.heading(pdf.label("personal"))
    pdf.row("surname", " ".join(p for p in (person.surname_prefix, person.surname) if p))
    pdf.row("given_names", person.given_names)
    pdf.row("bsn", person.bsn)
    gender = GENDERS.get(person.gender)
    pdf.row("gender", (" / ".join(gender) if pdf.bilingual else gender[0]) if gender else "")
    pdf.row("birth_date", day(person.birth_date))
    pdf.row("birth_place", person.birth_place)
    pdf.row("birth_country", person.birth_country)
    pdf.row("nationality", ", ".join(person.nationalities))

    pdf.heading(pdf.label("address"))
    address = person.address
    if address is not None:
        pdf.row("street", f"{address.street} {address.full_number}")
        pdf.row("town", f"{address.postcode} {address.town}")
        pdf.row("municipality", address.municipality_name or extract.municipality)
    else:
        pdf.row("street", "")
    if extract.kind == WITH_ADDRESS_HISTORY:
        pdf.row("since", day(person.address_since))
        pdf.row("history", NO_HISTORY)

    if extract.kind == INTERNATIONAL:
        if person.partner is not None and person.partner.end_date is None:
            pdf.row("partner", person.partner.full_name)
        if person.children:
            pdf.row("children", ", ".join(child.full_name for child in person.children))

    top = pdf.get_y() + 8
    pdf.qr_code(extract.verify_url, 20, top, 32)
    pdf.set_xy(58, top + 4)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, pdf_text(pdf.label("code")), new_x="LEFT", new_y="NEXT")
    pdf.set_font("Courier", "B", 14)
    pdf.cell(0, 8, extract.code, new_x="LEFT", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(
        0,
        5,
        pdf_text(
            "Scan de QR-code of ga naar de controlepagina van de gemeente om te zien of dit "
            "uittreksel echt is."
        ),
    )
    return bytes(pdf.output())
