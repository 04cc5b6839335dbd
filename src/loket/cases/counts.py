# ruff: noqa: S608
# (Every statement here is built from this module's own table and column names, never from
# input.)
"""The number of cases per case type and confidentiality (``models.CaseCount``), kept exact
by database triggers on ``cases_case``.

The Zaken API's list carries ``count``, the number of cases the client may read. A client's
authorisations restrict the list by case type and confidentiality only (``api/common``
``restrict``), so the sum of the rows of this table that its grants cover is that number,
read from a few rows instead of counted over every case (at a million cases, the count was
most of a list page's time).

Why triggers, as for the dashboard's counters (``loket.insights.counting``): cases are
written in many places (registration, the case worker's screens, the ZGW API, the admin,
``update()``, bulk loads), and a trigger sees every one of them in the transaction that makes
the change, so a count is never ahead of or behind its cases. A new case adds 1 to its row
(an upsert), a deleted one takes 1 (an ``UPDATE``; a row that is not there is left alone, as
when a test database is emptied table by table), and a change of the case type or the
confidentiality does both. The SQL is the same on SQLite and PostgreSQL. On PostgreSQL the
row of a case type and level stays locked until the writing transaction commits, so
registrations of one case type queue on it, as they do on the case-number counter.

``rebuild`` (migration ``cases.0011``, ``loket rebuild_case_counts``) installs the triggers
again and counts from scratch, for an existing installation or after a bulk load with the
triggers off.
"""

from django.db import connection, transaction

TABLE = "cases_casecount"
CASES = "cases_case"
KEYS = ("case_type_id", "confidentiality")
TRIGGER = "cases_count_{}"
OPERATIONS = ("insert", "delete", "update")


def add(record: str) -> str:
    """Count the case ``record`` (``NEW``)."""
    return (
        f"INSERT INTO {TABLE} (case_type_id, confidentiality, cases) "
        f"VALUES ({record}.case_type_id, {record}.confidentiality, 1) "
        f"ON CONFLICT (case_type_id, confidentiality) DO UPDATE SET cases = {TABLE}.cases + 1"
    )


def take(record: str) -> str:
    """Count the case ``record`` (``OLD``) no more."""
    return (
        f"UPDATE {TABLE} SET cases = cases - 1 WHERE case_type_id = {record}.case_type_id "
        f"AND confidentiality = {record}.confidentiality"
    )


def statements_of(operation: str) -> list[str]:
    return {
        "insert": [add("NEW")],
        "delete": [take("OLD")],
        "update": [take("OLD"), add("NEW")],
    }[operation]


def trigger_ddl(operation: str) -> list[str]:
    name = TRIGGER.format(operation)
    event = operation.upper()
    when = ""
    if operation == "update":
        operator = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
        event = f"UPDATE OF {', '.join(KEYS)}"
        when = "WHEN (" + " OR ".join(f"OLD.{k} {operator} NEW.{k}" for k in KEYS) + ")"
    body = "".join(f"{statement};\n" for statement in statements_of(operation))
    if connection.vendor == "postgresql":
        return [
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n{body}RETURN NULL;\nEND $$",
            f"DROP TRIGGER IF EXISTS {name} ON {CASES}",
            f"CREATE TRIGGER {name} AFTER {event} ON {CASES} FOR EACH ROW {when} "
            f"EXECUTE FUNCTION {name}()",
        ]
    return [
        f"DROP TRIGGER IF EXISTS {name}",
        f"CREATE TRIGGER {name} AFTER {event} ON {CASES} FOR EACH ROW {when}\nBEGIN\n{body}END",
    ]


def install_triggers() -> None:
    with connection.cursor() as cursor:
        for operation in OPERATIONS:
            for statement in trigger_ddl(operation):
                cursor.execute(statement)


def remove_triggers() -> None:
    with connection.cursor() as cursor:
        for operation in OPERATIONS:
            name = TRIGGER.format(operation)
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {CASES}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def rebuild() -> None:
    """Install the triggers and count the cases again, in one transaction. On PostgreSQL,
    installing a trigger locks the cases against writes until the end, so no change slips
    between the count and the triggers."""
    with transaction.atomic():
        install_triggers()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
            cursor.execute(
                f"INSERT INTO {TABLE} (case_type_id, confidentiality, cases) "
                f"SELECT case_type_id, confidentiality, COUNT(*) FROM {CASES} "
                "GROUP BY case_type_id, confidentiality"
            )
