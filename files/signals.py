"""Remove a file's stored object when its row is deleted, however that happens.

A row goes with its link, and links go with their owner's account: a receiver
is the one place that sees every such delete.
"""

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from files.models import SharedFile


@receiver(post_delete, sender=SharedFile, dispatch_uid="files.delete_stored_object")
def delete_stored_object(
    sender: type[SharedFile], instance: SharedFile, **kwargs: Any
) -> None:
    """Delete the bytes after the commit: a rolled-back delete keeps them."""
    if instance.stored:
        storage, name = instance.stored.storage, instance.stored.name
        transaction.on_commit(partial(storage.delete, name))
