"""``loket backup`` and ``loket restore``, run as real processes: the restored installation has
every row of every table and every byte of every document of the original, on SQLite and on
PostgreSQL; a damaged archive is refused."""

import os
import sqlite3
import tarfile
from contextlib import closing
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from loket.backup import BackupError, restore, verify_archive
from loket.cases.services import close_with_result, open_case
from loket.notify.models import Event, Mail
from loket.notify.services import queue_mail
from tests.cases.factories import add_document, allow_documents, published_case_type
from tests.conftest import REPO, run_loket

pytestmark = pytest.mark.django_db(transaction=True)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def documents_dir(tmp_path, settings):
    root = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    return root


@pytest.fixture
def installation(documents_dir, process_env):
    """Cases with documents, status history, events and mails, and a staff account."""
    case_type = published_case_type()
    document_type = allow_documents(case_type)
    for n in range(3):
        case = open_case(case_type, actor="test", initiator_bsn="999993653")
        add_document(case, document_type, PDF + f"bijlage {n}".encode(), title=f"Bijlage{n}")
        queue_mail(to="inwoner@example.nl", subject=f"Zaak {n}", text_body="Ontvangen", case=case)
    close_with_result(case, case_type.result_types.get(), actor="test")
    get_user_model().objects.create_user("behandelaar", password="geheim-genoeg-123")
    assert Event.objects.count() >= 6 and Mail.objects.count() == 3
    return {**process_env, "LOKET_MEDIA_ROOT": str(documents_dir)}


def database_url() -> str:
    from tests.conftest import database_url_of

    return database_url_of(connection.settings_dict)


def every_row(url: str) -> dict[str, list]:
    """Every table's rows, sorted, read with the database's own driver."""
    if url.startswith("sqlite:///"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
            tables = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {
                t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"')))  # noqa: S608
                for t in tables
            }
    with psycopg.connect(url) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
        return {
            t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"')))  # noqa: S608
            for t in tables
        }


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def empty_target(tmp_path):
    """An empty installation on the same kind of database: another SQLite file or another
    PostgreSQL database."""
    env = {"LOKET_DATA_DIR": str(tmp_path / "target"), "LOKET_MEDIA_ROOT": str(tmp_path / "t-m")}
    if connection.vendor == "sqlite":
        env["LOKET_DATABASE_URL"] = f"sqlite:///{tmp_path / 'target' / 'loket.sqlite3'}"
        yield env
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    env["LOKET_DATABASE_URL"] = database_url().rsplit("/", 1)[0] + f"/{name}"
    yield env
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_every_row_and_every_document_byte(
    installation, documents_dir, empty_target, tmp_path
):
    archive = tmp_path / "loket-backup.tar.gz"
    made = run_loket("backup", str(archive), env=installation)
    assert made.returncode == 0, made.stderr
    assert "backup written and verified" in made.stdout
    assert archive.stat().st_mode & 0o077 == 0  # readable by its owner only

    checked = run_loket("backup", "--verify", str(archive), env=installation)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    manifest = verify_archive(archive)[0]
    assert manifest["database"]["kind"] == connection.vendor
    assert manifest["tables"]["cases_case"] == 3
    assert manifest["tables"]["notify_mail"] == 3
    assert len(manifest["documents"]["files"]) == 3
    assert "cases.0001_initial" in manifest["migrations"]

    restored = run_loket("restore", str(archive), env={**installation, **empty_target})
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "restore OK" in restored.stdout
    assert "equal to the backup" in restored.stdout

    assert every_row(empty_target["LOKET_DATABASE_URL"]) == every_row(database_url())
    target_files = files_under(Path(empty_target["LOKET_MEDIA_ROOT"]))
    assert target_files == files_under(documents_dir)
    assert len(target_files) == 3

    again = run_loket("restore", str(archive), env={**installation, **empty_target})
    assert again.returncode == 1
    assert "not empty" in again.stderr
    forced = run_loket("restore", "--force", str(archive), env={**installation, **empty_target})
    assert forced.returncode == 0, forced.stdout + forced.stderr


def corrupt(archive: Path, marker: bytes) -> None:
    content = bytearray(archive.read_bytes())
    at = content.index(marker)
    content[at] ^= 0x01
    archive.write_bytes(bytes(content))


def test_a_damaged_archive_is_refused_by_verify_and_by_restore(installation, tmp_path):
    archive = tmp_path / "loket-backup.tar"  # uncompressed: a flipped bit stays in one file
    assert run_loket("backup", str(archive), env=installation).returncode == 0
    corrupt(archive, b"bijlage 1")

    checked = run_loket("backup", "--verify", str(archive), env=installation)
    assert checked.returncode == 1
    assert "FAIL checksum differs: documents/" in checked.stdout

    with pytest.raises(BackupError, match="fails its check"):
        restore(archive, force=True, out=StringIO())


def test_an_archive_with_a_file_outside_the_manifest_is_refused(installation, tmp_path):
    archive = tmp_path / "loket-backup.tar"
    assert run_loket("backup", str(archive), env=installation).returncode == 0
    extra = tmp_path / "evil.txt"
    extra.write_text("x")
    with tarfile.open(archive, "a") as tar:
        tar.add(extra, arcname="../../evil.txt")

    problems = verify_archive(archive)[1]
    assert problems == ["unexpected entry in the archive: ../../evil.txt"]


def test_restore_refuses_an_installation_that_holds_data(installation, tmp_path):
    archive = tmp_path / "loket-backup.tar"
    assert run_loket("backup", str(archive), env=installation).returncode == 0

    with pytest.raises(BackupError, match=r"not empty \(rows in "):
        restore(archive, force=False, out=StringIO())


def test_backup_does_not_overwrite_a_file(installation, tmp_path):
    archive = tmp_path / "exists.tar"
    archive.write_text("keep me")
    made = run_loket("backup", str(archive), env=installation)
    assert made.returncode == 1
    assert "exists already" in made.stderr
    assert archive.read_text() == "keep me"


@pytest.mark.django_db(transaction=False)
def test_a_backup_from_an_older_loket_is_migrated_after_the_restore(tmp_path):
    """An older installation: this Loket's schema without its latest cases migration."""
    older = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": str(REPO),
        "LOKET_DATA_DIR": str(tmp_path / "older"),
        "LOKET_DATABASE_URL": f"sqlite:///{tmp_path / 'older.sqlite3'}",
    }
    assert run_loket("migrate", env=older).returncode == 0
    assert run_loket("migrate", "cases", "0009", env=older).returncode == 0
    archive = tmp_path / "older.tar"
    assert run_loket("backup", str(archive), env=older).returncode == 0
    assert (
        "cases.0010_destructionlist_destructionlistitem"
        not in (verify_archive(archive)[0]["migrations"])
    )

    newer = {**older, "LOKET_DATABASE_URL": f"sqlite:///{tmp_path / 'newer.sqlite3'}"}
    newer["LOKET_DATA_DIR"] = str(tmp_path / "newer")
    restored = run_loket("restore", str(archive), env=newer)

    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "equal to the backup" in restored.stdout
    assert "applied (the backup is older than this Loket)" in restored.stdout
    with closing(sqlite3.connect(tmp_path / "newer.sqlite3")) as db:
        assert db.execute("SELECT COUNT(*) FROM cases_destructionlist").fetchone() == (0,)


def test_backup_is_not_written_into_the_documents_folder(installation, documents_dir):
    made = run_loket("backup", str(documents_dir / "backup.tar"), env=installation)
    assert made.returncode == 1
    assert "outside the documents folder" in made.stderr
    assert not list(documents_dir.glob("backup.tar*"))
