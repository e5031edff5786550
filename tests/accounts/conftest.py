import io

from PIL import Image


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (600, 400)) -> bytes:
    """Encode a solid-colour picture in the given format."""
    output = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(output, format=fmt)
    return output.getvalue()
