"""Settings for the test suite: the demo mode's settings with short retry delays.

``LOKET_DATABASE_URL`` chooses the database, as in production; the README's test command runs
the suite once on SQLite and once on PostgreSQL.
"""

import os

os.environ.setdefault("LOKET_MODE", "demo")
os.environ.setdefault("LOKET_DATA_DIR", "var/test")
# Playwright's sync API keeps an event loop on the main thread; Django would then refuse the
# test's own database calls there, although they are not async at all.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from loket.conf.settings import *  # noqa: F403

# A test that needs more attempts gives its worker process LOKET_TEST_TASK_ATTEMPTS.
LOKET_TASK_RETRY = {
    "max_attempts": int(os.environ.get("LOKET_TEST_TASK_ATTEMPTS", 3)),
    "first_delay_seconds": 0.3,
    "max_delay_seconds": 2,
}
# Most tests log staff in with the password alone; tests/workqueue/test_second_factor.py
# switches the second factor on.
LOKET_STAFF_SECOND_FACTOR = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The rate limits and the login lockout count across tests; tests/security switches them on.
LOKET_RATE_LIMITS = False
LOKET_LOGIN_MAX_FAILURES = 0
LOKET_LOGIN_MAX_FAILURES_PER_IP = 0
