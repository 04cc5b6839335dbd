"""No BSN or other personal data in the logs: representative journeys run with every logger
at DEBUG, and the output is scanned for every BSN of the demo register and the names,
e-mail addresses and account number used.

The journeys: a citizen logs in with DigiD, fills in and submits a form prefilled from the
BRP, reads Mijn omgeving; the background worker sends the mails; a KCC employee searches the
person by BSN and opens the 360-degree view; API clients filter cases by BSN and ask the
Haal Centraal endpoint for a person; and a few errors (a wrong BSN filter, a page that does
not exist with a BSN in its address). gunicorn's access line of ``loket serve`` is checked
with its own formatter. The logging filter of the settings masks a BSN that would still
reach a log line (defence in depth).
"""

import datetime
import io
import logging
import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from loket.background.worker import Worker
from loket.brp.models import Person
from loket.security.log_filters import ACCESS_LOG_FORMAT, MaskBsnFilter, mask_bsn
from tests.api.common.tokens import client_with
from tests.forms.conftest import Filler
from tests.workqueue.helpers import BUDGET_IBAN, fill_budget_form

pytestmark = pytest.mark.django_db(transaction=True)
EMAIL = "inwoner.logtest@example.nl"


class Capture:
    """Every record of every logger at DEBUG, formatted as the settings' console handler
    does: ``raw`` without and ``masked`` with the BSN filter of LOGGING."""

    def __init__(self):
        self.raw, self.masked = io.StringIO(), io.StringIO()
        formatter = logging.Formatter(settings.LOGGING["formatters"]["plain"]["format"])
        self.handlers = []
        for stream, filtered in ((self.raw, False), (self.masked, True)):
            handler = logging.StreamHandler(stream)
            handler.setFormatter(formatter)
            handler.setLevel(logging.DEBUG)
            if filtered:
                handler.addFilter(MaskBsnFilter())
            self.handlers.append(handler)

    def __enter__(self):
        manager = logging.root.manager
        self.loggers = [logging.root] + [
            logger for logger in manager.loggerDict.values() if isinstance(logger, logging.Logger)
        ]
        self.saved = [(logger, logger.level, logger.disabled) for logger in self.loggers]
        for logger in self.loggers:
            logger.setLevel(logging.DEBUG)
            logger.disabled = False
            if logger is logging.root or not logger.propagate:
                for handler in self.handlers:
                    logger.addHandler(handler)
        return self

    def __exit__(self, *exc):
        for logger, level, disabled in self.saved:
            logger.setLevel(level)
            logger.disabled = disabled
            for handler in self.handlers:
                logger.removeHandler(handler)


@pytest.fixture
def demo(demo_data, settings, tmp_path):
    from loket.notify.demo import load_demo_status_mails

    load_demo_status_mails()
    settings.LOKET_BRP_SERVER_API_KEY = "log-test-key"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def personal_data(people) -> list[str]:
    values = {EMAIL, BUDGET_IBAN}
    for person in Person.objects.all():
        values.add(person.bsn)
    for person in people:
        values.update({person.surname, f"{person.given_names} {person.surname}"})
        if person.email:
            values.add(person.email)
    return sorted(values)


