"""Bestandsdelen: a large file announced by its size, uploaded in parts, joined on unlock."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.cases import document_files
from loket.cases.models import FilePart
from tests.api.documenten.builders import DOCUMENTS, PNG, create_document, document_body, invalid

pytestmark = pytest.mark.django_db
CONTENT = PNG + b"de rest van de foto" * 3  # 105 bytes


@pytest.fixture(autouse=True)
def small_parts(monkeypatch):
    monkeypatch.setattr(document_files, "PART_BYTES", 50)


def upload(client, part: dict, content: bytes, lock: str):
    return client.put(
        part["url"],
        {"inhoud": SimpleUploadedFile("deel", content), "lock": lock},
        format="multipart",
    )


def announced(client, document_type) -> dict:
    return create_document(client, document_type, None, bestandsomvang=len(CONTENT))


def test_announce_upload_each_part_and_unlock_to_join_them(drc, document_type):
    created = announced(drc, document_type)

    assert created["locked"] is True and created["lock"]
    assert created["inhoud"] is None and created["bestandsomvang"] == len(CONTENT)
    parts = created["bestandsdelen"]
    assert [(p["volgnummer"], p["omvang"], p["voltooid"]) for p in parts] == [
        (1, 50, False),
        (2, 50, False),
        (3, 5, False),
    ]
    assert all("lock" not in part for part in parts)  # readers never see the lock id

    for part, start in zip(parts, (0, 50, 100), strict=True):
        response = upload(drc, part, CONTENT[start : start + part["omvang"]], created["lock"])
        assert response.status_code == 200, response.json()
        assert response.json()["voltooid"] is True
    assert (
        drc.post(f"{created['url']}/unlock", {"lock": created["lock"]}, format="json").status_code
        == 204
    )

    document = drc.get(created["url"]).json()
    assert document["locked"] is False and document["bestandsdelen"] == []
    assert document["integriteit"]["waarde"] == hashlib.sha256(CONTENT).hexdigest()
    download = drc.get(document["inhoud"])
    assert download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content) == CONTENT
    assert not FilePart.objects.exists()


def test_a_part_of_the_wrong_size_or_without_the_lock_is_refused(drc, document_type):
    created = announced(drc, document_type)
    part = created["bestandsdelen"][0]

    assert invalid(upload(drc, part, b"te kort", created["lock"]), "inhoud")["code"] == "file-size"
    assert invalid(upload(drc, part, CONTENT[:50], "fout"), "lock")["code"] == "incorrect-lock-id"


def test_unlock_before_every_part_is_there_is_refused_unless_forced(drc, document_type):
    created = announced(drc, document_type)
    upload(drc, created["bestandsdelen"][0], CONTENT[:50], created["lock"])

    refused = drc.post(f"{created['url']}/unlock", {"lock": created["lock"]}, format="json")
    assert invalid(refused, "nonFieldErrors")["code"] == "incomplete-upload"

    assert drc.post(f"{created['url']}/unlock", {}, format="json").status_code == 204
    document = drc.get(created["url"]).json()
    assert document["bestandsdelen"] == [] and document["inhoud"] is None
    assert document["bestandsomvang"] is None


def test_a_new_version_in_parts(drc, document_type):
    created = create_document(drc, document_type)
    lock = drc.post(f"{created['url']}/lock").json()["lock"]

    changed = drc.patch(
        created["url"], {"inhoud": None, "bestandsomvang": 60, "lock": lock}, format="json"
    ).json()

    assert changed["versie"] == 2 and len(changed["bestandsdelen"]) == 2
    for part, start in zip(changed["bestandsdelen"], (0, 50), strict=True):
        upload(drc, part, (b"x" * 60)[start : start + part["omvang"]], lock)
    drc.post(f"{created['url']}/unlock", {"lock": lock}, format="json")
    assert b"".join(drc.get(f"{created['url']}/download").streaming_content) == b"x" * 60
    assert drc.get(f"{created['url']}/download", {"versie": 1})["Content-Type"] == "application/pdf"


def test_an_announced_size_over_the_limit_is_refused(drc, document_type, settings):
    settings.LOKET_DOCUMENT_MAX_BYTES = 100

    response = drc.post(
        DOCUMENTS,
        document_body(document_type, None, bestandsomvang=101),
        format="json",
    )

    assert invalid(response, "bestandsomvang")["code"] == "file-too-large"
