"""Links of type `overlay-<id>`: what the API and the link form accept (§3.3)."""

from accounts.models import User
from core.errors import InvalidInput
from overlays.models import Overlay
from overlays.page import overlay_id
from splash import frameable

CANNOT_FRAME = (
    "This URL cannot be used with this redirect method because browsers will "
    "prevent it for security reasons."
)


def overlay_type(raw: str, owner: User | None, url: str = "") -> str:
    """`overlay-<id>` of one of the owner's overlays; "" (the default) otherwise.

    Raises InvalidInput with the contract's message when the destination
    forbids framing.
    """
    pk = overlay_id(raw)
    if pk is None or owner is None:
        return ""
    if not Overlay.objects.filter(pk=pk, owner=owner).exists():
        return ""
    if url and not frameable.frameable(url):
        raise InvalidInput(CANNOT_FRAME)
    return f"overlay-{pk}"


def overlay_choices(owner: User) -> list[tuple[str, str]]:
    """The owner's overlays as choices of a link's redirect type."""
    return [
        (overlay.link_type, f"{overlay.name} ({overlay.link_type})")
        for overlay in Overlay.objects.of(owner).only("id", "name")
    ]
