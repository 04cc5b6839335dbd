"""EnkelvoudigInformatieObject, its bestandsdelen, lock and search bodies, and the audit trail.

A document is shown as one of its versions (the latest unless another is asked for), so the
serializers read a ``DocumentVersion`` and reach the document's own fields through it.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from loket.api.common.fields import LinkField
from loket.api.documenten.fields import DOCUMENT, ContentField, DocumentTypeField, Group
from loket.cases.models import DocumentVersion
from loket.catalog.choices import Confidentiality

ALGORITHMS = ["crc_16", "crc_32", "crc_64", "fletcher_4", "fletcher_8", "fletcher_16",
              "fletcher_32", "hmac", "md5", "sha_1", "sha_256", "sha_512", "sha_3"]  # fmt: skip


def optional_text(max_length=None, **kwargs):
    """Optional text; a PUT that leaves it out empties it, as PUT replaces the resource."""
    return serializers.CharField(
        max_length=max_length, required=False, allow_blank=True, default="", **kwargs
    )


def optional(field_class, **kwargs):
    kwargs.setdefault("default", None)
    return field_class(required=False, allow_null=True, **kwargs)


@extend_schema_serializer(component_name="Ondertekening")
class SignatureSerializer(Group):
    soort = serializers.ChoiceField(source="kind", choices=["analoog", "digitaal", "pki"])
    datum = serializers.DateField(source="date")


@extend_schema_serializer(component_name="Integriteit")
class IntegritySerializer(Group):
    algoritme = serializers.ChoiceField(source="algorithm", choices=ALGORITHMS)
    waarde = serializers.CharField(source="value", max_length=128)
    datum = serializers.DateField(source="date")


@extend_schema_serializer(component_name="BestandsDeel")
class FilePartSerializer(serializers.Serializer):
    """A part of a file to upload. Its ``lock`` is left out: only the client that locked the
    document may know it, and it has it already."""

    url = LinkField("documenten:bestandsdeel-detail", source="*", read_only=True)
    volgnummer = serializers.IntegerField(source="order", read_only=True)
    omvang = serializers.IntegerField(source="size", read_only=True)
    voltooid = serializers.BooleanField(source="is_uploaded", read_only=True)


@extend_schema_serializer(component_name="BestandsDeelResponse")
class FilePartUploadSerializer(FilePartSerializer):
    inhoud = serializers.FileField(write_only=True)
    lock = serializers.CharField(write_only=True)


@extend_schema_serializer(component_name="EnkelvoudigInformatieObject")
class DocumentSerializer(serializers.Serializer):
    url = LinkField(DOCUMENT, source="document", read_only=True)
    identificatie = optional_text(40, source="document.identification")
    bronorganisatie = serializers.RegexField(
        r"^\d{9}$", max_length=9, source="document.source_organisation"
    )
    creatiedatum = serializers.DateField(source="created_on")
    titel = serializers.CharField(source="title", max_length=200)
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        source="confidentiality", choices=Confidentiality.choices, required=False, allow_blank=True
    )
    auteur = serializers.CharField(source="author", max_length=200)
    status = serializers.ChoiceField(
        choices=DocumentVersion.Status.choices,
        required=False,
        allow_blank=True,
        default="",
    )
    inhoudIsVervallen = optional(serializers.BooleanField, source="content_withdrawn")
    formaat = optional_text(255, source="declared_format")
    taal = serializers.CharField(source="language", min_length=3, max_length=3)
    versie = serializers.IntegerField(source="version", read_only=True)
    beginRegistratie = serializers.DateTimeField(source="registered_at", read_only=True)
    bestandsnaam = optional_text(255, source="file_name")
    inhoud = ContentField()
    bestandsomvang = serializers.IntegerField(
        source="size", min_value=0, required=False, allow_null=True
    )
    link = serializers.URLField(max_length=200, required=False, allow_blank=True, default="")
    beschrijving = optional_text(1000, source="description")
    ontvangstdatum = optional(serializers.DateField, source="received_on")
    verzenddatum = optional(serializers.DateField, source="sent_on")
    indicatieGebruiksrecht = serializers.BooleanField(
        source="usage_rights_indicated", required=False, allow_null=True
    )
    verschijningsvorm = optional_text(255, source="appearance")
    ondertekening = SignatureSerializer(
        source="signature", required=False, allow_null=True, default=None
    )
    integriteit = IntegritySerializer(source="integrity", required=False, allow_null=True)
    informatieobjecttype = DocumentTypeField(source="document_type")
    locked = serializers.BooleanField(source="document.is_locked", read_only=True)
    bestandsdelen = FilePartSerializer(source="parts.all", many=True, read_only=True)
    trefwoorden = serializers.ListField(
        source="keywords", child=serializers.CharField(), required=False, default=list
    )

    def validate_ondertekening(self, value):
        return value or {}

    def validate_integriteit(self, value):
        return value or {}

    def validate(self, attrs):
        """``bestandsomvang`` must be the size of the ``inhoud`` that came with it."""
        content, size = attrs.get("content"), attrs.get("size")
        if content is not None and size is not None and size != len(content):
            raise serializers.ValidationError(
                {"bestandsomvang": _("This is not the size of the content sent along.")},
                code="file-size",
            )
        return attrs


@extend_schema_serializer(component_name="EnkelvoudigInformatieObjectCreateLock")
class DocumentCreateSerializer(DocumentSerializer):
    """The created document, with the lock id when its file is to come in parts."""

    lock = serializers.CharField(source="document.lock", read_only=True)


@extend_schema_serializer(component_name="EnkelvoudigInformatieObjectWithLock")
class DocumentChangeSerializer(DocumentSerializer):
    lock = serializers.CharField(write_only=True, min_length=1)


@extend_schema_serializer(component_name="LockEnkelvoudigInformatieObject")
class LockSerializer(serializers.Serializer):
    lock = serializers.CharField(read_only=True)


@extend_schema_serializer(component_name="UnlockEnkelvoudigInformatieObject")
class UnlockSerializer(serializers.Serializer):
    lock = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


@extend_schema_serializer(component_name="EIOZoek")
class SearchSerializer(serializers.Serializer):
    uuid__in = serializers.ListField(child=serializers.UUIDField())
    identificatie = serializers.CharField(required=False)
    bronorganisatie = serializers.CharField(required=False)
    expand = serializers.CharField(required=False, allow_blank=True, default="")
