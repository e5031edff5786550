"""Drawing QR codes: segno builds the symbol, Pillow sizes it and adds the logo.

The only module that imports segno (STYLE §1).
"""

import base64
import io
from typing import Any

import segno
from django.conf import settings
from PIL import Image

from core.errors import InvalidInput
from qrcodes.content import static_text
from qrcodes.models import DYNAMIC_TYPES, QRCode

DEFAULT_SIZE = 300
MIN_SIZE, MAX_SIZE = 100, 2000
SVG_SCALE = 10
BORDER = 4  # the quiet zone the standard asks for, in modules
LOGO_SHARE = 0.22  # of the code's width: ~5% of the area, far under H's 30%
# A logo hides modules, so the highest correction that fits goes first.
LEVELS_WITH_LOGO = ("h", "q", "m", "l")
LEVELS = ("m", "l")
LOGO_MIN_VERSION = 6
TOO_LONG = "Text is too long."


def payload(qr: QRCode) -> str:
    """What the code encodes: its tracking short URL, or its static content."""
    if qr.is_dynamic:
        return qr.link.short_url if qr.link_id else f"{settings.SITE_URL}/{qr.alias}"  # type: ignore[union-attr]
    return static_text(qr.kind, qr.data)


def symbol(text: str, *, with_logo: bool) -> segno.QRCode:
    """The smallest symbol for `text` at the highest correction level that fits
    (version 6 at least under a logo)."""
    for level in LEVELS_WITH_LOGO if with_logo else LEVELS:
        try:
            code = segno.make_qr(text, error=level, boost_error=True)
        except segno.DataOverflowError:
            continue
        if with_logo and code.version < LOGO_MIN_VERSION:
            # In a small symbol the logo hides too many codewords of each block.
            code = segno.make_qr(text, error=level, version=LOGO_MIN_VERSION)
        return code
    raise InvalidInput(TOO_LONG)


def check_capacity(kind: str, data: Any) -> None:
    """Refuse static content no QR code can hold (raises InvalidInput)."""
    if kind not in DYNAMIC_TYPES:
        symbol(static_text(kind, data), with_logo=False)


def clamp_size(size: int) -> int:
    return max(MIN_SIZE, min(MAX_SIZE, size))


def draw_png(
    text: str, foreground: str, background: str, logo: bytes | None, size: int
) -> bytes:
    """A square PNG of `size` pixels of `text`, with `logo` in the middle if given."""
    size = clamp_size(size)
    code = symbol(text, with_logo=bool(logo))
    width = code.symbol_size(scale=1, border=BORDER)[0]
    scale = max(1, -(-size // width))  # at least `size`, then scaled down
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="png",
        scale=scale,
        border=BORDER,
        dark=foreground,
        light=background,
    )
    with Image.open(io.BytesIO(buffer.getvalue())) as drawn:
        image = drawn.convert("RGB").resize((size, size), Image.Resampling.NEAREST)
    if logo:
        add_logo(image, logo, background)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def add_logo(image: Image.Image, logo: bytes, background: str) -> None:
    """Paste the logo, on a small pad of the background colour, in the centre."""
    side = int(image.width * LOGO_SHARE)
    with Image.open(io.BytesIO(logo)) as opened:
        mark = opened.convert("RGBA")
    mark.thumbnail((side, side), Image.Resampling.LANCZOS)
    pad = max(2, side // 12)
    box = Image.new("RGB", (mark.width + 2 * pad, mark.height + 2 * pad), background)
    box.paste(mark, (pad, pad), mark)
    image.paste(box, ((image.width - box.width) // 2, (image.height - box.height) // 2))


def draw_svg(text: str, foreground: str, background: str, logo: bytes | None) -> bytes:
    """An SVG of `text`; a logo is embedded as a PNG data URI in the centre."""
    code = symbol(text, with_logo=bool(logo))
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", scale=SVG_SCALE, border=BORDER, dark=foreground,
        light=background, xmldecl=False, svgns=True,
    )  # fmt: skip
    svg = buffer.getvalue().decode()
    if logo:
        width = code.symbol_size(scale=SVG_SCALE, border=BORDER)[0]
        svg = svg.replace("</svg>", svg_logo(logo, width, background) + "</svg>")
    return svg.encode()


def svg_logo(logo: bytes, width: int, background: str) -> str:
    side = int(width * LOGO_SHARE)
    with Image.open(io.BytesIO(logo)) as opened:
        mark = opened.convert("RGBA")
    mark.thumbnail((side * 2, side * 2), Image.Resampling.LANCZOS)
    png = io.BytesIO()
    mark.save(png, format="PNG")
    href = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    pad = max(2, side // 12)
    height = side * mark.height // mark.width
    x, y = (width - side) // 2, (width - height) // 2
    return (
        f'<rect x="{x - pad}" y="{y - pad}" width="{side + 2 * pad}" '
        f'height="{height + 2 * pad}" fill="{background}"/>'
        f'<image x="{x}" y="{y}" width="{side}" height="{height}" href="{href}"/>'
    )


def logo_bytes(qr: QRCode) -> bytes | None:
    if not qr.logo:
        return None
    with qr.logo.open("rb") as stored:
        return stored.read()


def render_png(qr: QRCode, size: int) -> bytes:
    """The saved code as a PNG of `size` pixels (bounded to 100-2000)."""
    return draw_png(payload(qr), qr.foreground, qr.background, logo_bytes(qr), size)


def render_svg(qr: QRCode) -> bytes:
    """The saved code as an SVG."""
    return draw_svg(payload(qr), qr.foreground, qr.background, logo_bytes(qr))


def preview_png(
    kind: str,
    data: Any,
    foreground: str,
    background: str,
    logo: bytes | None,
    size: int,
) -> bytes:
    """A PNG of an unsaved design (`data` already cleaned by parsing.clean_data).

    A dynamic type previews a short URL of the final length: the real alias is
    drawn when the code is saved.
    """
    text = (
        f"{settings.SITE_URL}/000000"
        if kind in DYNAMIC_TYPES
        else static_text(kind, data)
    )
    return draw_png(text, foreground, background, logo, size)
