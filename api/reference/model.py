"""The shape of an endpoint description."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from django.utils.functional import Promise

Where = Literal["path", "query", "body"]
Text = str | Promise  # a translatable string (gettext_lazy)
PATH_PARAM = re.compile(r":(\w+)")


@dataclass(frozen=True)
class Param:
    """One parameter of an endpoint."""

    name: str
    where: Where
    type: str  # a JSON type: string, integer, boolean, array, object
    description: Text
    required: bool = False


@dataclass(frozen=True)
class Endpoint:
    """One documented route: what to send, and what the server answers.

    `path` is written as the contract writes it (`/api/url/:id/update`).
    `request` is the example JSON body, `query` the example query string and
    `path_example` the example value of each path placeholder. `upload` names a
    file whose raw bytes are the body instead of JSON. `maps` are dotted paths in
    `response` to objects keyed by labels (countries, browsers), not fixed names.
    `also` lists other methods that answer the same way (D8).
    """

    name: str  # the URL name: `api:<name>`, or `api-v1` for the legacy API
    method: str
    path: str
    title: Text
    description: Text
    response: dict[str, Any]
    params: tuple[Param, ...] = ()
    request: dict[str, Any] | None = None
    query: dict[str, str] = field(default_factory=dict)
    upload: str = ""
    maps: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    key_in_query: bool = False
    admin_only: bool = False

    @property
    def anchor(self) -> str:
        """The id of the endpoint on the reference page."""
        return f"{self.name}-{self.method.lower()}"

    @property
    def methods(self) -> tuple[str, ...]:
        return (self.method, *self.also)

    def params_in(self, where: Where) -> list[Param]:
        return [param for param in self.params if param.where == where]

    def path_names(self) -> list[str]:
        """The placeholders of the path, in order (`id`, `filename`)."""
        return PATH_PARAM.findall(self.path)


@dataclass(frozen=True)
class Section:
    """A resource family: one heading of the page, one tag of the schema."""

    slug: str
    title: Text
    description: Text
    endpoints: tuple[Endpoint, ...]
    admin_only: bool = False


def visible_sections(
    sections: Iterable[Section], *, include_admin: bool
) -> list[Section]:
    """The sections (and endpoints) a viewer may see; admin-only ones for admins."""
    shown = []
    for section in sections:
        if section.admin_only and not include_admin:
            continue
        kept = tuple(e for e in section.endpoints if include_admin or not e.admin_only)
        if kept:
            shown.append(replace(section, endpoints=kept))
    return shown
