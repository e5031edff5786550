"""Channels (api-spec §6): list, items, create, assign, update, delete."""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from api.envelope import ok
from api.views import ContractAPIView, ContractViewSet
from channels import rules, services
from channels.models import Channel
from core.errors import NotFound
from core.values import boolean


def channel_item(channel: Channel) -> dict[str, Any]:
    """One entry of `GET /api/channels`, and the answer to create (§6.3)."""
    return {
        "id": channel.pk,
        "name": channel.name,
        "description": channel.description,
        "color": channel.color,
        "starred": channel.starred,
    }


def changes_in(data: dict[str, Any]) -> dict[str, Any]:
    changes = {k: data[k] for k in ("name", "description", "color") if k in data}
    if "starred" in data:
        changes["starred"] = boolean(data["starred"])
    return changes


class ChannelViewSet(ContractViewSet):
    """`/api/channels`: the caller's channels, oldest first (D31)."""

    feature = "channels"  # the plan gate of the family (api.gates)
    queryset = Channel.objects.oldest_first()
    not_found = rules.NOT_FOUND

    @property
    def list_key(self) -> str:  # type: ignore[override]
        return "items" if self.action == "retrieve" else "channels"

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([channel_item(c) for c in page])

    def retrieve(self, request: Request, pk: int) -> Response:
        """The channel's items, in the order they were added (§6.2)."""
        channel = self.get_object()
        page = self.paginate_queryset(channel.items.in_assignment_order())
        entries = services.item_entries(page, request.user)
        return self.get_paginated_response(entries)

    def create(self, request: Request) -> Response:
        data = request.data
        starred = boolean(data["starred"]) if "starred" in data else False
        channel = services.create_channel(
            owner=request.user,
            name=data.get("name"),
            description=data.get("description"),
            color=data.get("color"),
            starred=starred,
        )
        return Response(ok(**channel_item(channel)))

    def update(self, request: Request, pk: int) -> Response:
        changes = changes_in(request.data)
        services.update_channel(channel=self.get_object(), changes=changes)
        return Response(ok(message=rules.UPDATED))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_channel(channel=self.get_object())
        return Response(ok(message=rules.DELETED))


class ChannelAssignView(ContractAPIView):
    """`POST /api/channel/:channelid/assign/:type/:itemid` (§6.4, D18)."""

    feature = "channels"

    def post(
        self, request: Request, channelid: int, type: str, itemid: int
    ) -> Response:
        services.check_item_type(type)  # a bad request comes first (D42)
        channel = Channel.objects.filter(owner=request.user, pk=channelid).first()
        if channel is None:
            raise NotFound(rules.NOT_FOUND)
        item = services.find_item(owner=request.user, type_name=type, pk=itemid)
        services.add_item(channel=channel, type_name=type, item=item)
        return Response(ok(message=rules.ADDED))
