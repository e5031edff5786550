"""The short links themselves, at `/<alias>`; included last in config.urls."""

from django.urls import path, register_converter

from shortener.redirect import follow


class AliasConverter:
    """A path segment that can be an alias: letters, digits, `-`, `_`, 1 to 64 long."""

    regex = r"[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(AliasConverter, "alias")

app_name = "shortener"

urlpatterns = [
    path("<alias:alias>", follow, name="follow"),
]
