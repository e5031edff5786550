"""Routing, scoping and pagination of the shared layer (§1.1, §1.6, D5, D25)."""

import pytest
from django.urls import include, path
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.pagination import ContractPagination
from tests.factories import UserFactory

urlpatterns = [path("api/", include("tests.api.contract_urls"))]

pytestmark = pytest.mark.urls("tests.api.test_layer")


def test_resource_binds_the_documented_scheme(owner_api, owner):
    assert owner_api.get("/api/profiles").status_code == 200
    assert owner_api.get(f"/api/profile/{owner.pk}").status_code == 200
    assert owner_api.post("/api/profile/add", {}, format="json").json() == {
        "error": 0,
        "id": owner.pk,
    }
    response = owner_api.put(
        f"/api/profile/{owner.pk}/update", {"first_name": "Ada"}, format="json"
    )
    assert response.json() == {
        "error": 0,
        "message": "Profile has been updated successfully.",
    }
    owner.refresh_from_db()
    assert owner.first_name == "Ada"
    assert owner_api.delete(f"/api/profile/{owner.pk}/delete").status_code == 200


def test_each_route_takes_only_its_method(owner_api, owner):
    assert owner_api.post("/api/profiles").status_code == 405
    assert owner_api.get("/api/profile/add").status_code == 405
    assert owner_api.post(f"/api/profile/{owner.pk}/update").status_code == 405
    assert owner_api.get(f"/api/profile/{owner.pk}/delete").status_code == 405
    assert owner_api.get("/api/every/add").status_code == 404  # not bound


def test_another_users_object_is_reported_as_missing(owner_api, stranger):
    for response in (
        owner_api.get(f"/api/profile/{stranger.pk}"),
        owner_api.put(f"/api/profile/{stranger.pk}/update", {}, format="json"),
        owner_api.delete(f"/api/profile/{stranger.pk}/delete"),
        owner_api.get("/api/profile/999999"),
    ):
        assert response.status_code == 404
        assert response.json() == {"error": 1, "message": "Profile does not exist."}
    stranger.refresh_from_db()
    assert stranger.first_name == ""


def test_lists_show_only_the_callers_objects(owner_api, owner, stranger):
    body = owner_api.get("/api/profiles").json()
    assert body == {
        "error": 0,
        "data": {
            "result": 1,
            "perpage": 15,
            "currentpage": 1,
            "nextpage": None,
            "maxpage": 1,
            "profiles": [{"id": owner.pk, "username": "owner", "first_name": ""}],
        },
    }


@pytest.fixture
def thirty_five(owner):
    UserFactory.create_batch(34)  # with the owner: 35 rows


def page(client, **params):
    return client.get("/api/everyone", params).json()["data"]


def counters(data):
    return {k: v for k, v in data.items() if k != "profiles"}


def test_default_page_is_15_items(owner_api, thirty_five):
    data = page(owner_api)
    assert counters(data) == {
        "result": 35,
        "perpage": 15,
        "currentpage": 1,
        "nextpage": 2,
        "maxpage": 3,
    }
    assert len(data["profiles"]) == 15


def test_the_last_page_has_the_rest_and_no_next(owner_api, thirty_five):
    data = page(owner_api, limit=10, page=4)
    assert counters(data) == {
        "result": 35,
        "perpage": 10,
        "currentpage": 4,
        "nextpage": None,
        "maxpage": 4,
    }
    assert len(data["profiles"]) == 5


def test_pages_do_not_overlap_and_cover_everything(owner_api, thirty_five):
    seen = []
    for number in (1, 2, 3):
        seen += [
            item["id"] for item in page(owner_api, limit=12, page=number)["profiles"]
        ]
    assert len(seen) == len(set(seen)) == 35


def test_a_page_past_the_end_is_empty_with_the_same_counters(owner_api, thirty_five):
    data = page(owner_api, limit=10, page=9)
    assert data["profiles"] == []
    assert data["maxpage"] == 4
    assert data["nextpage"] is None
    assert data["currentpage"] == 9


@pytest.mark.parametrize(
    ("params", "perpage", "currentpage"),
    [
        ({"limit": "abc"}, 15, 1),
        ({"limit": "0"}, 15, 1),
        ({"limit": "-3"}, 15, 1),
        ({"limit": "2.5"}, 15, 1),
        ({"limit": "5000"}, 1000, 1),
        ({"page": "zero"}, 15, 1),
        ({"page": "-1"}, 15, 1),
    ],
)
def test_odd_limits_and_pages_fall_back(owner_api, owner, params, perpage, currentpage):
    data = page(owner_api, **params)
    assert data["perpage"] == perpage
    assert data["currentpage"] == currentpage


def test_an_empty_list_has_maxpage_zero():
    request = Request(APIRequestFactory().get("/api/things", {"page": "1"}))
    paginator = ContractPagination()
    assert paginator.paginate_queryset([], request) == []
    assert paginator.get_paginated_response([]).data == {
        "error": 0,
        "data": {
            "result": 0,
            "perpage": 15,
            "currentpage": 1,
            "nextpage": None,
            "maxpage": 0,
            "items": [],
        },
    }
