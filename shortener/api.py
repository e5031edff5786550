"""Links (api-spec §3) and branded domains (§7)."""

from typing import Any

from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.response import Response

from api.envelope import ok
from api.formats import timestamp
from api.views import ContractViewSet
from core.errors import InvalidInput, NotFound
from shortener import parsing, services
from shortener.models import Domain, Link
from shortener.safety import split_short_url


def link_item(
    link: Link, campaign: int | None = None, channels: list[int] | None = None
) -> dict[str, Any]:
    """One entry of `GET /api/urls` (documented fields, then D7's additions)."""
    return {
        "id": link.pk,
        "alias": link.alias,
        "shorturl": link.short_url,
        "longurl": link.long_url,
        "clicks": link.clicks,
        "title": link.meta_title,
        "description": link.meta_description,
        "date": timestamp(link.created),
        "uniqueclicks": link.unique_clicks,
        "domain": link.domain.url if link.domain_id else None,
        "campaign": campaign,
        "channel": channels or [],
    }


def link_items(links: list[Link]) -> list[dict[str, Any]]:
    """Entries of `GET /api/urls`: campaigns and channels in one query each."""
    from campaigns.services import campaign_ids_of  # both build on links
    from channels.services import channel_ids_of

    ids = [link.pk for link in links]
    campaigns, channels = campaign_ids_of(ids), channel_ids_of(ids)
    return [
        link_item(link, campaigns.get(link.pk), channels.get(link.pk)) for link in links
    ]


def link_details(link: Link) -> dict[str, Any]:
    """`GET /api/url/:id`: details and the statistics block (D9)."""
    from analytics.stats import link_stats
    from campaigns.services import campaign_ids_of
    from channels.services import channel_ids_of

    return ok(
        id=link.pk,
        details={
            "id": link.pk,
            "alias": link.alias,
            "shorturl": link.short_url,
            "longurl": link.long_url,
            "title": link.meta_title,
            "description": link.meta_description,
            "location": link.geo_targets or None,
            "device": link.device_targets or None,
            "language": link.language_targets or None,
            "expiry": timestamp(link.expires_at),
            "date": timestamp(link.created),
            "campaign": campaign_ids_of([link.pk]).get(link.pk),
            "channel": channel_ids_of([link.pk]).get(link.pk, []),
        },
        data=link_stats(link),
    )


class LinkViewSet(ContractViewSet):
    queryset = Link.objects.plain().select_related("domain")
    list_key = "urls"
    not_found = "Link does not exist."

    def get_queryset(self) -> QuerySet:
        links = super().get_queryset()
        if self.action == "list":
            if text := self.request.query_params.get("q", "").strip():
                links = links.search(text)
            if self.request.query_params.get("order") == "click":
                return links.order_by("-clicks", "-created", "-id")
            return links.order_by("-created", "-id")
        return links

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if "short" in request.query_params:
            return Response(
                link_details(self.by_short_url(request.query_params["short"]))
            )
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(link_items(page))

    def by_short_url(self, short: str) -> Link:
        """The caller's link behind a full short URL (D32: any case)."""
        invalid = "Invalid short url. Please try again."
        if not split_short_url(short)[1]:
            raise InvalidInput(invalid)
        links = self.get_queryset().behind_short_url(short)
        link = links.first()
        if link is None:
            raise NotFound(invalid)
        return link

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(link_details(self.get_object()))

    def create(self, request: Request) -> Response:
        if "url" not in request.data:
            raise InvalidInput("Missing required parameter: url")
        spec, _ = parsing.link_spec(request.data, request.user)
        link, _ = services.create_link(owner=request.user, spec=spec)
        return Response(ok(id=link.pk, shorturl=link.short_url, short=link.short_url))

    def update(self, request: Request, pk: int) -> Response:
        link = self.get_object()
        spec, present = parsing.link_spec(
            request.data, request.user, base=link.long_url
        )
        link = services.update_link(link=link, spec=spec, present=present)
        return Response(ok(id=link.pk, shorturl=link.short_url, short=link.short_url))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_link(link=self.get_object())
        return Response(ok(message="Link has been deleted successfully"))


class DomainViewSet(ContractViewSet):
    feature = "domain"  # the plan feature behind the family (api.gates)
    queryset = Domain.objects.order_by("id")
    list_key = "domains"
    not_found = "Domain not found. Please try again."

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([self.item(domain) for domain in page])

    @staticmethod
    def item(domain: Domain) -> dict[str, Any]:
        return {
            "id": domain.pk,
            "domain": domain.url,
            "redirectroot": domain.redirect_root or None,
            "redirect404": domain.redirect_404 or None,
        }

    def create(self, request: Request) -> Response:
        data = request.data
        domain = services.add_domain(
            owner=request.user,
            domain=data.get("domain"),
            redirect_root=data.get("redirectroot"),
            redirect_404=data.get("redirect404"),
        )
        return Response(ok(id=domain.pk))

    def update(self, request: Request, pk: int) -> Response:
        domain = self.get_object()
        names = {"redirectroot": "redirect_root", "redirect404": "redirect_404"}
        changes = {
            names[key]: request.data[key] for key in names if key in request.data
        }
        if not changes:
            raise InvalidInput("No data sent.")
        services.change_domain_redirects(domain=domain, changes=changes)
        return Response(ok(message="Domain has been updated successfully."))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_domain(domain=self.get_object())
        return Response(ok(message="Domain has been deleted successfully."))
