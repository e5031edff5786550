import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from splash.models import SplashPage


def image_upload(
    image_format: str = "PNG", size: tuple[int, int] = (40, 20), name: str = "b.png"
) -> SimpleUploadedFile:
    """An uploaded image of the given format, as a browser would send it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def splash_page(owner) -> SplashPage:
    return SplashPage.objects.create(
        owner=owner,
        name="Product 1 Promo",
        title="Our new product",
        text="<p>It is <strong>great</strong>.</p>",
        product_url="https://shop.example/product",
        button_label="Buy it",
        countdown=7,
    )
