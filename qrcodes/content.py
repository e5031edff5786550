"""What a QR code says: the text of static codes, the destinations of dynamic
ones and the vCard a vCard code's scan downloads (api-spec §16.6)."""

from typing import Any
from urllib.parse import quote, urlencode

from django.utils import timezone

from qrcodes.models import QRType


def static_text(kind: str, data: Any) -> str:
    """What a static code encodes directly: the text, an SMS or a Wi-Fi network."""
    if kind == QRType.SMS:
        return f"SMSTO:{data['phone']}:{data['message']}"
    if kind == QRType.WIFI:
        network = f"WIFI:S:{wifi_escape(data['ssid'])};"
        if data.get("pass") and data.get("encryption"):
            network += f"T:{data['encryption']};P:{wifi_escape(data['pass'])};"
        return f"{network};"
    return str(data)


def wifi_escape(value: str) -> str:
    """Escape the characters the WIFI: syntax reserves (`\\ ; , : "`)."""
    for special in ("\\", ";", ",", ":", '"'):
        value = value.replace(special, f"\\{special}")
    return value


def destination(kind: str, data: Any) -> str:
    """Where a dynamic code's tracking link sends the scanner ("" for a vCard,
    which is answered with a download instead)."""
    if kind == QRType.LINK:
        return str(data)
    if kind == QRType.EMAIL:
        query = {k: data[k] for k in ("subject", "body") if data.get(k)}
        tail = f"?{urlencode(query, quote_via=quote)}" if query else ""
        return f"mailto:{data['email']}{tail}"
    if kind == QRType.PHONE:
        return f"tel:{data}"
    return ""


def vcard_escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def vcard(data: dict[str, str]) -> str:
    """A vCard 3.0 of the card's fields (N, ORG, TEL, EMAIL, URL, ADR, REV)."""
    get = lambda name: vcard_escape(data.get(name, ""))  # noqa: E731
    full_name = " ".join(part for part in (get("fname"), get("lname")) if part)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{get('lname')};{get('fname')};;;",
        f"FN:{full_name or get('org')}",
    ]
    if data.get("org"):
        lines.append(f"ORG:{get('org')}")
    for name, kind in (("phone", "WORK,VOICE"), ("cell", "CELL"), ("fax", "FAX")):
        if data.get(name):
            lines.append(f"TEL;TYPE={kind}:{get(name)}")
    if data.get("email"):
        lines.append(f"EMAIL;TYPE=INTERNET:{get('email')}")
    if data.get("site"):
        lines.append(f"URL;TYPE=WORK:{get('site')}")
    for network in ("facebook", "instagram", "twitter", "linkedin"):
        if data.get(network):
            lines.append(f"URL;TYPE={network.upper()}:{get(network)}")
    address = ("street", "city", "state", "zip", "country")
    if any(data.get(part) for part in address):
        street, city, state, code, country = (get(part) for part in address)
        lines.append(f"ADR;TYPE=WORK:;;{street};{city};{state};{code};{country}")
    lines.append(f"REV:{timezone.now().strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
