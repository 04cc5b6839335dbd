"""The identification of a role's subject and of a case object, per kind, as the standard has it.

``betrokkeneIdentificatie`` (per ``betrokkeneType``) and ``objectIdentificatie`` (per
``objectType``) are free-form groups in Loket's storage; these tables, taken from
zaken-1.5.1.yaml, say which keys each kind has, which it requires and the longest text each
key holds. Keys the kind does not have are dropped, as a serializer drops unknown fields.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers

# kind -> (required keys, {key: the maximum length of its text, or None when not a text})
ROLES = {
    "natuurlijk_persoon": (
        (),
        {
            "inpBsn": 9,
            "anpIdentificatie": 17,
            "inpA_nummer": 10,
            "geslachtsnaam": 200,
            "voorvoegselGeslachtsnaam": 80,
            "voorletters": 20,
            "voornamen": 200,
            "geslachtsaanduiding": None,
            "geboortedatum": 18,
            "verblijfsadres": None,
            "subVerblijfBuitenland": None,
        },
    ),
    "niet_natuurlijk_persoon": (
        (),
        {
            "innNnpId": 9,
            "annIdentificatie": 17,
            "statutaireNaam": 500,
            "innRechtsvorm": None,
            "bezoekadres": 1000,
            "subVerblijfBuitenland": None,
        },
    ),
    "vestiging": (
        (),
        {
            "vestigingsNummer": 24,
            "handelsnaam": None,
            "verblijfsadres": None,
            "subVerblijfBuitenland": None,
            "kvkNummer": 8,
        },
    ),
    "organisatorische_eenheid": ((), {"identificatie": 24, "naam": 50, "isGehuisvestIn": 24}),
    "medewerker": (
        (),
        {"identificatie": 24, "achternaam": 200, "voorletters": 20, "voorvoegselAchternaam": 10},
    ),
}
OBJECTS = {
    "adres": (
        ("gorOpenbareRuimteNaam", "huisnummer", "identificatie", "wplWoonplaatsNaam"),
        {
            "identificatie": 100,
            "wplWoonplaatsNaam": 80,
            "gorOpenbareRuimteNaam": 80,
            "huisnummer": None,
            "huisletter": 1,
            "huisnummertoevoeging": 4,
            "postcode": 7,
        },
    ),
    "buurt": (
        ("buurtCode", "buurtNaam", "gemGemeenteCode", "wykWijkCode"),
        {"buurtCode": 2, "buurtNaam": 40, "gemGemeenteCode": 4, "wykWijkCode": 2},
    ),
    "gemeente": (("gemeenteCode", "gemeenteNaam"), {"gemeenteNaam": 80, "gemeenteCode": 4}),
    "gemeentelijke_openbare_ruimte": (
        ("identificatie", "openbareRuimteNaam"),
        {"identificatie": 100, "openbareRuimteNaam": 80},
    ),
    "huishouden": (("nummer",), {"nummer": 12, "isGehuisvestIn": None}),
    "inrichtingselement": (
        ("identificatie", "type"),
        {"type": None, "identificatie": 100, "naam": 500},
    ),
    "kadastrale_onroerende_zaak": (
        ("kadastraleAanduiding", "kadastraleIdentificatie"),
        {"kadastraleIdentificatie": 100, "kadastraleAanduiding": 1000},
    ),
    "kunstwerkdeel": (
        ("identificatie", "naam", "type"),
        {"type": None, "identificatie": 100, "naam": 80},
    ),
    "maatschappelijke_activiteit": (
        ("handelsnaam", "kvkNummer"),
        {"kvkNummer": 8, "handelsnaam": 200},
    ),
    "medewerker": (
        (),
        {"identificatie": 24, "achternaam": 200, "voorletters": 20, "voorvoegselAchternaam": 10},
    ),
    "natuurlijk_persoon": (
        (),
        {
            "inpBsn": 9,
            "anpIdentificatie": 17,
            "inpA_nummer": 10,
            "geslachtsnaam": 200,
            "voorvoegselGeslachtsnaam": 80,
            "voorletters": 20,
            "voornamen": 200,
            "geslachtsaanduiding": None,
            "geboortedatum": 18,
            "verblijfsadres": None,
            "subVerblijfBuitenland": None,
        },
    ),
    "niet_natuurlijk_persoon": (
        (),
        {
            "innNnpId": 9,
            "annIdentificatie": 17,
            "statutaireNaam": 500,
            "innRechtsvorm": None,
            "bezoekadres": 1000,
            "subVerblijfBuitenland": None,
        },
    ),
    "openbare_ruimte": (
        ("gorOpenbareRuimteNaam", "identificatie", "wplWoonplaatsNaam"),
        {"identificatie": 100, "wplWoonplaatsNaam": 80, "gorOpenbareRuimteNaam": 80},
    ),
    "organisatorische_eenheid": ((), {"identificatie": 24, "naam": 50, "isGehuisvestIn": 24}),
    "overige": (("overigeData",), {"overigeData": None}),
    "pand": (("identificatie",), {"identificatie": 100}),
    "spoorbaandeel": (("identificatie", "type"), {"type": None, "identificatie": 100, "naam": 500}),
    "terrein_gebouwd_object": (
        ("identificatie",),
        {"identificatie": 100, "adresAanduidingGrp": None},
    ),
    "terreindeel": (("identificatie", "type"), {"type": 40, "identificatie": 100, "naam": 500}),
    "vestiging": (
        (),
        {
            "vestigingsNummer": 24,
            "handelsnaam": None,
            "verblijfsadres": None,
            "subVerblijfBuitenland": None,
            "kvkNummer": 8,
        },
    ),
    "waterdeel": (
        ("identificatie", "typeWaterdeel"),
        {"typeWaterdeel": None, "identificatie": 100, "naam": 500},
    ),
    "wegdeel": (("identificatie", "type"), {"type": 100, "identificatie": 100, "naam": 500}),
    "wijk": (
        ("gemGemeenteCode", "wijkCode", "wijkNaam"),
        {"wijkCode": 2, "wijkNaam": 40, "gemGemeenteCode": 4},
    ),
    "woonplaats": (
        ("identificatie", "woonplaatsNaam"),
        {"identificatie": 100, "woonplaatsNaam": 80},
    ),
    "woz_deelobject": (
        ("nummerWozDeelObject",),
        {"nummerWozDeelObject": 6, "isOnderdeelVan": None},
    ),
    "woz_object": (("wozObjectNummer",), {"wozObjectNummer": 100, "aanduidingWozObject": None}),
    "woz_waarde": (("waardepeildatum",), {"waardepeildatum": 9, "isVoor": None}),
    "zakelijk_recht": (
        ("avgAard", "identificatie"),
        {
            "identificatie": 100,
            "avgAard": 1000,
            "heeftBetrekkingOp": None,
            "heeftAlsGerechtigde": None,
        },
    ),
}


def clean_identification(table: dict, kind: str, value) -> dict:
    """``value`` checked against the kind's keys; a kind without a table takes none."""
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise serializers.ValidationError(_("Give an object."), code="invalid")
    required, keys = table.get(kind, ((), {}))
    errors = {}
    for key in required:
        if value.get(key) in (None, ""):
            errors[key] = [serializers.ErrorDetail(_("This field is required."), "required")]
    for key, max_length in keys.items():
        item = value.get(key)
        if max_length is not None and item is not None:
            if not isinstance(item, str):
                errors[key] = [serializers.ErrorDetail(_("Give a text."), "invalid")]
            elif len(item) > max_length:
                errors[key] = [
                    serializers.ErrorDetail(
                        _("At most %(n)s characters.") % {"n": max_length}, "max_length"
                    )
                ]
    if errors:
        raise serializers.ValidationError(errors)
    return {key: item for key, item in value.items() if key in keys}
