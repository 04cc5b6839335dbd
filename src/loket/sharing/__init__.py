"""Regie op eigen gegevens: a person shares validated BRP data with an organisation.

The person consents in Mijn omgeving; Loket issues a signed statement (a compact JWS) of
exactly the consented attributes, which the receiving organisation checks with Loket's
published keys and the statement's revocation status (docs/sharing.md).
"""
