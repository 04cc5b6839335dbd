"""Resolving the Referentielijsten URLs that case types and result types point to.

A case type's ``selectielijstProcestype``, a result type's ``selectielijstklasse`` and its
``resultaattypeomschrijving`` must each name a real resource of the right kind, and the result
must belong to the case type's procestype (Catalogi API rules ztc-001 and ztc-002); a case's
``communicatiekanaal`` must name a channel (zrc-010), and the Zaken API's links to other
registries must name a resource of their kind (:func:`remote_resource`). URLs of
Loket's own Referentielijsten API are answered from memory, without a request to itself; any
other (VNG's or Open Zaak's public instance) is fetched and kept for ten minutes, as the lists
change once in years and validating a catalogue should not wait on the network for every field.
"""

import time
from dataclasses import dataclass

import requests
from django.utils.translation import gettext as _

from loket.api.referentielijsten import store

TIMEOUT_SECONDS = 10
CACHE_SECONDS = 600


class UnresolvableReference(ValueError):
    """A reference URL that names no resource of the expected kind, or that cannot be read."""


@dataclass(frozen=True)
class Kind:
    resource: str  # its path segment in the Referentielijsten API
    required: frozenset[str]
    # Keys only other kinds have: a resultaat has url, nummer and naam too, so those alone
    # cannot tell it from a procestype.
    foreign: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return store.RESOURCES[self.resource]


PROCESTYPE = Kind("procestypen", frozenset({"url", "nummer", "naam"}), frozenset({"procesType"}))
RESULTAAT = Kind("resultaten", frozenset({"url", "procesType", "nummer", "waardering"}))
RESULTAATTYPEOMSCHRIJVING = Kind(
    "resultaattypeomschrijvingen", frozenset({"url", "omschrijving"}), frozenset({"nummer"})
)
COMMUNICATIEKANAAL = Kind(
    "communicatiekanalen", frozenset({"url", "naam", "omschrijving"}), frozenset({"nummer"})
)

# Remote answers of this process: url -> (expiry on the monotonic clock, JSON object).
_remote_answers: dict[str, tuple[float, dict]] = {}


def procestype(url: str) -> dict:
    return _resolve(url, PROCESTYPE)


def resultaat(url: str) -> dict:
    return _resolve(url, RESULTAAT)


def resultaattypeomschrijving(url: str) -> dict:
    return _resolve(url, RESULTAATTYPEOMSCHRIJVING)


def communicatiekanaal(url: str) -> dict:
    """A case's channel (Zaken API rule zrc-010)."""
    return _resolve(url, COMMUNICATIEKANAAL)


def communicatiekanaal_url(name: str) -> str:
    """The URL of the channel called ``name`` (e.g. "Telefoon") in the Referentielijsten."""
    for channel in store.items("communicatiekanalen"):
        if channel["naam"] == name:
            return channel["url"]
    raise UnresolvableReference(f"The Referentielijsten have no communicatiekanaal {name!r}.")


def remote_resource(url: str, *, name: str, required: frozenset[str]) -> dict:
    """A resource of another registry (a contactmoment, a verzoek, another Zaken API's zaak),
    fetched like the lists and checked to carry the keys of its kind; ``name`` says the kind
    in messages."""
    data = _fetch(url)
    if missing := sorted(required - data.keys()):
        raise UnresolvableReference(
            _("%(url)s is not a %(kind)s: its answer has no %(fields)s.")
            % {"url": url, "kind": name, "fields": ", ".join(missing)}
        )
    return dict(data)


def check_result_fits_process(resultaat_url: str, procestype_url: str) -> None:
    """Rule ztc-002: a result type's selectielijstklasse belongs to its case type's procestype."""
    process_url = resultaat(resultaat_url)["procesType"]
    if process_url != procestype_url:
        raise UnresolvableReference(
            _(
                "The selection list result %(result)s belongs to procestype %(actual)s, "
                "not to the case type's procestype %(expected)s."
            )
            % {"result": resultaat_url, "actual": process_url, "expected": procestype_url}
        )


def _resolve(url: str, kind: Kind) -> dict:
    """The API JSON of the resource at ``url``, checked to be of ``kind``."""
    own_base = store.base_url()
    if url.startswith(own_base):
        return _own(url, url.removeprefix(own_base), kind)
    data = _fetch(url)
    if missing := sorted(kind.required - data.keys()):
        raise UnresolvableReference(
            _("%(url)s is not a %(kind)s: its answer has no %(fields)s.")
            % {"url": url, "kind": kind.name, "fields": ", ".join(missing)}
        )
    if foreign := sorted(kind.foreign & data.keys()):
        raise UnresolvableReference(
            _(
                "%(url)s is not a %(kind)s but a resource of another kind: "
                "its answer has %(fields)s."
            )
            % {"url": url, "kind": kind.name, "fields": ", ".join(foreign)}
        )
    return dict(data)


def _own(url: str, path: str, kind: Kind) -> dict:
    resource, _slash, uuid = path.partition("/")
    if resource != kind.resource:
        raise UnresolvableReference(
            _("%(url)s is not a %(kind)s; a %(kind)s URL has the form %(form)s.")
            % {"url": url, "kind": kind.name, "form": f"{store.base_url()}{kind.resource}/<uuid>"}
        )
    item = store.item(resource, uuid)
    if item is None:
        raise UnresolvableReference(
            _("There is no %(kind)s at %(url)s.") % {"url": url, "kind": kind.name}
        )
    return dict(item)


def _fetch(url: str) -> dict:
    now = time.monotonic()
    cached = _remote_answers.get(url)
    if cached and cached[0] > now:
        return cached[1]
    try:
        response = requests.get(
            url, timeout=TIMEOUT_SECONDS, headers={"Accept": "application/json"}
        )
        response.raise_for_status()
        data = response.json()
    except requests.RequestException as error:
        # Connection errors, timeouts, HTTP error statuses and non-JSON bodies alike.
        raise UnresolvableReference(
            _("%(url)s could not be fetched: %(error)s") % {"url": url, "error": error}
        ) from error
    if not isinstance(data, dict):
        raise UnresolvableReference(_("%(url)s did not answer with a JSON object.") % {"url": url})
    _remote_answers[url] = (now + CACHE_SECONDS, data)
    return data
