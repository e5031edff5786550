from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_apikey_prints_the_key_on_the_last_line(owner):
    assert run("apikey", "owner").splitlines()[-1] == owner.api_key


def test_apikey_creates_a_missing_key(owner):
    User.objects.filter(pk=owner.pk).update(api_key="")
    key = run("apikey", "owner").splitlines()[-1]
    owner.refresh_from_db()
    assert len(key) == 32
    assert owner.api_key == key


def test_apikey_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user named"):
        run("apikey", "nobody")


def test_demo_admin_is_created_once_with_working_credentials(db):
    output = run("demo_admin")
    lines = dict(
        line.strip().split(":", 1) for line in output.splitlines() if ":" in line
    )
    admin = User.objects.get(username=lines["Username"].strip())
    assert admin.is_superuser
    assert admin.is_staff
    assert admin.check_password(lines["Password"].strip())
    assert lines["API key"].strip() == admin.api_key

    again = run("demo_admin")
    assert "Password" not in again
    assert User.objects.filter(is_superuser=True).count() == 1
