"""Levels of assurance (betrouwbaarheidsniveaus): how sure a login is of who someone is.

Loket keeps one ordered scale for persons and businesses, the four levels of the Dutch
"Wet digitale overheid": basis, midden, substantieel, hoog. A product asks for a level
(``visitor_required(assurance="substantieel")``); a login of that level or higher is enough.

A broker states the level in a claim, by default ``acr``. ``level_from_claim`` maps the
values that DigiD, eHerkenning and eIDAS brokers use onto the scale (docs/operations.md,
"Login with DigiD / eHerkenning", has the table), and also takes the plain words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from loket.identity.citizens import Visitor

BASIS, MIDDEN, SUBSTANTIEEL, HOOG = "basis", "midden", "substantieel", "hoog"
# From low to high: a level is enough for every level before it.
LEVELS = [BASIS, MIDDEN, SUBSTANTIEEL, HOOG]
LABELS = {
    BASIS: _("basic"),
    MIDDEN: _("medium"),
    SUBSTANTIEEL: _("substantial"),
    HOOG: _("high"),
}

SAML_CLASSES = "urn:oasis:names:tc:SAML:2.0:ac:classes:"
# Claim values, compared without regard to case, and the level each one means.
CLAIM_VALUES = {
    # DigiD, as Logius names its levels in SAML authentication context classes.
    f"{SAML_CLASSES}PasswordProtectedTransport": BASIS,  # DigiD Basis: password
    f"{SAML_CLASSES}MobileTwoFactorContract": MIDDEN,  # DigiD Midden: sms or app
    f"{SAML_CLASSES}Smartcard": SUBSTANTIEEL,  # DigiD Substantieel: app with ID check
    f"{SAML_CLASSES}SmartcardPKI": HOOG,  # DigiD Hoog: identity document with chip
    # eIDAS levels of assurance; eIDAS "low" is the Dutch "laag", which DigiD Midden meets.
    "http://eidas.europa.eu/LoA/low": MIDDEN,
    "http://eidas.europa.eu/LoA/substantial": SUBSTANTIEEL,
    "http://eidas.europa.eu/LoA/high": HOOG,
    # eHerkenning (Afsprakenstelsel Elektronische Toegangsdiensten) levels EH1 to EH4.
    "urn:etoegang:core:assurance-class:loa1": BASIS,
    "urn:etoegang:core:assurance-class:loa2": BASIS,
    "urn:etoegang:core:assurance-class:loa2plus": MIDDEN,
    "urn:etoegang:core:assurance-class:loa3": SUBSTANTIEEL,
    "urn:etoegang:core:assurance-class:loa4": HOOG,
    # The plain words, Dutch and English.
    BASIS: BASIS,
    "basic": BASIS,
    MIDDEN: MIDDEN,
    "laag": MIDDEN,
    "low": MIDDEN,
    "medium": MIDDEN,
    SUBSTANTIEEL: SUBSTANTIEEL,
    "substantial": SUBSTANTIEEL,
    HOOG: HOOG,
    "high": HOOG,
}
CLAIM_VALUES = {value.lower(): level for value, level in CLAIM_VALUES.items()}


def level_from_claim(value) -> str:
    """The level a broker's claim value means, or "" when it is missing or unknown.

    An unknown value gives no level at all rather than a guess: such a login is then enough
    only for products that ask for no level.
    """
    if isinstance(value, list):  # some brokers send acr as a list: the highest one counts
        levels = [level_from_claim(item) for item in value]
        known = [level for level in levels if level]
        return max(known, key=LEVELS.index) if known else ""
    if not isinstance(value, str):
        return ""
    return CLAIM_VALUES.get(value.strip().lower(), "")


def check_level(required: str | None) -> None:
    if required not in (None, "", *LEVELS):
        raise ValueError(f"unknown level of assurance {required!r}; use one of {LEVELS}")


def assurance_sufficient(visitor: Visitor | None, required: str | None) -> bool:
    """Whether the visitor's login is of the ``required`` level or higher.

    No required level (None or "") is always enough, even for nobody: whether someone must
    be logged in at all is ``visitor_required``'s question.
    """
    check_level(required)
    if not required:
        return True
    if visitor is None or visitor.assurance not in LEVELS:
        return False
    return LEVELS.index(visitor.assurance) >= LEVELS.index(required)
