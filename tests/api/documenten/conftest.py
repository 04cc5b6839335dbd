import pytest

from tests.api.documenten.builders import EVERY_SCOPE, client_granted, published_document_type


@pytest.fixture
def document_type(db):
    return published_document_type("Bijlage", confidentiality="zaakvertrouwelijk")


@pytest.fixture
def drc(db):
    """A client with every Documenten scope on every informatieobjecttype, up to zeer geheim."""
    return client_granted("drc-beheer", [(EVERY_SCOPE, None, "zeer_geheim")])


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Files go to a folder of the test's own, as the default storage does in production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
