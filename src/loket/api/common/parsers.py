"""JSON bodies without NUL characters.

No text of the standards may hold a NUL (U+0000), and PostgreSQL cannot store one: without
this check such a value would reach the database and fail there as a server error instead of
a 400 for the client.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers

NUL = "\x00"


def holds_nul(data) -> bool:
    """Whether any text in ``data``, a key or a value at any depth, has a NUL character."""
    if isinstance(data, str):
        return NUL in data
    if isinstance(data, dict):
        return any(holds_nul(key) or holds_nul(value) for key, value in data.items())
    if isinstance(data, list):
        return any(holds_nul(item) for item in data)
    return False


def refuse_nul(data) -> None:
    if holds_nul(data):
        raise exceptions.ParseError(_("Null characters are not allowed."), code="null-characters")


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refuse_nul(data)
        return data
