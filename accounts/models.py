import hashlib
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from billing.entitlements import current_subscription


def new_api_key() -> str:
    """Return a fresh random API key (32 hex characters)."""
    return secrets.token_hex(16)


def avatar_path(user: "User", filename: str) -> str:
    # A random name: the URL of an old avatar must not reveal or address the new one.
    return f"avatars/{user.pk}/{secrets.token_hex(8)}.png"


class UserQuerySet(models.QuerySet):
    def with_email(self, email: str) -> "UserQuerySet":
        return self.filter(email__iexact=email)

    def holding_key(self, key: str) -> "User | None":
        """The user whose API key this is (with the plan that sets their rate)."""
        if not key:
            return None
        return self.select_related("subscription__plan").filter(api_key=key).first()


class AccountManager(UserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """A member of the site: dashboard login, API key and account state.

    The plan is on `subscription` (billing.Subscription); ask
    `billing.entitlements` what the user may do.
    """

    email = models.EmailField(_("email address"))
    avatar = models.ImageField(_("avatar"), upload_to=avatar_path, blank=True)
    api_key = models.CharField(
        _("API key"), max_length=64, unique=True, default=new_api_key, editable=False
    )
    is_banned = models.BooleanField(
        _("banned"),
        default=False,
        help_text=_("Banned users keep their data but cannot use the API."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )

    objects = AccountManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique"
            )
        ]

    def regenerate_api_key(self) -> str:
        """Replace the API key; the old one stops working at once."""
        self.api_key = new_api_key()
        # Only the key: a concurrent profile edit must not be overwritten.
        self.save(update_fields=["api_key"])
        return self.api_key

    @property
    def is_admin(self) -> bool:
        """May use the admin API (api-spec §12-§13) and bypasses plan gates."""
        return bool(self.is_staff or self.is_superuser)

    @property
    def is_pro(self) -> bool:
        """On a paid plan whose subscription is active and has not expired."""
        subscription = current_subscription(self)
        return subscription is not None and not subscription.plan.is_free

    @property
    def membership(self) -> str:
        return "pro" if self.is_pro else "free"

    def avatar_url(self) -> str:
        """Absolute URL of the uploaded avatar, or the Gravatar of the e-mail."""
        if self.avatar:
            url = self.avatar.url
            return url if "://" in url else f"{settings.SITE_URL}{url}"
        digest = hashlib.md5(self.email.strip().lower().encode()).hexdigest()
        query = urlencode({"s": 200, "d": "mp"})
        return f"https://www.gravatar.com/avatar/{digest}?{query}"


def hash_login_token(token: str) -> str:
    """What is stored of an SSO token: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


class LoginTokenQuerySet(models.QuerySet):
    def usable(self) -> "LoginTokenQuerySet":
        return self.filter(expires__gt=timezone.now())


class LoginToken(models.Model):
    """A one-time SSO login link's token (api-spec §13.5, §16.9, D24).

    One per user: issuing a new link replaces the previous token. Only the hash
    is stored, so a database leak does not leak working links.
    """

    user = models.OneToOneField(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="login_token",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    expires = models.DateTimeField(_("expires"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = LoginTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("login link")
        verbose_name_plural = _("login links")

    def __str__(self) -> str:
        return f"{self.user} ({self.expires:%Y-%m-%d %H:%M})"
