"""The URLs of the resources the Zaken API shows and accepts, by kind.

Each kind has a fixed path under Loket's root, as the standards fix them (``/zaken/api/v1/``,
``/catalogi/api/v1/``, ``/documenten/api/v1/`` ...), so links to the other APIs work whatever
state their adapters are in. A URL is Loket's own when its host is the request's or that of
``LOKET_BASE_URL``; it then names an object by the uuid at the end of its path, looked up in the
database without an HTTP call to itself.
"""

import re
import uuid
from urllib.parse import urlparse

from django.conf import settings

ZAKEN = "/zaken/api/v1/"
PATHS = {
    "zaak": f"{ZAKEN}zaken/",
    "status": f"{ZAKEN}statussen/",
    "resultaat": f"{ZAKEN}resultaten/",
    "rol": f"{ZAKEN}rollen/",
    "zaakobject": f"{ZAKEN}zaakobjecten/",
    "zaakinformatieobject": f"{ZAKEN}zaakinformatieobjecten/",
    "klantcontact": f"{ZAKEN}klantcontacten/",
    "zaakcontactmoment": f"{ZAKEN}zaakcontactmomenten/",
    "zaakverzoek": f"{ZAKEN}zaakverzoeken/",
    "zaaktype": "/catalogi/api/v1/zaaktypen/",
    "statustype": "/catalogi/api/v1/statustypen/",
    "resultaattype": "/catalogi/api/v1/resultaattypen/",
    "roltype": "/catalogi/api/v1/roltypen/",
    "eigenschap": "/catalogi/api/v1/eigenschappen/",
    "zaakobjecttype": "/catalogi/api/v1/zaakobjecttypen/",
    "informatieobject": "/documenten/api/v1/enkelvoudiginformatieobjecten/",
    "besluit": "/besluiten/api/v1/besluiten/",
}
# Resources that live under their case: /zaken/{zaak_uuid}/<segment>/{uuid}
NESTED = {"zaakeigenschap": "zaakeigenschappen", "zaakbesluit": "besluiten"}

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
PATTERNS = {kind: re.compile(f"^{re.escape(path)}({UUID})/?$") for kind, path in PATHS.items()}


def root(request) -> str:
    """Scheme and host of this request, once per request."""
    value = getattr(request, "_loket_root", None)
    if value is None:
        value = request.build_absolute_uri("/").rstrip("/")
        request._loket_root = value
    return value


def url_of(request, kind: str, object_uuid) -> str:
    return f"{root(request)}{PATHS[kind]}{object_uuid}"


def nested_url_of(request, kind: str, case_uuid, object_uuid) -> str:
    return f"{root(request)}{PATHS['zaak']}{case_uuid}/{NESTED[kind]}/{object_uuid}"


def is_own(request, url: str) -> bool:
    host = urlparse(url).netloc
    return host in (request.get_host(), urlparse(settings.LOKET_BASE_URL).netloc)


def uuid_in(url: str, kind: str) -> uuid.UUID | None:
    """The uuid when ``url``'s path is that of a ``kind`` resource, whatever its host."""
    match = PATTERNS[kind].match(urlparse(str(url)).path)
    return uuid.UUID(match.group(1)) if match else None
