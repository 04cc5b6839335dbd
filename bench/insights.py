"""Server time of the managers' dashboard (/inzicht/) on PostgreSQL with volume data.

    python bench/insights.py [--seed-cases 1000000] [--requests 20] [--database NAME]

Migrates (or first creates) the PostgreSQL database (default ``loket_bench_insights``), tops
it up with ``loket seed`` to ``--seed-cases`` cases, then gives the seeded cases what the
dashboard counts: a form submission for 80 % of them (of those 85 % online, the rest by phone
or at the counter), a satisfaction answer for a fifth of the closed ones, one contact per two
cases over the last two years, and channel costs. Then, in this process, Django's test client
asks the dashboard as a manager for the last twelve months, all departments and products.

Runs in demo mode with the staff second factor off (production refuses that), so the
manager logs in with ``force_login``; the page's work is the same. The time is the server's,
database included. Prints p50/p95/p99/max and the queries, and writes
``var/bench/insights.json``. Goal: < 1 s at 1,000,000 cases.
"""

import argparse
import json
import os
import random
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import psycopg
from loket_server import REPO, SERVER, ensure_database, environment, loket, measure

GOAL_MS = 1000
BATCH = 5000


def count(database: str, table: str) -> int:
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def prepare(database: str, fresh: bool, seed_cases: int) -> dict:
    ensure_database(database, fresh)
    env = environment(database, port=8000)
    env.update(
        LOKET_MODE="demo",
        LOKET_STAFF_SECOND_FACTOR="false",
        LOKET_DATA_DIR=str(REPO / "var" / "bench-insights"),
        LOKET_ALLOWED_HOSTS="127.0.0.1,testserver",
    )
    loket(env, "migrate", "--verbosity", "0")
    missing = seed_cases - count(database, "cases_case")
    if missing > 0:
        loket(env, "seed", "--citizens", str(max(missing // 10, 100)), "--cases", str(missing))
    return env


def seed_insights_data(rng: random.Random) -> None:
    """Submissions, satisfaction answers, contacts and costs for the cases still without."""
    from django.db import transaction
    from django.utils import timezone

    from loket.cases.models import Case
    from loket.catalog.models import CaseType
    from loket.contacts.models import Channel, Contact, Outcome
    from loket.forms.demo import load_demo_forms
    from loket.forms.models import Draft, FormDefinition, Submission
    from loket.insights.models import ChannelCost
    from loket.portal.models import SatisfactionAnswer
    from loket.seed import insert_rows  # COPY on PostgreSQL

    load_demo_forms()
    for channel, cost in [("web", "0.50"), ("phone", "5.80"), ("counter", "12.70")]:
        ChannelCost.objects.get_or_create(channel=channel, defaults={"cost": cost})
    forms = {}
    for definition in FormDefinition.objects.published():
        for case_type in definition.product.case_types.all():
            forms[case_type.pk] = definition
    first_product = {
        case_type.pk: case_type.products.order_by("pk").first()
        for case_type in CaseType.objects.all()
    }
    cases = Case.objects.filter(submission__isnull=True, satisfaction__isnull=True)
    ids = list(cases.filter(case_type__in=list(forms)).values_list("pk", flat=True))
    channels = ["web"] * 85 + ["phone"] * 8 + ["counter"] * 7
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            batch = list(Case.objects.filter(pk__in=ids[start : start + BATCH]))
            chosen = [case for case in batch if rng.random() < 0.8]
            drafts = [
                Draft(definition=forms[case.case_type_id], channel=rng.choice(channels))
                for case in chosen
            ]
            insert_rows(Draft, drafts)
            insert_rows(
                Submission,
                [
                    Submission(
                        draft=draft,
                        definition=draft.definition,
                        status=Submission.Status.REGISTERED,
                        case=case,
                    )
                    for draft, case in zip(drafts, chosen, strict=True)
                ],
            )
            insert_rows(
                SatisfactionAnswer,
                [
                    SatisfactionAnswer(
                        case=case,
                        case_type_id=case.case_type_id,
                        product=first_product[case.case_type_id],
                        channel=SatisfactionAnswer.Channel.MY_PAGE,
                        score=rng.randint(1, 5),
                        answered_at=datetime.combine(
                            case.closed_on, datetime.min.time(), timezone.get_current_timezone()
                        ),
                    )
                    for case in batch
                    if case.closed_on and rng.random() < 0.2
                ],
            )
    wanted = Case.objects.count() // 2 - Contact.objects.count()
    now = timezone.now()
    for start in range(0, max(wanted, 0), BATCH):
        insert_rows(
            Contact,
            [
                Contact(
                    channel=rng.choice(list(Channel)),
                    subject="Vraag",
                    outcome=rng.choice([Outcome.SOLVED] * 4 + [Outcome.HANDED_OVER]),
                    occurred_at=now - timedelta(minutes=rng.randint(0, 730 * 24 * 60)),
                )
                for _ in range(min(BATCH, wanted - start))
            ],
        )


def check_counters() -> tuple[float, bool]:
    """Count the dashboard's counters from scratch and compare with what the triggers kept;
    the seconds the count took, and whether they were equal."""
    from loket.insights.counting import rebuild
    from loket.insights.models import ClosingCount, ContactCount, RequestCount, SatisfactionCount

    def counted():
        rows = {}
        for model in (RequestCount, ClosingCount, SatisfactionCount, ContactCount):
            fields = [f.attname for f in model._meta.concrete_fields if f.attname != "id"]
            rows[model] = {row for row in model.objects.values_list(*fields) if any(row[-2:])}
        return rows

    kept = counted()
    started = time.monotonic()
    rebuild()
    seconds = time.monotonic() - started
    return seconds, counted() == kept


def busiest_department_and_product() -> tuple[str, str]:
    """The code of the department and the slug of the product with the most cases."""
    from django.db.models import Count

    from loket.catalog.models import Department, Product

    department = (
        Department.objects.annotate(n=Count("cases")).order_by("-n").values_list("code", flat=True)
    )[0]
    product = (
        Product.objects.annotate(n=Count("case_types__cases"))
        .order_by("-n")
        .values_list("slug", flat=True)
    )[0]
    return department, product


def analyze(database: str) -> None:
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="loket_bench_insights")
    parser.add_argument("--fresh", action="store_true", help="Drop the database first.")
    parser.add_argument("--seed-cases", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=20, help="Timed requests per page.")
    args = parser.parse_args()

    started = time.monotonic()
    env = prepare(args.database, args.fresh, args.seed_cases)
    os.environ.update(env)
    import django

    django.setup()
    seed_insights_data(random.Random(11))  # noqa: S311 - repeatable fictional data
    analyze(args.database)
    seeding = time.monotonic() - started
    from django.contrib.auth import get_user_model
    from django.test import Client

    from loket.cases.models import Case
    from loket.contacts.models import Contact
    from loket.forms.models import Submission
    from loket.identity.roles import Role
    from loket.identity.services import create_staff_account
    from loket.portal.models import SatisfactionAnswer

    rebuild_seconds, counters_held = check_counters()
    manager = get_user_model().objects.filter(username="bench-manager").first()
    manager = manager or create_staff_account(
        username="bench-manager",
        password="a long bench password",  # noqa: S106 - a fictional account
        role=Role.MANAGER,
    )
    client = Client(HTTP_HOST="127.0.0.1", headers={"accept-language": "nl"})
    client.force_login(manager)
    department, product = busiest_department_and_product()
    this_month = date.today().replace(day=1)
    two_years = f"start={this_month.year - 2}-{this_month.month:02d}&end={this_month:%Y-%m}"
    pages = {
        "dashboard": "/inzicht/",
        "department": f"/inzicht/?department={department}",
        "product": f"/inzicht/?product={product}",
        "both": f"/inzicht/?department={department}&product={product}",
        "2 years, both": f"/inzicht/?{two_years}&department={department}&product={product}",
        "open_data": "/opendata/",
    }
    results = {name: measure(client, url, args.requests) for name, url in pages.items()}
    summary = {
        "cases": Case.objects.count(),
        "submissions": Submission.objects.count(),
        "contacts": Contact.objects.count(),
        "satisfaction_answers": SatisfactionAnswer.objects.count(),
        "preparing_seconds": round(seeding),
        "rebuild_seconds": round(rebuild_seconds, 1),
        "counters_equal_rebuild": counters_held,
        "results": results,
    }
    print(json.dumps({key: value for key, value in summary.items() if key != "results"}))
    print(
        f"{'page':<14} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
        f"  goal < {GOAL_MS} ms"
    )
    for name, result in results.items():
        verdict = "ok" if result["p95_ms"] < GOAL_MS else "MISSED"
        print(
            f"{name:<14} {result['queries']:>7} {result['p50_ms']:>8} {result['p95_ms']:>8} "
            f"{result['p99_ms']:>8} {result['max_ms']:>8}  {verdict}"
        )
    out = Path(REPO / "var" / "bench" / "insights.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
