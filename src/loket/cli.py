"""The ``loket`` command.

``loket demo | serve | check | seed | backup | restore`` are Loket's own; ``loket worker``
and ``loket migrate`` and every other Django management command (``loket createsuperuser`` ...)
pass through to Django, so ``loket`` is also this project's ``manage.py``.
"""

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.conf.settings")


def setup_django() -> None:
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        sys.exit(f"{error}\n")


def demo(args: argparse.Namespace) -> None:
    # The demo always runs on its own SQLite file, whatever LOKET_DATABASE_URL says, so it
    # can never write into a real database.
    data_dir = Path(args.data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        LOKET_MODE="demo",
        LOKET_DATA_DIR=str(data_dir),
        LOKET_DATABASE_URL=f"sqlite:///{data_dir / 'demo.sqlite3'}",
        LOKET_BASE_URL=f"http://127.0.0.1:{args.port}",
    )
    for name in ("LOKET_SECRET_KEY", "LOKET_DEMO_LOGIN", "LOKET_ALLOWED_HOSTS"):
        os.environ.pop(name, None)
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from loket.demo import demo_welcome, load_demo_data

    call_command("migrate", interactive=False, verbosity=0)
    load_demo_data()
    # Stopped by a script or a service manager (SIGTERM), the demo ends as on Ctrl-C: its
    # worker with it, instead of leaving the worker behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    worker = None
    if not args.no_worker:
        worker = subprocess.Popen([*loket_command(), "worker", "--interval", "0.5"])  # noqa: S603
    print(demo_welcome(settings.LOKET_BASE_URL, settings.LOKET_MUNICIPALITY_NAME), flush=True)
    try:
        call_command("runserver", f"127.0.0.1:{args.port}", use_reloader=False, use_threading=True)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)


def serve(args: argparse.Namespace) -> None:
    setup_django()
    from django.core.management import call_command

    from loket.security.log_filters import ACCESS_LOG_FORMAT

    call_command("collectstatic", interactive=False, verbosity=0)
    os.execvp(  # noqa: S606 - replaces this process with gunicorn, arguments are ours
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "loket.conf.wsgi:application",
            "--bind",
            args.bind,
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-",
            "--access-logformat",
            ACCESS_LOG_FORMAT,
            "--forwarded-allow-ips",
            args.forwarded_allow_ips,
        ],
    )


def check(args: argparse.Namespace) -> None:
    setup_django()
    from loket.checkup import print_report

    sys.exit(0 if print_report(sys.stdout) else 1)


def seed(args: argparse.Namespace) -> None:
    setup_django()
    from loket.seed import seed_volume_data

    seed_volume_data(citizens=args.citizens, cases=args.cases, batch_size=args.batch_size)


def backup(args: argparse.Namespace) -> None:
    setup_django()
    from loket.backup import BackupError, make_backup, print_verification

    if args.verify:
        sys.exit(0 if print_verification(Path(args.file), sys.stdout) else 1)
    try:
        make_backup(Path(args.file), sys.stdout)
    except BackupError as error:
        sys.exit(str(error))


def restore(args: argparse.Namespace) -> None:
    setup_django()
    from loket.backup import BackupError
    from loket.backup import restore as restore_archive

    try:
        ok = restore_archive(Path(args.file), force=args.force, out=sys.stdout)
    except BackupError as error:
        sys.exit(str(error))
    sys.exit(0 if ok else 1)


def loket_command() -> list[str]:
    """How to start this same ``loket`` again as a child process."""
    return [sys.executable, "-m", "loket"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket",
        description="Loket: the digital service counter of a municipality. Any other "
        "command is a Django management command (loket help lists them).",
    )
    commands = parser.add_subparsers(dest="command")

    p = commands.add_parser("demo", help="Start the demo municipality on http://127.0.0.1:8000/")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--data-dir", default="var/demo", help="Where the demo keeps its files.")
    p.add_argument("--no-worker", action="store_true", help="Do not start the worker.")
    p.set_defaults(handler=demo)

    p = commands.add_parser("serve", help="Serve the web application with gunicorn.")
    p.add_argument("--bind", default="127.0.0.1:8000")
    p.add_argument("--workers", type=int, default=int(os.environ.get("LOKET_WEB_WORKERS", 4)))
    p.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    p.set_defaults(handler=serve)

    p = commands.add_parser("check", help="Report on configuration and connectivity.")
    p.set_defaults(handler=check)

    p = commands.add_parser("seed", help="Add realistic volume data for benchmarks.")
    p.add_argument("--citizens", type=int, default=1000)
    p.add_argument("--cases", type=int, default=1000)
    p.add_argument("--batch-size", type=int, default=5000)
    p.set_defaults(handler=seed)

    p = commands.add_parser("backup", help="Back up the database and the documents to one file.")
    p.add_argument("file", help="The archive to write (.tar or .tar.gz), or to check.")
    p.add_argument(
        "--verify", action="store_true", help="Check FILE against its manifest; make nothing."
    )
    p.set_defaults(handler=backup)

    p = commands.add_parser("restore", help="Restore a backup into this installation.")
    p.add_argument("file", help="The archive made by loket backup.")
    p.add_argument(
        "--force", action="store_true", help="Replace the data of a non-empty installation."
    )
    p.set_defaults(handler=restore)
    return parser


OWN_COMMANDS = {"demo", "serve", "check", "seed", "backup", "restore", "-h", "--help"}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in OWN_COMMANDS:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return
        args.handler(args)
        return
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["loket", *argv])
