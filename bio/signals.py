"""Remove a bio page's stored pictures when its rows are deleted, however that
happens (with the page, its link, or its owner's account)."""

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from bio.models import BioPage, Block


@receiver(post_delete, sender=BioPage, dispatch_uid="bio.delete_avatar")
@receiver(post_delete, sender=Block, dispatch_uid="bio.delete_block_image")
def delete_stored_picture(
    sender: type[BioPage | Block], instance: BioPage | Block, **kwargs: Any
) -> None:
    """Delete the picture after the commit: a rolled-back delete keeps it."""
    stored = instance.avatar if isinstance(instance, BioPage) else instance.image
    if stored:
        transaction.on_commit(partial(stored.storage.delete, stored.name))
