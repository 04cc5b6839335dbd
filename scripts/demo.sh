#!/bin/sh
# Installs Loket into .venv and starts the demo municipality on http://127.0.0.1:8000/.
# Arguments go to `loket demo` (for example --port 8001).
set -e
cd "$(dirname "$0")/.."
. scripts/find-python.sh
install_loket ""
exec .venv/bin/loket demo "$@"
