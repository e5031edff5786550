"""The French and Italian catalogues are complete and compiled (decision D35)."""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = ["fr", "it"]


def po_entries(path: Path) -> list[dict]:
    """Parse a .po file into entries with msgid, msgid_plural, msgstr and flags."""
    entries: list[dict] = []
    entry: dict = {}
    key = ""

    def finish() -> None:
        if "msgid" in entry:
            entries.append(dict(entry))
        entry.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#,"):
            if "msgid" in entry:
                finish()
            entry.setdefault("flags", set()).update(
                flag.strip() for flag in line[2:].split(",")
            )
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            if key == "msgid" and "msgid" in entry:
                finish()
            entry[key] = ast.literal_eval(value)
    finish()
    return entries


def catalogue(language: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    entries = po_entries(catalogue(language))
    messages = [entry for entry in entries if entry["msgid"]]

    assert len(messages) > 100
    header = next(entry for entry in entries if entry["msgid"] == "")
    assert "fuzzy" not in header.get("flags", set())
    fuzzy = [entry["msgid"] for entry in messages if "fuzzy" in entry.get("flags", ())]
    assert fuzzy == []
    untranslated = [
        entry["msgid"]
        for entry in messages
        if any(
            not value
            for key, value in entry.items()
            if key == "msgstr" or key.startswith("msgstr[")
        )
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_the_po_file(language):
    po = catalogue(language)
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    for entry in po_entries(po):
        if not entry["msgid"]:
            continue
        msgid = entry["msgid"]
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if "msgid_plural" in entry:
            assert compiled._catalog[(msgid, 0)] == entry["msgstr[0]"]
        else:
            assert compiled._catalog[msgid] == entry["msgstr"], msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_existing_project_strings_are_in_the_catalogue(language):
    msgids = {entry["msgid"] for entry in po_entries(catalogue(language))}

    for msgid in (
        "API key",  # accounts/models.py
        "Banned users keep their data but cannot use the API.",
        "API requests per minute",  # billing/models.py
        "Billing",  # billing/apps.py
        "Accounts",  # accounts/apps.py
        "Italian",  # config/settings.py
        "Your %(site_name)s password was changed",  # templates/accounts/email/
    ):
        assert msgid in msgids
