"""The zaken and besluiten that objectinformatieobjecten point to.

Loket serves the Zaken and Besluiten APIs itself, at the standard's paths, so the URL of a zaak
or besluit is built from that path and read back from it without asking another system.
"""

import uuid
from urllib.parse import urlparse

PATHS = {"zaak": "/zaken/api/v1/zaken/", "besluit": "/besluiten/api/v1/besluiten/"}


def object_url(request, object_type: str, object_uuid) -> str:
    return request.build_absolute_uri(f"{PATHS[object_type]}{object_uuid}")


def object_uuid_in(url: str, object_type: str) -> uuid.UUID | None:
    """The uuid in the URL of one of Loket's zaken or besluiten, else None."""
    path = urlparse(str(url)).path
    prefix = PATHS[object_type]
    if not path.startswith(prefix):
        return None
    try:
        return uuid.UUID(path.removeprefix(prefix))
    except ValueError:
        return None
