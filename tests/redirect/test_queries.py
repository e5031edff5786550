"""The hot path's cost in queries, pinned.

With a Redis click buffer (production) a visit writes nothing to the database:
the click goes to Redis, and the redirect costs the link's lookup alone. On the
embedded default (no buffer) the click is stored at once, in one transaction:
the click row, the day's rollup rows (one statement) and the link's counters.
Inside the test's own transaction that transaction is a savepoint and its
release, 2 statements more.
"""

import pytest
from django.conf import settings
from django.db import connection

from shortener.redirect import links_with_alias
from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import DomainFactory, LinkFactory

pytestmark = pytest.mark.click_buffer  # the buffered clicks are left in Redis


def buffered() -> bool:
    return bool(settings.CLICKS_BUFFER_URL)


def counted_visit_cost() -> int:
    # Embedded: the link, savepoint, click row, rollup rows, counters, release.
    return 1 if buffered() else 6


def test_a_counted_redirect_takes_one_query_with_a_buffer(
    client, link, django_assert_num_queries
):
    with django_assert_num_queries(counted_visit_cost()):
        response = visit(client, "/Promo")

    assert response.status_code == 302


def test_a_branded_redirect_costs_the_same_once_its_host_is_known(
    client, owner, django_assert_num_queries
):
    brand = DomainFactory(owner=owner, host="go.brand.example")
    LinkFactory(owner=owner, domain=brand, alias="x1", long_url="https://e.example/")
    visit(client, "/x1", HTTP_HOST="go.brand.example")

    with django_assert_num_queries(counted_visit_cost()):
        response = visit(
            client, "/x1", HTTP_HOST="go.brand.example", REMOTE_ADDR=visits.US_IP
        )

    assert response.status_code == 302


def test_a_repeat_visit_takes_one_query(client, link, django_assert_num_queries):
    visit(client, "/Promo")

    with django_assert_num_queries(1):
        visit(client, "/Promo")


def test_a_head_request_takes_one_query(client, link, django_assert_num_queries):
    with django_assert_num_queries(1):
        visit(client, "/Promo", method="head")


def test_a_bot_visit_takes_one_query_with_a_buffer(
    client, link, django_assert_num_queries
):
    # Embedded: the link, savepoint, click row, its rollup row, release.
    with django_assert_num_queries(1 if buffered() else 5):
        visit(client, "/Promo", HTTP_USER_AGENT=visits.GOOGLEBOT)


@pytest.mark.django_db
@pytest.mark.parametrize("branded", [False, True])
def test_the_link_lookup_probes_the_unique_alias_index(owner, branded):
    if connection.vendor != "sqlite":
        pytest.skip("the plan's wording is SQLite's")
    domain = DomainFactory(owner=owner) if branded else None

    plan = links_with_alias("PrOmO", domain).explain()

    index = "alias_domain_unique" if branded else "alias_main_unique"
    assert f"USING INDEX shortener_link_{index}" in plan
