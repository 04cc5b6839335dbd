"""``loket backup`` and ``loket restore``: the database and the documents in one tar file.

A restore has to prove that it brought back what was saved, so the archive carries a manifest:
Loket's version, the applied migrations, the database kind, every table's row count and every
document file's SHA-256. ``verify_archive`` checks an archive against its manifest;
``restore`` checks the restored installation against it and says where they differ.

The database is copied consistently while Loket runs: SQLite through its online backup API
(the row counts are read from the copy), PostgreSQL with ``pg_dump`` inside a snapshot that the
row counts are read from too. The documents are copied from the local folder after the
database: a document added meanwhile is in the files but not in the database, which does no
harm. Documents in S3 are not copied; docs/operations.md says how to back those up.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path, PurePosixPath
from typing import TextIO

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection, connections, transaction
from django.utils import timezone

import loket

FORMAT = 1
MANIFEST = "manifest.json"
DOCUMENTS = "documents"
DATABASE_MEMBER = {"sqlite": "database/loket.sqlite3", "postgresql": "database/loket.pgdump"}
# Tables that ``loket migrate`` fills on its own: rows there do not make an installation
# "in use".
FILLED_BY_MIGRATE = frozenset(
    {"django_migrations", "django_content_type", "auth_permission", "notify_channel"}
)
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Backup or restore cannot go on; the message says why and what to do."""


# --- Making a backup ----------------------------------------------------------------------------


def make_backup(target: Path, out: TextIO) -> dict:
    """Write the archive to ``target`` (a ``.tar``, or ``.tar.gz``), check it, and return its
    manifest. The file appears only when complete."""
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name.")
    root = document_root()
    if root is not None and target.resolve().is_relative_to(root.resolve()):
        raise BackupError(f"Write the backup outside the documents folder {root}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        manifest = write_archive(partial, target.name.endswith((".gz", ".tgz")))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    problems = verify_archive(partial)[1]
    if problems:
        partial.unlink()
        raise BackupError("The backup did not match itself:\n" + "\n".join(problems))
    partial.rename(target)
    counts, database = manifest["tables"], manifest["database"]
    print(
        f"database: {database['kind']} ({database['method']}), {len(counts)} tables, "
        f"{sum(counts.values())} rows",
        file=out,
    )
    if manifest["documents"]["included"]:
        print(f"documents: {len(manifest['documents']['files'])} files", file=out)
    else:
        print("documents: NOT included (not a local folder; back the bucket up itself)", file=out)
    print(f"backup written and verified: {target}", file=out)
    return manifest


def write_archive(partial: Path, compress: bool) -> dict:
    kind = database_kind()
    # The database copy is made next to the archive: where the space for it is, not in /tmp.
    with tempfile.TemporaryDirectory(prefix=".loket-backup-", dir=partial.parent) as tmp:
        dump = Path(tmp) / PurePosixPath(DATABASE_MEMBER[kind]).name
        if kind == "sqlite":
            method = "sqlite backup API"
            counts, migrations = dump_sqlite(dump)
        else:
            method = "pg_dump --format=custom"
            counts, migrations = dump_postgresql(dump)
        root = document_root()
        files = document_checksums(root) if root else {}
        manifest = {
            "format": FORMAT,
            "loket_version": loket.__version__,
            "created_at": timezone.now().isoformat(),
            "database": {
                "kind": kind,
                "method": method,
                "member": DATABASE_MEMBER[kind],
                "sha256": sha256_of(dump),
            },
            "migrations": migrations,
            "tables": counts,
            "documents": {
                "storage": "local" if root else "other",
                "included": root is not None,
                "files": files,
            },
        }
        partial.touch(mode=0o600)  # personal data: readable by this user only
        with tarfile.open(partial, "w:gz" if compress else "w") as archive:
            archive.add(dump, arcname=DATABASE_MEMBER[kind])
            for name in files:
                archive.add(root / name, arcname=f"{DOCUMENTS}/{name}", recursive=False)
            add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode())
    return manifest


def database_kind() -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(f"Backing up a {connection.vendor} database is not supported.")
    return connection.vendor


def dump_sqlite(dump: Path) -> tuple[dict[str, int], list[str]]:
    """A consistent copy of the live file (its online backup API), as one self-contained file."""
    with (
        closing(sqlite3.connect(connection.settings_dict["NAME"])) as source,
        closing(sqlite3.connect(dump)) as copy,
    ):
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        cursor = copy.cursor()
        return table_counts(cursor, sqlite_tables(cursor)), applied_migrations(cursor)


