"""Serializer fields copied shallowly: each instance binds copies of its own, the declared
templates stay unbound, and nested serializers are copied whole."""

from loket.api.zaken.serializers.zaken import ZaakSerializer


def test_each_serializer_binds_its_own_copies_and_the_templates_stay_unbound():
    first, second = ZaakSerializer(context={"n": 1}), ZaakSerializer(context={"n": 2})

    for name, template in ZaakSerializer._declared_fields.items():
        mine, theirs = first.fields[name], second.fields[name]
        assert mine is not template and mine is not theirs
        assert mine.parent is first and theirs.parent is second
        assert mine.context == {"n": 1} and theirs.context == {"n": 2}
        assert template.field_name is None and template.parent is None


def test_nested_serializers_bind_fields_of_their_own():
    first, second = ZaakSerializer(), ZaakSerializer()

    nested = first.fields["verlenging"].fields["reden"]

    assert nested is not second.fields["verlenging"].fields["reden"]
    assert nested.parent is first.fields["verlenging"]
    assert nested.root is first
