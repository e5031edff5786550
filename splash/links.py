"""Links of type `frame` or `<splash page id>`: what the API and link form accept."""

from accounts.models import User
from core.errors import InvalidInput
from splash import frameable
from splash.models import SplashPage

CANNOT_FRAME = (
    "This URL cannot be used with this redirect method because browsers will "
    "prevent it for security reasons."
)


def splash_type(raw: str, owner: User | None) -> str:
    """The id of one of the owner's splash pages; "" (the default) otherwise."""
    if (
        owner is None
        or not SplashPage.objects.filter(pk=int(raw), owner=owner).exists()
    ):
        return ""
    return str(int(raw))


def check_frameable(url: str) -> None:
    """Raise InvalidInput with the contract's message if `url` forbids framing."""
    if not frameable.frameable(url):
        raise InvalidInput(CANNOT_FRAME)


def splash_choices(owner: User) -> list[tuple[str, str]]:
    """The owner's splash pages as choices of a link's redirect type."""
    return [
        (page.link_type, page.name)
        for page in SplashPage.objects.filter(owner=owner).order_by("id")
    ]
