"""Loket under the generic ZGW load (``zgw_load.py``): PostgreSQL, gunicorn, 4 web processes.

    python bench/zaken_api.py [--cases 5000] [--seed-cases 0] [--workers 4] [--duration 55]

Creates (or reuses) the PostgreSQL database ``loket_bench``, migrates it, registers the API
client ``bench-client``, optionally adds volume data with ``loket seed``, serves Loket with
``loket serve`` in production mode and runs ``zgw_load.py`` against it. Prints the numbers of
every phase and writes them to ``var/bench/zaken_api.json``.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
CLIENT_ID, SECRET = "bench-client", "bench-secret-of-at-least-32-characters"
SERVER = "postgres://postgres@127.0.0.1:5432"
# A resultaat and a resultaattypeomschrijving of Loket's own Referentielijsten API.
SELECTION_CLASS = "resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f"
RESULT_DESCRIPTION = "resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1"


def ensure_database(name: str, fresh: bool) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def loket(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "loket", *args], env=env, cwd=REPO, check=True)


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"Loket did not answer at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench")
    parser.add_argument("--fresh", action="store_true", help="Drop the database first.")
    parser.add_argument("--seed-cases", type=int, default=0, help="loket seed this many first.")
    parser.add_argument("--cases", type=int, default=5000, help="zgw_load's --seed-total.")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=int, default=55)
    parser.add_argument("--phases", default="create,list,get,status")
    args = parser.parse_args()

    ensure_database(args.database, args.fresh)
    base = f"http://127.0.0.1:{args.port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loket.conf.settings",
        "LOKET_MODE": "production",
        "LOKET_SECRET_KEY": "bench-" + "x" * 40,
        "LOKET_ALLOWED_HOSTS": "127.0.0.1",
        "LOKET_MUNICIPALITY_NAME": "Gemeente Benchmark",
        "LOKET_BASE_URL": base,
        "LOKET_DATA_DIR": str(REPO / "var" / "bench"),
        "LOKET_DATABASE_URL": f"{SERVER}/{args.database}",
        "LOKET_LOG_LEVEL": "WARNING",
    }
    loket(env, "migrate", "--verbosity", "0")
    loket(env, "apiclient", "add", "--client-id", CLIENT_ID, "--secret", SECRET, "--all-scopes")
    if args.seed_cases:
        loket(
            {**env, "LOKET_MODE": "demo"},
            "seed",
            "--citizens",
            str(max(args.seed_cases // 10, 100)),
            "--cases",
            str(args.seed_cases),
        )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "loket",
            "serve",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(f"{base}/")
        out = REPO / "var" / "bench" / "zaken_api.json"
        referentielijsten = f"{base}/referentielijsten/api/v1/"
        subprocess.run(
            [
                sys.executable,
                str(REPO / "bench" / "zgw_load.py"),
                "--base-url",
                base,
                "--client-id",
                CLIENT_ID,
                "--secret",
                SECRET,
                "--concurrency",
                str(args.concurrency),
                "--duration",
                str(args.duration),
                "--seed-total",
                str(args.cases),
                "--phases",
                args.phases,
                "--selectielijstklasse",
                referentielijsten + SELECTION_CLASS,
                "--resultaattypeomschrijving",
                referentielijsten + RESULT_DESCRIPTION,
                "--json-out",
                str(out),
            ],
            cwd=REPO,
            check=True,
        )
        print(json.dumps(json.loads(out.read_text()), indent=2))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
