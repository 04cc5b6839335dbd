# ruff: noqa: S608
# (Every statement here is built from this module's own table and column names, never from
# input.)
"""The dashboard's monthly counters (``models.RequestCount`` and the like), kept in step with
the cases, submissions, satisfaction answers and contacts by database triggers.

Why triggers: the figures' source rows are written in many places (the forms' registration,
the case worker's screens, the ZGW and Klantinteracties APIs, the admin, bulk loads), with
``save()``, ``update()`` and ``bulk_create()`` alike. A trigger sees every one of them, in the
transaction that makes the change, so a counter is never ahead of or behind its rows.

Each trigger takes the changed row's share out of the counters as it was (``OLD``) and puts
it in as it is now (``NEW``); a share is computed by the same SQL (``*_rows`` below) that
``rebuild`` groups over the whole tables, so counting incrementally and from scratch cannot
differ. Taking out is an ``UPDATE`` (a row that is not there is left alone, as when a test
database is emptied table by table), putting in an upsert. The SQL is the same on SQLite and
PostgreSQL but for dates: a month of a moment is a local month (``TIME_ZONE``), on SQLite by
Django's own SQL function ``django_date_trunc``.

``rebuild`` (``loket rebuild_insights``, and migration ``0004``) installs the triggers again
and counts everything from scratch, for an existing installation or after a change of
``TIME_ZONE``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from loket.contacts.models import Outcome
from loket.forms.models import Channel as FormChannel

WEB = FormChannel.WEB.value
SOLVED = Outcome.SOLVED.value


# --- The dialects --------------------------------------------------------------------------


def month_of_day(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(date_trunc('month', CAST({column} AS timestamp)) AS date)"
    return f"date({column}, 'start of month')"


def month_of_moment(column: str) -> str:
    zone = settings.TIME_ZONE
    if connection.vendor == "postgresql":
        return f"CAST(date_trunc('month', {column} AT TIME ZONE '{zone}') AS date)"
    return f"django_date_trunc('month', {column}, '{zone}', 'UTC')"


def days_between(later: str, earlier: str) -> str:
    if connection.vendor == "postgresql":
        return f"({later} - {earlier})"
    return f"CAST(round(julianday({later}) - julianday({earlier})) AS integer)"


def differs(old: str, new: str) -> str:
    operator = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    return f"{old} {operator} {new}"


def flag(condition: str) -> str:
    return f"CASE WHEN {condition} THEN 1 ELSE 0 END"


# --- One row's share -------------------------------------------------------------------------


@dataclass(frozen=True)
class Counter:
    table: str
    keys: tuple[str, ...]
    counts: tuple[str, ...]

    def add(self, rows: str) -> str:
        """Put the ``rows`` (a SELECT of keys and counts) into the counters."""
        columns = ", ".join(self.keys + self.counts)
        sums = ", ".join(f"{c} = {self.table}.{c} + excluded.{c}" for c in self.counts)
        return (
            f"INSERT INTO {self.table} ({columns}) SELECT {columns} FROM ({rows}) AS src "
            f"WHERE true ON CONFLICT ({', '.join(self.keys)}) DO UPDATE SET {sums}"
        )

    def take(self, rows: str) -> str:
        """Take the ``rows`` out of the counters."""
        differences = ", ".join(f"{c} = {self.table}.{c} - src.{c}" for c in self.counts)
        match = " AND ".join(f"{self.table}.{k} = src.{k}" for k in self.keys)
        return f"UPDATE {self.table} SET {differences} FROM ({rows}) AS src WHERE {match}"

    def rebuild(self, rows: str) -> str:
        keys = ", ".join(self.keys)
        sums = ", ".join(f"SUM({c})" for c in self.counts)
        return (
            f"INSERT INTO {self.table} ({keys}, {', '.join(self.counts)}) "
            f"SELECT {keys}, {sums} FROM ({rows}) AS src GROUP BY {keys}"
        )


CASE_GROUP = ("month", "department_id", "case_type_id", "definition_id")
REQUESTS = Counter("insights_requestcount", CASE_GROUP, ("requests", "digital"))
CLOSINGS = Counter(
    "insights_closingcount",
    CASE_GROUP,
    ("closed", "closed_days", "with_legal_end", "legal_days", "on_time"),
)
ANSWERS = Counter(
    "insights_satisfactioncount",
    ("month", "department_id", "product_id"),
    ("answers", "score_total"),
)
CONTACTS = Counter(
    "insights_contactcount", ("month", "channel"), ("contacts", "with_outcome", "solved")
)

CASE_COLUMNS = ("id", "registered_on", "closed_on", "legal_end", "department_id", "case_type_id")


def values_of(record: str, columns) -> str:
    """A FROM item with one row: the trigger's ``OLD`` or ``NEW`` as a table."""
    return "(SELECT " + ", ".join(f"{record}.{c} AS {c}" for c in columns) + ")"


