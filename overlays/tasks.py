from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from overlays.models import ContactMessage


@shared_task
def send_contact_message(message_id: int) -> None:
    """E-mail a contact overlay's message to the overlay's owner."""
    contact = (
        ContactMessage.objects.select_related("overlay__owner")
        .filter(pk=message_id)
        .first()
    )
    if contact is None:
        return
    overlay = contact.overlay
    recipient = overlay.notification_email()
    if not recipient:
        return
    with translation.override(overlay.owner.language or settings.LANGUAGE_CODE):
        context = {
            "contact": contact,
            "overlay": overlay,
            "site_name": settings.SITE_NAME,
        }
        subject = render_to_string("overlays/email/contact_subject.txt", context)
        body = render_to_string("overlays/email/contact.txt", context)
    EmailMessage(
        " ".join(subject.split()), body, None, [recipient], reply_to=[contact.email]
    ).send()
