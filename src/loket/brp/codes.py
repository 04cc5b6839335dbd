"""The few entries of the BRP's national code tables (RvIG's "landelijke tabellen") that the
built-in register uses, so that its persons carry the same codes a real BRP would give."""

# Gemeenten (table 33). Voorbeeld is fictional: 9999 is no real municipality's code.
DEMO_MUNICIPALITY_CODE = "9999"
DEMO_MUNICIPALITY = "Voorbeeld"
NON_RESIDENTS_CODE = "1999"  # where a person who left the country stays registered (RNI)
MUNICIPALITIES = {
    DEMO_MUNICIPALITY_CODE: DEMO_MUNICIPALITY,
    "0014": "Groningen",
    "0202": "Arnhem",
    "0268": "Nijmegen",
    "0344": "Utrecht",
    "0363": "Amsterdam",
    "0518": "'s-Gravenhage",
    "0599": "Rotterdam",
    "0935": "Maastricht",
    NON_RESIDENTS_CODE: "Registratie Niet-Ingezetenen",
}

# Landen (table 34); 0000 is the table's "unknown", used for "departed to an unknown place".
NETHERLANDS = "6030"
UNKNOWN_COUNTRY = "0000"
COUNTRIES = {
    NETHERLANDS: "Nederland",
    "5002": "Frankrijk",
    "5007": "Suriname",
    "5010": "België",
    "5022": "Marokko",
    "6029": "Duitsland",
    "6037": "Spanje",
    "6039": "Groot-Brittannië",
    "6043": "Turkije",
    "7028": "Polen",
    UNKNOWN_COUNTRY: "Onbekend",
}

# Nationaliteiten (table 32).
DUTCH = "0001"
NATIONALITIES = {
    DUTCH: "Nederlandse",
    "0052": "Belgische",
    "0055": "Burger van de Bondsrepubliek Duitsland",
    "0057": "Franse",
    "0072": "Poolse",
    "0077": "Spaanse",
    "0131": "Marokkaanse",
    "0339": "Turkse",
}

GENDERS = {"M": "man", "V": "vrouw", "O": "onbekend"}
UNIONS = {"H": "huwelijk", "P": "geregistreerd partnerschap"}


def code_of(table: dict[str, str], description: str) -> str:
    """The code of a description in ``table``, or "" for a value outside it."""
    return next((code for code, text in table.items() if text == description), "")
