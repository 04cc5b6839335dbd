"""Burgerservicenummers: validation (elfproef) and fictional numbers for test persons."""

from collections.abc import Iterator

from stdnum.nl import bsn

# Fictional persons get numbers starting with 9, in order, so that generated numbers never
# repeat and stay apart from the built-in register's hand-made persons.
FICTIONAL_FIRST = 900_000_00


def is_valid_bsn(value: str) -> bool:
    return bsn.is_valid(value)


def check_digit(body: str) -> int | None:
    """The ninth digit that makes ``body`` (8 digits) pass the elfproef, if there is one."""
    # Elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 must be divisible by 11.
    remainder = sum(int(d) * w for d, w in zip(body, range(9, 1, -1), strict=True)) % 11
    return remainder if remainder < 10 else None


def fictional_bsns(after: str | None = None) -> Iterator[str]:
    """Valid BSNs from 90000000x upwards, each after ``after`` when given."""
    body = max(FICTIONAL_FIRST, int(after[:8]) + 1 if after else 0)
    while body <= 99_999_999:
        digit = check_digit(f"{body:08d}")
        if digit is not None:
            yield f"{body:08d}{digit}"
        body += 1
