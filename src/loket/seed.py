"""``loket seed``: realistic volume data for benchmarks.

Fictional citizens in the built-in register and cases of the demo case types, each with a
status history that follows its case type's steps and deadlines from the legal clock. Rows
are written in batches; a progress bar shows how far it is.
"""

import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from loket.brp.bsn import fictional_bsns, seed_range
from loket.brp.fictional import fictional_person, load_address_register
from loket.brp.models import Person
from loket.cases.archiving import archive_fields
from loket.cases.identification import reserve_case_numbers
from loket.cases.models import Case, Result, StatusChange
from loket.cases.services import deadlines
from loket.catalog.demo import load_demo_catalogue
from loket.catalog.models import CaseType


def seed_volume_data(*, citizens: int, cases: int, batch_size: int = 5000, seed: int = 2026):
    if not settings.LOKET.is_demo:
        raise ImproperlyConfigured(
            "loket seed writes fictional persons and cases; it runs only with LOKET_MODE=demo."
        )
    rng = random.Random(seed)  # noqa: S311 - repeatable fictional data, not security
    load_demo_catalogue()
    seed_citizens(citizens, rng, batch_size)
    seed_cases(cases, rng, batch_size)


def seed_citizens(count: int, rng: random.Random, batch_size: int) -> None:
    load_address_register()
    last = Person.objects.filter(bsn__range=seed_range()).order_by("-bsn").first()
    numbers = fictional_bsns(after=last.bsn if last else None)
    today = timezone.localdate()
    with tqdm(total=count, desc="citizens", unit=" persons") as progress:
        for start in range(0, count, batch_size):
            size = min(batch_size, count - start)
            Person.objects.bulk_create(
                fictional_person(rng, next(numbers), today) for _ in range(size)
            )
            progress.update(size)


def seed_cases(count: int, rng: random.Random, batch_size: int) -> None:
    case_types = list(
        CaseType.objects.current()
        .select_related("catalogue")
        .prefetch_related("status_types", "result_types")
    )
    if count and not case_types:
        raise ImproperlyConfigured("There is no published case type to seed cases of.")
    bsns = list(Person.objects.values_list("bsn", flat=True))
    if count and not bsns:
        raise ImproperlyConfigured("Seed citizens first: cases need an initiator.")
    today = timezone.localdate()
    with tqdm(total=count, desc="cases", unit=" cases") as progress:
        for start in range(0, count, batch_size):
            size = min(batch_size, count - start)
            with transaction.atomic():
                write_case_batch(size, case_types, bsns, rng, today)
            progress.update(size)


def write_case_batch(size, case_types, bsns, rng, today) -> None:
    registered = sorted(today - timedelta(days=rng.randint(0, 730)) for _ in range(size))
    numbers = {}
    for year in {day.year for day in registered}:
        needed = sum(1 for day in registered if day.year == year)
        numbers[year] = iter(reserve_case_numbers(year, needed))
    new_cases, histories = [], []
    for registered_on in registered:
        case_type = rng.choice(case_types)
        steps = list(case_type.status_types.all())
        reached = steps[: rng.randint(1, len(steps))]
        moments = status_moments(registered_on, len(reached), rng, today)
        planned_end, legal_end = deadlines(case_type, registered_on)
        case = Case(
            identification=next(numbers[registered_on.year]),
            source_organisation=case_type.catalogue.rsin,
            responsible_organisation=case_type.catalogue.rsin,
            case_type=case_type,
            department_id=case_type.department_id,
            description=case_type.description,
            confidentiality=case_type.confidentiality,
            start_date=registered_on,
            initiator_bsn=rng.choice(bsns),
            registered_on=registered_on,
            planned_end=planned_end,
            legal_end=legal_end,
            current_status=reached[-1],
            closed_on=moments[-1].date() if len(reached) == len(steps) else None,
        )
        if case.closed_on:  # a closed case has its result and archive dates (zrc-007, -021)
            case.seeded_result_type = rng.choice(list(case_type.result_types.all()))
        new_cases.append(case)
        histories.append(list(zip(reached, moments, strict=True)))
    Case.objects.bulk_create(new_cases)  # SQLite and PostgreSQL return the new keys
    closed = [case for case in new_cases if case.closed_on]
    Result.objects.bulk_create(Result(case=c, result_type=c.seeded_result_type) for c in closed)
    for case in closed:
        for field, value in archive_fields(case, case.seeded_result_type).items():
            setattr(case, field, value)
    Case.objects.bulk_update(closed, ["archive_action", "archive_date"])
    StatusChange.objects.bulk_create(
        StatusChange(case=case, status_type=status_type, set_at=moment)
        for case, history in zip(new_cases, histories, strict=True)
        for status_type, moment in history
    )


def status_moments(registered_on, count, rng, today) -> list[datetime]:
    """Increasing moments from the registration on, none of them after today."""
    tz = timezone.get_current_timezone()
    moment = datetime.combine(registered_on, time(9), tzinfo=tz)
    moment += timedelta(minutes=rng.randint(0, 8 * 60))
    last = datetime.combine(today, time(17), tzinfo=tz)
    moments = []
    for _ in range(count):
        moments.append(min(moment, last))
        moment += timedelta(days=rng.randint(0, 10), minutes=rng.randint(5, 600))
    return moments
