"""The Zaken API's viewsets: each parses, checks the client's authorisation, calls a case
service, records the audit trail and renders."""
