"""How the Zaken API's own serializer fields appear in its generated OpenAPI document."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension


def uri(field) -> dict:
    schema = {"type": "string", "format": "uri", "maxLength": 1000}
    if getattr(field, "allow_null", False):
        schema["nullable"] = True
    return schema


class ReferenceSchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.zaken.fields.Reference"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return uri(self.target)


class AnyHostUrlSchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.zaken.fields.AnyHostUrl"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return uri(self.target)


class LinksSchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.zaken.fields.Links"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "array", "items": {"type": "string", "format": "uri"}, "readOnly": True}


class GeometrySchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.zaken.fields.GeometryField"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "object", "description": "GeoJSON geometry (EPSG:4326)", "nullable": True}


class IdentificationSchema(OpenApiSerializerFieldExtension):
    target_class = "loket.api.zaken.fields.IdentificationField"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "object", "additionalProperties": True, "nullable": True}