def dump_postgresql(dump: Path) -> tuple[dict[str, int], list[str]]:
    """pg_dump in the snapshot that the row counts and migrations are read in."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError(
            "pg_dump is not installed. Install the PostgreSQL client tools of the server's "
            "major version (Debian: apt-get install postgresql-client) and run again."
        )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(cursor, connection.introspection.table_names(cursor))
        migrations = applied_migrations(cursor)
        run_pg(
            [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"],
            "pg_dump",
        )
    return counts, migrations


def sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return sorted(row[0] for row in cursor.fetchall())


def current_tables(cursor) -> list[str]:
    if connection.vendor == "sqlite":
        return sqlite_tables(cursor)
    return sorted(connection.introspection.table_names(cursor))


def table_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from the db
        counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations(cursor) -> list[str]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [f"{app}.{name}" for app, name in cursor.fetchall()]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def document_root() -> Path | None:
    """The documents folder, or None when documents are kept elsewhere (S3)."""
    storage = storages["default"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def document_checksums(root: Path) -> dict[str, dict]:
    if not root.is_dir():
        return {}
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            name = path.relative_to(root).as_posix()
            files[name] = {"sha256": sha256_of(path), "size": path.stat().st_size}
    return files


def sha256_of(path: Path) -> str:
    with open(path, "rb") as stream:
        return sha256_stream(stream)


def sha256_stream(stream) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(content))


def run_pg(arguments: list[str], what: str) -> None:
    """Run a PostgreSQL client tool on this database; the password goes by environment."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    where = [
        f"--host={db.get('HOST') or '127.0.0.1'}",
        f"--port={db.get('PORT') or 5432}",
        f"--username={db.get('USER') or 'postgres'}",
        f"--dbname={db['NAME']}",
    ]
    done = subprocess.run(  # noqa: S603 - our own arguments
        [*arguments, *where], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{what} failed:\n{done.stderr.strip()}")


# --- Checking an archive -------------------------------------------------------------------------


def verify_archive(path: Path) -> tuple[dict, list[str]]:
    """The manifest and the problems found: every file there, none more, each checksum right."""
    try:
        with tarfile.open(path, "r:*") as archive:
            manifest = read_manifest(archive)
            expected = {manifest["database"]["member"]: manifest["database"]["sha256"]}
            for name, file in manifest["documents"]["files"].items():
                expected[f"{DOCUMENTS}/{name}"] = file["sha256"]
            problems, found = [], {}
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not safe_name(member.name):
                    problems.append(f"unexpected entry in the archive: {member.name}")
                elif member.name not in expected:
                    problems.append(f"not in the manifest: {member.name}")
                else:
                    found[member.name] = sha256_stream(archive.extractfile(member))
    except (tarfile.TarError, OSError, EOFError, KeyError, ValueError) as error:
        return {}, [f"the archive cannot be read: {error}"]
    for name, checksum in expected.items():
        if name not in found:
            problems.append(f"missing from the archive: {name}")
        elif found[name] != checksum:
            problems.append(f"checksum differs: {name}")
    return manifest, problems


def read_manifest(archive: tarfile.TarFile) -> dict:
    stream = archive.extractfile(MANIFEST)
    manifest = json.loads(stream.read())
    if manifest.get("format") != FORMAT:
        raise ValueError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts


def print_verification(path: Path, out: TextIO) -> bool:
    manifest, problems = verify_archive(path)
    for problem in problems:
        print(f"FAIL {problem}", file=out)
    if problems:
        return False
    files = manifest["documents"]["files"]
    print(
        f"OK   {path}: Loket {manifest['loket_version']}, {manifest['database']['kind']}, "
        f"{len(manifest['tables'])} tables, {sum(manifest['tables'].values())} rows, "
        f"{len(files)} documents; every checksum matches",
        file=out,
    )
    return True


# --- Restoring ------------------------------------------------------------------------------------


def restore(source: Path, *, force: bool, out: TextIO) -> bool:
    """Bring this installation back to the archive's content; True when it matches exactly.

    Refuses an archive that fails its check, one of another database kind or of a newer
    Loket, and, without ``force``, an installation that already holds data.
    """
    manifest, problems = verify_archive(source)
    if problems:
        raise BackupError("The archive fails its check:\n" + "\n".join(problems))
    kind = database_kind()
    if manifest["database"]["kind"] != kind:
        raise BackupError(
            f"This is a backup of a {manifest['database']['kind']} database; this installation "
            f"uses {kind}. Restore it onto the same kind of database."
        )
    check_not_newer(manifest)
    root = document_root()
    if not force:
        in_use = occupied(root)
        if in_use:
            raise BackupError(
                "This installation is not empty (" + ", ".join(in_use[:5]) + "). Restore into "
                "an empty installation, or add --force to replace everything in it."
            )
    with tarfile.open(source, "r:*") as archive, tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "database"
        with archive.extractfile(manifest["database"]["member"]) as stream, open(dump, "wb") as f:
            shutil.copyfileobj(stream, f, CHUNK)
        load_database(dump, kind)
        if manifest["documents"]["included"] and root is not None:
            restore_documents(archive, manifest["documents"]["files"], root)
    return check_restored(manifest, root, out)


def check_not_newer(manifest: dict) -> None:
    from django.db.migrations.loader import MigrationLoader

    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            f"This backup was made by a newer Loket ({manifest['loket_version']}; migrations "
            f"unknown here: {', '.join(unknown[:5])}). Install that version and restore again."
        )


