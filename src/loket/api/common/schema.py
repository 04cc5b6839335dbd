"""The generated OpenAPI of a ZGW API: the ``JWT-Claims`` scheme and the scopes per operation."""

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes

SECURITY_SCHEME = "JWT-Claims"


class ZgwJwtScheme(OpenApiAuthenticationExtension):
    target_class = "loket.api.common.auth.ZgwJwtAuthentication"
    name = SECURITY_SCHEME

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


class LinkFieldSchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.common.fields.LinkField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return {**build_basic_type(OpenApiTypes.URI), "maxLength": 1000}


class TermFieldSchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.common.fields.TermField"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "format": "duration", "nullable": self.target.allow_null}


class ZgwAutoSchema(AutoSchema):
    def get_auth(self):
        """The scopes of which the operation needs one, written as the standards write them."""
        auth = super().get_auth()  # registers the security scheme component
        scopes = getattr(self.view, "required_scopes", {}).get(getattr(self.view, "action", None))
        if not scopes:
            return auth
        names = sorted(scopes)
        return [{SECURITY_SCHEME: [names[0] if len(names) == 1 else f"({' | '.join(names)})"]}]
