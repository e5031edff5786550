"""The providers' standard snippets for a link's pixels (api-spec §16.7).

Each provider is one inline script, optionally a `<noscript>` image, and the hosts
its script loads from and reports to (`pixels.csp` allows exactly those). Tags are
validated on the way in (`pixels.rules`) and escaped again here, on the way out.
"""

import base64
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from pixels.models import Pixel, PixelType
from shortener.models import Link

TAG = "__TAG__"  # where the escaped tag goes in a script
_GTAG = (
    "window.dataLayer=window.dataLayer||[];"
    "function gtag(){dataLayer.push(arguments);}"
    "gtag('js',new Date());gtag('config'," + TAG + ");"
)


@dataclass(frozen=True)
class Provider:
    """One provider's snippet and the hosts it needs."""

    script: str  # the inline script's body, with TAG for the JS-quoted tag
    noscript: str = ""  # HTML with {tag} for the HTML-escaped tag
    loader: str = ""  # an external script with {tag} in its URL (gtag.js)
    script_hosts: tuple[str, ...] = ()
    img_hosts: tuple[str, ...] = ()
    connect_hosts: tuple[str, ...] = ()
    frame_hosts: tuple[str, ...] = ()


GOOGLE_COLLECT = (
    "https://www.google-analytics.com",
    "https://*.google-analytics.com",
    "https://*.analytics.google.com",
    "https://www.googletagmanager.com",
)
PROVIDERS: dict[str, Provider] = {
    PixelType.GTM: Provider(
        script=(
            "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':"
            "new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],"
            "j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
            "j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"
            "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer',"
            + TAG
            + ");"
        ),
        noscript=(
            '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id={tag}"'
            ' height="0" width="0" hidden></iframe></noscript>'
        ),
        script_hosts=("https://www.googletagmanager.com",),
        img_hosts=GOOGLE_COLLECT,
        connect_hosts=GOOGLE_COLLECT,
        frame_hosts=("https://www.googletagmanager.com",),
    ),
    PixelType.GA: Provider(
        script=_GTAG,
        loader="https://www.googletagmanager.com/gtag/js?id={tag}",
        script_hosts=("https://www.googletagmanager.com",),
        img_hosts=GOOGLE_COLLECT,
        connect_hosts=GOOGLE_COLLECT,
    ),
    PixelType.FACEBOOK: Provider(
        script=(
            "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){"
            "n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};"
            "if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];"
            "t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            "s.parentNode.insertBefore(t,s)}(window,document,'script',"
            "'https://connect.facebook.net/en_US/fbevents.js');"
            "fbq('init'," + TAG + ");fbq('track','PageView');"
        ),
        noscript=(
            '<noscript><img height="1" width="1" alt="" '
            'src="https://www.facebook.com/tr?id={tag}&amp;ev=PageView&amp;noscript=1">'
            "</noscript>"
        ),
        script_hosts=("https://connect.facebook.net",),
        img_hosts=("https://www.facebook.com",),
        connect_hosts=("https://www.facebook.com",),
    ),
    PixelType.ADWORDS: Provider(
        script=_GTAG,
        loader="https://www.googletagmanager.com/gtag/js?id={tag}",
        script_hosts=(
            "https://www.googletagmanager.com",
            "https://www.googleadservices.com",
            "https://googleads.g.doubleclick.net",
        ),
        img_hosts=(
            "https://www.googletagmanager.com",
            "https://googleads.g.doubleclick.net",
            "https://www.google.com",
        ),
        connect_hosts=(
            "https://www.googletagmanager.com",
            "https://googleads.g.doubleclick.net",
            "https://www.google.com",
        ),
    ),
    PixelType.LINKEDIN: Provider(
        script=(
            "_linkedin_partner_id=" + TAG + ";"
            "window._linkedin_data_partner_ids=window._linkedin_data_partner_ids||[];"
            "window._linkedin_data_partner_ids.push(_linkedin_partner_id);"
            "(function(l){if(!l){window.lintrk=function(a,b){window.lintrk.q.push([a,b])};"
            "window.lintrk.q=[]}var s=document.getElementsByTagName('script')[0];"
            "var b=document.createElement('script');b.async=true;"
            "b.src='https://snap.licdn.com/li.lms-analytics/insight.min.js';"
            "s.parentNode.insertBefore(b,s);})(window.lintrk);"
        ),
        noscript=(
            '<noscript><img height="1" width="1" alt="" '
            'src="https://px.ads.linkedin.com/collect/?pid={tag}&amp;fmt=gif">'
            "</noscript>"
        ),
        script_hosts=("https://snap.licdn.com",),
        img_hosts=("https://px.ads.linkedin.com",),
        connect_hosts=("https://px.ads.linkedin.com",),
    ),
    PixelType.TWITTER: Provider(
        script=(
            "!function(e,t,n,s,u,a){e.twq||(s=e.twq=function(){s.exe?"
            "s.exe.apply(s,arguments):s.queue.push(arguments);},s.version='1.1',"
            "s.queue=[],u=t.createElement(n),u.async=!0,"
            "u.src='https://static.ads-twitter.com/uwt.js',"
            "a=t.getElementsByTagName(n)[0],a.parentNode.insertBefore(u,a))}"
            "(window,document,'script');twq('config'," + TAG + ");"
        ),
        script_hosts=("https://static.ads-twitter.com",),
        img_hosts=("https://t.co", "https://analytics.twitter.com"),
        connect_hosts=("https://t.co", "https://analytics.twitter.com"),
    ),
    PixelType.ADROLL: Provider(
        script=(
            "window.adroll_adv_id=" + TAG + ";window.adroll=window.adroll||[];"
            "(function(d){var s=d.createElement('script');s.async=true;"
            "s.src='https://s.adroll.com/j/'+encodeURIComponent(window.adroll_adv_id)"
            "+'/roundtrip.js';d.getElementsByTagName('head')[0].appendChild(s);})"
            "(document);"
        ),
        script_hosts=("https://s.adroll.com",),
        img_hosts=("https://d.adroll.com",),
        connect_hosts=("https://d.adroll.com",),
    ),
    PixelType.QUORA: Provider(
        script=(
            "!function(q,e,v,n,t,s){if(q.qp)return;n=q.qp=function(){n.qp?"
            "n.qp.apply(n,arguments):n.queue.push(arguments);};n.queue=[];"
            "t=document.createElement(e);t.async=!0;t.src=v;"
            "s=document.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s);}"
            "(window,'script','https://a.quora.com/qevents.js');"
            "qp('init'," + TAG + ");qp('track','ViewContent');"
        ),
        noscript=(
            '<noscript><img height="1" width="1" alt="" '
            'src="https://q.quora.com/_/ad/{tag}/pixel?tag=ViewContent&amp;noscript=1">'
            "</noscript>"
        ),
        script_hosts=("https://a.quora.com",),
        img_hosts=("https://q.quora.com",),
        connect_hosts=("https://q.quora.com",),
    ),
    PixelType.PINTEREST: Provider(
        script=(
            "!function(e){if(!window.pintrk){window.pintrk=function(){"
            "window.pintrk.queue.push(Array.prototype.slice.call(arguments))};"
            "var n=window.pintrk;n.queue=[],n.version='3.0';"
            "var t=document.createElement('script');t.async=!0,t.src=e;"
            "var r=document.getElementsByTagName('script')[0];"
            "r.parentNode.insertBefore(t,r)}}('https://s.pinimg.com/ct/core.js');"
            "pintrk('load'," + TAG + ");pintrk('page');"
        ),
        noscript=(
            '<noscript><img height="1" width="1" alt="" '
            'src="https://ct.pinterest.com/v3/?event=init&amp;tid={tag}&amp;noscript=1">'
            "</noscript>"
        ),
        script_hosts=("https://s.pinimg.com",),
        img_hosts=("https://ct.pinterest.com",),
        connect_hosts=("https://ct.pinterest.com",),
    ),
    PixelType.BING: Provider(
        script=(
            "(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){"
            "var o={ti:" + TAG + "};o.q=w[u],w[u]=new UET(o),w[u].push('pageLoad')},"
            "n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange="
            "function(){var s=this.readyState;s&&s!=='loaded'&&s!=='complete'||"
            "(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],"
            "i.parentNode.insertBefore(n,i)})"
            "(window,document,'script','https://bat.bing.com/bat.js','uetq');"
        ),
        noscript=(
            '<noscript><img height="1" width="1" alt="" '
            'src="https://bat.bing.com/action/0?ti={tag}&amp;Ver=2"></noscript>'
        ),
        script_hosts=("https://bat.bing.com",),
        img_hosts=("https://bat.bing.com",),
        connect_hosts=("https://bat.bing.com",),
    ),
    PixelType.SNAPCHAT: Provider(
        script=(
            "(function(e,t,n){if(e.snaptr)return;var a=e.snaptr=function(){"
            "a.handleRequest?a.handleRequest.apply(a,arguments):a.queue.push(arguments)};"
            "a.queue=[];var s='script';var r=t.createElement(s);r.async=!0;r.src=n;"
            "var u=t.getElementsByTagName(s)[0];u.parentNode.insertBefore(r,u);})"
            "(window,document,'https://sc-static.net/scevent.min.js');"
            "snaptr('init'," + TAG + ",{});snaptr('track','PAGE_VIEW');"
        ),
        script_hosts=("https://sc-static.net",),
        img_hosts=("https://tr.snapchat.com",),
        connect_hosts=("https://tr.snapchat.com",),
    ),
    PixelType.REDDIT: Provider(
        script=(
            "!function(w,d){if(!w.rdt){var p=w.rdt=function(){p.sendEvent?"
            "p.sendEvent.apply(p,arguments):p.callQueue.push(arguments)};"
            "p.callQueue=[];var t=d.createElement('script');"
            "t.src='https://www.redditstatic.com/ads/pixel.js',t.async=!0;"
            "var s=d.getElementsByTagName('script')[0];s.parentNode.insertBefore(t,s)}}"
            "(window,document);rdt('init'," + TAG + ");rdt('track','PageVisit');"
        ),
        script_hosts=("https://www.redditstatic.com",),
        img_hosts=("https://alb.reddit.com",),
        connect_hosts=("https://alb.reddit.com",),
    ),
    PixelType.TIKTOK: Provider(
        script=(
            "!function(w,d,t){w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];"
            "ttq.methods=['page','track','identify','instances','debug','on','off',"
            "'once','ready','alias','group','enableCookie','disableCookie'];"
            "ttq.setAndDefer=function(t,e){t[e]=function(){"
            "t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};"
            "for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);"
            "ttq.load=function(e,n){var i='https://analytics.tiktok.com/i18n/pixel/"
            "events.js';ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=i,"
            "ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};"
            "var o=d.createElement('script');o.async=!0;"
            "o.src=i+'?sdkid='+encodeURIComponent(e)+'&lib='+t;"
            "var a=d.getElementsByTagName('script')[0];a.parentNode.insertBefore(o,a)};"
            "ttq.load(" + TAG + ");ttq.page();}(window,document,'ttq');"
        ),
        script_hosts=("https://analytics.tiktok.com",),
        img_hosts=("https://analytics.tiktok.com",),
        connect_hosts=("https://analytics.tiktok.com",),
    ),
}


