"""The item kinds channels know from the start: links and QR codes (§6.2, D41)."""

from channels.registry import DOCUMENTED, ItemType, register
from qrcodes.models import QRCode
from shortener.models import Link

register(
    ItemType(
        name="links",
        not_found=DOCUMENTED["links"],
        model=Link,
        owned=lambda owner: (
            Link.objects.plain().filter(owner=owner).select_related("domain")
        ),
        title=lambda link: link.meta_title or link.long_url,
        preview=lambda link: link.long_url,
        link=lambda link: link.short_url,
        date=lambda link: link.created,
    )
)

register(
    ItemType(
        name="qr",
        not_found=DOCUMENTED["qr"],
        model=QRCode,
        owned=lambda owner: QRCode.objects.filter(owner=owner),
        title=lambda qr: qr.name,
        preview=lambda qr: qr.image_url,
        link=lambda qr: qr.image_url,
        date=lambda qr: qr.created,
    )
)
