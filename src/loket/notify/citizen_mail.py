"""Telling the citizen of a new status of their case by mail, from the status's template."""


def mail_status_change(change) -> None:
    """Queue the mail of this status to the case's contact address, if it has a template."""
