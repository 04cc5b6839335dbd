#!/bin/sh
# Installs Loket with its test tools into .venv and runs the whole test suite: lint, then
# every test on SQLite, then on PostgreSQL when one answers (LOKET_TEST_POSTGRES_URL, default
# postgres://postgres@127.0.0.1:5432/loket). Arguments go to pytest.
set -e
cd "$(dirname "$0")/.."
. scripts/find-python.sh
install_loket "test"

if ! [ -x /usr/bin/chromium ] && [ -z "${LOKET_CHROMIUM:-}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Chromium for the browser tests"
        apt-get install -y -q chromium chromium-driver >/dev/null
    else
        echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium chromium-driver'" >&2
        echo "or set LOKET_CHROMIUM to a Chromium or Chrome binary." >&2
        exit 1
    fi
fi

echo "== ruff"
.venv/bin/ruff check
.venv/bin/ruff format --check

echo "== tests on SQLite"
env -u LOKET_DATABASE_URL .venv/bin/python -m pytest "$@"

postgres_url="${LOKET_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/loket}"
if .venv/bin/python -c "import sys, psycopg; psycopg.connect(sys.argv[1].rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" "$postgres_url" 2>/dev/null; then
    echo "== tests on PostgreSQL ($postgres_url)"
    LOKET_DATABASE_URL="$postgres_url" .venv/bin/python -m pytest "$@"
else
    echo "== tests on PostgreSQL SKIPPED: no PostgreSQL answers at $postgres_url"
    echo "   (set LOKET_TEST_POSTGRES_URL to a server where this user may create databases)"
    if [ -n "${LOKET_REQUIRE_POSTGRES:-}" ]; then
        echo "LOKET_REQUIRE_POSTGRES is set: failing." >&2
        exit 1
    fi
fi
echo "== all tests passed"
