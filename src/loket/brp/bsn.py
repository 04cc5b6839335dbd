"""Burgerservicenummers: validation (elfproef) and fictional numbers for test persons."""

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.nl import bsn

# Fictional persons get numbers starting with 9, in two ranges of 8-digit bodies so that
# generated numbers never repeat: volume data (``loket seed``) counts up from SEED_FIRST, the
# built-in register's households take REGISTER_FIRST and up, where RvIG's test persons live too.
SEED_FIRST = 900_000_00
REGISTER_FIRST = 999_900_00
LAST = 999_999_99


def is_valid_bsn(value: str) -> bool:
    return bsn.is_valid(value)


def check_digit(body: str) -> int | None:
    """The ninth digit that makes ``body`` (8 digits) pass the elfproef, if there is one."""
    # Elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 must be divisible by 11.
    remainder = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
    return remainder if remainder < 10 else None


def fictional_bsns(
    after: str | None = None, first: int = SEED_FIRST, last: int = REGISTER_FIRST - 1
) -> Iterator[str]:
    """Valid BSNs with bodies from ``first`` to ``last``, each after ``after`` when given."""
    body = max(first, int(after[:8]) + 1 if after else 0)
    while body <= last:
        digit = check_digit(f"{body:08d}")
        if digit is not None:
            yield f"{body:08d}{digit}"
        body += 1


def register_bsns() -> Iterator[str]:
    """The built-in register's numbers, always the same ones in the same order."""
    return fictional_bsns(first=REGISTER_FIRST, last=LAST)


def seed_range() -> tuple[str, str]:
    """The lowest and highest BSN that ``loket seed`` may hand out."""
    return f"{SEED_FIRST:08d}0", f"{REGISTER_FIRST - 1:08d}9"


def require_valid_bsn(value: str) -> None:
    """Refuse a BSN that fails the elfproef before any source is asked about it."""
    if not is_valid_bsn(value):
        raise ValidationError(
            _("%(bsn)s is not a valid citizen service number (BSN)."),
            code="invalid_bsn",
            params={"bsn": value},
        )
