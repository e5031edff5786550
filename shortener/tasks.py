from celery import shared_task
from django.conf import settings

from core.fetch import FetchError, fetch

PAGE_MAX_BYTES = 512 * 1024


@shared_task
def fetch_link_metadata(link_id: int) -> None:
    """Fill a new link's empty meta title/description from its destination page.

    Failures leave the fields empty: the link works without them.
    """
    from shortener.metadata import page_metadata
    from shortener.models import Link

    if not settings.FETCH_LINK_METADATA:
        return
    link = Link.objects.filter(pk=link_id).first()
    if link is None or (link.meta_title and link.meta_description):
        return
    try:
        page = fetch(
            link.long_url, max_bytes=PAGE_MAX_BYTES, timeout=settings.METADATA_TIMEOUT
        )
    except FetchError:
        return
    if page.content_type not in {"text/html", "application/xhtml+xml"}:
        return
    title, description = page_metadata(page.body.decode("utf-8", "replace"))
    changed = {}
    if title and not link.meta_title:
        changed["meta_title"] = title
    if description and not link.meta_description:
        changed["meta_description"] = description
    if changed:
        # Only the empty fields: the owner may have set them meanwhile.
        Link.objects.filter(pk=link.pk).update(**changed)
