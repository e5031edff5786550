"""Keep what is remembered (hosts, fast-path links) in step with the rows."""

from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from shortener import fastlinks, hosts
from shortener.models import Domain, Link


@receiver(post_save, sender=Domain, dispatch_uid="shortener.forget_saved_domain")
@receiver(post_delete, sender=Domain, dispatch_uid="shortener.forget_deleted_domain")
def forget_domain_host(sender: type[Domain], instance: Domain, **kwargs: Any) -> None:
    """A saved or deleted domain is looked up afresh on its next request."""
    hosts.forget(instance.host)


# The fast redirect path's remembered links (shortener.fastlinks).


@receiver(post_init, sender=Link, dispatch_uid="shortener.remember_loaded_alias")
def remember_alias(sender: type[Link], instance: Link, **kwargs: Any) -> None:
    """The alias as loaded: a save that changes it must forget the old one too."""
    instance._loaded_alias = instance.alias  # type: ignore[attr-defined]


@receiver(post_save, sender=Link, dispatch_uid="shortener.forget_saved_link")
@receiver(post_delete, sender=Link, dispatch_uid="shortener.forget_deleted_link")
def forget_link(sender: type[Link], instance: Link, **kwargs: Any) -> None:
    """A saved or deleted link is looked up afresh by the fast path."""
    fastlinks.forget(instance.alias, getattr(instance, "_loaded_alias", ""))
    instance._loaded_alias = instance.alias  # type: ignore[attr-defined]


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="shortener.ban")
def forget_banned_links(sender: type, instance: Any, **kwargs: Any) -> None:
    """A banned owner's links are gone (§16.1): the fast path forgets them now."""
    if getattr(instance, "is_banned", False):
        aliases = Link.objects.filter(owner=instance, domain__isnull=True)
        fastlinks.forget(*aliases.values_list("alias", flat=True))


@receiver(setting_changed, dispatch_uid="shortener.fastpath_settings")
def forget_on_settings(**kwargs: Any) -> None:
    """Headers and hosts were worked out from the settings (tests change them)."""
    from shortener import fastpath  # the ASGI entry point: not loaded by the app

    fastlinks.reset()
    fastpath.reset()
