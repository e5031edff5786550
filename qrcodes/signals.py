"""Remove a QR code's stored logo and images when its row is deleted, however
that happens (with the code, or with its owner's account)."""

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from qrcodes.models import QRCode


@receiver(post_delete, sender=QRCode, dispatch_uid="qrcodes.delete_stored_files")
def delete_stored_files(sender: type[QRCode], instance: QRCode, **kwargs: Any) -> None:
    """Delete the objects after the commit: a rolled-back delete keeps them."""
    for stored in (instance.logo, instance.image, instance.svg):
        if stored:
            transaction.on_commit(partial(stored.storage.delete, stored.name))
