"""Create the default free plan and move User.plan / User.plan_expires into
subscriptions (issue 5)."""

from django.db import migrations

# A copy of billing.models.DEFAULT_PLAN as it was when this migration was written.
DEFAULT_PLAN = {
    "name": "Free",
    "is_free": True,
    "is_default": True,
    "is_public": True,
    "links": 100,
    "features": {
        "alias": {"enabled": True, "count": 0, "custom": ""},
        "qr": {"enabled": True, "count": 10, "custom": ""},
        "api": {"enabled": True, "count": 0, "custom": ""},
    },
}


def forwards(apps, schema_editor):
    Plan = apps.get_model("billing", "Plan")
    Subscription = apps.get_model("billing", "Subscription")
    User = apps.get_model("accounts", "User")
    if not Plan.objects.filter(is_default=True).exists():
        free = Plan.objects.filter(is_free=True).order_by("id").first()
        if free is not None:
            free.is_default = True
            free.save(update_fields=["is_default"])
        else:
            Plan.objects.create(**DEFAULT_PLAN)
    for user in User.objects.exclude(plan=None).iterator():
        Subscription.objects.create(
            user_id=user.pk,
            plan_id=user.plan_id,
            # The old fields had no period: no expiry reads as lifetime.
            period="lifetime" if user.plan_expires is None else "monthly",
            expires=user.plan_expires,
            status="active",
        )


def backwards(apps, schema_editor):
    Subscription = apps.get_model("billing", "Subscription")
    User = apps.get_model("accounts", "User")
    for subscription in Subscription.objects.all().iterator():
        User.objects.filter(pk=subscription.user_id).update(
            plan_id=subscription.plan_id, plan_expires=subscription.expires
        )


class Migration(migrations.Migration):

    dependencies = [
        ("billing", "0002_plan_limits_subscription"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
