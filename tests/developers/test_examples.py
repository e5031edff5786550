"""The documented examples are true: each endpoint is called with its documented
request, and the real answer has exactly the documented answer's keys and value
types (ids, dates and other values may differ)."""

import io
import json
import zipfile
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from api import reference
from api.reference.model import Endpoint
from billing.models import Plan
from overlays.models import Overlay
from qrcodes.services import create_qr
from splash.models import SplashPage
from tests.factories import (
    DomainFactory,
    LinkFactory,
    PlanFactory,
    SubscriptionFactory,
    UserFactory,
)
from tests.pixels.factories import PixelFactory

Situation = Callable[[Any, APIClient], dict[str, str]]


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("logo.txt", "brand kit")
    return buffer.getvalue()


def call(endpoint: Endpoint, api: APIClient, user, values: dict[str, str]):
    """Send the endpoint's documented request, path placeholders filled in."""
    path = endpoint.path
    for name in endpoint.path_names():
        path = path.replace(f":{name}", values.get(name, endpoint.upload))
    query = dict(endpoint.query)
    if endpoint.key_in_query:
        query = {"key": user.api_key, **query}
        api = APIClient()  # the v1 API reads the key from the query string only
    if query:
        path += "?" + urlencode(query)
    if endpoint.upload:
        return api.generic(
            endpoint.method, path, zip_bytes(), content_type="application/octet-stream"
        )
    if endpoint.request is None:
        return api.generic(endpoint.method, path)
    body = json.dumps(endpoint.request)
    return api.generic(endpoint.method, path, body, content_type="application/json")


def with_plan(user, api: APIClient) -> dict[str, str]:
    SubscriptionFactory(
        user=user, plan=PlanFactory(), expires=timezone.now() + timedelta(days=30)
    )
    return {}


def two_links(user, api: APIClient) -> dict[str, str]:
    LinkFactory.create_batch(2, owner=user)
    return {}


def one_link(user, api: APIClient) -> dict[str, str]:
    return {"id": str(LinkFactory(owner=user).pk)}


def link_shortened_as_documented(user, api: APIClient) -> dict[str, str]:
    add = next(e for e in reference.endpoints() if e.name == "url-add")
    response = api.post("/api/url/add", add.request, format="json")
    assert response.status_code == 200, response.json()
    return {"id": str(response.json()["id"])}


def two_domains(user, api: APIClient) -> dict[str, str]:
    for n in (1, 2):
        DomainFactory(
            owner=user,
            redirect_root=f"https://root{n}.example",
            redirect_404=f"https://root{n}.example/404",
        )
    return {}


def one_domain(user, api: APIClient) -> dict[str, str]:
    return {"id": str(DomainFactory(owner=user).pk)}


def three_files(user, api: APIClient) -> dict[str, str]:
    for n in range(3):
        response = api.generic(
            "POST",
            f"/api/files/upload/kit{n}.zip",
            zip_bytes(),
            content_type="application/octet-stream",
        )
        assert response.status_code == 200, response.json()
    return {}


def two_qr_codes(user, api: APIClient) -> dict[str, str]:
    for data in ("https://google.com", "https://google.ca"):
        create_qr(owner=user, kind="link", data=data)
    return {}


def one_qr_code(user, api: APIClient) -> dict[str, str]:
    return {"id": str(create_qr(owner=user, kind="link", data="https://e.example").pk)}


def two_overlays(user, api: APIClient) -> dict[str, str]:
    for kind in ("message", "contact"):
        Overlay.objects.create(owner=user, kind=kind, name=f"My {kind}")
    return {}


def two_splash_pages(user, api: APIClient) -> dict[str, str]:
    for name in ("Product 1 Promo", "Product 2 Promo"):
        SplashPage.objects.create(owner=user, name=name, title=name)
    return {}


def two_pixels(user, api: APIClient) -> dict[str, str]:
    PixelFactory.create_batch(2, owner=user)
    return {}


def one_pixel(user, api: APIClient) -> dict[str, str]:
    return {"id": str(PixelFactory(owner=user, tag="GTM-OLD12").pk)}


def nothing(user, api: APIClient) -> dict[str, str]:
    return {}


def make_admin(user) -> None:
    user.is_staff = True
    user.save(update_fields=["is_staff"])


def admin_with_two_paid_plans(user, api: APIClient) -> dict[str, str]:
    make_admin(user)
    Plan.objects.all().delete()  # the install's free plan has `prices: null`
    PlanFactory.create_batch(
        2, price_monthly="9.99", price_yearly="99.99", price_lifetime="999"
    )
    return {}


def admin_and_a_user(user, api: APIClient) -> dict[str, str]:
    make_admin(user)
    other = UserFactory()
    return {"id": str(other.pk), "userid": str(other.pk)}


