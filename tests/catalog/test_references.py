"""Resolving Referentielijsten URLs: Loket's own from memory, others over HTTP (ztc-001/002)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from loket.catalog import references
from loket.catalog.references import UnresolvableReference
from tests.api.referentielijsten.records import (
    GENERIC_RESULT_1_1,
    PROCESTYPE_1,
    SPECIFIC_RESULT_1_1_1,
    TOEGEKEND,
)
from tests.conftest import free_port

PROCESTYPE_2 = "96eae691-077f-4fd6-ad66-950b9b714880"  # 2, Beleid en regelgeving opstellen


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch):
    monkeypatch.setattr(references, "_remote_answers", {})


@pytest.fixture
def own(settings):
    return settings.LOKET_REFERENTIELIJSTEN_API


@pytest.fixture
def no_http(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an own URL must not be fetched over HTTP")

    monkeypatch.setattr(requests, "get", refuse)


class RemoteReferentielijsten(BaseHTTPRequestHandler):
    """Another Referentielijsten instance: a procestype, a resultaat of it, and a wrong kind."""

    hits: list[str]  # set per server

    def do_GET(self):
        self.hits.append(self.path)
        base = f"http://{self.headers['Host']}/api/v1/"
        bodies = {
            "/api/v1/procestypen/p1": {
                "url": f"{base}procestypen/p1",
                "nummer": 1,
                "jaar": 2020,
                "naam": "Instellen en inrichten organisatie",
            },
            "/api/v1/resultaten/r1": {
                "url": f"{base}resultaten/r1",
                "procesType": f"{base}procestypen/p1",
                "nummer": 1,
                "naam": "Ingericht",
                "waardering": "vernietigen",
            },
            "/api/v1/communicatiekanalen/k1": {
                "url": f"{base}communicatiekanalen/k1",
                "naam": "E-mail",
                "omschrijving": "Contact per e-mail.",
            },
        }
        if self.path == "/not-json":
            self.answer(200, b"<html>Onderhoud</html>", "text/html")
        elif self.path in bodies:
            self.answer(200, json.dumps(bodies[self.path]).encode(), "application/json")
        else:
            self.answer(404, b'{"detail": "Niet gevonden."}', "application/problem+json")

    def answer(self, status: int, body: bytes, content_type: str):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def remote():
    """A real HTTP server on a free port of 127.0.0.1; yields its base URL and its hits."""
    hits: list[str] = []
    handler = type("Handler", (RemoteReferentielijsten,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1/", hits
    server.shutdown()
    server.server_close()
    thread.join()


# Loket's own API


def test_an_own_procestype_resolves_from_memory(own, no_http):
    procestype = references.procestype(f"{own}procestypen/{PROCESTYPE_1}")

    assert procestype["url"] == f"{own}procestypen/{PROCESTYPE_1}"
    assert procestype["nummer"] == 1
    assert procestype["naam"] == "Instellen en inrichten organisatie"


def test_an_own_resultaat_and_resultaattypeomschrijving_resolve_from_memory(own, no_http):
    resultaat = references.resultaat(f"{own}resultaten/{GENERIC_RESULT_1_1}")
    omschrijving = references.resultaattypeomschrijving(
        f"{own}resultaattypeomschrijvingen/{TOEGEKEND}"
    )

    assert resultaat["procesType"] == f"{own}procestypen/{PROCESTYPE_1}"
    assert resultaat["volledigNummer"] == "1.1"
    assert omschrijving["omschrijving"] == "Toegekend"


def test_changing_the_answer_does_not_change_the_list(own, no_http):
    url = f"{own}procestypen/{PROCESTYPE_1}"
    references.procestype(url)["naam"] = "changed"

    assert references.procestype(url)["naam"] == "Instellen en inrichten organisatie"


def test_an_own_url_of_another_kind_is_unresolvable(own, no_http):
    with pytest.raises(UnresolvableReference, match="is geen procestype"):
        references.procestype(f"{own}resultaten/{GENERIC_RESULT_1_1}")
    with pytest.raises(UnresolvableReference, match="is geen resultaat"):
        references.resultaat(f"{own}procestypen/{PROCESTYPE_1}")


def test_an_own_url_of_no_record_is_unresolvable(own, no_http):
    with pytest.raises(UnresolvableReference, match="Er is geen procestype op"):
        references.procestype(f"{own}procestypen/00000000-0000-0000-0000-000000000000")
    with pytest.raises(UnresolvableReference, match="Er is geen resultaattypeomschrijving op"):
        references.resultaattypeomschrijving(f"{own}resultaattypeomschrijvingen/nonsense")


def test_a_result_fits_its_own_process(own, no_http):
    for result in (GENERIC_RESULT_1_1, SPECIFIC_RESULT_1_1_1):
        references.check_result_fits_process(
            f"{own}resultaten/{result}", f"{own}procestypen/{PROCESTYPE_1}"
        )


def test_a_result_of_another_process_does_not_fit(own, no_http):
    with pytest.raises(UnresolvableReference, match="hoort bij procestype"):
        references.check_result_fits_process(
            f"{own}resultaten/{GENERIC_RESULT_1_1}", f"{own}procestypen/{PROCESTYPE_2}"
        )


# Another instance, over HTTP


def test_a_remote_procestype_is_fetched(remote):
    base, _hits = remote

    procestype = references.procestype(f"{base}procestypen/p1")

    assert procestype["url"] == f"{base}procestypen/p1"
    assert procestype["nummer"] == 1


def test_a_remote_answer_is_kept_for_ten_minutes(remote, monkeypatch):
    base, hits = remote
    url = f"{base}procestypen/p1"
    before = hits.count("/api/v1/procestypen/p1")

    references.procestype(url)
    references.procestype(url)
    assert hits.count("/api/v1/procestypen/p1") == before + 1

    later = references.time.monotonic() + references.CACHE_SECONDS + 1
    monkeypatch.setattr(references.time, "monotonic", lambda: later)
    references.procestype(url)
    assert hits.count("/api/v1/procestypen/p1") == before + 2


def test_a_remote_resource_of_another_kind_is_unresolvable(remote):
    base, _hits = remote

    with pytest.raises(UnresolvableReference, match="is geen procestype: het antwoord bevat geen"):
        references.procestype(f"{base}communicatiekanalen/k1")
    with pytest.raises(UnresolvableReference, match="maar een resource van een andere soort"):
        references.procestype(f"{base}resultaten/r1")
    with pytest.raises(UnresolvableReference, match="is geen resultaattypeomschrijving"):
        references.resultaattypeomschrijving(f"{base}procestypen/p1")


def test_a_remote_404_is_unresolvable(remote):
    base, _hits = remote

    with pytest.raises(UnresolvableReference, match="kon niet worden opgehaald: 404"):
        references.resultaat(f"{base}resultaten/missing")


def test_a_remote_answer_that_is_no_json_is_unresolvable(remote):
    base, _hits = remote
    server = base.removesuffix("api/v1/")

    with pytest.raises(UnresolvableReference, match="kon niet worden opgehaald"):
        references.procestype(f"{server}not-json")


def test_a_server_that_is_not_there_is_unresolvable():
    nobody_listens = f"http://127.0.0.1:{free_port()}/api/v1/procestypen/p1"

    with pytest.raises(UnresolvableReference, match="kon niet worden opgehaald"):
        references.procestype(nobody_listens)


def test_a_remote_result_fits_its_remote_process(remote):
    base, _hits = remote

    references.check_result_fits_process(f"{base}resultaten/r1", f"{base}procestypen/p1")
    with pytest.raises(UnresolvableReference, match="hoort bij procestype"):
        references.check_result_fits_process(f"{base}resultaten/r1", f"{base}procestypen/p2")
