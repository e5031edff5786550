"""Following a short link: the public hot path (api-spec §16.1, D33, D34).

`follow` reads as the checklist of §16.1; each special case is a function below.
"""

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.views.decorators.http import require_http_methods, require_safe

from analytics.clicks import record_click
from analytics.models import DeviceType
from analytics.visitors import Visitor, visitor_of
from core.errors import InvalidInput
from shortener.middleware import branded_domain_of
from shortener.models import Domain, Link, LinkKind
from shortener.safety import clean_app_url

Interstitial = Callable[[HttpRequest, Link, str], HttpResponse | None]
INTERSTITIALS: list[Interstitial] = []  # in the order they are asked
_ORDER: dict[Interstitial, int] = {}


def register_interstitial(page: Interstitial, *, order: int) -> None:
    """Let an app answer some links with its own page (call from ready()).

    Lower `order` is asked first: overlays (10), splash pages and frames (20),
    then the pixel page of an otherwise direct link (30).
    """
    _ORDER[page] = order
    INTERSTITIALS[:] = sorted(_ORDER, key=_ORDER.__getitem__)


UNLOCKED = "shortener_unlocked"  # session key: {link id: password fingerprint}
APPLE_DEVICES = frozenset({"iphone", "ipad"})


@require_http_methods(["GET", "HEAD", "POST"])
def follow(request: HttpRequest, alias: str) -> HttpResponse:
    """Send the visitor to the link's destination, or to the page in the way."""
    domain = branded_domain_of(request)
    link = find_link(alias, domain)
    if link is None:
        return not_found(domain)
    if request.method == "POST" and not link.password:
        return HttpResponseNotAllowed(["GET", "HEAD"])  # POST is for the password
    if link.kind == LinkKind.FILE:
        return file_page(request, link)
    if link.kind == LinkKind.QR:
        return qr_scan(request, link)
    if link.kind == LinkKind.BIO:
        return bio_page(request, link)
    if needs_password(request, link):
        return password_form(request, link)
    if link.is_expired():
        return expired(request, link)
    if request.method != "HEAD":  # D33: a HEAD is never a click
        record_click(link, request)
    visitor = visitor_of(request)
    destination = with_query(
        pick_destination(link, visitor),
        link.parameters,
        request.META.get("QUERY_STRING", ""),
    )
    if visitor.is_link_preview:
        return preview(request, link, destination)
    if app_link := app_link_for(link, visitor):
        return deep_link(request, app_link, destination)
    return interstitial_for(request, link, destination) or redirect_to(destination)


def find_link(alias: str, domain: Domain | None) -> Link | None:
    """The live link with this alias, in any case (D32), on this host only."""
    # Unordered [:1], not first(): the alias is unique on its host anyway.
    link = next(iter(links_with_alias(alias, domain)[:1]), None)
    if link is not None:
        link.domain = domain  # the host's domain is known: no join to read it
    return link


def links_with_alias(alias: str, domain: Domain | None) -> QuerySet[Link]:
    # LOWER(alias) = …, not alias__iexact: it is what the unique indexes hold,
    # so the lookup is one index probe instead of a scan of the host's links.
    return (
        Link.objects.on_host(domain)
        .alias(lower_alias=Lower("alias"))
        .filter(lower_alias=alias.lower())
        .filter(owner__is_banned=False)  # a banned owner's links are gone (§16.1)
    )


def not_found(domain: Domain | None) -> HttpResponse:
    """The branded domain's own 404 address, or the site's 404 page."""
    if domain is not None and domain.redirect_404:
        return HttpResponseRedirect(domain.redirect_404)
    raise Http404


def needs_password(request: HttpRequest, link: Link) -> bool:
    """Whether the link is still locked for this browser; a right POST unlocks it."""
    if not link.password:
        return False
    unlocked = request.session.get(UNLOCKED, {})
    if constant_time_compare(unlocked.get(str(link.pk), ""), lock_of(link)):
        return False
    if request.method == "POST" and link.check_password(
        request.POST.get("password", "")
    ):
        # Remembered for the browser session; a new password locks it again.
        request.session[UNLOCKED] = {**unlocked, str(link.pk): lock_of(link)}
        return False
    return True


def lock_of(link: Link) -> str:
    """A fingerprint of the link's current password hash, safe to keep in a session."""
    return salted_hmac("shortener.unlock", link.password).hexdigest()[:32]


def password_form(request: HttpRequest, link: Link) -> HttpResponse:
    """Ask for the password, never showing where the link goes."""
    context = {"link": link, "wrong_password": request.method == "POST"}
    return render(request, "shortener/password.html", context)


def expired(request: HttpRequest, link: Link) -> HttpResponse:
    return render(request, "shortener/expired.html", {"link": link}, status=410)


def file_page(request: HttpRequest, link: Link) -> HttpResponse:
    """A shared file's download page, with its own password form and 410 (D45)."""
    from files.download import download_page  # files builds on this module

    return download_page(request, link)


def bio_page(request: HttpRequest, link: Link) -> HttpResponse:
    """A bio page, its visit counted as a click of its link."""
    from bio.public import bio_page  # bio builds on this module

    return bio_page(request, link)


