"""Campaigns (api-spec §5): list, create, assign a link, update, delete."""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from api.envelope import ok
from api.views import ContractAPIView, ContractViewSet
from campaigns import rules, services
from campaigns.models import Campaign
from core.errors import NotFound
from core.values import boolean
from shortener.models import Link


def urls_of(campaign: Campaign) -> dict[str, Any]:
    """`rotator` (the URL or false without a slug) and `list` (always a URL, D16)."""
    return {"rotator": campaign.rotator_url or False, "list": campaign.list_url}


def campaign_item(campaign: Campaign) -> dict[str, Any]:
    """One entry of `GET /api/campaigns` (D16: `name`; D7: `views`)."""
    return {
        "id": campaign.pk,
        "name": campaign.name,
        "public": campaign.is_public,
        **urls_of(campaign),
        "views": campaign.views,
    }


def campaign_answer(campaign: Campaign) -> dict[str, Any]:
    """Create and update answer the name under `domain`, and `name` too (D16)."""
    return ok(
        id=campaign.pk,
        domain=campaign.name,
        name=campaign.name,
        public=campaign.is_public,
        **urls_of(campaign),
    )


def changes_in(data: dict[str, Any]) -> dict[str, Any]:
    """The keys of the body that update a campaign, `public` read as a flag."""
    changes = {key: data[key] for key in ("name", "slug") if key in data}
    if "public" in data:
        changes["public"] = boolean(data["public"])
    return changes


class CampaignViewSet(ContractViewSet):
    """`/api/campaigns`: the caller's campaigns, oldest first (D31)."""

    feature = "bundle"  # the plan gate of the family (api.gates)
    queryset = Campaign.objects.select_related("owner").oldest_first()
    list_key = "campaigns"
    not_found = rules.NOT_FOUND

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([campaign_item(c) for c in page])

    def create(self, request: Request) -> Response:
        data = request.data
        public = boolean(data["public"]) if "public" in data else False
        campaign = services.create_campaign(
            owner=request.user,
            name=data.get("name"),
            slug=data.get("slug"),
            public=public,
        )
        return Response(campaign_answer(campaign))

    def update(self, request: Request, pk: int) -> Response:
        changes = changes_in(request.data)
        campaign = services.update_campaign(campaign=self.get_object(), changes=changes)
        return Response(campaign_answer(campaign))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_campaign(campaign=self.get_object())
        return Response(ok(message=rules.DELETED))


class CampaignAssignView(ContractAPIView):
    """`POST /api/campaign/:campaignid/assign/:linkid` (§5.3)."""

    feature = "bundle"

    def post(self, request: Request, campaignid: int, linkid: int) -> Response:
        owner = request.user
        campaign = Campaign.objects.filter(owner=owner, pk=campaignid).first()
        if campaign is None:
            raise NotFound(rules.NOT_FOUND)
        link = Link.objects.plain().filter(owner=owner, pk=linkid).first()
        if link is None:
            raise NotFound(rules.LINK_NOT_FOUND)
        services.assign_link(campaign=campaign, link=link)
        return Response(ok(message=rules.ASSIGNED))