def js_string(value: str) -> str:
    """`value` as a JavaScript string literal that cannot close a <script>."""
    quoted = json.dumps(value)
    for char, code in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        quoted = quoted.replace(char, code)
    return quoted


def script_body(pixel: Pixel) -> str:
    """The inline script of one pixel, exactly as the page carries it."""
    return PROVIDERS[pixel.type].script.replace(TAG, js_string(pixel.tag))


def script_hash(body: str) -> str:
    """The CSP source that allows one inline script with exactly this body."""
    digest = hashlib.sha256(body.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def snippet(pixel: Pixel) -> SafeString:
    """One pixel's standard snippet; the tag is escaped for each context."""
    provider = PROVIDERS[pixel.type]
    tag = escape(pixel.tag)
    parts = []
    if provider.loader:
        parts.append(f'<script async src="{provider.loader.format(tag=tag)}"></script>')
    parts.append(f"<script>{script_body(pixel)}</script>")
    if provider.noscript:
        parts.append(provider.noscript.format(tag=tag))
    # Safe: the templates are ours, the tag is escaped (and validated when saved).
    return mark_safe("".join(parts))


def pixels_of(link: Link) -> list[Pixel]:
    """The link's pixels, oldest first; no query for a link without any."""
    if not link.has_pixels:
        return []
    # Kept on the instance: a page asks for the snippets and then for its policy.
    cached: list[Pixel] | None = getattr(link, "_pixels_in_order", None)
    if cached is None:
        cached = list(link.pixels.order_by("created", "id"))
        link._pixels_in_order = cached  # type: ignore[attr-defined]
    return cached


def snippets_for(link: Link) -> list[SafeString]:
    """The providers' standard snippets for the link's pixels, ready for a page."""
    return [snippet(pixel) for pixel in pixels_of(link) if pixel.type in PROVIDERS]


def providers_of(pixels: Iterable[Pixel]) -> list[Provider]:
    """The providers of these pixels, each once."""
    return list(
        {p.type: PROVIDERS[p.type] for p in pixels if p.type in PROVIDERS}.values()
    )
