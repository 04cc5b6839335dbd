"""``loket seed``: realistic volume data for benchmarks.

Fictional citizens in the built-in register and cases of the demo case types, each with a
status history that follows its case type's steps and deadlines from the legal clock. Rows
are written in batches; a progress bar shows how far it is. On PostgreSQL the cases, results
and status changes go in with ``COPY`` (keys taken from the tables' sequences first), which
is several times faster than ``INSERT`` for a million cases. The dashboard's counters
(``loket.insights.counting``) follow by their triggers, as for any other write.
"""

import functools
import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
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
    # The legal clock's dates are the same for every case of a type registered on one day.
    clock = functools.cache(deadlines)
    with tqdm(total=count, desc="cases", unit=" cases") as progress:
        for start in range(0, count, batch_size):
            size = min(batch_size, count - start)
            with transaction.atomic():
                write_case_batch(size, case_types, bsns, rng, today, clock)
            progress.update(size)


def write_case_batch(size, case_types, bsns, rng, today, clock=deadlines) -> None:
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
        planned_end, legal_end = clock(case_type, registered_on)
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
        if case.closed_on:  # a closed case has its result (zrc-007)
            case.seeded_result_type = rng.choice(list(case_type.result_types.all()))
        new_cases.append(case)
        histories.append(list(zip(reached, moments, strict=True)))
    closed = [case for case in new_cases if case.closed_on]
    if connection.vendor == "postgresql":
        take_keys(Case, new_cases)
        set_archive_fields(closed)
        copy_rows(Case, new_cases)
    else:
        Case.objects.bulk_create(new_cases)  # SQLite returns the new keys
        set_archive_fields(closed)
        Case.objects.bulk_update(closed, ["archive_action", "archive_date"])
    insert_values(
        Result, [{"case_id": c.pk, "result_type_id": c.seeded_result_type.pk} for c in closed]
    )
    insert_values(
        StatusChange,
        [
            {"case_id": case.pk, "status_type_id": status_type.pk, "set_at": moment}
            for case, history in zip(new_cases, histories, strict=True)
            for status_type, moment in history
        ],
    )


def set_archive_fields(closed) -> None:
    """A closed case has its archive dates (zrc-007, -021)."""
    for case in closed:
        for field, value in archive_fields(case, case.seeded_result_type).items():
            setattr(case, field, value)


def insert_rows(model, objects: list) -> None:
    """New rows with their keys: ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere."""
    if connection.vendor == "postgresql":
        take_keys(model, objects)
        copy_rows(model, objects)
    else:
        model.objects.bulk_create(objects)


def take_keys(model, objects: list) -> None:
    """Give each new object its primary key from the table's sequence, as an insert would."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, len(objects)],
        )
        for instance, (key,) in zip(objects, cursor.fetchall(), strict=True):
            instance.pk = key


def copy_rows(model, objects: list) -> None:
    """Write objects that have their keys with PostgreSQL's ``COPY``; every column as
    ``bulk_create`` would write it (``pre_save`` fills ``auto_now_add``)."""
    database = connections[DEFAULT_DB_ALIAS]  # not the proxy: it is asked for every value
    fields = model._meta.concrete_fields
    columns = ", ".join(database.ops.quote_name(field.column) for field in fields)
    table = database.ops.quote_name(model._meta.db_table)
    with (
        database.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for instance in objects:
            copy.write_row(
                [
                    field.get_db_prep_save(field.pre_save(instance, True), database)
                    for field in fields
                ]
            )


def insert_values(model, rows: list[dict]) -> None:
    """New rows given as their varying columns (``{attname: value}``); every other column
    as a new instance has it. On PostgreSQL without building a model instance per row, which
    is most of the seed's time for the status changes."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create(model(**row) for row in rows)
        return
    database = connections[DEFAULT_DB_ALIAS]
    template = model()
    fields = model._meta.concrete_fields
    fixed = {
        field.attname: field.get_db_prep_save(field.pre_save(template, True), database)
        for field in fields
    }
    # A default that must differ per row: a new uuid.
    fresh = [field.attname for field in fields if field.unique and field.has_default()]
    pk = model._meta.pk.attname
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, len(rows)],
        )
        keys = [key for (key,) in cursor.fetchall()]
    columns = ", ".join(database.ops.quote_name(field.column) for field in fields)
    table = database.ops.quote_name(model._meta.db_table)
    with (
        database.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for key, row in zip(keys, rows, strict=True):
            values = {**fixed, **row, pk: key}
            for name in fresh:
                values[name] = model._meta.get_field(name).get_default()
            copy.write_row([values[field.attname] for field in fields])


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
