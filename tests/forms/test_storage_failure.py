"""A file store that is full or gone refuses the file with a sentence and keeps the page;
anything else that breaks shows the municipality's own error page in the person's language."""

import errno

from django.core.files.storage import FileSystemStorage
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.forms.conftest import JPEG, named_file
from tests.forms.test_flow import start


def test_a_full_disk_refuses_the_file_and_keeps_what_was_typed(filler, monkeypatch):
    def full(self, name, content, max_length=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    start(filler, "melding-openbare-ruimte")
    filler.post({"categorie": "afval", "omschrijving": "Zakken naast de container."})
    monkeypatch.setattr(FileSystemStorage, "save", full)
    filler.post(
        {"locatie-lat": "52.085", "locatie-lon": "5.11", "locatie_omschrijving": "Bij de kerk"},
        foto=named_file("tegel.jpg", JPEG),
    )

    assert filler.response.status_code == 400
    assert "We konden het bestand nu niet opslaan" in filler.html
    assert 'value="Bij de kerk"' in filler.html


def test_the_error_page_is_the_municipalitys_own_in_the_persons_language():
    request = RequestFactory().get("/")
    with translation.override("nl"):
        dutch = server_error(request).content.decode()
    with translation.override("en"):
        english = server_error(request).content.decode()

    assert "Er ging iets mis" in dutch and "eerdere pagina's" in dutch
    assert "Something went wrong" in english
