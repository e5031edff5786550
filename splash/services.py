"""Changes to splash pages that reach beyond one row."""

from django.db import transaction

from accounts.models import User
from billing import entitlements
from shortener.models import Link
from splash.models import SplashPage


def save_splash_page(*, page: SplashPage, owner: User) -> SplashPage:
    """Save a new or changed page of the owner.

    The plan must include splash pages; a new page also needs room in their
    quota, held while it is inserted.
    """
    entitlements.require(owner, "splash")
    page.owner = owner
    if page.pk is not None:
        page.save()
        return page
    with entitlements.quota_slot(owner, "splash", owner.splash_pages.count):
        page.save()
    return page


@transaction.atomic
def delete_splash_page(*, page: SplashPage) -> None:
    """Delete the page; its links revert to the site's default type (D17)."""
    Link.objects.filter(owner=page.owner_id, redirect_type=page.link_type).update(
        redirect_type=""
    )
    if page.banner:
        page.banner.delete(save=False)
    page.delete()
