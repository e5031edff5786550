from celery import shared_task


@shared_task
def render_qr_code(qr_id: int) -> None:
    """Render a QR code's PNG and SVG into storage; a deleted code is skipped.

    Safe to run twice: each run replaces the images with fresh ones.
    """
    from qrcodes.models import QRCode

    qr = QRCode.objects.select_related("link").filter(pk=qr_id).first()
    if qr is not None:
        qr.render_and_store()
