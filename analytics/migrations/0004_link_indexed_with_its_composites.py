# The link's own index on clicks and daily rollups repeats the first column of
# their composite indexes; it is dropped. Only the index: Django's AlterField
# would also drop and re-add the foreign key, checking every stored click again.

import django.db.models.deletion
from django.db import migrations, models

INDEXES = {
    "analytics_click": "analytics_click_link_id_58d213e7",
    "analytics_dailystat": "analytics_dailystat_link_id_a6548d25",
}


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0003_rollups_from_clicks"),
        ("shortener", "0005_link_kind_bio_domain_bio_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name=model,
                    name="link",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="shortener.link",
                        verbose_name="link",
                    ),
                )
                for model in ("click", "dailystat")
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{index}"',
                    f'CREATE INDEX "{index}" ON "{table}" ("link_id")',
                )
                for table, index in INDEXES.items()
            ],
        )
    ]
