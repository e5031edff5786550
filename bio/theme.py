"""A bio page's look, reusable by any public page styled like it.

`context_for(page)` gives what `bio/_theme.html` needs (the style element's CSS
and the body's classes); `content_security_policy(style)` is the strict policy
that allows exactly that style element, by its hash. The campaigns' public list
page can render the owner's default bio page's theme with these two.
"""

import base64
import hashlib
import re
from typing import TypedDict
from urllib.parse import urlsplit

from django.core.files.storage import default_storage

from bio.content import clean_css
from bio.models import BioPage, ButtonStyle

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
YOUTUBE_EMBED = "https://www.youtube-nocookie.com"


class ThemeContext(TypedDict):
    bio_style: str  # the CSS of the page's one inline <style> element
    bio_classes: str  # classes of the element the theme applies to


def colour(value: str, default: str) -> str:
    """A stored colour, re-checked: it is written into CSS."""
    return value if HEX_COLOUR.match(value or "") else default


def background_of(page: BioPage) -> str:
    start = colour(page.background, "#ffffff")
    if page.background_end and HEX_COLOUR.match(page.background_end):
        return f"linear-gradient(180deg, {start}, {page.background_end})"
    return start


def theme_css(page: BioPage) -> str:
    """The theme as custom properties of `.bio-root`, then the page's own CSS."""
    variables = {
        "--bio-background": background_of(page),
        "--bio-text": colour(page.text_colour, "#1f2430"),
        "--bio-button": colour(page.button_colour, "#3557d4"),
        "--bio-button-text": colour(page.button_text_colour, "#ffffff"),
    }
    rules = ";".join(f"{name}:{value}" for name, value in variables.items())
    css = f".bio-root{{{rules}}}"
    if custom := clean_css(page.custom_css):  # cleaned when saved, and again here
        css += f"\n{custom}"
    return css


def classes_of(page: BioPage) -> str:
    style = page.button_style if page.button_style in ButtonStyle.values else "rounded"
    return f"bio-root bio-buttons-{style}"


def context_for(page: BioPage) -> ThemeContext:
    """The template context of `bio/_theme.html` for this page."""
    return {"bio_style": theme_css(page), "bio_classes": classes_of(page)}


def style_hash(css: str) -> str:
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def media_origin() -> str:
    """Where uploaded pictures are served from, when it is another origin."""
    parts = urlsplit(default_storage.url("bio/picture.png"))
    if parts.scheme in {"http", "https"} and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return ""


def content_security_policy(style: str, *, frames: bool = False) -> str:
    """No script at all; the one inline style by hash; pictures from us only."""
    images = " ".join(filter(None, ["'self'", "data:", media_origin()]))
    directives = {
        "default-src": "'none'",
        "script-src": "'none'",
        "style-src": f"'self' {style_hash(style)}",
        "img-src": images,
        "font-src": "'self' data:",
        "frame-src": YOUTUBE_EMBED if frames else "'none'",
        "form-action": "'none'",
        "base-uri": "'none'",
        "object-src": "'none'",
        "frame-ancestors": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())
