"""Server time of Mijn omgeving and of the track & trace page, on PostgreSQL with volume data.

    python bench/mijn_omgeving.py [--seed-cases 1000000] [--requests 300] [--database NAME]

Migrates (or first creates) the PostgreSQL database (default ``loket_bench_mijn``), tops it up
with ``loket seed`` to ``--seed-cases`` cases (a tenth as many citizens) and gives one seeded
person exactly 50 cases. Then, in this process, Django's test client asks in production mode:

- the track & trace page (``/volgen/<token>/``) of one of that person's open cases, without
  login (goal: p95 < 50 ms);
- Mijn omgeving (``/mijn/``) logged in as that person, 50 cases on the page (goal: p95 < 100 ms);
- for reference, the page of one case and the person's BRP data.

The time is the server's: from the request entering Django's middleware to the full response,
database included, without HTTP parsing or the network. Prints p50/p95/p99 and the queries per
request, and writes them to ``var/bench/mijn_omgeving.json``. Seeding again is skipped when the
database holds enough cases already; ``--fresh`` starts from an empty database.
"""

import argparse
import json
import os
import random
import time
from dataclasses import asdict
from pathlib import Path

import psycopg
from loket_server import REPO, SERVER, ensure_database, environment, loket, measure

PERSON_CASES = 50
GOALS_MS = {"track": 50, "mijn": 100}


def count_cases(database: str) -> int:
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        return connection.execute("SELECT count(*) FROM cases_case").fetchone()[0]


def prepare(database: str, fresh: bool, seed_cases: int) -> tuple[dict, float | None]:
    """A migrated database with at least ``seed_cases`` cases; the seconds seeding took."""
    ensure_database(database, fresh)
    env = environment(database, port=8000)
    env["LOKET_DATA_DIR"] = str(REPO / "var" / "bench-mijn")
    env["LOKET_ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    loket(env, "migrate", "--verbosity", "0")
    loket(env, "collectstatic", "--noinput", "--verbosity", "0")
    missing = seed_cases - count_cases(database)
    seeding = None
    if missing > 0:
        started = time.monotonic()
        # Seeding writes fictional data, which only demo mode allows.
        loket(
            {**env, "LOKET_MODE": "demo"},
            "seed",
            "--citizens",
            str(max(missing // 10, 100)),
            "--cases",
            str(missing),
        )
        seeding = time.monotonic() - started
    analyze(database)
    return env, seeding


def analyze(database: str) -> None:
    """Fresh planner statistics, as autovacuum keeps them in a running database; right after
    a bulk load PostgreSQL would otherwise guess, and join the whole table of results."""
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("ANALYZE")


def person_with_cases(count: int) -> str:
    """The BSN of a seeded person with exactly ``count`` cases, topping up the first one."""
    from django.db import transaction
    from django.utils import timezone

    from loket.brp.models import Person
    from loket.cases.models import Case
    from loket.catalog.models import CaseType
    from loket.seed import write_case_batch

    bsns = Person.objects.order_by("bsn").values_list("bsn", flat=True)[:1000]
    for bsn in bsns:
        have = Case.objects.filter(initiator_bsn=bsn).count()
        if have <= count:
            break
    else:
        raise SystemExit("No seeded person with at most 50 cases.")
    if have < count:
        case_types = list(
            CaseType.objects.current()
            .select_related("catalogue")
            .prefetch_related("status_types", "result_types")
        )
        rng = random.Random(50)  # noqa: S311 - repeatable fictional data, not security
        with transaction.atomic():
            write_case_batch(count - have, case_types, [bsn], rng, timezone.localdate())
    return bsn


def logged_in_client(bsn: str):
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client

    from loket.brp.sources import get_brp_source
    from loket.identity.citizens import LAST_ACTIVITY_KEY, VISITOR_KEY, Visitor

    record = get_brp_source().person(bsn)
    session = SessionStore()
    session[VISITOR_KEY] = asdict(
        Visitor(bsn=bsn, name=record.full_name, assurance="substantieel", method="digid")
    )
    session[LAST_ACTIVITY_KEY] = time.time()
    session.save()
    client = Client(HTTP_HOST="127.0.0.1", headers={"accept-language": "nl"})
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench_mijn")
    parser.add_argument("--fresh", action="store_true", help="Drop the database first.")
    parser.add_argument(
        "--seed-cases", type=int, default=1_000_000, help="Cases in the database (default 1M)."
    )
    parser.add_argument("--requests", type=int, default=300, help="Timed requests per page.")
    args = parser.parse_args()

    env, seeding = prepare(args.database, args.fresh, args.seed_cases)
    if seeding is not None:
        print(f"seeding took {seeding:.0f} s")
    os.environ.update(env)
    import django

    django.setup()
    from loket.cases.models import Case
    from loket.cases.tracking import track_token

    bsn = person_with_cases(PERSON_CASES)
    total = Case.objects.count()
    own = Case.objects.filter(initiator_bsn=bsn)
    tracked = own.filter(closed_on__isnull=True).order_by("-registered_on").first() or own.first()
    from django.test import Client

    visitor = logged_in_client(bsn)
    results = {
        "track": measure(
            Client(HTTP_HOST="127.0.0.1", headers={"accept-language": "nl"}),
            f"/volgen/{track_token(tracked)}/",
            args.requests,
        ),
        "mijn": measure(visitor, "/mijn/", args.requests),
        "case": measure(visitor, f"/mijn/zaken/{tracked.uuid}/", args.requests),
        "data": measure(visitor, "/mijn/gegevens/", args.requests),
    }
    summary = {
        "cases_in_database": total,
        "cases_of_the_person": own.count(),
        "seeding_seconds": round(seeding) if seeding is not None else None,
        "results": results,
    }
    print(f"{total:,} cases in the database; the person has {own.count()} cases")
    print(f"{'page':<8} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'goal':>10}")
    for name, result in results.items():
        goal = GOALS_MS.get(name)
        verdict = f"< {goal} {'ok' if result['p95_ms'] < goal else 'MISSED'}" if goal else "-"
        print(
            f"{name:<8} {result['queries']:>7} {result['p50_ms']:>8} {result['p95_ms']:>8} "
            f"{result['p99_ms']:>8} {verdict:>10}"
        )
    out = Path(REPO / "var" / "bench" / "mijn_omgeving.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