def occupied(root: Path | None) -> list[str]:
    """What makes this installation non-empty: tables with rows, files in the documents
    folder."""
    found = []
    ignored = FILLED_BY_MIGRATE | cache_tables()
    with connection.cursor() as cursor:
        for table in current_tables(cursor):
            if table in ignored:
                continue
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                found.append(f"rows in {table}")
    if root is not None and root.is_dir() and any(p.is_file() for p in root.rglob("*")):
        found.append(f"files in {root}")
    return found


def cache_tables() -> frozenset[str]:
    """Database caches (rate limits, lockouts): passing data, not content."""
    return frozenset(
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"].endswith("DatabaseCache")
    )


def load_database(dump: Path, kind: str) -> None:
    if kind == "sqlite":
        connections.close_all()
        with (
            closing(sqlite3.connect(dump)) as source,
            closing(sqlite3.connect(connection.settings_dict["NAME"])) as target,
        ):
            source.backup(target)
        return
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise BackupError(
            "pg_restore is not installed. Install the PostgreSQL client tools (Debian: "
            "apt-get install postgresql-client) and run again."
        )
    with transaction.atomic(), connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if tables:
            cursor.execute(f"DROP TABLE {', '.join(quote(t) for t in tables)} CASCADE")
    connections.close_all()
    run_pg(
        [
            pg_restore,
            "--clean",  # also drops the dump's functions (the insights triggers' functions)
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            str(dump),
        ],
        "pg_restore",
    )


def restore_documents(archive: tarfile.TarFile, files: dict, root: Path) -> None:
    """The documents folder becomes exactly the archive's."""
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() or path.is_symlink():
                path.unlink()
    for name in files:
        if not safe_name(name):
            raise BackupError(f"Refused to write outside the documents folder: {name}")
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(f"{DOCUMENTS}/{name}") as stream, open(path, "wb") as f:
            shutil.copyfileobj(stream, f, CHUNK)


def check_restored(manifest: dict, root: Path | None, out: TextIO) -> bool:
    """Compare the restored installation with the manifest, then migrate; report both."""
    with connection.cursor() as cursor:
        counts = table_counts(cursor, current_tables(cursor))
    expected = manifest["tables"]
    problems = [
        f"table {table}: {counts.get(table, 'missing')} rows, the backup has {rows}"
        for table, rows in expected.items()
        if counts.get(table) != rows
    ]
    problems += [f"table {table} is not in the backup" for table in counts if table not in expected]
    files = manifest["documents"]["files"] if manifest["documents"]["included"] else {}
    if files and root is None:
        print("documents: not restored (this installation keeps them outside a folder)", file=out)
        files = {}
    for name, file in files.items():
        path = root / name
        if not path.is_file():
            problems.append(f"document file missing: {name}")
        elif sha256_of(path) != file["sha256"]:
            problems.append(f"document file differs: {name}")
    for problem in problems:
        print(f"FAIL {problem}", file=out)
    state = "equal to the backup" if not problems else "NOT equal to the backup"
    print(f"database: {len(expected)} tables, {sum(expected.values())} rows: {state}", file=out)
    print(f"documents: {len(files)} files, checksums checked", file=out)
    applied = migrate()
    if applied:
        print(f"migrations: {applied} applied (the backup is older than this Loket)", file=out)
    else:
        print("migrations: none pending", file=out)
    print("restore OK" if not problems else "restore FAILED", file=out)
    return not problems


def migrate() -> int:
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    connections.close_all()
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    return len(pending)
