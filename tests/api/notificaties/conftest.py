"""Clients with the Notificaties scopes, a receiver of notifications on a real HTTP server on
127.0.0.1, and the channels of Loket's own APIs."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loket.notify.models import Channel
from tests.api.common.tokens import client_with

BASE = "/notificaties/api/v1/"
CONSUME = "notificaties.consumeren"
PUBLISH = "notificaties.publiceren"
ZAKEN_FILTERS = ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"]
ZAAKTYPE = "http://testserver/catalogi/api/v1/zaaktypen/8f4a6a9b-2c6e-4b7c-9d61-3d3b8e5c2a10"


@pytest.fixture
def consumer(db):
    """A system that subscribes (notificaties.consumeren)."""
    return client_with("nrc-consumer", scopes=[CONSUME])


@pytest.fixture
def publisher(db):
    """A system that registers kanalen and publishes (notificaties.publiceren)."""
    return client_with("nrc-publisher", scopes=[PUBLISH])


@pytest.fixture
def zaken(db) -> Channel:
    """The channel of the Zaken API (made by a migration; a transactional test elsewhere in
    the session may have emptied the table)."""
    channel, _ = Channel.objects.get_or_create(name="zaken", defaults={"filters": ZAKEN_FILTERS})
    return channel


class Receiver(BaseHTTPRequestHandler):
    """A subscriber's endpoint: keeps every POST and answers with the server's ``status``."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"null")
        self.server.received.append(
            {"path": self.path, "headers": dict(self.headers), "body": body}
        )
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    """The receiving server; ``receiver.url`` is its callback URL, ``receiver.received`` what
    it was sent, ``receiver.status`` what it answers (204, as the consumer API says)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received = []
    server.status = 204
    server.url = f"http://127.0.0.1:{server.server_port}/api/callback"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def abonnement_body(receiver, **changes) -> dict:
    return {
        "callbackUrl": receiver.url,
        "auth": "Bearer geheim-van-de-ontvanger",
        "kanalen": [{"naam": "zaken", "filters": {"bronorganisatie": "002220647"}}],
        **changes,
    }


def message_body(**changes) -> dict:
    return {
        "kanaal": "zaken",
        "hoofdObject": "https://zaken.example.nl/api/v1/zaken/d4d9a1c4-0b0f-4b0e-9a38-2a3c1f2b9e01",
        "resource": "status",
        "resourceUrl": "https://zaken.example.nl/api/v1/statussen/5a3f0c1e-7c55-4e7a-9f0b-1d2e3f4a5b6c",
        "actie": "create",
        "aanmaakdatum": "2026-05-04T10:15:00Z",
        "kenmerken": {
            "bronorganisatie": "002220647",
            "zaaktype": ZAAKTYPE,
            "vertrouwelijkheidaanduiding": "openbaar",
        },
        **changes,
    }


def create(client, resource: str, body: dict) -> dict:
    response = client.post(f"{BASE}{resource}", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()
