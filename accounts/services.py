import secrets
import string
from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.core.validators import validate_email
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from accounts.models import LoginToken, User, hash_login_token
from accounts.tasks import send_password_changed_notice
from billing import services as billing
from billing.models import Period, Plan
from core.errors import Conflict, InvalidInput

MIN_PASSWORD_LENGTH = 5
INVALID_USERNAME = "Please enter a valid username."
USERNAME_TAKEN = "Username already exists."
INVALID_EMAIL = "Please enter a valid email."
EMAIL_TAKEN = "An account is already associated with this email."
SHORT_PASSWORD = "Password must be at least 5 characters."
LOGIN_TOKEN_LENGTH = 32


def check_email_available(email: str, *, user: User | None = None) -> None:
    """Raise Conflict when another account already uses this e-mail (any case)."""
    others = User.objects.with_email(email)
    if user is not None:
        others = others.exclude(pk=user.pk)
    if others.exists():
        raise Conflict(EMAIL_TAKEN)


@transaction.atomic
def update_account(
    *, user: User, email: str | None = None, password: str | None = None
) -> bool:
    """Change e-mail and/or password; return whether anything was changed.

    A password change is announced to the account's address once committed.
    """
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(SHORT_PASSWORD)
    fields = []
    if email is not None and email != user.email:
        check_email_available(email, user=user)
        user.email = email
        fields.append("email")
    if password is not None:
        user.set_password(password)
        fields.append("password")
        transaction.on_commit(lambda: send_password_changed_notice.delay(user.pk))
    if fields:
        user.save(update_fields=fields)
    return bool(fields)


def check_username(username: str) -> None:
    """Raise unless the username is valid and free (in any case)."""
    field = User._meta.get_field("username")
    try:
        field.run_validators(username)
    except ValidationError:
        raise InvalidInput(INVALID_USERNAME) from None
    if not username or len(username) > field.max_length:
        raise InvalidInput(INVALID_USERNAME)
    if User.objects.filter(username__iexact=username).exists():
        raise Conflict(USERNAME_TAKEN)


def check_email(email: str) -> None:
    """Raise unless the e-mail is valid and no account uses it."""
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(INVALID_EMAIL) from None
    if len(email) > User._meta.get_field("email").max_length:
        raise InvalidInput(INVALID_EMAIL)
    check_email_available(email)


@transaction.atomic
def create_user(
    *,
    username: str,
    email: str,
    password: str,
    plan: Plan | None = None,
    expires: datetime | None = None,
) -> User:
    """Register an active account with a fresh API key (api-spec §13.3).

    With a plan, the user is subscribed to it until `expires`.
    """
    check_username(username)
    check_email(email)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(SHORT_PASSWORD)
    user = User(username=username, email=email, is_active=True)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # a concurrent request took the name or the e-mail
        check_username(username)
        check_email_available(email)
        raise
    if plan is not None:
        billing.subscribe(user, plan, Period.MONTHLY, expires)
    return user


def stored_files(instances: Iterator[models.Model]) -> Iterator[tuple[Storage, str]]:
    for instance in instances:
        for field in instance._meta.fields:
            if isinstance(field, models.FileField):
                stored = getattr(instance, field.attname)
                if stored:
                    yield stored.storage, stored.name


def delete_stored_file(storage: Storage, name: str) -> None:
    # Some objects' own signals delete their files first; this one cleans the rest.
    if storage.exists(name):
        storage.delete(name)


@transaction.atomic
def delete_user(user: User) -> None:
    """Delete the account and everything it owns, stored files included (D17).

    Rows go by their foreign keys' cascades; files in storage (avatar, banners,
    images, QR codes, shared files) are deleted once the deletion is committed.
    """
    collector = Collector(using=router.db_for_write(User))
    collector.collect([user])
    files: list[tuple[Storage, str]] = []
    for instances in collector.data.values():
        files.extend(stored_files(iter(instances)))
    for queryset in collector.fast_deletes:
        if any(isinstance(f, models.FileField) for f in queryset.model._meta.fields):
            files.extend(stored_files(queryset.iterator()))
    user.delete()
    for storage, name in dict.fromkeys(files):
        transaction.on_commit(partial(delete_stored_file, storage, name))


def new_login_token() -> str:
    """32 random lower-case letters, as the contract's example (D24)."""
    return "".join(
        secrets.choice(string.ascii_lowercase) for _ in range(LOGIN_TOKEN_LENGTH)
    )


@transaction.atomic
def issue_login_token(user: User) -> str:
    """Return a fresh one-time login token; the user's previous one stops working."""
    token = new_login_token()
    LoginToken.objects.update_or_create(
        user=user,
        defaults={
            "token_hash": hash_login_token(token),
            "expires": timezone.now() + timedelta(minutes=settings.SSO_TOKEN_MINUTES),
        },
    )
    return token


def consume_login_token(token: str) -> User | None:
    """The active user a valid token logs in, or None; the token is spent.

    Expired, used, replaced or unknown tokens give None. Of two concurrent uses
    of one token only the one whose delete removes the row succeeds.
    """
    well_formed = token.isascii() and token.isalpha() and token.islower()
    if len(token) != LOGIN_TOKEN_LENGTH or not well_formed:
        return None
    found: Any = (
        LoginToken.objects.usable()
        .select_related("user")
        .filter(token_hash=hash_login_token(token))
        .first()
    )
    if found is None:
        return None
    deleted, _ = LoginToken.objects.filter(pk=found.pk).delete()
    if not deleted or not found.user.is_active:
        return None
    return found.user
