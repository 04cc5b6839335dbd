import io
import re

import pytest
from django.test import Client

from loket.brp.register import load_demo_register
from loket.catalog.demo import load_demo_catalogue
from loket.forms.demo import load_demo_forms
from loket.identity.demo_login import demo_persons

# The smallest real JPEG and PDF: what a phone photo and a scan start with.
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
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture
def demo_forms(db):
    load_demo_catalogue()
    load_demo_register()
    load_demo_forms()


@pytest.fixture
def resident(demo_forms):
    """A living adult resident of Voorbeeld from the built-in register."""
    return demo_persons().filter(birth_date__year__lt=1990).order_by("bsn").first()


def named_file(name: str, content: bytes):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


class Filler:
    """Fills in a form page by page through the test client, as a browser without
    JavaScript does: every POST carries the page's hidden state token."""

    def __init__(self, client: Client):
        self.client = client
        self.response = None

    @property
    def html(self) -> str:
        return self.response.content.decode()

    @property
    def url(self) -> str:
        return self.response.request["PATH_INFO"]

    def open(self, path: str):
        self.response = self.client.get(path, follow=True)
        return self

    def state(self) -> str:
        return re.search(r'name="state" value="([^"]+)"', self.html)[1]

    def post(self, data: dict | None = None, action: str = "next", **files):
        payload = {"state": self.state(), "action": action, **(data or {}), **files}
        self.response = self.client.post(self.url, payload, follow=True)
        return self

    def confirm(self):
        return self.post({"confirm": "on"})


@pytest.fixture
def filler(demo_forms):
    return Filler(Client(headers={"accept-language": "nl"}))