@dataclass(frozen=True)
class Form:
    """The form a case came from, as a trigger knows it: ``joins`` (after the case ``c``)
    give a draft ``d``; ``definition`` is the form's definition, 0 for none."""

    joins: str
    definition: str
    digital: str

    @staticmethod
    def of_case() -> "Form":
        """The case's submission, whatever it is now."""
        return Form(
            "LEFT JOIN forms_submission s ON s.case_id = c.id "
            "LEFT JOIN forms_draft d ON d.id = s.draft_id",
            "COALESCE(s.definition_id, 0)",
            flag(f"d.channel = '{WEB}'"),
        )

    @staticmethod
    def none() -> "Form":
        return Form("", "0", "0")

    @staticmethod
    def submission(record: str) -> "Form":
        """The submission ``record`` (``OLD`` or ``NEW``)."""
        return Form(
            f"LEFT JOIN forms_draft d ON d.id = {record}.draft_id",
            f"{record}.definition_id",
            flag(f"d.channel = '{WEB}'"),
        )


def request_rows(cases: str, form: Form, where: str = "true") -> str:
    return (
        f"SELECT {month_of_day('c.registered_on')} AS month, "
        "COALESCE(c.department_id, 0) AS department_id, c.case_type_id AS case_type_id, "
        f"{form.definition} AS definition_id, 1 AS requests, {form.digital} AS digital "
        f"FROM {cases} c {form.joins} WHERE {where}"
    )


def closing_rows(cases: str, form: Form, where: str = "true") -> str:
    return (
        f"SELECT {month_of_day('c.closed_on')} AS month, "
        "COALESCE(c.department_id, 0) AS department_id, c.case_type_id AS case_type_id, "
        f"{form.definition} AS definition_id, 1 AS closed, "
        f"{days_between('c.closed_on', 'c.registered_on')} AS closed_days, "
        f"{flag('c.legal_end IS NOT NULL')} AS with_legal_end, "
        f"COALESCE({days_between('c.legal_end', 'c.registered_on')}, 0) AS legal_days, "
        f"{flag('c.closed_on <= c.legal_end')} AS on_time "
        f"FROM {cases} c {form.joins} WHERE c.closed_on IS NOT NULL AND {where}"
    )


def answer_rows(answers: str, department: str = "c.department_id", where: str = "true") -> str:
    """``department``: the case's department, read from the case ``c`` unless given."""
    return (
        f"SELECT {month_of_moment('a.answered_at')} AS month, "
        f"COALESCE({department}, 0) AS department_id, COALESCE(a.product_id, 0) AS product_id, "
        "1 AS answers, a.score AS score_total "
        f"FROM {answers} a LEFT JOIN cases_case c ON c.id = a.case_id WHERE {where}"
    )


def contact_rows(contacts: str) -> str:
    return (
        f"SELECT {month_of_moment('x.occurred_at')} AS month, x.channel AS channel, "
        f"1 AS contacts, {flag("x.outcome <> ''")} AS with_outcome, "
        f"{flag(f"x.outcome = '{SOLVED}'")} AS solved FROM {contacts} x"
    )


def case_share(cases: str, form: Form) -> list[tuple[Counter, str]]:
    return [(REQUESTS, request_rows(cases, form)), (CLOSINGS, closing_rows(cases, form))]


def take(shares) -> list[str]:
    return [counter.take(rows) for counter, rows in shares]


def add(shares) -> list[str]:
    return [counter.add(rows) for counter, rows in shares]


# --- The triggers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Watch:
    """The triggers on one table: the statements for ``OLD`` (after a delete or update) and
    for ``NEW`` (after an insert or update), and the columns whose change matters."""

    table: str
    columns: tuple[str, ...]
    old: list[str]
    new: list[str]
    on_update: tuple[str, ...] | list[str] = ()  # between the two, after an update only
    operations: tuple[str, ...] = ("insert", "delete", "update")


