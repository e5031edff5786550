"""The hot path's cost in queries, pinned."""

import pytest
from django.db import connection

from shortener.redirect import links_with_alias
from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import DomainFactory, LinkFactory


def test_a_counted_redirect_takes_three_statements(
    client, link, django_assert_num_queries
):
    # The link, then the click row and the counters in one transaction (inside the
    # test's own transaction that is a savepoint and its release: 2 more).
    with django_assert_num_queries(5):
        response = visit(client, "/Promo")

    assert response.status_code == 302


def test_a_branded_redirect_costs_the_same_once_its_host_is_known(
    client, owner, django_assert_num_queries
):
    brand = DomainFactory(owner=owner, host="go.brand.example")
    LinkFactory(owner=owner, domain=brand, alias="x1", long_url="https://e.example/")
    visit(client, "/x1", HTTP_HOST="go.brand.example")

    with django_assert_num_queries(5):
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


def test_a_bot_visit_takes_two_statements(client, link, django_assert_num_queries):
    with django_assert_num_queries(4):  # the link, savepoint, click row, release
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
