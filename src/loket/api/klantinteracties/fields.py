"""Serializer fields of the Klantinteracties API: its foreign keys (``{uuid, url}``), its
Dutch choice values for Loket's English ones, and its address groups."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from loket.api.common.fields import link
from loket.contacts.models import Actor, Channel, DigitalAddress, InternalTask, Involvement, Party

API = "klantinteracties"

# The standard's values (left) for Loket's (right).
KANAAL = {
    "telefoon": Channel.PHONE,
    "balie": Channel.COUNTER,
    "e-mail": Channel.EMAIL,
    "sociale media": Channel.SOCIAL_MEDIA,
    "chat": Channel.CHAT,
    "brief": Channel.LETTER,
    "huisbezoek": Channel.HOME_VISIT,
}
SOORT_DIGITAAL_ADRES = {
    "email": DigitalAddress.Kind.EMAIL,
    "telefoonnummer": DigitalAddress.Kind.PHONE,
    "overig": DigitalAddress.Kind.OTHER,
}
SOORT_PARTIJ = {
    "persoon": Party.Kind.PERSON,
    "organisatie": Party.Kind.ORGANISATION,
    "contactpersoon": Party.Kind.CONTACT_PERSON,
}
SOORT_ACTOR = {
    "medewerker": Actor.Kind.EMPLOYEE,
    "geautomatiseerde_actor": Actor.Kind.SYSTEM,
    "organisatorische_eenheid": Actor.Kind.DEPARTMENT,
}
ROL = {"klant": Involvement.Role.CUSTOMER, "vertegenwoordiger": Involvement.Role.REPRESENTATIVE}
STATUS = {"te_verwerken": InternalTask.Status.TO_DO, "verwerkt": InternalTask.Status.DONE}


def detail(name: str) -> str:
    return f"{API}:{name}-detail"


class MappedChoiceField(serializers.ChoiceField):
    """One of the standard's values, kept as Loket's; ``shown_as`` names how a value of
    Loket's that the standard lacks is shown (a social-media handle is ``overig``)."""

    def __init__(self, mapping: dict, *, shown_as: dict | None = None, **kwargs):
        self.to_domain = mapping
        self.to_api = {domain: api for api, domain in mapping.items()} | (shown_as or {})
        super().__init__(choices=list(mapping), **kwargs)

    def to_internal_value(self, data):
        return self.to_domain[super().to_internal_value(data)]

    def to_representation(self, value):
        return self.to_api.get(value, value)


class KanaalField(MappedChoiceField):
    """``kanaal``: free text in the standard; Loket knows its channels and refuses others,
    so that first-contact resolution per channel adds up."""

    default_error_messages = {
        "invalid_choice": _("Unknown channel %(input)s; give one of: %(channels)s."),
    }

    def __init__(self, **kwargs):
        super().__init__(KANAAL, **kwargs)

    def to_internal_value(self, data):
        value = str(data).strip().lower()
        if value not in self.to_domain:
            self.fail("invalid_choice", input=data, channels=", ".join(KANAAL))
        return self.to_domain[value]


def foreign_key(request, view_name: str, instance) -> dict:
    return {"uuid": str(instance.uuid), "url": link(request, view_name, instance.uuid)}


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            "uuid": {"type": "string", "format": "uuid"},
            "url": {"type": "string", "format": "uri", "readOnly": True},
        },
        "required": ["uuid", "url"],
    }
)
class ForeignKeyField(serializers.RelatedField):
    """A related resource as ``{"uuid": …, "url": …}``; given by its ``uuid`` (or ``url``)."""

    default_error_messages = {
        "invalid": _('Give the related object as {"uuid": "…"}.'),
        "does_not_exist": _("No object exists with this uuid."),
    }

    def __init__(self, name: str, **kwargs):
        self.view_name = detail(name)
        super().__init__(**kwargs)

    def use_pk_only_optimization(self) -> bool:
        return False

    def to_representation(self, value) -> dict:
        return foreign_key(self.context["request"], self.view_name, value)

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            # Not self.fail(): DRF would format the message, whose braces are no placeholders.
            raise serializers.ValidationError(self.error_messages["invalid"], code="invalid")
        given = data.get("uuid") or str(data.get("url") or "").rstrip("/").rsplit("/", 1)[-1]
        if not isinstance(given, str):
            self.fail("does_not_exist")
        try:
            return self.get_queryset().get(uuid=given)
        except (ObjectDoesNotExist, ValueError, ValidationError):
            self.fail("does_not_exist")


