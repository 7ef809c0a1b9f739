"""Seed the category -> account line table with the library's defaults (待核对)."""

from django.db import migrations


def seed(apps, schema_editor):
    from unionplan.accounting.mapping import default_table

    LineMapping = apps.get_model("funds", "LineMapping")
    existing = set(LineMapping.objects.values_list("kind", "code"))
    LineMapping.objects.bulk_create(
        LineMapping(kind=kind, code=code, line=line)
        for kind, code, line in default_table()
        if (kind, code) not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("funds", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
