"""Files added to a form: checked on type, size and bytes before they are kept.

The extension is only a claim: the bytes must be what it says (an executable renamed .pdf is
refused), and only the extensions the field allows are taken.
"""

import logging
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from loket.cases.document_files import sniff_content_type
from loket.forms.models import Draft, Upload

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": {"application/pdf"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
    "heic": {"image/heic", "image/heif"},
    "gif": {"image/gif"},
    "txt": {"text/plain"},
    "csv": {"text/plain"},
    "docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
    },
    "odt": {"application/vnd.oasis.opendocument.text", "application/zip"},
}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def checked_content_type(field: dict, name: str, content: bytes) -> str:
    accept = [extension.lower() for extension in field.get("accept", ["pdf", "jpg", "png"])]
    extension = extension_of(name)
    if extension not in accept:
        raise ValidationError(
            _("This kind of file is not allowed. Allowed: %(kinds)s.")
            % {"kinds": ", ".join(accept).upper()}
        )
    limit_mb = field.get("max_size_mb", 10)
    if len(content) > limit_mb * 1024 * 1024:
        raise ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": limit_mb})
    if not content:
        raise ValidationError(_("The file is empty."))
    sniffed = sniff_content_type(content)
    if sniffed not in CONTENT_TYPES.get(extension, set()):
        raise ValidationError(
            _("The file is not really a %(kind)s file. Choose another file.")
            % {"kind": extension.upper()}
        )
    return sniffed


def add_upload(draft: Draft, field: dict, uploaded) -> Upload:
    """Keep a file for a field of the draft; raises ValidationError with a sentence."""
    if draft.uploads.filter(field=field["key"]).count() >= field.get("max_files", 1):
        raise ValidationError(
            _("You can add at most %(count)s file(s) here. Remove one first.")
            % {"count": field.get("max_files", 1)}
        )
    content = uploaded.read()
    name = uploaded.name.replace("/", "_").replace("\\", "_")[-200:]
    content_type = checked_content_type(field, name, content)
    upload = Upload(
        draft=draft, field=field["key"], name=name, content_type=content_type, size=len(content)
    )
    try:
        upload.file.save(name, ContentFile(content), save=False)
    except OSError:  # a full or unreachable file store: the rest of the page is kept
        logger.exception("An uploaded file could not be stored")
        raise ValidationError(
            _("We could not store the file just now. Please try again later.")
        ) from None
    upload.save()
    return upload


def remove_uploads(draft: Draft, field_key: str, upload_ids: list[str]) -> None:
    for upload in draft.uploads.filter(field=field_key, uuid__in=valid_uuids(upload_ids)):
        upload.file.delete(save=False)
        upload.delete()


def valid_uuids(values: list[str]) -> list[str]:
    valid = []
    for value in values:
        try:
            valid.append(str(uuid.UUID(value)))
        except ValueError:
            continue
    return valid


def uploads_value(draft: Draft, field_key: str) -> list[dict]:
    """The answer of a file field: the files it holds now."""
    return [
        {"id": str(u.uuid), "name": u.name, "size": u.size, "content_type": u.content_type}
        for u in draft.uploads.filter(field=field_key).order_by("pk")
    ]
