"""The text of a custom splash page: a little formatting, links that cannot harm."""

import nh3

TAGS = {"p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "a"}
ATTRIBUTES = {"a": {"href", "title"}}


def clean_html(html: str) -> str:
    """Keep basic formatting and http(s) links (nofollow noopener); drop the rest."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="nofollow noopener",
        strip_comments=True,
    )
