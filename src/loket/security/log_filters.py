"""A logging filter that masks BSN-like numbers, as a last defence against a leak.

Loket does not log a citizen service number (BSN) on purpose;
tests/security/test_no_bsn_in_logs.py checks that. Should one still reach a log line, through
a third-party library or a message someone adds later, every run of exactly nine digits that
passes the elfproef is replaced by ``*********`` before a handler writes it. Other numbers
(case numbers, amounts, times) stay.
"""

import logging
import re

from stdnum.nl import bsn

NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
MASK = "*********"


def mask_bsn(text: str) -> str:
    return NINE_DIGITS.sub(
        lambda match: MASK if bsn.is_valid(match.group()) else match.group(), text
    )


class MaskBsnFilter(logging.Filter):
    """Mask BSN-like numbers; drop the template engine's DEBUG lines, which print the whole
    context of a page (a person's name, address, cases) when a variable is missing."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "django.template" and record.levelno < logging.INFO:
            return False
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = mask_bsn(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_bsn(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask_bsn(record.exc_text)
        return True


# gunicorn's access log line for ``loket serve``: its default logs the request line with the
# query string and the referrer, where a BSN filter of an API call (``?…inpBsn=…``) or a
# search would land. This one logs the path without query string, and no referrer.
ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s" %(L)s'
