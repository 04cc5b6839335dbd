"""``loket check``: is this installation configured and can it reach what it needs?

Each check returns a line; a failing one says what to do. The report exits non-zero when any
check fails, so it can gate a deployment.
"""

import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from django.conf import settings
from django.core import checks as django_checks
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor


@dataclass
class Finding:
    name: str
    ok: bool
    detail: str


def check_database() -> Finding:
    try:
        connection.ensure_connection()
        pending = MigrationExecutor(connection).migration_plan(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )
    except DatabaseError as error:
        return Finding("database", False, f"cannot connect: {error}".strip())
    where = connection.settings_dict["NAME"]
    if pending:
        return Finding(
            "database",
            False,
            f"{connection.vendor} {where}: {len(pending)} migration(s) pending, "
            "run 'loket migrate'",
        )
    return Finding("database", True, f"{connection.vendor} {where}, schema up to date")


def check_background_work() -> Finding:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
    except DatabaseError as error:
        return Finding("background work", False, f"task table unreadable: {error}")
    return Finding(
        "background work",
        True,
        f"{ready} task(s) waiting, {failed} failed for good (see the admin)",
    )


def check_mail() -> Finding:
    if settings.EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend":
        return Finding("mail", True, f"not sent: {settings.EMAIL_BACKEND.rsplit('.', 2)[-2]}")
    try:
        with smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=10) as smtp:
            smtp.ehlo()
            if settings.EMAIL_USE_TLS:
                smtp.starttls()
            if settings.EMAIL_HOST_USER:
                smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
    except (OSError, smtplib.SMTPException) as error:
        return Finding("mail", False, f"SMTP {settings.EMAIL_HOST}:{settings.EMAIL_PORT}: {error}")
    return Finding("mail", True, f"SMTP {settings.EMAIL_HOST}:{settings.EMAIL_PORT} answers")


def check_storage() -> Finding:
    try:
        name = default_storage.save("loket-check/probe.txt", ContentFile(b"probe"))
        default_storage.delete(name)
    except Exception as error:
        return Finding("document storage", False, f"cannot write: {error}")
    return Finding("document storage", True, f"{settings.LOKET.storage} storage is writable")


def check_django() -> Finding:
    messages = django_checks.run_checks(include_deployment_checks=not settings.LOKET.is_demo)
    serious = [m for m in messages if m.is_serious()]
    if serious:
        return Finding("django", False, "; ".join(str(m) for m in serious))
    return Finding("django", True, f"system checks pass ({len(messages)} note(s))")


CHECKS: list[Callable[[], Finding]] = [
    check_database,
    check_background_work,
    check_mail,
    check_storage,
    check_django,
]


def print_report(out: TextIO) -> bool:
    out.write(
        f"Loket for {settings.LOKET_MUNICIPALITY_NAME or '(no name)'}, "
        f"{settings.LOKET.mode} mode, at {settings.LOKET_BASE_URL}\n"
    )
    findings = [check() for check in CHECKS]
    for finding in findings:
        out.write(f"  [{'ok' if finding.ok else 'FAIL'}] {finding.name}: {finding.detail}\n")
    return all(finding.ok for finding in findings)
