"""JSON that carries a document's content in base64, as large as the document limit allows.

Django refuses a request body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB) when it is read as
``request.body``; a document of Loket may be ``LOKET_DOCUMENT_MAX_BYTES``, a third larger in
base64. This parser reads the stream itself, up to that size plus room for the metadata, and
refuses a larger body as the too-large document it is.
"""

import json
import math

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.parsers import BaseParser

METADATA_BYTES = 1024 * 1024


def body_limit() -> int:
    return math.ceil(settings.LOKET_DOCUMENT_MAX_BYTES / 3) * 4 + METADATA_BYTES


class DocumentJsonParser(BaseParser):
    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = body_limit()
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise serializers.ValidationError(
                {
                    "inhoud": _("The file is larger than %(mb)s MB.")
                    % {"mb": settings.LOKET_DOCUMENT_MAX_BYTES // (1024 * 1024)}
                },
                code="file-too-large",
            )
        try:
            return json.loads(body)
        except ValueError as error:
            raise exceptions.ParseError(_("The body is not valid JSON: %s") % error) from None
