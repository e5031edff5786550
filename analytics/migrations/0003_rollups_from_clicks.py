"""Build the daily rollups from the click rows recorded before they existed.

Statistics read the rollups only, so without this step links would lose their
history. Runs once, right after the rollup table is created (it is empty then).
"""

from django.db import migrations
from django.db.models import Count, Q
from django.db.models.functions import TruncDate

BATCH = 1000
# dimension: the click field holding its value (bot visits: the bot's name)
HUMAN = {
    "total": None,
    "country": "country",
    "referrer": "referrer_domain",
    "browser": "browser",
    "os": "os",
    "device": "device_type",
    "language": "language",
}


def build(apps, schema_editor):
    Click = apps.get_model("analytics", "Click")
    DailyStat = apps.get_model("analytics", "DailyStat")
    alias = schema_editor.connection.alias
    dimensions = [(name, field, False) for name, field in HUMAN.items()]
    dimensions.append(("bot", "browser", True))
    for dimension, field, is_bot in dimensions:
        fields = ["link_id", "day"] + ([field] if field else [])
        rows = (
            Click.objects.using(alias)
            .filter(is_bot=is_bot)
            .annotate(day=TruncDate("created"))
            .order_by()
            .values_list(*fields)
            .annotate(
                number=Count("id"), unique=Count("id", filter=Q(is_unique=True))
            )
        )
        pending = []
        for row in rows.iterator(chunk_size=BATCH):
            link_id, day = row[0], row[1]
            value = row[2] if field else ""
            pending.append(
                DailyStat(
                    link_id=link_id,
                    day=day,
                    dimension=dimension,
                    value=value,
                    clicks=row[-2],
                    unique_clicks=0 if is_bot else row[-1],
                )
            )
            if len(pending) >= BATCH:
                DailyStat.objects.using(alias).bulk_create(pending)
                pending = []
        DailyStat.objects.using(alias).bulk_create(pending)


def unbuild(apps, schema_editor):
    DailyStat = apps.get_model("analytics", "DailyStat")
    DailyStat.objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [("analytics", "0002_rollups")]

    operations = [migrations.RunPython(build, unbuild)]
