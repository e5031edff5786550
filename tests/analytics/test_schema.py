"""The click tables' indexes: each one earns its cost on every stored click."""

import pytest
from django.db import connection


def link_indexes(table: str) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return {
        name: about["columns"]
        for name, about in found.items()
        if (about["index"] or about["unique"]) and about["columns"][0] == "link_id"
    }


def foreign_keys(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return [about["foreign_key"] for about in found.values() if about["foreign_key"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("analytics_click", ["link_id", "created"]),
        ("analytics_dailystat", ["link_id", "dimension", "day", "value"]),
    ],
)
def test_the_link_is_indexed_once_first_in_a_composite(table, columns):
    assert list(link_indexes(table).values()) == [columns]
    assert ("shortener_link", "id") in foreign_keys(table)
