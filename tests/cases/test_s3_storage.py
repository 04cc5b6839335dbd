"""Documents in S3-compatible object storage, against a real S3 server process on loopback."""

import shutil
import subprocess
import sys
from datetime import date

import boto3
import pytest
from botocore.exceptions import BotoCoreError

from loket.cases.documents import create_document, latest_version
from loket.catalog.models import DocumentType
from loket.catalog.services import publish_type
from tests.catalog.factories import make_catalogue
from tests.conftest import free_port, wait_until

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_server():
    port = free_port()
    executable = shutil.which("moto_server") or [sys.executable, "-m", "moto.server"]
    command = [executable] if isinstance(executable, str) else executable
    server = subprocess.Popen(
        [*command, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    wait_until(lambda: try_list(client), timeout=30, what="the S3 server")
    client.create_bucket(Bucket="loket-documenten")
    yield endpoint, client
    server.terminate()
    server.wait(timeout=10)


def try_list(client) -> bool:
    try:
        client.list_buckets()
    except BotoCoreError:  # not listening yet
        return False
    return True


def test_document_content_goes_to_the_bucket(s3_server, settings):
    endpoint, client = s3_server
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "loket-documenten",
                "endpoint_url": endpoint,
                "access_key": "test",
                "secret_key": "test",
                "region_name": "us-east-1",
            },
        },
    }
    document_type = publish_type(
        DocumentType.objects.create(
            catalogue=make_catalogue(),
            valid_from=date(2026, 1, 1),
            description="Bijlage",
            confidentiality="openbaar",
            category="bijlage",
        )
    )

    document = create_document(
        document_type=document_type,
        title="Foto",
        author="Inwoner",
        source_organisation="001000007",
        content=b"%PDF-1.4 inhoud",
        file_name="foto.pdf",
    )

    version = latest_version(document)
    stored = client.get_object(Bucket="loket-documenten", Key=version.file.name)["Body"].read()
    assert stored == b"%PDF-1.4 inhoud"
    assert version.file.read() == b"%PDF-1.4 inhoud"
