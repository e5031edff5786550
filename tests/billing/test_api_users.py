"""The users admin API: /api/users, /api/user/:id, add, delete (§13, D15, D25)."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.models import User
from analytics.models import Click
from billing.models import Plan, Subscription
from files.models import SharedFile
from overlays.models import Overlay
from pixels.models import Pixel
from qrcodes.models import QRCode
from qrcodes.services import create_qr
from shortener.models import Domain, Link
from splash.models import SplashPage
from tests.conftest import api_client_for
from tests.factories import (
    DomainFactory,
    LinkFactory,
    PlanFactory,
    SubscriptionFactory,
    UserFactory,
)
from tests.pixels.factories import PixelFactory

USERS = "/api/users"
ADD = "/api/user/add"
NO_PERMISSION = {
    "error": 1,
    "message": "You do not have permission to access this endpoint.",
}
NOT_FOUND = {"error": 1, "message": "User does not exist."}


def item(user: User, *, status="free", planid=None, expires=None) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "username": user.username,
        "avatar": user.avatar_url(),
        "status": status,
        "planid": planid or Plan.objects.default().pk,
        "expires": expires,
        "registered": timezone.localtime(user.date_joined).strftime(
            "%Y-%m-%d %H:%M:%S"
        ),
        "apikey": user.api_key,
    }


@pytest.fixture
def pro(db):
    user = UserFactory(username="prouser", email="Pro.User@Example.com")
    expires = timezone.make_aware(timezone.datetime(2099, 11, 15, 15, 0, 0))
    SubscriptionFactory(user=user, expires=expires)
    return user


def ids(response) -> list[int]:
    return [user["id"] for user in response.json()["data"]]


def test_the_list_has_every_user_newest_first(admin_api, admin, owner, pro):
    response = admin_api.get(USERS)
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": [
            item(
                pro,
                status="pro",
                planid=pro.subscription.plan_id,
                expires="2099-11-15 15:00:00",
            ),
            item(owner),
            item(admin),
        ],
    }


def test_the_list_is_not_paginated(admin_api, admin):
    UserFactory.create_batch(20)
    body = admin_api.get(USERS, {"limit": 5}).json()
    assert len(body["data"]) == 21
    assert set(body) == {"error", "data"}


def test_filters_select_admins_free_and_pro_users(admin_api, admin, owner, pro):
    superuser = UserFactory(is_superuser=True)
    expired = UserFactory()
    SubscriptionFactory(user=expired, expires=timezone.now() - timedelta(days=1))
    on_free_plan = UserFactory()
    SubscriptionFactory(user=on_free_plan, plan=PlanFactory(is_free=True))
    assert ids(admin_api.get(USERS, {"filter": "admin"})) == [superuser.pk, admin.pk]
    assert ids(admin_api.get(USERS, {"filter": "pro"})) == [pro.pk]
    assert ids(admin_api.get(USERS, {"filter": "free"})) == [
        on_free_plan.pk,
        expired.pk,
        superuser.pk,
        owner.pk,
        admin.pk,
    ]


def test_the_email_search_finds_users_in_any_case(admin_api, admin, owner, pro):
    assert ids(admin_api.get(USERS, {"email": "pro.user@example"})) == [pro.pk]
    assert ids(admin_api.get(USERS, {"email": "OWNER@EXAMPLE.COM"})) == [owner.pk]
    assert ids(admin_api.get(USERS, {"email": "nobody@"})) == []


def test_the_email_is_ignored_with_a_filter(admin_api, admin, owner, pro):
    assert ids(admin_api.get(USERS, {"filter": "pro", "email": "owner"})) == [pro.pk]


def test_an_unknown_filter_lists_everyone(admin_api, admin, owner):
    assert ids(admin_api.get(USERS, {"filter": "banned"})) == [owner.pk, admin.pk]


def test_a_single_user(admin_api, pro):
    response = admin_api.get(f"/api/user/{pro.pk}")
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": item(
            pro,
            status="pro",
            planid=pro.subscription.plan_id,
            expires="2099-11-15 15:00:00",
        ),
    }


def test_an_unknown_user_is_404(admin_api):
    response = admin_api.get("/api/user/999999")
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", USERS),
        ("get", "/api/user/{id}"),
        ("post", ADD),
        ("delete", "/api/user/{id}/delete"),
        ("get", "/api/user/login/{id}"),
    ],
)
def test_users_get_403_and_nothing_happens(owner_api, stranger, method, path):
    body = {"username": "x1", "email": "x1@example.com", "password": "secret"}
    url = path.format(id=stranger.pk)
    response = getattr(owner_api, method)(url, body, format="json")
    assert response.status_code == 403
    assert response.json() == NO_PERMISSION
    assert User.objects.filter(pk=stranger.pk).exists()
    assert not User.objects.filter(username="x1").exists()
    assert not hasattr(User.objects.get(pk=stranger.pk), "login_token")


def test_unknown_keys_get_401(client, db):
    response = client.get(USERS, HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401


# POST /api/user/add


def add(api, **fields):
    body = {"username": "newbie", "email": "new@example.com", "password": "12345"}
    body.update(fields)
    return api.post(ADD, {k: v for k, v in body.items() if v is not ...}, format="json")


def test_add_registers_an_active_user(admin_api):
    response = add(admin_api)
    assert response.status_code == 200
    user = User.objects.get(username="newbie")
    assert response.json() == {
        "error": 0,
        "message": "User has been registered.",
        "data": {"id": user.pk, "email": "new@example.com", "username": "newbie"},
    }
    assert user.is_active
    assert not user.is_staff
    assert user.check_password("12345")
    assert re.fullmatch(r"[0-9a-f]{32}", user.api_key)
    assert not Subscription.objects.filter(user=user).exists()


def test_add_with_a_plan_subscribes_until_the_expiration(admin_api):
    plan = PlanFactory()
    response = add(admin_api, planid=plan.pk, expiration="2030-12-26 12:00:00")
    assert response.status_code == 200
    subscription = Subscription.objects.get(user__username="newbie")
    assert subscription.plan == plan
    assert timezone.localtime(subscription.expires).strftime("%Y-%m-%d %H:%M:%S") == (
        "2030-12-26 12:00:00"
    )
    assert subscription.status == "active"


def test_add_accepts_the_plan_id_as_a_string(admin_api):
    plan = PlanFactory()
    response = add(admin_api, planid=str(plan.pk), expiration="2030-12-26 12:00:00")
    assert response.status_code == 200
    assert Subscription.objects.get(user__username="newbie").plan == plan


@pytest.mark.parametrize(
    "fields",
    [
        {"username": ...},
        {"email": ...},
        {"password": ...},
        {"username": ""},
        {"email": "   "},
        {"password": None},
        {"username": 12},
        {"planid": "one", "expiration": "2030-01-01 00:00:00"},
    ],
)
def test_add_with_missing_or_malformed_fields_is_400(admin_api, fields):
    response = add(admin_api, **fields)
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "Invalid request or incorrect data format.",
    }
    assert not User.objects.filter(email="new@example.com").exists()


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"username": "no spaces"}, 400, "Please enter a valid username."),
        ({"username": "x" * 151}, 400, "Please enter a valid username."),
        ({"username": "OWNER"}, 409, "Username already exists."),
        ({"email": "not-an-email"}, 400, "Please enter a valid email."),
        (
            {"email": "Owner@Example.com"},
            409,
            "An account is already associated with this email.",
        ),
        ({"password": "1234"}, 400, "Password must be at least 5 characters."),
        (
            {"planid": 999999, "expiration": "2030-01-01 00:00:00"},
            404,
            "Plan does not exist.",
        ),
    ],
)
def test_add_refuses_invalid_values(admin_api, owner, fields, status, message):
    response = add(admin_api, **fields)
    assert response.status_code == status
    assert response.json() == {"error": 1, "message": message}
    assert User.objects.count() == 2  # the admin and the owner


@pytest.mark.parametrize("expiration", [..., "", "2030-02-30 00:00:00", "soon"])
def test_add_with_a_plan_needs_a_valid_expiration(admin_api, expiration):
    response = add(admin_api, planid=PlanFactory().pk, expiration=expiration)
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "The expiration date is not valid.",
    }
    assert not User.objects.filter(username="newbie").exists()
    assert not Subscription.objects.exists()


def test_the_added_user_can_use_the_api(admin_api):
    add(admin_api)
    user = User.objects.get(username="newbie")
    assert api_client_for(user).get("/api/account").status_code == 200


# DELETE /api/user/:id/delete


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


def test_delete_removes_the_user_and_everything_they_own(
    admin_api, owner, stranger, django_capture_on_commit_callbacks
):
    owner.avatar.save("a.png", ContentFile(b"png"), save=True)
    link = LinkFactory(owner=owner)
    link.meta_image.save("banner.png", ContentFile(b"img"), save=True)
    Click.objects.create(link=link, device_type="desktop", visitor="v")
    DomainFactory(owner=owner)
    PixelFactory(owner=owner).links.add(link)
    qr = create_qr(owner=owner, kind="link", data="https://e.example")
    splash = SplashPage.objects.create(owner=owner, name="S", title="S")
    splash.banner.save("s.png", ContentFile(b"img"), save=True)
    overlay = Overlay.objects.create(owner=owner, kind="message", name="O")
    overlay.image.save("o.png", ContentFile(b"img"), save=True)
    upload = api_client_for(owner).generic(
        "POST", "/api/files/upload/kit.zip", zip_bytes(), content_type="application/zip"
    )
    assert upload.status_code == 200
    SubscriptionFactory(user=owner)
    kept = LinkFactory(owner=stranger)
    stored = [
        owner.avatar.name,
        link.meta_image.name,
        splash.banner.name,
        overlay.image.name,
        SharedFile.objects.get(owner=owner).stored.name,
        *(f.name for f in (qr.image, qr.svg) if f),
    ]
    assert all(default_storage.exists(name) for name in stored)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_api.delete(f"/api/user/{owner.pk}/delete")

    assert response.status_code == 200
    assert response.json() == {"error": 0, "message": "User has been deleted."}
    assert not User.objects.filter(pk=owner.pk).exists()
    for model in (Link, Domain, Pixel, QRCode, SplashPage, Overlay, SharedFile):
        assert not model.objects.filter(owner_id=owner.pk).exists(), model
    assert not Click.objects.exists()
    assert not Subscription.objects.filter(user_id=owner.pk).exists()
    assert [name for name in stored if default_storage.exists(name)] == []
    assert Link.objects.filter(pk=kept.pk).exists()
    assert User.objects.filter(pk=stranger.pk).exists()


def test_deleting_an_unknown_user_is_404(admin_api):
    response = admin_api.delete("/api/user/999999/delete")
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_delete_needs_the_delete_method(admin_api, owner):
    assert admin_api.get(f"/api/user/{owner.pk}/delete").status_code == 405
    assert User.objects.filter(pk=owner.pk).exists()


def test_the_list_costs_the_same_queries_for_many_users(
    admin_api, django_assert_max_num_queries
):
    SubscriptionFactory.create_batch(3)
    with django_assert_max_num_queries(6) as few:
        admin_api.get(USERS)
    SubscriptionFactory.create_batch(10)
    UserFactory.create_batch(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(admin_api.get(USERS).json()["data"]) == 24
