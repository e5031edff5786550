"""QR data, colours and contrast: raw client values in, clean values out (§16.6).

Every refusal raises InvalidInput with the contract's message in English, verbatim
(the API sends it so); the messages are marked for the dashboard to translate.
"""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_noop as _

from core.errors import InvalidInput
from qrcodes.content import destination
from qrcodes.models import QRType
from shortener.safety import clean_url

INVALID_FORMAT = _("Invalid QR format or missing data.")
EMPTY = _("QR data cannot be empty. Please fill the appropriate field.")
TEXT_TOO_LONG = _("Text is too long.")
INVALID_URL = _("Please enter a valid url.")
INVALID_EMAIL = _("Please enter a valid email.")
SUBJECT_TOO_LONG = _("Subject is too long.")
INVALID_PHONE = _("Invalid phone number. Please try again.")
NO_SSID = _("Please enter the Wifi SSID")
EMPTY_VCARD = _("vCard data cannot be empty. Please fill some fields")
INVALID_COLOUR = _("Please enter a valid colour: rgb(r,g,b) or #rrggbb.")
LOW_CONTRAST = _("The colours are too close: the code would not scan.")

TEXT_MAX = 4296  # what a version-40 code holds in alphanumeric mode (§16.6)
SUBJECT_MAX = 255
BODY_MAX = 1000
URL_MAX = 4096  # a link's destination (shortener.models.Link.long_url)
FIELD_MAX = 255
MIN_CONTRAST = 3.0  # WCAG's ratio for graphics; below it scanners start to fail
VCARD_FIELDS = (
    "fname", "lname", "org", "phone", "cell", "fax", "email", "site", "facebook",
    "instagram", "twitter", "linkedin", "street", "city", "state", "zip", "country",
)  # fmt: skip
VCARD_URLS = ("site", "facebook", "instagram", "twitter", "linkedin")
VCARD_PHONES = ("phone", "cell", "fax")
WIFI_ENCRYPTIONS = {"WPA", "WEP", "WPA2", "WPA3", "NOPASS"}
PHONE = re.compile(r"^\+?[0-9]{3,20}$")
RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(,[^)]*)?\)$")
HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def refuse(message: str) -> InvalidInput:
    return InvalidInput(message)


def clean_data(kind: str, data: object) -> str | dict[str, str]:
    """The data of a `kind` code, validated and normalised to its stored shape.

    Strings for text, link and phone; objects for email `{email, subject, body}`,
    sms `{phone, message}`, wifi `{ssid, pass, encryption}` and vcard (its
    non-empty fields). Unknown keys of an object are ignored.
    """
    cleaner = CLEANERS.get(kind) if isinstance(kind, str) else None
    if cleaner is None or data is None:
        raise refuse(INVALID_FORMAT)
    return cleaner(data)


