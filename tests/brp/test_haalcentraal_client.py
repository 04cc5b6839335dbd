"""The Haal Centraal client's requests and its errors, against real HTTP servers: Loket's
own endpoint, a small server that records what it is sent, and ports that do not answer."""

import json
import socket
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from loket.brp.bsn import register_bsns
from loket.brp.errors import BrpError, BrpUnavailable
from loket.brp.haalcentraal import PERSON_FIELDS, HaalCentraalClient, problem_text
from loket.brp.register import load_demo_register
from tests.brp.conftest import API_KEY
from tests.conftest import free_port

BSN = next(register_bsns())


class Recorder(BaseHTTPRequestHandler):
    """Answers every POST with the server's ``answer`` and keeps what it was sent."""

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        self.server.received.append((self.path, dict(self.headers), self.rfile.read(length)))
        status, content_type, body = self.server.answer
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received = []
    server.answer = (200, "application/json", b'{"type": "x", "personen": []}')
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def client_of(server, **options) -> HaalCentraalClient:
    return HaalCentraalClient(
        f"http://127.0.0.1:{server.server_port}/api/brp/", "geheim", **options
    )


def test_a_lookup_posts_the_query_type_the_fields_and_the_key(recorder):
    assert client_of(recorder).person(BSN) is None

    ((path, headers, body),) = recorder.received
    assert path == "/api/brp/personen"
    assert headers["X-API-KEY"] == "geheim"
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body) == {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": [BSN],
        "fields": PERSON_FIELDS,
    }


def test_a_search_asks_for_bsns_only_and_then_looks_them_up(recorder):
    recorder.answer = (
        200,
        "application/json",
        json.dumps({"personen": [{"burgerservicenummer": BSN}]}).encode(),
    )

    client_of(recorder).find_by_postcode_and_number("1234 ab", 12, "a", include_deceased=True)

    search, lookup = (json.loads(body) for _, _, body in recorder.received)
    assert search == {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": "1234AB",
        "huisnummer": 12,
        "huisletter": "a",
        "inclusiefOverledenPersonen": True,
        "fields": ["burgerservicenummer"],
    }
    assert lookup["burgerservicenummer"] == [BSN]


def test_a_failing_brp_is_unavailable_with_its_own_words(recorder):
    problem = {"title": "Bronservice BRP is tijdelijk niet beschikbaar.", "status": 503}
    recorder.answer = (503, "application/problem+json", json.dumps(problem).encode())

    with pytest.raises(BrpUnavailable, match=r"failed \(503\): Bronservice BRP is tijdelijk"):
        client_of(recorder).person(BSN)


def test_an_answer_that_is_no_json_is_an_error(recorder):
    recorder.answer = (200, "text/html", b"<html>login</html>")

    with pytest.raises(BrpError, match="something else than JSON"):
        client_of(recorder).person(BSN)


def test_a_brp_that_cannot_be_reached_is_unavailable():
    client = HaalCentraalClient(f"http://127.0.0.1:{free_port()}/haalcentraal/api/brp")

    with pytest.raises(BrpUnavailable, match="cannot be reached"):
        client.person(BSN)


def test_a_brp_that_does_not_answer_in_time_is_unavailable():
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        client = HaalCentraalClient(f"http://127.0.0.1:{silent.getsockname()[1]}/brp", timeout=0.3)
        with pytest.raises(BrpUnavailable, match=r"did not answer within 0\.3 seconds"):
            client.person(BSN)


@pytest.mark.django_db(transaction=True)
def test_a_wrong_key_is_refused_by_the_brp(live_server, settings):
    settings.LOKET_BRP_SERVER_API_KEY = API_KEY
    client = HaalCentraalClient(f"{live_server.url}/haalcentraal/api/brp", "wrong-key")

    with pytest.raises(BrpError, match=r"\(401\): Niet correct geauthenticeerd"):
        client.person(BSN)


@pytest.mark.django_db(transaction=True)
def test_a_question_the_brp_refuses_names_the_parameter(live_server, settings):
    settings.LOKET_BRP_SERVER_API_KEY = API_KEY
    load_demo_register()
    client = HaalCentraalClient(f"{live_server.url}/haalcentraal/api/brp", API_KEY)

    with pytest.raises(BrpError, match=r"\(400\): .*geslachtsnaam: Waarde voldoet niet"):
        client.find_by_name_and_birth_date("J*", date(1980, 1, 1))


def test_the_problem_text_names_title_detail_and_parameters():
    response = requests.Response()
    response.status_code = 400
    response._content = json.dumps(
        {
            "title": "Een of meerdere parameters zijn niet correct.",
            "detail": "De foutieve parameter(s) zijn: postcode.",
            "invalidParams": [{"name": "postcode", "reason": "Waarde voldoet niet."}],
        }
    ).encode()

    assert problem_text(response) == (
        "Een of meerdere parameters zijn niet correct. De foutieve parameter(s) zijn: "
        "postcode. (postcode: Waarde voldoet niet.)"
    )