def admin_and_a_plan_and_a_user(user, api: APIClient) -> dict[str, str]:
    return {**admin_and_a_user(user, api), "planid": str(PlanFactory().pk)}


def admin_and_a_pro_user(user, api: APIClient) -> dict[str, str]:
    values = admin_and_a_user(user, api)
    SubscriptionFactory(user_id=int(values["id"]))
    return values


def admin_and_plan_one(user, api: APIClient) -> dict[str, str]:
    make_admin(user)
    if not Plan.objects.filter(pk=1).exists():
        PlanFactory(pk=1)
    return {}


# What each endpoint's example needs to exist first; a new endpoint needs a line.
SITUATIONS: dict[str, Situation] = {
    "account": with_plan,
    "account-update": nothing,
    "url-list": two_links,
    "url-retrieve": link_shortened_as_documented,
    "url-add": nothing,
    "url-update": one_link,
    "url-delete": one_link,
    "qr-list": two_qr_codes,
    "qr-retrieve": one_qr_code,
    "qr-add": nothing,
    "qr-update": one_qr_code,
    "qr-delete": one_qr_code,
    "domain-list": two_domains,
    "domain-add": nothing,
    "domain-update": one_domain,
    "domain-delete": one_domain,
    "file-list": three_files,
    "file-upload": nothing,
    "overlay-list": two_overlays,
    "splash-list": two_splash_pages,
    "pixel-list": two_pixels,
    "pixel-add": nothing,
    "pixel-update": one_pixel,
    "pixel-delete": one_pixel,
    "plan-list": admin_with_two_paid_plans,
    "plan-subscribe": admin_and_a_plan_and_a_user,
    "user-list": admin_and_a_user,
    "user-retrieve": admin_and_a_pro_user,
    "user-add": admin_and_plan_one,
    "user-delete": admin_and_a_user,
    "user-login": admin_and_a_user,
    "api-v1": nothing,
}


def shape_errors(doc: Any, real: Any, path: str, maps: tuple[str, ...]) -> list[str]:
    """How `real` differs from the documented `doc` in keys and value types."""
    where = path or "(body)"
    if isinstance(doc, dict):
        if not isinstance(real, dict):
            return [f"{where}: expected an object, got {real!r}"]
        if path in maps:  # keys are labels: compare the values' types only
            model = next(iter(doc.values()))
            return [
                error
                for key, value in real.items()
                for error in shape_errors(model, value, f"{path}.{key}", ())
            ]
        if set(doc) != set(real):
            return [f"{where}: keys {sorted(real)} instead of {sorted(doc)}"]
        return [
            error
            for key in doc
            for error in shape_errors(
                doc[key], real[key], f"{path}.{key}".lstrip("."), maps
            )
        ]
    if isinstance(doc, list):
        if not isinstance(real, list) or bool(doc) != bool(real):
            return [f"{where}: expected {'items' if doc else 'no items'}, got {real!r}"]
        return [
            error
            for item in real
            for error in shape_errors(doc[0], item, f"{path}[]", maps)
        ]
    if type(doc) is not type(real):
        return [f"{where}: {real!r} is not of the type of {doc!r}"]
    return []


def test_every_endpoint_has_a_situation():
    assert {e.name for e in reference.endpoints()} == set(SITUATIONS)


@pytest.mark.parametrize("endpoint", reference.endpoints(), ids=lambda e: e.anchor)
def test_the_documented_example_is_what_the_endpoint_answers(endpoint, owner):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    values = SITUATIONS[endpoint.name](owner, api)
    for method in endpoint.methods:
        response = call(
            Endpoint(**{**endpoint.__dict__, "method": method}), api, owner, values
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert shape_errors(endpoint.response, body, "", endpoint.maps) == []
        assert body["error"] == endpoint.response["error"]
        if "message" in endpoint.response:
            assert body["message"] == endpoint.response["message"]


def test_the_comparison_notices_keys_types_and_items():
    doc = {"error": 0, "data": {"n": 1, "items": [{"a": "x"}], "top": {"A": 1}}}
    maps = ("data.top",)
    good = {"error": 0, "data": {"n": 7, "items": [{"a": "y"}], "top": {}}}
    assert shape_errors(doc, good, "", maps) == []
    assert shape_errors(doc, {"error": 0}, "", maps) == [
        "(body): keys ['error'] instead of ['data', 'error']"
    ]
    wrong_type = {"error": 0, "data": {"n": "7", "items": [{"a": "y"}], "top": {}}}
    assert shape_errors(doc, wrong_type, "", maps) == [
        "data.n: '7' is not of the type of 1"
    ]
    no_items = {"error": 0, "data": {"n": 1, "items": [], "top": {"B": "2"}}}
    assert shape_errors(doc, no_items, "", maps) == [
        "data.items: expected items, got []",
        "data.top.B: '2' is not of the type of 1",
    ]
