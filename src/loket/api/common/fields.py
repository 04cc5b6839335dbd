"""Serializer fields the ZGW adapters share: absolute resource links and ISO 8601 terms.

A link is built once per resource kind and request (``reverse`` with a placeholder uuid) and
then filled in per object, so that a page of 100 objects with ten links each costs string
formatting, not a thousand ``reverse`` calls.
"""

import uuid
from urllib.parse import urlparse

from django.core.exceptions import ObjectDoesNotExist
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from loket.catalog.terms import validate_term

PLACEHOLDER = str(uuid.UUID(int=0))


def link(request, view_name: str, object_uuid) -> str:
    templates = getattr(request, "_loket_links", None)
    if templates is None:
        templates = {}
        request._loket_links = templates
    template = templates.get(view_name)
    if template is None:
        template = request.build_absolute_uri(reverse(view_name, kwargs={"uuid": PLACEHOLDER}))
        templates[view_name] = template
    return template.replace(PLACEHOLDER, str(object_uuid))


def uuid_in(url: str, view_name: str) -> uuid.UUID | None:
    """The uuid in ``url`` when it is the URL of a ``view_name`` resource of Loket, else None."""
    try:
        match = resolve(urlparse(str(url)).path)
    except (Resolver404, ValueError):
        return None
    if match.view_name != view_name or "uuid" not in match.kwargs:
        return None
    value = match.kwargs["uuid"]
    return value if isinstance(value, uuid.UUID) else None


def looks_like_url(value: str) -> bool:
    return urlparse(value).scheme in ("http", "https")


class LinkField(serializers.RelatedField):
    """A related object as the absolute URL of its resource (``view_name``), by its uuid."""

    default_error_messages = {
        "bad-url": _("This is not the URL of a resource of the expected kind in this API."),
        "does_not_exist": _("No object exists at this URL."),
    }

    def __init__(self, view_name: str, **kwargs):
        self.view_name = view_name
        super().__init__(**kwargs)

    def use_pk_only_optimization(self) -> bool:
        return False

    def to_representation(self, value) -> str:
        return link(self.context["request"], self.view_name, value.uuid)

    def to_internal_value(self, data):
        object_uuid = uuid_in(data, self.view_name)
        if object_uuid is None:
            self.fail("bad-url")
        try:
            return self.get_queryset().get(uuid=object_uuid)
        except ObjectDoesNotExist:
            self.fail("does_not_exist")


class NameOrLinkField(LinkField):
    """Since Catalogi 1.3 a relation may be given by name (omschrijving, identificatie).

    A URL of this API is resolved to its object; any other text is passed on as a name for the
    domain service to resolve within the catalogue.
    """

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data:
            self.fail("bad-url")
        if looks_like_url(data):
            return super().to_internal_value(data)
        return data


class TermField(serializers.CharField):
    """An ISO 8601 duration (``P8W``); an empty term is ``null`` in the API."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.validators.append(validate_term)

    def run_validation(self, data=serializers.empty):
        if data in (None, "") and self.allow_null:
            return ""
        return super().run_validation(data)

    def to_representation(self, value):
        return value or None
