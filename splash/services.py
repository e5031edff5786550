"""Changes to splash pages that reach beyond one row."""

from django.db import transaction

from shortener.models import Link
from splash.models import SplashPage


@transaction.atomic
def delete_splash_page(*, page: SplashPage) -> None:
    """Delete the page; its links revert to the site's default type (D17)."""
    Link.objects.filter(owner=page.owner_id, redirect_type=page.link_type).update(
        redirect_type=""
    )
    if page.banner:
        page.banner.delete(save=False)
    page.delete()
