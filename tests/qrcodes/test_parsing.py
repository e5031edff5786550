"""The data of each type, colours and contrast: clean values or the contract's
messages (api-spec §16.6, D41)."""

import pytest

from core.errors import InvalidInput
from qrcodes.parsing import check_contrast, clean_colour, clean_data


def message_of(kind: str, data: object) -> str:
    with pytest.raises(InvalidInput) as error:
        clean_data(kind, data)
    return error.value.message


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("text", "  Hello  ", "Hello"),
        ("link", "https://example.com/a?b=1", "https://example.com/a?b=1"),
        ("phone", "+1 (555) 010-2030", "+15550102030"),
        (
            "email",
            "ann@example.com",
            {"email": "ann@example.com", "subject": "", "body": ""},
        ),
        (
            "email",
            {"email": "ann@example.com", "subject": "Hi", "body": "Hello", "cc": "x"},
            {"email": "ann@example.com", "subject": "Hi", "body": "Hello"},
        ),
        (
            "sms",
            {"phone": "+33612345678", "message": "Hi"},
            {"phone": "+33612345678", "message": "Hi"},
        ),
        (
            "wifi",
            {"ssid": "Home", "pass": "secret", "encryption": "wpa", "size": 300},
            {"ssid": "Home", "pass": "secret", "encryption": "WPA"},
        ),
        (
            "vcard",
            {
                "fname": "Ann",
                "lname": "",
                "site": "https://ann.example",
                "format": "png",
            },
            {"fname": "Ann", "site": "https://ann.example"},
        ),
    ],
)
def test_data_is_cleaned_to_its_stored_shape(kind, data, expected):
    assert clean_data(kind, data) == expected


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("bogus", "x", "Invalid QR format or missing data."),
        ("text", None, "Invalid QR format or missing data."),
        ("text", ["a"], "Invalid QR format or missing data."),
        ("sms", "not an object", "Invalid QR format or missing data."),
        ("text", "   ", "QR data cannot be empty. Please fill the appropriate field."),
        ("text", "x" * 4297, "Text is too long."),
        ("link", "javascript:alert(1)", "Please enter a valid url."),
        ("link", "not a url", "Please enter a valid url."),
        ("link", "", "QR data cannot be empty. Please fill the appropriate field."),
        ("email", "nobody", "Please enter a valid email."),
        (
            "email",
            {"email": "a@example.com", "subject": "s" * 256},
            "Subject is too long.",
        ),
        (
            "email",
            {"email": "a@example.com", "body": "é" * 1000},
            "Text is too long.",
        ),
        ("phone", "call me", "Invalid phone number. Please try again."),
        (
            "sms",
            {"phone": "12ab", "message": "x"},
            "Invalid phone number. Please try again.",
        ),
        ("wifi", {"ssid": "", "pass": "x"}, "Please enter the Wifi SSID"),
        (
            "wifi",
            {"ssid": "Home", "encryption": "ROT13"},
            "Invalid QR format or missing data.",
        ),
        (
            "vcard",
            {"fname": " ", "size": 3},
            "vCard data cannot be empty. Please fill some fields",
        ),
        ("vcard", {"site": "ftp://x"}, "Please enter a valid url."),
    ],
)
def test_bad_data_is_refused_with_the_contracts_message(kind, data, message):
    assert message_of(kind, data) == message


def test_the_sites_own_short_urls_may_be_encoded(settings):
    # D40: real clients print QR codes of their short links.
    assert clean_data("link", "https://sho.rt/promo") == "https://sho.rt/promo"


@pytest.mark.parametrize(
    ("raw", "colour"),
    [
        ("rgb(255,255,255)", "#ffffff"),
        ("rgb( 0, 128 ,255 )", "#0080ff"),
        ("#ABC", "#aabbcc"),
        ("12ab34", "#12ab34"),
        (" #000000 ", "#000000"),
    ],
)
def test_colours_are_read_as_rgb_or_hex(raw, colour):
    assert clean_colour(raw) == colour


@pytest.mark.parametrize("raw", ["rgb(256,0,0)", "red", "#12345", "", None, 3])
def test_other_colours_are_refused(raw):
    with pytest.raises(InvalidInput) as error:
        clean_colour(raw)
    assert error.value.message == "Please enter a valid colour: rgb(r,g,b) or #rrggbb."


@pytest.mark.parametrize(
    ("foreground", "background"),
    [("#777777", "#888888"), ("#ffffff", "#ffffff"), ("#ffff00", "#ffffff")],
)
def test_colours_too_close_to_scan_are_refused(foreground, background):
    with pytest.raises(InvalidInput) as error:
        check_contrast(foreground, background)
    assert error.value.message == "The colours are too close: the code would not scan."


@pytest.mark.parametrize(
    ("foreground", "background"),
    [("#000000", "#ffffff"), ("#1a237e", "#fff8e1"), ("#ffffff", "#000000")],
)
def test_contrasting_colours_pass(foreground, background):
    check_contrast(foreground, background)
