"""Security measures that apply across the apps (issue 13, docs/security.md).

The response headers (Content-Security-Policy through django-csp, Permissions-Policy), rate
limits with a 429 on the public forms, lookups and APIs (``ratelimit.py``), the staff login
lockout after wrong passwords (``lockout.py``) and a log filter that masks BSN-like numbers
(``log_filters.py``). Their counters live in the database cache table ``loket_security_cache``
that this app's migration makes, so every web process and machine sees the same counts.
"""
