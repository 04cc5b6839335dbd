"""Filling in a status mail template: subject, text and HTML, in Django template syntax.

The templates are written in the admin, so they get an engine of their own: the standard tags
and filters only, no ``{% load %}``, ``{% include %}`` or ``{% extends %}`` of files. Values
are escaped in the HTML and left as they are in the subject and text. The HTML a template
gives is the content; it is put in a fixed, accessible layout with the municipality's name
(``notify/status_mail.html``).
"""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

# No directories and no app directories: a template cannot read any file.
ENGINE = Engine(dirs=[], app_dirs=False, libraries={}, autoescape=True)

# What every template may use; docs/notifications.md explains each one.
VARIABLES = (
    "case_number",
    "status",
    "explanation",
    "note",
    "track_url",
    "municipality",
    "expected_end",
    "legal_end",
    "case",
)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text_body: str
    html_body: str


def compile_template(source: str) -> Template:
    return Template(source, engine=ENGINE)


def syntax_problem(source: str) -> str | None:
    """The sentence that explains why a template cannot be used, or None when it can."""
    try:
        compile_template(source)
    except TemplateSyntaxError as error:
        return _(
            "This template cannot be read: %(error)s. Check that every tag between {%% and "
            "%%} is written correctly and closed, and every value between {{ and }}."
        ) % {"error": error_text(error)}
    return None


def error_text(error: Exception) -> str:
    """Django's message on one line, without an empty list of tag libraries at its end."""
    text = re.sub(r"\s*Must be one of:\s*$", "", str(error))
    return " ".join(text.split()).rstrip(".:") or type(error).__name__


def check_syntax(source: str) -> None:
    problem = syntax_problem(source)
    if problem:
        raise ValidationError(problem, code="template_syntax")


def fill_in(source: str, context: dict, *, html: bool) -> str:
    return compile_template(source).render(Context(context, autoescape=html))


def render_mail(
    *, subject: str, text_body: str, html_body: str, context: dict, language: str
) -> RenderedMail:
    """The three parts filled in with ``context`` in ``language`` (dates, month names)."""
    with override(language):
        # A subject is one line: a line break in it would break the mail's header.
        one_line = " ".join(fill_in(subject, context, html=False).split())[:255]
        text = fill_in(text_body, context, html=False).strip() + "\n"
        html = ""
        if html_body.strip():
            html = render_to_string(
                "notify/status_mail.html",
                {
                    "language": language,
                    "subject": one_line,
                    "municipality": context.get("municipality", ""),
                    "content": fill_in(html_body, context, html=True),
                },
            )
    return RenderedMail(subject=one_line, text_body=text, html_body=html)


def render_template(template, context: dict) -> RenderedMail:
    """A ``StatusMailTemplate`` filled in, in its own language."""
    return render_mail(
        subject=template.subject,
        text_body=template.text_body,
        html_body=template.html_body,
        context=context,
        language=template.language,
    )


def sample_context(language: str, status_description: str = "") -> dict:
    """Example values, for checking and previewing a template when there is no case."""
    with override(language):
        status = status_description or _("Completed")
        number = "ZAAK-2026-0000123"
        return {
            "case": {"identification": number, "description": _("Example case")},
            "case_number": number,
            "status": status,
            "explanation": _("This is where the explanation of the status for the citizen goes."),
            "note": _("This is where the case worker's note goes, if the citizen may read it."),
            "track_url": f"{settings.LOKET_BASE_URL}/volgen/voorbeeld/",
            "municipality": settings.LOKET_MUNICIPALITY_NAME,
            "expected_end": date(2026, 12, 15),
            "legal_end": date(2027, 1, 12),
        }