def run_journeys() -> list[Person]:
    citizen_person, other = Person.objects.order_by("bsn")[:2]
    citizen = Filler(Client())
    citizen.client.post(reverse("identity:demo-digid"), {"bsn": citizen_person.bsn, "next": "/"})
    citizen.open(reverse("forms:start", args=["leefbaarheidsbudget"]))
    fill_budget_form(citizen, email=EMAIL)
    assert "ontvangen" in citizen.html
    for path in ("/mijn/", "/mijn/gegevens/", "/mijn/delen/", "/mijn/machtigingen/"):
        assert citizen.client.get(path).status_code == 200, path
    Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="log-test",
    ).run()

    kcc = Client()
    kcc.login(username="kcc", password="demo")
    assert kcc.post("/kcc/zoeken/", {"bsn": other.bsn}).status_code == 200
    assert kcc.post("/kcc/persoon/", {"bsn": other.bsn}, follow=True).status_code == 200
    kcc.post(
        reverse("forms:assist", args=["leefbaarheidsbudget"]),
        {"bsn": other.bsn, "channel": "phone"},
        follow=True,
    )

    api = client_with("log-test", all_scopes=True)
    crs = {"HTTP_ACCEPT_CRS": "EPSG:4326"}
    bsn_filter = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
    assert (
        api.get(f"/zaken/api/v1/zaken?{bsn_filter}={citizen_person.bsn}", **crs).status_code == 200
    )
    assert (
        api.get(
            f"/zaken/api/v1/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn={other.bsn}"
        ).status_code
        == 200
    )
    api.get(f"/zaken/api/v1/zaken?{bsn_filter}=12345678X", **crs)  # a wrong filter: 400
    brp = Client()
    brp.post(
        "/haalcentraal/api/brp/personen",
        {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [other.bsn],
            "fields": ["naam"],
        },
        content_type="application/json",
        HTTP_X_API_KEY="log-test-key",
    )
    brp.post(  # refused: a wrong key
        "/haalcentraal/api/brp/personen",
        {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [other.bsn]},
        content_type="application/json",
        HTTP_X_API_KEY="wrong",
    )
    Client().get(f"/volgen/{citizen_person.bsn}/")  # 404 with a BSN in the address
    kcc.get(f"/kcc/persoon/{other.bsn}/")  # 404
    return [citizen_person, other]


def test_the_journeys_log_no_bsn_and_no_personal_data(demo):
    with Capture() as capture:
        people = run_journeys()

    data = personal_data(people)
    raw, masked = capture.raw.getvalue(), capture.masked.getvalue()
    assert raw.count("\n") > 5, "the journeys were logged"
    assert [value for value in data if value in masked] == []
    # Without the filter, personal data comes only from what the filter removes: the template
    # engine's DEBUG lines with a page's context, and a BSN typed into an address (404).
    records = raw.split("\n20")  # one block per record, tracebacks included
    leaking = [
        record
        for record in records
        if any(value in record for value in data)
        and " DEBUG django.template " not in record
        and not re.search(
            r" WARNING django.request Not Found: /(volgen|kcc/persoon)/\d{9}/", record
        )
    ]
    assert leaking == []


def test_the_access_log_line_has_no_query_string_or_referrer():
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", ACCESS_LOG_FORMAT)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/zaken/api/v1/zaken?inpBsn=999993653",
        "PATH_INFO": "/zaken/api/v1/zaken",
        "QUERY_STRING": "inpBsn=999993653",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": "https://loket.example.nl/zoeken/?q=999993653",
        "HTTP_USER_AGENT": "test",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = Logger(config).atoms(response, [], environ, datetime.timedelta(seconds=1))

    line = ACCESS_LOG_FORMAT % atoms

    assert "GET /zaken/api/v1/zaken HTTP/1.1" in line
    assert "999993653" not in line


def test_the_filter_masks_a_bsn_in_a_message_and_a_traceback():
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "person %s at %s", ("999993653", "12:00"), None
    )
    try:
        raise ValueError("no person 999993653")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()

    MaskBsnFilter().filter(record)
    text = logging.Formatter().format(record)

    assert "999993653" not in text
    assert "person ********* at 12:00" in text
    # Other numbers stay: a case number, an amount, a number that fails the elfproef.
    assert mask_bsn("ZAAK-2026-0000123 costs 123456789 cents, 0612345678") == (
        "ZAAK-2026-0000123 costs 123456789 cents, 0612345678"
    )


def test_the_settings_install_the_filter_on_the_console():
    console = settings.LOGGING["handlers"]["console"]
    assert "mask_bsn" in console["filters"]
    assert (
        settings.LOGGING["filters"]["mask_bsn"]["()"] == "loket.security.log_filters.MaskBsnFilter"
    )
    for atom in ("%(r)s", "%(q)s", "%(f)s"):  # request line with query, query, referrer
        assert atom not in ACCESS_LOG_FORMAT


def test_the_template_engine_debug_lines_are_dropped():
    record = logging.LogRecord(
        "django.template", logging.DEBUG, __file__, 1, "context: Jan Jansen", None, None
    )

    assert MaskBsnFilter().filter(record) is False