class FirstActorField(ForeignKeyField):
    """``toegewezenAanActor``: the first of the task's actors (the standard's older field)."""

    def get_attribute(self, task):
        return next(iter(task.actors.all()), None)


class NumberField(serializers.CharField):
    """``nummer`` / ``referentienummer``: Loket makes one when a new object has none, and
    keeps it when a change gives none."""

    def __init__(self, **kwargs):
        super().__init__(
            source="number",
            max_length=10,
            required=False,
            allow_null=True,
            allow_blank=True,
            **kwargs,
        )

    def run_validation(self, data=serializers.empty):
        if data in (None, ""):
            raise serializers.SkipField
        return super().run_validation(data)


class AddressSerializer(serializers.Serializer):
    """Bezoekadres / correspondentieadres: kept as given, as a JSON object."""

    nummeraanduidingId = serializers.RegexField(
        r"^[0-9]{16}$", max_length=16, required=False, allow_blank=True
    )
    straatnaam = serializers.CharField(max_length=255, required=False, allow_blank=True)
    huisnummer = serializers.IntegerField(
        min_value=1, max_value=99999, required=False, allow_null=True
    )
    huisnummertoevoeging = serializers.CharField(max_length=20, required=False, allow_blank=True)
    postcode = serializers.RegexField(
        r"^[1-9][0-9]{3} [A-Z]{2}$", max_length=7, required=False, allow_blank=True
    )
    stad = serializers.CharField(max_length=255, required=False, allow_blank=True)
    adresregel1 = serializers.CharField(max_length=80, required=False, allow_blank=True)
    adresregel2 = serializers.CharField(max_length=80, required=False, allow_blank=True)
    adresregel3 = serializers.CharField(max_length=80, required=False, allow_blank=True)
    land = serializers.CharField(min_length=2, max_length=2, required=False, allow_blank=True)

    def to_representation(self, instance):
        return dict(instance)


class GroupSerializer(serializers.Serializer):
    """A group of the standard's fields kept as fields of the model (``source="*"``); null
    on write empties them all."""

    def run_validation(self, data=serializers.empty):
        if data is None:
            return {field.source: "" for field in self.fields.values()}
        return super().run_validation(data)


class ContactnaamSerializer(GroupSerializer):
    voorletters = serializers.CharField(
        source="initials", max_length=10, required=False, allow_blank=True
    )
    voornaam = serializers.CharField(
        source="given_name", max_length=200, required=False, allow_blank=True
    )
    voorvoegselAchternaam = serializers.CharField(
        source="surname_prefix", max_length=10, required=False, allow_blank=True
    )
    achternaam = serializers.CharField(
        source="surname", max_length=200, required=False, allow_blank=True
    )


class IdentificatorSerializer(GroupSerializer):
    """Onderwerpobjectidentificator / actoridentificator: an object in another register."""

    objectId = serializers.CharField(
        source="object_id", max_length=200, required=False, allow_blank=True
    )
    codeObjecttype = serializers.CharField(
        source="object_type_code", max_length=200, required=False, allow_blank=True
    )
    codeRegister = serializers.CharField(
        source="register_code", max_length=200, required=False, allow_blank=True
    )
    codeSoortObjectId = serializers.CharField(
        source="object_id_kind_code", max_length=200, required=False, allow_blank=True
    )
