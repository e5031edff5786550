from django.db import transaction

from accounts.models import User
from accounts.tasks import send_password_changed_notice
from core.errors import Conflict, InvalidInput

MIN_PASSWORD_LENGTH = 5


def check_email_available(email: str, *, user: User | None = None) -> None:
    """Raise Conflict when another account already uses this e-mail (any case)."""
    others = User.objects.with_email(email)
    if user is not None:
        others = others.exclude(pk=user.pk)
    if others.exists():
        raise Conflict("An account is already associated with this email.")


@transaction.atomic
def update_account(
    *, user: User, email: str | None = None, password: str | None = None
) -> bool:
    """Change e-mail and/or password; return whether anything was changed.

    A password change is announced to the account's address once committed.
    """
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("Password must be at least 5 characters.")
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
