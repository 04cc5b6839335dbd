"""The letter of a decision (besluit) as a PDF: the municipality's letterhead, the addressee,
date, case number and subject, then the text from the template ``cases/letters/decision.txt``
(the case worker's text, the granted amount, the objection clause from the decision type's
objection term), signed on behalf of the college.

The letter is Dutch, the language of the municipality's legal documents, whatever the
language of the site.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.template.loader import render_to_string

from loket.cases.clock import add_term
from loket.cases.models import Case, Decision
from loket.cases.pdf import MunicipalPdf, day, local_date
from loket.catalog.terms import ISO_DATE_DURATION

TERM_UNITS = (("jaar", "jaar"), ("maand", "maanden"), ("week", "weken"), ("dag", "dagen"))


def term_in_words(term: str) -> str:
    """``P6W`` as "6 weken"; empty for no term."""
    match = ISO_DATE_DURATION.match(term or "")
    if not match:
        return ""
    parts = [
        f"{amount} {singular if int(amount) == 1 else plural}"
        for amount, (singular, plural) in zip(match.groups(), TERM_UNITS, strict=True)
        if amount
    ]
    return " en ".join(parts)


def euros(amount: Decimal) -> str:
    """An amount the Dutch way: EUR 1.250,00."""
    whole, cents = f"{amount:,.2f}".split(".")
    return f"EUR {whole.replace(',', '.')},{cents}"


@dataclass(frozen=True)
class DecisionLetter:
    municipality: str
    case: Case
    decision: Decision
    addressee: str
    address_lines: tuple[str, ...]
    text: str
    signed_by: str
    made_at: datetime
    amount: Decimal | None = None
    iban: str = ""
    account_holder: str = ""

    @property
    def title(self) -> str:
        return f"Besluit {self.decision.identification}"

    @property
    def subject(self) -> str:
        return f"Besluit op uw aanvraag: {self.case.case_type.description}"

    def body(self) -> str:
        term = self.decision.decision_type.reaction_term
        letter_date: date = local_date(self.made_at)
        return render_to_string(
            "cases/letters/decision.txt",
            {
                "addressee": self.addressee,
                "text": self.text.strip(),
                "amount": euros(self.amount) if self.amount else "",
                "iban": self.iban,
                "account_holder": self.account_holder,
                "decision": self.decision,
                "starts": day(self.decision.start_date),
                "objection_term": term_in_words(term),
                "objection_until": day(add_term(letter_date, term)) if term else "",
                "case": self.case,
                "signed_by": self.signed_by,
                "municipality": self.municipality,
            },
        )


def build_decision_letter(letter: DecisionLetter) -> bytes:
    pdf = MunicipalPdf(
        municipality=letter.municipality,
        subtitle="Besluit",
        title=letter.title,
        made_at=letter.made_at,
    )
    pdf.add_page()
    pdf.paragraph(letter.addressee)
    for line in letter.address_lines:
        pdf.paragraph(line)
    pdf.ln(8)
    for label, value in (
        ("Datum", day(local_date(letter.made_at))),
        ("Zaaknummer", letter.case.identification),
        ("Besluitnummer", letter.decision.identification),
        ("Onderwerp", letter.subject),
    ):
        pdf.set_font("Helvetica", "", 10)
        pdf.cell(35, 6, label)
        pdf.paragraph(value, bold=True, size=10, height=6)
    pdf.ln(6)
    for block in letter.body().split("\n\n"):
        pdf.paragraph(block.strip())
        pdf.ln(3)
    return bytes(pdf.output())