def watches() -> list[Watch]:
    answer_columns = ("case_id", "product_id", "score", "answered_at")
    contact_columns = ("occurred_at", "channel", "outcome")
    case_of = "(SELECT * FROM cases_case WHERE id = {}.case_id)"
    case_of_draft = (
        "(SELECT cases_case.*, s.definition_id AS definition_id FROM cases_case "
        "JOIN forms_submission s ON s.case_id = cases_case.id WHERE s.draft_id = {}.id)"
    )
    # A satisfaction answer counts under its case's department, so it moves with the case.
    moved = f"a.case_id = NEW.id AND {differs('OLD.department_id', 'NEW.department_id')}"
    answers = "portal_satisfactionanswer"
    return [
        Watch(
            "cases_case",
            CASE_COLUMNS[1:],
            old=take(case_share(values_of("OLD", CASE_COLUMNS), Form.of_case())),
            new=add(case_share(values_of("NEW", CASE_COLUMNS), Form.of_case())),
            on_update=[
                ANSWERS.take(answer_rows(answers, "OLD.department_id", moved)),
                ANSWERS.add(answer_rows(answers, "NEW.department_id", moved)),
            ],
        ),
        Watch(
            # A case with a submission counts under its form; without, under none.
            "forms_submission",
            ("case_id", "definition_id", "draft_id"),
            old=take(case_share(case_of.format("OLD"), Form.submission("OLD")))
            + add(case_share(case_of.format("OLD"), Form.none())),
            new=take(case_share(case_of.format("NEW"), Form.none()))
            + add(case_share(case_of.format("NEW"), Form.submission("NEW"))),
        ),
        Watch(
            "forms_draft",
            ("channel",),
            old=[REQUESTS.take(request_rows(case_of_draft.format("OLD"), draft_form("OLD")))],
            new=[REQUESTS.add(request_rows(case_of_draft.format("NEW"), draft_form("NEW")))],
            operations=("update",),
        ),
        Watch(
            answers,
            answer_columns,
            old=[ANSWERS.take(answer_rows(values_of("OLD", answer_columns)))],
            new=[ANSWERS.add(answer_rows(values_of("NEW", answer_columns)))],
        ),
        Watch(
            "contacts_contact",
            contact_columns,
            old=[CONTACTS.take(contact_rows(values_of("OLD", contact_columns)))],
            new=[CONTACTS.add(contact_rows(values_of("NEW", contact_columns)))],
        ),
    ]


def draft_form(record: str) -> Form:
    """The form of a submitted draft (``c`` carries its definition), online or not."""
    return Form("", "c.definition_id", flag(f"{record}.channel = '{WEB}'"))


def statements_of(watch: Watch, operation: str) -> list[str]:
    if operation == "insert":
        return watch.new
    if operation == "delete":
        return watch.old
    return [*watch.old, *watch.on_update, *watch.new]


def trigger_ddl(watch: Watch, operation: str) -> list[str]:
    name = f"insights_{watch.table}_{operation}"
    event = operation.upper()
    if operation == "update":
        changed = " OR ".join(differs(f"OLD.{c}", f"NEW.{c}") for c in watch.columns)
        event = f"UPDATE OF {', '.join(watch.columns)}"
        when = f"WHEN ({changed})"
    else:
        when = ""
    body = "".join(f"{statement};\n" for statement in statements_of(watch, operation))
    if connection.vendor == "postgresql":
        return [
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n{body}RETURN NULL;\nEND $$",
            f"DROP TRIGGER IF EXISTS {name} ON {watch.table}",
            f"CREATE TRIGGER {name} AFTER {event} ON {watch.table} FOR EACH ROW {when} "
            f"EXECUTE FUNCTION {name}()",
        ]
    return [
        f"DROP TRIGGER IF EXISTS {name}",
        f"CREATE TRIGGER {name} AFTER {event} ON {watch.table} FOR EACH ROW {when}\n"
        f"BEGIN\n{body}END",
    ]


def install_triggers() -> None:
    """(Re)create the triggers, with the ``TIME_ZONE`` of now."""
    with connection.cursor() as cursor:
        for watch in watches():
            for operation in watch.operations:
                for statement in trigger_ddl(watch, operation):
                    cursor.execute(statement)


def remove_triggers() -> None:
    with connection.cursor() as cursor:
        for watch in watches():
            for operation in watch.operations:
                name = f"insights_{watch.table}_{operation}"
                if connection.vendor == "postgresql":
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {watch.table}")
                    cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
                else:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


COUNTERS = (REQUESTS, CLOSINGS, ANSWERS, CONTACTS)


def rebuild() -> None:
    """Install the triggers and count every counter again from the other apps' tables, in
    one transaction. On PostgreSQL, installing a trigger locks its table against writes
    until the end, so no change slips between the count and the triggers."""
    with transaction.atomic():
        install_triggers()
        sources = [
            (REQUESTS, request_rows("cases_case", Form.of_case())),
            (CLOSINGS, closing_rows("cases_case", Form.of_case())),
            (ANSWERS, answer_rows("portal_satisfactionanswer")),
            (CONTACTS, contact_rows("contacts_contact")),
        ]
        with connection.cursor() as cursor:
            for counter, rows in sources:
                cursor.execute(f"DELETE FROM {counter.table}")
                cursor.execute(counter.rebuild(rows))
