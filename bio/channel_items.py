"""Bio pages as channel items, type `bio` (§6.2, §16.5, D41).

Registered from BioConfig.ready(): bio knows channels, channels never needs bio.
"""

from bio.models import BioPage
from bio.services import channel_item
from channels.registry import DOCUMENTED, ItemType, register

register(
    ItemType(
        name="bio",
        not_found=DOCUMENTED["bio"],
        model=BioPage,
        owned=lambda owner: BioPage.objects.filter(owner=owner).select_related(
            "link__domain"
        ),
        title=lambda page: channel_item(page)["title"],  # cut to 30 by channels
        preview=lambda page: channel_item(page)["url"],
        link=lambda page: channel_item(page)["url"],
        date=lambda page: channel_item(page)["created"],
    )
)
