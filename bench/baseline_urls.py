"""The baseline of bench/clicks.py: a bare Django view answering `/<alias>` with
the same redirect as the product, its target read from the local-memory cache
(the database once per alias and process). No click is recorded."""

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from shortener.models import Link
from shortener.redirect import redirect_to


def bare_redirect(request: HttpRequest, alias: str) -> HttpResponse:
    key = f"bench:{alias.lower()}"
    target = cache.get(key)
    if target is None:
        link = Link.objects.filter(alias__iexact=alias, domain__isnull=True).first()
        if link is None:
            raise Http404
        target = link.long_url
        cache.set(key, target, None)
    return redirect_to(target)


urlpatterns = [path("<str:alias>", bare_redirect)]
