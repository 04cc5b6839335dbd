"""A citizen's browser without JavaScript, over real HTTP, for the load and fault benchmarks.

Loket in production mode sets its cookies ``Secure`` and checks the CSRF origin of HTTPS
requests; on loopback the script plays the reverse proxy that ends TLS: it sends
``X-Forwarded-Proto: https`` (gunicorn trusts it from 127.0.0.1), the matching ``Origin`` and
``Referer``, and sends the cookies back although the hop itself is plain HTTP.

The form is the demo's report in public space (``melding-openbare-ruimte``): it needs no
login, has a photo (so documents are written) and an e-mail address (so mail goes out).
"""

import random
import re
import time

import requests

FORM = "melding-openbare-ruimte"
# The smallest real JPEG (tests/forms/conftest.py): what a phone photo starts with.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b"
    "080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5"
    "100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c115"
    "52d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a6364"
    "65666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7"
    "b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda000801"
    "0100003f00fbd3ffd9"
)
CATEGORIES = ["afval", "stoeptegel", "straatverlichting", "zwerfvuil", "groen", "verkeersbord"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATE = re.compile(r'name="state" value="([^"]+)"')
CASE_NUMBER = re.compile(r'class="loket-case-number">([^<]+)<')
TRACK_LINK = re.compile(r'href="(/volgen/[^"]+/)"')
MESSAGE = re.compile(r"<h1[^>]*>\s*([^<]{1,120})", re.S)

LOAD_DEMO_CONTENT = (
    "from loket.catalog.demo import load_demo_catalogue; "
    "from loket.forms.demo import load_demo_forms; "
    "from loket.notify.demo import load_demo_status_mails; "
    "load_demo_catalogue(); load_demo_forms(); load_demo_status_mails()"
)


class Refused(Exception):
    """Loket answered a page with an error (or not at all): ``kind`` says which."""

    def __init__(self, kind: str, page: str, message: str = ""):
        super().__init__(f"{page}: {kind} {message}".strip())
        self.kind, self.page, self.message = kind, page, message


class Browser:
    """One citizen: a cookie jar, the last page, and a log of (page kind, seconds, outcome)."""

    def __init__(self, base: str, timeout: float = 60, record=None):
        self.base = base
        self.origin = "https://" + base.split("://", 1)[1]
        self.session = requests.Session()
        self.session.headers.update({"Accept-Language": "nl", "X-Forwarded-Proto": "https"})
        self.timeout = timeout
        self.page: requests.Response | None = None
        self.record = record or (lambda kind, seconds, outcome: None)

    def request(self, kind: str, method: str, path: str, follow: bool = True, **options):
        """One request, and its redirects when ``follow``: each hop is timed as ``kind``."""
        response = self.one(kind, method, path, **options)
        for _hop in range(10):
            if not (follow and response.is_redirect):
                break
            response = self.one(kind, "GET", response.headers["Location"])
        return response

    def one(self, kind: str, method: str, path: str, **options) -> requests.Response:
        url = path if path.startswith("http") else self.base + path
        headers = {"Referer": self.origin + url.split(self.base, 1)[-1]}
        if method == "POST":
            headers["Origin"] = self.origin
        started = time.perf_counter()
        try:
            response = self.session.request(
                method, url, headers=headers, timeout=self.timeout, allow_redirects=False, **options
            )
        except requests.RequestException as error:
            self.record(kind, time.perf_counter() - started, type(error).__name__)
            raise Refused(type(error).__name__, kind) from None
        self.record(
            kind,
            time.perf_counter() - started,
            "ok" if response.status_code < 400 else f"HTTP {response.status_code}",
        )
        # The proxy's TLS ends here: the Secure cookies go back over this plain hop too.
        for cookie in self.session.cookies:
            cookie.secure = False
        return response

    def get(self, kind: str, path: str) -> requests.Response:
        self.page = self.checked(kind, self.request(kind, "GET", path))
        return self.page

    def post(self, kind: str, data: dict, files=None, follow: bool = True):
        html = self.page.text
        payload = {"csrfmiddlewaretoken": CSRF.search(html)[1]}
        state = STATE.search(html)
        if state:
            payload["state"] = state[1]
        response = self.request(
            kind,
            "POST",
            self.page.url,
            data=payload | data,
            follow=follow,
            files=files,
        )
        self.page = self.checked(kind, response)
        return self.page

    @staticmethod
    def checked(kind: str, response: requests.Response) -> requests.Response:
        if response.status_code >= 400:
            found = MESSAGE.search(response.text)
            message = " ".join(found[1].split()) if found else response.text[:80].strip()
            raise Refused(f"HTTP {response.status_code}", kind, message)
        return response


def fill_report(browser: Browser, *, photo: bool = True, think=lambda: None) -> requests.Response:
    """Open the product page, start the form and fill in its three steps up to the summary;
    the summary page is ``browser.page`` afterwards and the answer to its confirm is returned
    unfollowed (a 302 to the confirmation page when Loket accepted the submission)."""
    browser.get("product page", f"/producten/{FORM}/")
    think()
    browser.get("form step", f"/formulieren/{FORM}/")
    think()
    browser.post(
        "form step",
        {
            "action": "next",
            "categorie": random.choice(CATEGORIES),  # noqa: S311 - load, not security
            "omschrijving": "Losse tegel voor nummer 12, al een week.",
        },
    )
    think()
    place = {
        "action": "next",
        "locatie-lat": f"{random.uniform(52.065, 52.105):.5f}",  # noqa: S311
        "locatie-lon": f"{random.uniform(5.065, 5.155):.5f}",  # noqa: S311
        "locatie_omschrijving": "Bij de bushalte",
    }
    files = {"foto": ("tegel.jpg", JPEG, "image/jpeg")} if photo else None
    browser.post("form step" if not photo else "form step with photo", place, files=files)
    think()
    browser.post(
        "form step",
        {"action": "next", "op_de_hoogte": "ja", "email": "melder@example.nl"},
    )
    if "Controleer uw antwoorden" not in browser.page.text:
        raise Refused("no summary", "form step")
    think()
    return browser.post("submit", {"confirm": "on"}, follow=False)
