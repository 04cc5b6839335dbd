"""Loket as the benchmarks run it: PostgreSQL, production mode, gunicorn on loopback."""

import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
CLIENT_ID, SECRET = "bench-client", "bench-secret-of-at-least-32-characters"
BRP_KEY = "bench-brp-key"  # the key of Loket's own Haal Centraal BRP endpoint


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


def environment(database: str, port: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loket.conf.settings",
        "LOKET_MODE": "production",
        "LOKET_SECRET_KEY": "bench-" + "x" * 40,
        "LOKET_ALLOWED_HOSTS": "127.0.0.1",
        "LOKET_MUNICIPALITY_NAME": "Gemeente Benchmark",
        "LOKET_BASE_URL": f"http://127.0.0.1:{port}",
        "LOKET_DATA_DIR": os.environ.get("LOKET_DATA_DIR") or str(REPO / "var" / "bench"),
        "LOKET_DATABASE_URL": f"{SERVER}/{database}",
        "LOKET_BRP_SERVER_API_KEY": BRP_KEY,
        "LOKET_LOG_LEVEL": "WARNING",
    }


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


def count_cases(database: str) -> int:
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        return connection.execute("SELECT count(*) FROM cases_case").fetchone()[0]


def analyze(database: str) -> None:
    """Fresh planner statistics, as autovacuum keeps them in a running database; right after
    a bulk load PostgreSQL would otherwise guess its plans from an empty table."""
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


@contextmanager
def running_loket(
    *,
    database: str,
    port: int,
    workers: int,
    fresh: bool,
    seed_cases: int = 0,
    setup_code: str = "",
):
    """Yield the base URL of a migrated, served Loket with the API client ``bench-client``,
    with at least ``seed_cases`` cases (``loket seed`` adds the missing ones); ``setup_code``
    is Python run by ``loket shell`` before serving (loading the demo forms, for example)."""
    ensure_database(database, fresh)
    env = environment(database, port)
    loket(env, "migrate", "--verbosity", "0")
    loket(env, "apiclient", "add", "--client-id", CLIENT_ID, "--secret", SECRET, "--all-scopes")
    missing = seed_cases - count_cases(database)
    if missing > 0:
        # Seeding writes fictional data, which only demo mode allows.
        loket(
            {**env, "LOKET_MODE": "demo"},
            "seed",
            "--citizens",
            str(max(missing // 10, 100)),
            "--cases",
            str(missing),
        )
        analyze(database)
    if setup_code:
        loket(env, "shell", "-c", setup_code)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "loket",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/")
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def in_process_loket(database: str, data: Path) -> dict:
    """Django set up in this process on a fresh, migrated PostgreSQL database in demo mode
    (for the demo catalogue and forms); the environment, for worker processes started next."""
    ensure_database(database, fresh=True)
    data.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loket.conf.settings",
        "LOKET_MODE": "demo",
        "LOKET_DATA_DIR": str(data),
        "LOKET_DATABASE_URL": f"{SERVER}/{database}",
        "LOKET_LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    loket(env, "migrate", "-v0")
    import django

    django.setup()
    return env


def measure(client, url: str, requests: int) -> dict:
    """Time ``requests`` GETs of ``url`` with a Django test client, after a warm-up; the
    queries of one request and the p50 / p95 / p99 / max in milliseconds."""
    from django.db import connection

    for _ in range(max(requests // 10, 10)):  # warm: templates, translations, connections
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    percentile = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "url": url,
        "requests": requests,
        "queries": len(statements),
        "p50_ms": round(percentile[49], 1),
        "p95_ms": round(percentile[94], 1),
        "p99_ms": round(percentile[98], 1),
        "max_ms": round(times[-1], 1),
    }
