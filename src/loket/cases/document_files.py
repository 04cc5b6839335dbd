"""The bytes of a document: the size limit, the type sniffed from them, their checksum, and a
large file that comes in parts (bestandsdelen).

Nothing here trusts what the client says about the bytes: the type is what they are, the
checksum is computed, and a checksum the client sends along must match it.
"""

import hashlib
import math
import secrets

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.models import Document, DocumentVersion, FilePart
from loket.cases.services import refuse

# The size of each part of a file uploaded in parts; the last part holds the rest.
PART_BYTES = 4 * 1024 * 1024

# Checksums a client may send (integriteit) that Loket can verify against the bytes.
VERIFIABLE = {"md5": "md5", "sha_1": "sha1", "sha_256": "sha256", "sha_512": "sha512"}


def sniff_content_type(content: bytes) -> str:
    kind = filetype.guess(content[:8192])
    if kind is not None:
        return kind.mime
    try:
        content[:8192].decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"


def check_size(size: int, field: str) -> None:
    if size > settings.LOKET_DOCUMENT_MAX_BYTES:
        refuse(
            _("The file is larger than %(mb)s MB.")
            % {"mb": settings.LOKET_DOCUMENT_MAX_BYTES // (1024 * 1024)},
            "file-too-large",
            field,
        )


def content_fields(content: bytes, file_name: str, declared_integrity: dict | None = None) -> dict:
    """Size, checksum and sniffed type of the bytes; the integrity shown is Loket's SHA-256."""
    check_size(len(content), "inhoud")
    check_integrity(content, declared_integrity or {})
    stored = ContentFile(content, name=file_name or "document")
    checksum = hashlib.sha256(content).hexdigest()
    return {
        "file": stored,
        "size": len(content),
        "checksum": checksum,
        "content_type": sniff_content_type(content),
        "integrity": {
            "algorithm": "sha_256",
            "value": checksum,
            "date": timezone.localdate().isoformat(),
        },
    }


def check_integrity(content: bytes, declared: dict) -> None:
    """A checksum the client sent along must be that of the bytes that arrived."""
    algorithm = VERIFIABLE.get(declared.get("algorithm", ""))
    if not algorithm or not declared.get("value"):
        return
    if hashlib.new(algorithm, content).hexdigest() != declared["value"].lower():
        refuse(
            _("The checksum does not match the content that arrived."),
            "integrity-mismatch",
            "integriteit",
        )


def expect_parts(version: DocumentVersion, size: int) -> None:
    check_size(size, "bestandsomvang")
    count = math.ceil(size / PART_BYTES)
    FilePart.objects.bulk_create(
        FilePart(version=version, order=n + 1, size=min(PART_BYTES, size - n * PART_BYTES))
        for n in range(count)
    )


@transaction.atomic
def upload_part(part: FilePart, *, lock: str, content: bytes) -> FilePart:
    """One part of the file, of exactly the part's size, by the client holding the lock."""
    document = Document.objects.select_for_update().get(pk=part.version.document_id)
    if not secrets.compare_digest(document.lock, lock or ""):
        refuse(_("The lock id is not right."), "incorrect-lock-id", "lock")
    if len(content) != part.size:
        refuse(
            _("This part must be %(size)s bytes; %(received)s arrived.")
            % {"size": part.size, "received": len(content)},
            "file-size",
            "inhoud",
        )
    replaced = part.file.name if part.file else ""
    part.file = ContentFile(content, name=f"part-{part.order}")
    part.save(update_fields=["file"])
    if replaced:
        delete_files_after_commit([replaced], part.file.storage)
    return part


def finish_upload(version: DocumentVersion, parts: list[FilePart], *, force: bool) -> None:
    if not all(part.is_uploaded for part in parts):
        if not force:
            refuse(
                _("Not every part of the file has been uploaded yet."),
                "incomplete-upload",
                "nonFieldErrors",
            )
        version.size = None
        version.save(update_fields=["size"])
    else:
        content = b"".join(read_file(part.file) for part in parts)
        for name, value in content_fields(content, version.file_name, version.integrity).items():
            setattr(version, name, value)
        version.save()
    drop_parts(parts)


def read_file(field_file) -> bytes:
    with field_file.open("rb") as stream:
        return stream.read()


def drop_parts(parts: list[FilePart]) -> None:
    names = [part.file.name for part in parts if part.file]
    FilePart.objects.filter(pk__in=[part.pk for part in parts]).delete()
    if names:
        delete_files_after_commit(names, parts[0].file.storage)


def delete_files_after_commit(names: list[str], storage) -> None:
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
