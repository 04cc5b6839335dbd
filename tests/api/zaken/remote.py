"""Another municipality's registries on a real HTTP server on 127.0.0.1: a zaak of its Zaken
API, a contactmoment, a verzoek, a communicatiekanaal, and a resource of the wrong kind."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loket.catalog import references


class OtherRegistries(BaseHTTPRequestHandler):
    def do_GET(self):
        base = f"http://{self.headers['Host']}"
        bodies = {
            "/zaken/api/v1/zaken/z1": {
                "url": f"{base}/zaken/api/v1/zaken/z1",
                "identificatie": "ZAAK-ELDERS-1",
                "bronorganisatie": "002220647",
                "zaaktype": f"{base}/catalogi/api/v1/zaaktypen/t1",
            },
            "/contactmomenten/api/v1/contactmomenten/c1": {
                "url": f"{base}/contactmomenten/api/v1/contactmomenten/c1",
                "bronorganisatie": "002220647",
                "kanaal": "telefoon",
            },
            "/verzoeken/api/v1/verzoeken/v1": {
                "url": f"{base}/verzoeken/api/v1/verzoeken/v1",
                "bronorganisatie": "002220647",
            },
            "/referentielijsten/api/v1/communicatiekanalen/k1": {
                "url": f"{base}/referentielijsten/api/v1/communicatiekanalen/k1",
                "naam": "Balie",
                "omschrijving": "Aan de balie.",
            },
            "/other/api/v1/things/t1": {"url": f"{base}/other/api/v1/things/t1", "naam": "x"},
        }
        body = bodies.get(self.path)
        status, data = (200, body) if body else (404, {"detail": "Niet gevonden."})
        content = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def elsewhere(monkeypatch):
    """The base URL of the other registries (no answer kept between tests)."""
    monkeypatch.setattr(references, "_remote_answers", {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), OtherRegistries)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()
