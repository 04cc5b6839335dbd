"""Outgoing mail, durable: a mail is a row queued in the caller's transaction and delivered by
a background task, with retries, so a committed change never loses its mail.
"""
