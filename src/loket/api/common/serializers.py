"""What the APIs' serializers share."""

import copy

from rest_framework import serializers


class ShallowFieldCopies:
    """Fields copied shallowly for each serializer instance.

    DRF deep-copies every declared field for each serializer it makes: about 1 ms for a
    zaak's fifty fields, on every request. A plain declared field is a template that ``bind``
    only sets attributes on, so a shallow copy serves; a nested serializer binds fields of its
    own to itself and is still copied deeply.
    """

    def get_fields(self):
        return {
            name: copy.deepcopy(field)
            if isinstance(field, serializers.BaseSerializer)
            else copy.copy(field)
            for name, field in self._declared_fields.items()
        }
