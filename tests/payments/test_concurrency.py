"""Two deliveries of one event at the same moment apply it once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from billing.models import Subscription
from payments.models import ProcessedEvent
from payments.provider import EventKind, PaymentEvent
from payments.services import apply_event
from tests.factories import PlanFactory, SubscriptionFactory, UserFactory


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("concurrent_writers")
def test_concurrent_deliveries_of_one_renewal_extend_once():
    user = UserFactory()
    expires = timezone.now() + timedelta(days=3)
    SubscriptionFactory(
        user=user,
        plan=PlanFactory(),
        period="monthly",
        provider="stripe",
        subscription_ref="sub_race",
        expires=expires,
    )
    # No period end in the event: each application would push by a month.
    event = PaymentEvent(
        id="evt_race",
        type="invoice.paid",
        kind=EventKind.PAYMENT_SUCCEEDED,
        subscription_ref="sub_race",
    )
    barrier = threading.Barrier(4)
    outcomes: list[bool] = []

    def deliver() -> None:
        try:
            barrier.wait()
            outcomes.append(apply_event(provider="stripe", event=event))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False, False, False, True]
    assert ProcessedEvent.objects.filter(event_id="evt_race").count() == 1
    extended = Subscription.objects.get(user=user).expires
    assert timedelta(days=27) < extended - expires < timedelta(days=32)
