"""GET/POST /api/account and PUT /api/account/update (§2, D7, D8)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from billing.models import Plan
from tests.factories import PASSWORD, PlanFactory, SubscriptionFactory, UserFactory

ACCOUNT = "/api/account"
UPDATE = "/api/account/update"


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_returns_the_callers_account(owner_api, owner, method):
    owner.date_joined = timezone.make_aware(timezone.datetime(2020, 11, 10, 18, 1, 43))
    owner.save()
    response = getattr(owner_api, method)(ACCOUNT)
    assert response.status_code == 200
    body = response.json()
    avatar = body["data"].pop("avatar")
    assert body == {
        "error": 0,
        "data": {
            "id": owner.pk,
            "email": "owner@example.com",
            "username": "owner",
            "status": "free",
            "planid": Plan.objects.default().pk,
            "expires": None,
            "registered": "2020-11-10 18:01:43",
        },
    }
    assert avatar.startswith("https://www.gravatar.com/avatar/")


def test_a_post_with_a_garbage_body_still_answers(owner_api):
    response = owner_api.post(ACCOUNT, "not json", content_type="application/json")
    assert response.status_code == 200


def test_a_paid_plan_makes_the_account_pro(owner_api, owner):
    plan = PlanFactory(is_free=False)
    expires = timezone.make_aware(timezone.datetime(2099, 11, 15, 15, 0, 0))
    SubscriptionFactory(user=owner, plan=plan, expires=expires)
    data = owner_api.get(ACCOUNT).json()["data"]
    assert data["status"] == "pro"
    assert data["planid"] == plan.pk
    assert data["expires"] == "2099-11-15 15:00:00"


def test_an_expired_or_free_plan_is_free(owner_api, owner):
    subscription = SubscriptionFactory(
        user=owner, expires=timezone.now() - timedelta(days=1)
    )
    data = owner_api.get(ACCOUNT).json()["data"]
    assert (data["status"], data["planid"], data["expires"]) == (
        "free",
        Plan.objects.default().pk,
        None,
    )
    free = PlanFactory(is_free=True)
    subscription.plan, subscription.expires = free, None
    subscription.save()
    data = owner_api.get(ACCOUNT).json()["data"]
    assert (data["status"], data["planid"]) == ("free", free.pk)


def test_a_canceled_subscription_is_free(owner_api, owner):
    SubscriptionFactory(user=owner, status="canceled")
    data = owner_api.get(ACCOUNT).json()["data"]
    assert (data["status"], data["planid"]) == ("free", Plan.objects.default().pk)


def test_an_uploaded_avatar_is_an_absolute_url(owner_api, owner, settings):
    owner.avatar.save("me.png", ContentFile(b"png"), save=True)
    avatar = owner_api.get(ACCOUNT).json()["data"]["avatar"]
    assert avatar.startswith(f"{settings.SITE_URL}/media/avatars/{owner.pk}/")
    assert avatar.endswith(".png")


def test_it_never_shows_another_users_account(stranger_api, owner):
    data = stranger_api.get(ACCOUNT).json()["data"]
    assert data["username"] == "stranger"


def put(client, body):
    return client.put(UPDATE, body, format="json")


def test_it_changes_email_and_password(owner_api, owner):
    response = put(owner_api, {"email": " new@example.com ", "password": "newpassword"})
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Account has been successfully updated.",
    }
    owner.refresh_from_db()
    assert owner.email == "new@example.com"
    assert owner.check_password("newpassword")


def test_a_password_change_is_announced_by_email(
    owner_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        put(owner_api, {"password": "newpassword"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.com"]
    assert "password" in mail.outbox[0].subject.lower()


def test_an_email_change_alone_sends_no_notice(
    owner_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        put(owner_api, {"email": "other@example.com"})
    assert mail.outbox == []


@pytest.mark.parametrize(
    "body", [{}, {"colour": "blue"}, {"email": "owner@example.com"}]
)
def test_nothing_to_change_is_a_success_saying_so(owner_api, owner, body):
    response = put(owner_api, body)
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "No changes were done to the account.",
    }
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


@pytest.mark.parametrize(
    "email",
    ["not-an-email", "", None, 42, True, ["a@b.co"], "a@b", "x" * 250 + "@e.com"],
)
def test_an_invalid_email_is_400(owner_api, owner, email):
    response = put(owner_api, {"email": email})
    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": "Please enter a valid email."}
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"


@pytest.mark.parametrize("password", ["abcd", "", None, "    ", False])
def test_a_short_or_invalid_password_is_400(owner_api, owner, password):
    response = put(owner_api, {"password": password})
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "Password must be at least 5 characters.",
    }
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_a_taken_email_is_409_in_any_case(owner_api, owner, stranger):
    response = put(owner_api, {"email": "STRANGER@example.com"})
    assert response.status_code == 409
    assert response.json() == {
        "error": 1,
        "message": "An account is already associated with this email.",
    }


def test_nothing_is_half_written(owner_api, owner):
    UserFactory(email="taken@example.com")
    response = put(
        owner_api, {"email": "taken@example.com", "password": "goodpassword"}
    )
    assert response.status_code == 409
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    response = put(owner_api, {"email": "fresh@example.com", "password": "abc"})
    assert response.status_code == 400
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"


def test_validation_order_is_email_then_password(owner_api):
    response = put(owner_api, {"email": "bad", "password": "abc"})
    assert response.json()["message"] == "Please enter a valid email."


def test_update_takes_only_put(owner_api):
    assert owner_api.post(UPDATE, {}, format="json").status_code == 405
    assert owner_api.get(UPDATE).status_code == 405


def test_the_notice_is_plain_text_not_html_escaped(
    owner_api, settings, django_capture_on_commit_callbacks
):
    settings.SITE_NAME = "Links & Co's"
    with django_capture_on_commit_callbacks(execute=True):
        put(owner_api, {"password": "newpassword"})
    assert "Links & Co's" in mail.outbox[0].subject
    assert "Links & Co's" in mail.outbox[0].body
