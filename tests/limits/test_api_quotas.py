"""Plan quotas through the API (api-spec §3.3, §4.3, §7.2, §8.2, D22, D30, D42).

N objects are allowed, the next one is refused with 403 and the contract's
message, and nothing of it is written.
"""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from files.models import SharedFile
from pixels.models import Pixel
from qrcodes.models import QRCode
from shortener.models import Domain, Link, LinkKind
from tests.conftest import api_client_for
from tests.factories import LinkFactory
from tests.files.conftest import PNG, upload
from tests.limits.conftest import LIMIT_REACHED, LINKS_LIMIT, MONTHLY_LIMIT, on_plan

ADD = "/api/url/add"


def add_qr(api, i: int):
    return api.post("/api/qr/add", {"type": "text", "data": f"note {i}"}, format="json")


def add_domain(api, i: int):
    return api.post(
        "/api/domain/add", {"domain": f"https://go{i}.brand.example"}, format="json"
    )


def add_pixel(api, i: int):
    body = {"type": "gtmpixel", "name": f"Pixel {i}", "tag": f"GTM-ABC{i}D"}
    return api.post("/api/pixel/add", body, format="json")


def add_file(api, i: int):
    return upload(api, f"photo{i}.png", PNG)


def stored_files() -> list[str]:
    try:
        return default_storage.listdir("files")[1]
    except FileNotFoundError:
        return []


# feature key → (create one through the API, the owner's objects)
QUOTAS = {
    "qr": (add_qr, lambda owner: QRCode.objects.filter(owner=owner)),
    "domain": (add_domain, lambda owner: Domain.objects.filter(owner=owner)),
    "pixels": (add_pixel, lambda owner: Pixel.objects.filter(owner=owner)),
    "files": (add_file, lambda owner: SharedFile.objects.filter(owner=owner)),
}


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(QUOTAS))
def test_a_quota_allows_its_count_and_refuses_the_next(owner, feature):
    on_plan(owner, api=0, **{feature: 2})
    api = api_client_for(owner)
    create, objects = QUOTAS[feature]

    assert [create(api, i).status_code for i in range(2)] == [200, 200]
    refused = create(api, 2)

    assert refused.status_code == 403
    assert refused.json() == {"error": 1, "message": LIMIT_REACHED}
    assert objects(owner).count() == 2


@pytest.mark.usefixtures("paid")
def test_a_refused_file_leaves_nothing_in_storage(owner):
    on_plan(owner, api=0, files=1)
    api = api_client_for(owner)
    add_file(api, 0)
    stored = stored_files()

    assert add_file(api, 1).status_code == 403
    assert stored_files() == stored
    assert Link.objects.filter(kind=LinkKind.FILE).count() == 1


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(QUOTAS))
def test_validation_comes_before_the_quota(owner, feature):
    on_plan(owner, api=0, **{feature: 1})
    api = api_client_for(owner)
    create, _objects = QUOTAS[feature]
    create(api, 0)
    bad = {
        "qr": lambda: api.post("/api/qr/add", {"type": "text"}, format="json"),
        "domain": lambda: api.post("/api/domain/add", {"domain": "x"}, format="json"),
        "pixels": lambda: api.post(
            "/api/pixel/add", {"type": "gtmpixel"}, format="json"
        ),
        "files": lambda: upload(api, "setup.exe", PNG),
    }[feature]

    assert bad().status_code == 400  # D42: validation (400) before quota (403)


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(QUOTAS))
def test_admins_have_no_quota(admin, feature):
    on_plan(admin, **{feature: 1})
    api = api_client_for(admin)
    create, objects = QUOTAS[feature]

    assert [create(api, i).status_code for i in range(3)] == [200, 200, 200]
    assert objects(admin).count() == 3


