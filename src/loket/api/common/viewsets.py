"""The base of every ZGW resource: look-up by uuid, ETag on reads, writes through services.

A viewset of a ZGW API says which serializer translates its resource, which scopes open each
action, and which service function performs each write (``create_object``, ``update_object``,
``delete_object``); this base does the HTTP around it. A refusal from a service (a Django
``ValidationError``) comes back as a 400 ``ValidatieFout`` with the API's field names.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.settings import api_settings

from loket.api.common.etag import conditional_response
from loket.api.common.parsers import JSONParser, refuse_nul


class ZgwViewSet(viewsets.GenericViewSet):
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    metadata_class = None  # OPTIONS is no operation of the standards: 405
    parser_classes = [JSONParser]  # refuses NUL characters, as the query parameters below
    api_version = ""
    required_scopes: dict[str, frozenset[str]] = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        refuse_nul(dict(request.query_params.lists()))

    @property
    def allowed_methods(self):
        return [method for method in super().allowed_methods if method != "OPTIONS"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.api_version:
            response["API-version"] = self.api_version
        return response

    def get_object(self):
        """The object by uuid, unfiltered: list filters such as ``status`` do not hide it."""
        instance = get_object_or_404(self.get_queryset(), uuid=self.kwargs["uuid"])
        self.check_object_permissions(self.request, instance)
        return instance

    def has_scope(self, scope: str) -> bool:
        user = self.request.user
        return bool(getattr(user, "is_authenticated", False) and user.has_any_scope({scope}))

    def call_service(self, service, *args, serializer=None, **kwargs):
        try:
            return service(*args, **kwargs)
        except DjangoValidationError as error:
            raise api_validation_error(error, serializer or self.get_serializer()) from None

    def render(self, instance, status_code=status.HTTP_200_OK) -> Response:
        """The response for a written object, read again with the list's annotations."""
        instance = self.get_queryset().get(pk=instance.pk)
        return Response(self.get_serializer(instance).data, status=status_code)


class ListMixin(mixins.ListModelMixin):
    pass


class RetrieveMixin:
    def retrieve(self, request, *args, **kwargs):
        return conditional_response(request, self.get_serializer(self.get_object()).data)


class CreateMixin:
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.call_service(
            self.create_object, dict(serializer.validated_data), serializer=serializer
        )
        return self.render(instance, status.HTTP_201_CREATED)

    def create_object(self, data: dict):
        raise NotImplementedError


class UpdateMixin:
    def update(self, request, *args, partial=False, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = self.call_service(
            self.update_object, instance, dict(serializer.validated_data), serializer=serializer
        )
        return self.render(instance)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def update_object(self, instance, data: dict):
        raise NotImplementedError


class DestroyMixin:
    def destroy(self, request, *args, **kwargs):
        self.call_service(self.delete_object, self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    def delete_object(self, instance):
        raise NotImplementedError


def api_validation_error(error: DjangoValidationError, serializer) -> exceptions.ValidationError:
    """A service's refusal, keyed by model field, as DRF's error keyed by the API's names."""
    names = api_names(serializer)
    detail = serializers.as_serializer_error(error)
    return exceptions.ValidationError(
        {
            names.get(key, key) if key != "__all__" else api_settings.NON_FIELD_ERRORS_KEY: value
            for key, value in detail.items()
        }
    )


def api_names(serializer, prefix: str = "") -> dict[str, str]:
    """Model field (``source``) -> API field name, through nested groups (``source="*"``)."""
    names = {}
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer) and field.source == "*":
            names.update(api_names(field, f"{prefix}{name}."))
        elif field.source and field.source != "*":
            names.setdefault(field.source, f"{prefix}{name}")
    return names
