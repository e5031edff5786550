"""Dashboard and admin forms for accounts."""

import io
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    AdminUserCreationForm,
    PasswordChangeForm,
    UserChangeForm,
)
from django.contrib.auth.forms import UserCreationForm as BaseSignupForm
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from accounts.models import User
from accounts.services import check_email_available
from core.errors import Conflict

# The same sentence as the API's Conflict, but translated for people.
EMAIL_TAKEN = _("An account is already associated with this email.")

AVATAR_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
AVATAR_MAX_SIDE = 4000
AVATAR_SIZE = (256, 256)


def clean_unique_email(email: str, *, user: User | None = None) -> str:
    """Return the e-mail, or raise a form error when another account uses it."""
    try:
        check_email_available(email, user=user)
    except Conflict:
        raise ValidationError(EMAIL_TAKEN, code="email_taken") from None
    return email


class SignupForm(BaseSignupForm):
    """Create an account: username, e-mail and a confirmed password."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(BaseSignupForm.Meta):
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        return clean_unique_email(self.cleaned_data["email"])


class ProfileForm(forms.ModelForm):
    """Change the account's e-mail address and preferred language."""

    language = forms.ChoiceField(label=_("Language"), required=False)

    class Meta:
        model = User
        fields = ("email", "language")
        labels = {"email": _("Email address")}
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["language"].choices = [
            ("", _("Browser default")),
            *settings.LANGUAGES,
        ]
        self.fields["language"].help_text = _(
            "Pages are shown in this language whenever you are logged in."
        )

    def clean_email(self) -> str:
        return clean_unique_email(self.cleaned_data["email"], user=self.instance)

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        if commit:
            # Only these fields: a key regenerated meanwhile must not be written back.
            user.save(update_fields=["email", "language"])
        return user


class PasswordForm(PasswordChangeForm):
    """Change the password, given the current one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One of three forms on the settings page: it must not grab the focus.
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


class AvatarForm(forms.Form):
    """Upload a picture; it is stored as a 256x256 PNG."""

    avatar = forms.FileField(
        label=_("Picture"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}
        ),
        error_messages={"required": _("Choose a picture to upload.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["avatar"].help_text = _(
            "PNG, JPEG, GIF or WebP, up to %(size)s and %(side)s by %(side)s pixels."
        ) % {
            "size": filesizeformat(settings.AVATAR_MAX_BYTES),
            "side": AVATAR_MAX_SIDE,
        }

    def clean_avatar(self) -> ContentFile:
        upload: UploadedFile = self.cleaned_data["avatar"]
        if upload.size is None or upload.size > settings.AVATAR_MAX_BYTES:
            raise ValidationError(
                _("The file is too large: pictures may be up to %(size)s."),
                code="file_too_large",
                params={"size": filesizeformat(settings.AVATAR_MAX_BYTES)},
            )
        return ContentFile(render_avatar(upload), name="avatar.png")

    def save(self, user: User) -> None:
        """Store the new avatar and delete the previous file."""
        previous = user.avatar.name
        user.avatar.save("avatar.png", self.cleaned_data["avatar"], save=False)
        user.save(update_fields=["avatar"])
        if previous:
            user.avatar.storage.delete(previous)


def render_avatar(upload: UploadedFile) -> bytes:
    """Decode an uploaded picture and return it as a 256x256 PNG.

    Raises ValidationError for anything that is not a PNG, JPEG, GIF or WebP
    picture Pillow can decode, or that is larger than the maximum side.
    """
    not_an_image = ValidationError(
        _("Upload a PNG, JPEG, GIF or WebP picture; this file is not one."),
        code="invalid_image",
    )
    try:
        with Image.open(upload) as image:
            if image.format not in AVATAR_FORMATS:
                raise not_an_image
            # The header gives the size: refuse huge pictures before decoding them.
            width, height = image.size
            if width > AVATAR_MAX_SIDE or height > AVATAR_MAX_SIDE:
                raise ValidationError(
                    _(
                        "The picture is %(width)s by %(height)s pixels; the largest "
                        "allowed is %(side)s by %(side)s."
                    ),
                    code="image_too_large",
                    params={"width": width, "height": height, "side": AVATAR_MAX_SIDE},
                )
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = ImageOps.exif_transpose(image).convert("RGBA")
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    fitted = ImageOps.fit(picture, AVATAR_SIZE, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    fitted.save(output, format="PNG", optimize=True)
    return output.getvalue()


class AdminUserAddForm(AdminUserCreationForm):
    """The admin's add form: username, e-mail and password."""

    email = forms.EmailField(label=_("Email address"), max_length=254)

    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        return clean_unique_email(self.cleaned_data["email"])


class AdminUserChangeForm(UserChangeForm):
    """The admin's change form, with a readable message for a taken e-mail."""

    class Meta(UserChangeForm.Meta):
        model = User

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "email" in self.fields:
            self.fields["email"].required = True

    def clean_email(self) -> str:
        return clean_unique_email(self.cleaned_data["email"], user=self.instance)