def as_text(value: object) -> str:
    """A scalar as trimmed text; objects and lists are not data."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise refuse(INVALID_FORMAT)
    return str(value).strip()


def as_object(data: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise refuse(INVALID_FORMAT)
    return data


def clean_text(data: object) -> str:
    text = as_text(data)
    if not text:
        raise refuse(EMPTY)
    if len(text) > TEXT_MAX:
        raise refuse(TEXT_TOO_LONG)
    return text


def clean_link(data: object) -> str:
    if not as_text(data):
        raise refuse(EMPTY)
    # Any public http(s) URL, the site's own short URLs included (D40).
    return clean_url(as_text(data), INVALID_URL)


def clean_email(data: object) -> dict[str, str]:
    fields = {"email": data} if isinstance(data, str) else as_object(data)
    address = as_text(fields.get("email"))
    if not address:
        raise refuse(EMPTY)
    try:
        validate_email(address)
    except ValidationError:
        raise refuse(INVALID_EMAIL) from None
    subject = as_text(fields.get("subject"))
    if len(subject) > SUBJECT_MAX:
        raise refuse(SUBJECT_TOO_LONG)
    body = as_text(fields.get("body"))
    if len(body) > BODY_MAX:
        raise refuse(TEXT_TOO_LONG)
    cleaned = {"email": address, "subject": subject, "body": body}
    if len(destination(QRType.EMAIL, cleaned)) > URL_MAX:
        raise refuse(TEXT_TOO_LONG)  # the tracking link's URL must hold it
    return cleaned


def clean_phone_number(value: object) -> str:
    number = re.sub(r"[\s().-]", "", as_text(value))
    if not PHONE.match(number):
        raise refuse(INVALID_PHONE)
    return number


def clean_phone(data: object) -> str:
    if not as_text(data):
        raise refuse(EMPTY)
    return clean_phone_number(data)


def clean_sms(data: object) -> dict[str, str]:
    fields = as_object(data)
    if not as_text(fields.get("phone")):
        raise refuse(EMPTY)
    message = as_text(fields.get("message"))
    if len(message) > TEXT_MAX:
        raise refuse(TEXT_TOO_LONG)
    return {"phone": clean_phone_number(fields.get("phone")), "message": message}


def clean_wifi(data: object) -> dict[str, str]:
    fields = as_object(data)
    ssid = as_text(fields.get("ssid"))
    if not ssid:
        raise refuse(NO_SSID)
    password = as_text(fields.get("pass"))
    encryption = as_text(fields.get("encryption")).upper()
    if encryption and encryption not in WIFI_ENCRYPTIONS:
        raise refuse(INVALID_FORMAT)
    if any(len(value) > FIELD_MAX for value in (ssid, password)):
        raise refuse(TEXT_TOO_LONG)
    return {"ssid": ssid, "pass": password, "encryption": encryption}


def clean_vcard(data: object) -> dict[str, str]:
    fields = as_object(data)
    card = {name: as_text(fields.get(name)) for name in VCARD_FIELDS}
    card = {name: value for name, value in card.items() if value}
    if not card:
        raise refuse(EMPTY_VCARD)
    if any(len(value) > FIELD_MAX for value in card.values()):
        raise refuse(TEXT_TOO_LONG)
    for name in VCARD_PHONES:
        if name in card:
            card[name] = clean_phone_number(card[name])
    if "email" in card:
        try:
            validate_email(card["email"])
        except ValidationError:
            raise refuse(INVALID_EMAIL) from None
    for name in VCARD_URLS:
        if name in card:
            card[name] = clean_url(card[name], INVALID_URL)
    return card


CLEANERS = {
    QRType.TEXT: clean_text,
    QRType.LINK: clean_link,
    QRType.EMAIL: clean_email,
    QRType.PHONE: clean_phone,
    QRType.SMS: clean_sms,
    QRType.WIFI: clean_wifi,
    QRType.VCARD: clean_vcard,
}


def clean_colour(value: object) -> str:
    """`rgb(r,g,b)`, `#rgb` or `#rrggbb` as lower-case `#rrggbb`."""
    text = value.strip() if isinstance(value, str) else ""
    if match := RGB.match(text.lower()):
        channels = [int(match.group(i)) for i in (1, 2, 3)]
        if any(channel > 255 for channel in channels):
            raise refuse(INVALID_COLOUR)
        return "#" + "".join(f"{channel:02x}" for channel in channels)
    if match := HEX.match(text):
        digits = match.group(1).lower()
        if len(digits) == 3:
            digits = "".join(digit * 2 for digit in digits)
        return f"#{digits}"
    raise refuse(INVALID_COLOUR)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a `#rrggbb` colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(foreground: str, background: str) -> float:
    light, dark = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)


def check_contrast(foreground: str, background: str) -> None:
    """Refuse colours whose WCAG contrast ratio is below 3 (unreadable codes)."""
    if contrast_ratio(foreground, background) < MIN_CONTRAST:
        raise refuse(LOW_CONTRAST)
