from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import User


@shared_task
def send_password_changed_notice(user_id: int) -> None:
    """Tell a user by e-mail that their password was changed."""
    user = User.objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string(
            "accounts/email/password_changed_subject.txt", context
        )
        body = render_to_string("accounts/email/password_changed.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
