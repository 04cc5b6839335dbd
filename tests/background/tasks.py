"""Tasks for the background-work tests. Each leaves a trace the test can see from outside."""

from pathlib import Path

from django_tasks import task


@task()
def write_marker(path: str, text: str) -> None:
    with Path(path).open("a") as marker:
        marker.write(text + "\n")


@task()
def always_fails(reason: str) -> None:
    raise RuntimeError(reason)
