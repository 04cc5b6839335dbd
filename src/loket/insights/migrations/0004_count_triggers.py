"""The triggers that keep the dashboard's counters in step, and the first count of what an
existing installation already has (``loket.insights.counting``)."""

from django.db import migrations


def install_and_count(apps, schema_editor):
    from loket.insights.counting import rebuild

    rebuild()


def remove(apps, schema_editor):
    from loket.insights.counting import remove_triggers

    remove_triggers()


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0003_counters"),
        # The tables the triggers watch, as they are now.
        ("cases", "0009_case_handling"),
        ("forms", "0004_acting"),
        ("portal", "0001_satisfaction_answer"),
        ("contacts", "0001_initial"),
    ]

    operations = [migrations.RunPython(install_and_count, remove)]
