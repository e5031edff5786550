"""Keep the remembered host lookups (shortener.hosts) in step with Domain rows."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shortener import hosts
from shortener.models import Domain


@receiver(post_save, sender=Domain, dispatch_uid="shortener.forget_saved_domain")
@receiver(post_delete, sender=Domain, dispatch_uid="shortener.forget_deleted_domain")
def forget_domain_host(sender: type[Domain], instance: Domain, **kwargs: Any) -> None:
    """A saved or deleted domain is looked up afresh on its next request."""
    hosts.forget(instance.host)