def domain_bio_page(request: HttpRequest, domain: Domain) -> HttpResponse | None:
    """The bio page the domain's owner shows at its root, if any (§16.11)."""
    from bio.public import root_page  # bio builds on this module

    return root_page(request, domain)


class QRRedirect(HttpResponseRedirect):
    """A redirect that may also open a mail or phone app (D27's QR exception)."""

    allowed_schemes = ["http", "https", "mailto", "tel"]


def qr_scan(request: HttpRequest, link: Link) -> HttpResponse:
    """A dynamic QR code's scan, counted: its destination, or a vCard's card."""
    from qrcodes.content import vcard  # qrcodes builds on this module
    from qrcodes.models import QRCode, QRType

    if request.method != "HEAD":  # D33: a HEAD is never a click
        record_click(link, request)
    qr = QRCode.objects.filter(link=link).only("kind", "data").first()
    if qr is not None and qr.kind == QRType.VCARD:
        response = HttpResponse(vcard(qr.data), content_type="text/vcard")
        response["Content-Disposition"] = 'attachment; filename="vcard.vcf"'
    else:
        response = QRRedirect(link.long_url)
    response["Cache-Control"] = "private, max-age=0, no-store"  # every scan counts
    return response


def pick_destination(link: Link, visitor: Visitor) -> str:
    """The geo, device or language target that fits the visitor, else the URL."""
    return (
        target(link.geo_targets, visitor.country.lower())
        or device_target(link, visitor)
        or target(link.language_targets, visitor.language)
        or link.long_url
    )


def device_target(link: Link, visitor: Visitor) -> str:
    targets = link.device_targets
    found = target(targets, visitor.device)
    if not found and visitor.device_type in {DeviceType.MOBILE, DeviceType.TABLET}:
        # "mobile" (the UI's "Other mobile") catches phones no key names.
        found = target(targets, "mobile")
    return found


def target(targets: object, key: str) -> str:
    """The URL stored under `key`; "" when absent (or a nested, state-level entry)."""
    if not key or not isinstance(targets, dict):
        return ""
    url = targets.get(key)
    return url if isinstance(url, str) else ""


def with_query(url: str, parameters: object, visitor_query: str) -> str:
    """Add the link's parameters, then the visitor's own query string, to `url`."""
    parts = urlsplit(url)
    pairs = [
        (str(pair[0]), str(pair[1]))
        for pair in (parameters if isinstance(parameters, list) else [])
        if isinstance(pair, list | tuple) and len(pair) == 2
    ]
    queries = [parts.query, urlencode(pairs), visitor_query]
    return urlunsplit(parts._replace(query="&".join(q for q in queries if q)))


def preview(request: HttpRequest, link: Link, destination: str) -> HttpResponse:
    """A social network's crawler: the card's meta tags, then a meta refresh."""
    image = ""
    if link.meta_image:
        image = link.meta_image.url
        if "://" not in image:
            image = f"{settings.SITE_URL}{image}"
    context = {
        "link": link,
        "title": link.meta_title or destination,
        "description": link.meta_description,
        "image": image,
        "destination": destination,
    }
    return render(request, "shortener/preview.html", context)


def app_link_for(link: Link, visitor: Visitor) -> str:
    """The deep link into the visitor's app store or app, if the link has one."""
    if visitor.device in APPLE_DEVICES:
        app_link = target(link.deeplink, "apple")
    elif visitor.device == "android":
        app_link = target(link.deeplink, "google")
    else:
        return ""
    try:  # checked on the way out too: the page puts it in an href
        return clean_app_url(app_link) if app_link else ""
    except InvalidInput:
        return ""


def deep_link(request: HttpRequest, app_link: str, destination: str) -> HttpResponse:
    """Try to open the app; the page falls back to the web destination."""
    context = {"app_link": app_link, "destination": destination}
    return render(request, "shortener/deeplink.html", context)


def interstitial_for(
    request: HttpRequest, link: Link, destination: str
) -> HttpResponse | None:
    """The page a frame, splash, overlay or pixel link shows before it goes on.

    Apps that own such pages register them (`register_interstitial`); the first
    one that answers wins. None lets the plain redirect happen.
    """
    for page in INTERSTITIALS:
        if (response := page(request, link, destination)) is not None:
            return response
    return None


def redirect_to(destination: str) -> HttpResponse:
    """302 that nothing caches; 301 cached 90 s with REDIRECT_PERMANENT (D33)."""
    if settings.REDIRECT_PERMANENT:
        response: HttpResponse = HttpResponsePermanentRedirect(destination)
        response["Cache-Control"] = "private, max-age=90"
    else:
        response = HttpResponseRedirect(destination)
        response["Cache-Control"] = "private, max-age=0, no-store"
    return response


@require_safe
def domain_root(request: HttpRequest) -> HttpResponse:
    """A branded domain's root: its bio page, root redirect, or "it works" page."""
    domain = branded_domain_of(request)
    if domain is None:
        raise Http404
    if domain.shows_bio_page and (page := domain_bio_page(request, domain)):
        return page
    if domain.redirect_root:
        return HttpResponseRedirect(domain.redirect_root)
    return render(request, "shortener/domain_working.html", {"domain": domain})
