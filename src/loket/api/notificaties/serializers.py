"""Kanaal, Abonnement (with its FilterGroups) and Message: the standard's Dutch fields
translated to the notify models' English fields (``source``) and back. The rules (unique
channel names, filters a channel knows, a callback that answers) are in
``loket.notify.services``.
"""

from urllib.parse import urlparse

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from loket.api.common.fields import LinkField, looks_like_url
from loket.notify.models import Channel

KANAAL = "notificaties:kanaal-detail"
ABONNEMENT = "notificaties:abonnement-detail"


def absolute_url(value: str) -> None:
    """Any http(s) URL with a host; Django's URLValidator would refuse a host without a dot
    (``http://zaaksysteem/callback``), common inside a municipality's network."""
    if value and not (looks_like_url(value) and urlparse(value).netloc):
        raise serializers.ValidationError(_("Give an absolute http(s) URL."), code="invalid")


@extend_schema_field(OpenApiTypes.URI)
class UrlField(serializers.CharField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(absolute_url)


def features_field(**kwargs) -> serializers.DictField:
    """A map of kenmerken (name → value), as the kanalen filter on and notifications carry."""
    return serializers.DictField(child=serializers.CharField(max_length=1000), **kwargs)


@extend_schema_serializer(component_name="Kanaal")
class KanaalSerializer(serializers.Serializer):
    url = LinkField(KANAAL, source="*", read_only=True)
    naam = serializers.CharField(source="name", max_length=50)
    documentatieLink = UrlField(
        source="documentation_link", max_length=200, required=False, allow_blank=True
    )
    filters = serializers.ListField(child=serializers.CharField(max_length=100), required=False)

    def to_representation(self, instance):
        kanaal = super().to_representation(instance)
        # The spec's documentatieLink is a URI when given: a kanaal without one leaves it out
        # rather than answer "", which is no URI.
        if not kanaal.get("documentatieLink"):
            kanaal.pop("documentatieLink", None)
        return kanaal


@extend_schema_field(OpenApiTypes.STR)
class ChannelNameField(serializers.RelatedField):
    """A kanaal by its ``naam``: the channel must exist."""

    default_error_messages = {
        "kanaal_naam": gettext_lazy("No channel with this name exists."),
        "invalid": gettext_lazy("Give the name of a channel."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Channel.objects.all())
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data:
            self.fail("invalid")
        channel = self.get_queryset().filter(name=data).first()
        if channel is None:
            self.fail("kanaal_naam")
        return channel

    def to_representation(self, value) -> str:
        return value.name


@extend_schema_serializer(component_name="FilterGroup")
class FilterGroupSerializer(serializers.Serializer):
    filters = features_field(required=False)
    naam = ChannelNameField(source="channel")


@extend_schema_serializer(component_name="Abonnement")
class AbonnementSerializer(serializers.Serializer):
    url = LinkField(ABONNEMENT, source="*", read_only=True)
    callbackUrl = UrlField(source="callback_url", max_length=200)
    # The receiver's secret: taken, never shown (anyone who may read abonnementen would
    # otherwise read every subscriber's credentials), as Open Notificaties does.
    auth = serializers.CharField(max_length=1000, write_only=True)
    kanalen = FilterGroupSerializer(source="channels", many=True)


@extend_schema_serializer(component_name="Message")
class MessageSerializer(serializers.Serializer):
    kanaal = serializers.CharField(source="channel", max_length=50)
    hoofdObject = UrlField(source="main_object", max_length=1000)
    resource = serializers.CharField(max_length=100)
    resourceUrl = UrlField(source="resource_url", max_length=1000)
    actie = serializers.CharField(source="action", max_length=100)
    aanmaakdatum = serializers.DateTimeField(source="created_at")
    kenmerken = features_field(source="features", required=False)
