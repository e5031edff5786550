"""The Django admin for campaigns and channels: lists, search, filters, forms."""

import pytest

from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import LinkFactory, UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def test_campaigns_are_searched_and_filtered(admin_client, owner, stranger):
    CampaignFactory(owner=owner, name="Spring sale", slug="spring")
    CampaignFactory(owner=stranger, name="Autumn", is_public=False)

    found = admin_client.get("/admin/campaigns/campaign/?q=spring").content.decode()
    private = admin_client.get(
        "/admin/campaigns/campaign/?is_public__exact=0"
    ).content.decode()

    assert "Spring sale" in found
    assert "Autumn" not in found
    assert "Autumn" in private
    assert "Spring sale" not in private


def test_a_campaign_shows_its_links_and_weights(admin_client, owner):
    membership = MembershipFactory(campaign__owner=owner, weight=4)

    response = admin_client.get(
        f"/admin/campaigns/campaign/{membership.campaign.pk}/change/"
    )

    assert response.status_code == 200
    assert 'name="memberships-0-weight" value="4"' in response.content.decode()


def test_channels_and_items_are_searched_and_filtered(admin_client, owner):
    channel = ChannelFactory(owner=owner, name="Acme", starred=True)
    ChannelFactory(owner=owner, name="Personal")
    file_item(channel, LinkFactory(owner=owner))

    starred = admin_client.get(
        "/admin/channels/channel/?starred__exact=1"
    ).content.decode()
    items = admin_client.get("/admin/channels/channelitem/?q=acme")
    change = admin_client.get(f"/admin/channels/channel/{channel.pk}/change/")

    assert "Acme" in starred
    assert "Personal" not in starred
    assert items.status_code == 200
    assert "links" in items.content.decode()
    assert change.status_code == 200