@pytest.mark.parametrize("feature", sorted(QUOTAS))
def test_no_quota_applies_while_paid_plans_are_off(owner, feature):
    on_plan(owner, **{feature: 1})
    api = api_client_for(owner)
    create, objects = QUOTAS[feature]

    assert [create(api, i).status_code for i in range(3)] == [200, 200, 200]
    assert objects(owner).count() == 3


def add_link(api, i: int, **fields):
    return api.post(ADD, {"url": f"https://example.com/{i}", **fields}, format="json")


@pytest.mark.usefixtures("paid")
def test_the_links_quota_allows_its_count_and_refuses_the_next(owner):
    on_plan(owner, api=0, links=2)
    api = api_client_for(owner)

    assert [add_link(api, i).status_code for i in range(2)] == [200, 200]
    refused = add_link(api, 2)

    assert refused.status_code == 403
    assert refused.json() == {"error": 1, "message": LINKS_LIMIT}
    assert Link.objects.filter(owner=owner).count() == 2


@pytest.mark.usefixtures("paid")
def test_a_monthly_links_quota_counts_this_months_links(owner):
    on_plan(owner, api=0, links=2, links_monthly=True)
    LinkFactory.create_batch(
        3, owner=owner, created=timezone.now() - timedelta(days=40)
    )
    api = api_client_for(owner)

    assert [add_link(api, i).status_code for i in range(2)] == [200, 200]
    refused = add_link(api, 2)

    assert refused.status_code == 403
    assert refused.json() == {"error": 1, "message": MONTHLY_LIMIT}
    assert Link.objects.filter(owner=owner).count() == 5


@pytest.mark.usefixtures("paid")
def test_an_existing_link_is_returned_even_at_the_quota(owner):
    on_plan(owner, api=0, links=1)
    api = api_client_for(owner)
    first = add_link(api, 0).json()

    again = add_link(api, 0)

    assert again.status_code == 200  # D30: de-duplication before the quota
    assert again.json() == first
    assert Link.objects.count() == 1


@pytest.mark.usefixtures("paid")
def test_link_validation_comes_before_the_quota(owner):
    on_plan(owner, api=0, alias=0, links=1)
    api = api_client_for(owner)
    add_link(api, 0, custom="mine")

    invalid = api.post(ADD, {"url": "javascript:alert(1)"}, format="json")
    taken = add_link(api, 1, custom="mine")

    assert (invalid.status_code, invalid.json()["message"]) == (
        400,
        "Please enter a valid URL.",
    )
    assert taken.status_code == 409
    assert add_link(api, 2).status_code == 403


@pytest.mark.usefixtures("paid")
def test_qr_codes_and_files_do_not_take_link_slots(owner):
    on_plan(owner, api=0, links=1, qr=0, files=0)
    api = api_client_for(owner)

    assert (
        api.post(
            "/api/qr/add",
            {"type": "link", "data": "https://example.com/menu"},
            format="json",
        ).status_code
        == 200
    )
    assert add_file(api, 0).status_code == 200
    assert add_link(api, 0).status_code == 200
    assert add_link(api, 1).status_code == 403


@pytest.mark.usefixtures("paid")
def test_the_legacy_api_keeps_the_links_quota(client, owner):
    on_plan(owner, api=0, links=1)
    params = {"key": owner.api_key}
    client.get("/api", {**params, "url": "https://example.com/0"})

    response = client.get("/api", {**params, "url": "https://example.com/1"})

    assert response.status_code == 403
    assert response.json() == {"error": 1, "msg": LINKS_LIMIT}
    assert Link.objects.count() == 1


@pytest.mark.usefixtures("paid")
def test_admins_have_no_links_quota(admin):
    on_plan(admin, links=1)
    api = api_client_for(admin)

    assert [add_link(api, i).status_code for i in range(3)] == [200, 200, 200]


def test_no_links_quota_applies_while_paid_plans_are_off(owner):
    on_plan(owner, links=1)
    api = api_client_for(owner)

    assert [add_link(api, i).status_code for i in range(3)] == [200, 200, 200]
