"""The data migration: User.plan / plan_expires become subscriptions (issue 5)."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0001_initial"), ("billing", "0001_initial")]
AFTER = [
    ("accounts", "0002_remove_user_plan"),
    ("billing", "0003_default_plan_and_subscriptions"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_plans_move_into_subscriptions_and_a_default_plan_appears():
    old = migrate(BEFORE)
    try:
        Plan = old.get_model("billing", "Plan")
        User = old.get_model("accounts", "User")
        Plan.objects.all().delete()
        gold = Plan.objects.create(name="Gold", is_free=False)
        expires = datetime(2030, 1, 1, tzinfo=UTC)
        User.objects.create(
            username="paid",
            email="p@e.com",
            api_key="k1",
            plan=gold,
            plan_expires=expires,
        )
        User.objects.create(
            username="forever", email="f@e.com", api_key="k2", plan=gold
        )
        User.objects.create(username="none", email="n@e.com", api_key="k3")

        new = migrate(AFTER)

        Subscription = new.get_model("billing", "Subscription")
        rows = {
            s.user.username: (s.plan.name, s.period, s.expires, s.status)
            for s in Subscription.objects.select_related("user", "plan")
        }
        assert rows == {
            "paid": ("Gold", "monthly", expires, "active"),
            "forever": ("Gold", "lifetime", None, "active"),
        }
        default = new.get_model("billing", "Plan").objects.get(is_default=True)
        assert (default.name, default.is_free) == ("Free", True)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
