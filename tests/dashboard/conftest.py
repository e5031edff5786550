from html.parser import HTMLParser

import pytest
from django.test import Client


class FormValues(HTMLParser):
    """What a browser would submit, as is, from the POST form sent to `action`."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.values: dict[str, str] = {}
        self.in_form = self.done = False
        self.template_depth = 0
        self.select: str | None = None
        self.select_first: str | None = None
        self.option: dict[str, str | None] | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "form" and attr.get("action") == self.action and not self.done:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "template":  # rows that links.js would add: not submitted
            self.template_depth += 1
        if self.template_depth:
            return
        name = attr.get("name")
        if tag == "input" and name:
            kind = attr.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attr:
                    self.values[name] = attr.get("value") or "on"
            elif kind not in {"submit", "button"}:
                self.values[name] = attr.get("value") or ""
        elif tag == "select" and name:
            self.select, self.select_first = name, None
        elif tag == "option" and self.select:
            value = attr.get("value") or ""
            if self.select_first is None:
                self.select_first = value
                self.values.setdefault(self.select, value)
            if "selected" in attr:
                self.values[self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "template" and self.in_form:
            self.template_depth -= 1
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True

    def handle_data(self, data: str) -> None:
        if self.textarea and not self.template_depth:
            # Browsers drop the newline that follows <textarea>.
            self.values[self.textarea] += data.removeprefix("\n")


def form_values(html: str, action: str) -> dict[str, str]:
    """The fields of the page's form posting to `action`, with their values."""
    parser = FormValues(action)
    parser.feed(html)
    return parser.values


@pytest.fixture
def page_form(client: Client):
    """GET a page and return the values of its form posting back to it."""

    def read(url: str) -> dict[str, str]:
        response = client.get(url)
        assert response.status_code == 200
        values = form_values(response.content.decode(), action=url)
        assert values, f"no form posts to {url}"
        return values

    return read
