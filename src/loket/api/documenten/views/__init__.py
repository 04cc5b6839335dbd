"""The Documenten API's resources: each viewset parses, checks the client, calls a document
service, records the audit entry and renders."""
