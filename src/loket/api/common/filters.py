"""Query-parameter pieces that several ZGW APIs' filters share."""

import json

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _

from loket.api.common.fields import uuid_in


class LinkFormField(forms.CharField):
    """A URL of one of Loket's resources, cleaned to that resource's uuid."""

    def __init__(self, *, view_name: str, **kwargs):
        self.view_name = view_name
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        object_uuid = uuid_in(value, self.view_name)
        if object_uuid is None:
            raise forms.ValidationError(
                _("This is not the URL of a resource of this kind."), code="invalid"
            )
        return object_uuid


def json_list_contains(field: str, item: str) -> Q:
    """A JSON list of strings holds ``item``: matched on the JSON text, quotes included.

    JSONField ``__contains`` does not exist on SQLite; the JSON text does everywhere (with
    non-ASCII characters escaped or not, depending on who wrote it).
    """
    return Q(**{f"{field}__contains": json.dumps(item)}) | Q(
        **{f"{field}__contains": json.dumps(item, ensure_ascii=False)}
    )
