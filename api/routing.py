"""Bind viewset actions to the contract's URL scheme (api-spec §1.1)."""

from django.urls import URLPattern, path

from api.views import ContractViewSet


def resource(
    one: str, many: str, viewset: type[ContractViewSet], *, only: set[str] | None = None
) -> list[URLPattern]:
    """The five documented routes of a resource family, e.g. for links:

    `urls` (list), `url/<id>` (retrieve), `url/add`, `url/<id>/update`,
    `url/<id>/delete`. `only` keeps a subset (read-only families).
    """

    routes = {
        "list": (many, {"get": "list"}),
        "retrieve": (f"{one}/<int:pk>", {"get": "retrieve"}),
        "add": (f"{one}/add", {"post": "create"}),
        "update": (f"{one}/<int:pk>/update", {"put": "update"}),
        "delete": (f"{one}/<int:pk>/delete", {"delete": "destroy"}),
    }
    return [
        path(url, viewset.as_view(actions), name=f"{one}-{name}")
        for name, (url, actions) in routes.items()
        if only is None or name in only
    ]
