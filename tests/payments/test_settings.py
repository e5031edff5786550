"""Payment settings from the environment: both Stripe secrets or neither."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PROBE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(bool(s.STRIPE_SECRET_KEY), s.PAYMENTS_CURRENCY)"
)
CLEAN = {
    key: value
    for key, value in os.environ.items()
    if not key.startswith(("STRIPE_", "PAYMENTS_"))
}


def probe(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_keys_payments_are_off():
    result = probe()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False usd"


def test_both_secrets_turn_payments_on():
    result = probe(
        STRIPE_SECRET_KEY="sk_test_1",
        STRIPE_WEBHOOK_SECRET="whsec_1",
        PAYMENTS_CURRENCY="EUR",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True eur"


@pytest.mark.parametrize(
    "env",
    [{"STRIPE_SECRET_KEY": "sk_test_1"}, {"STRIPE_WEBHOOK_SECRET": "whsec_1"}],
)
def test_one_secret_without_the_other_stops_startup(env):
    result = probe(**env)
    assert result.returncode != 0
    assert "Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET" in result.stderr


@pytest.mark.parametrize("currency", ["euro", "e1", "us dollar"])
def test_a_malformed_currency_stops_startup(currency):
    result = probe(PAYMENTS_CURRENCY=currency)
    assert result.returncode != 0
    assert "PAYMENTS_CURRENCY must be a 3-letter currency code" in result.stderr
