from typing import Any

from rest_framework.renderers import JSONRenderer

from api.envelope import Envelope, ok


class ContractRenderer(JSONRenderer):
    """Render every body as the contract's JSON; bare data goes under `data`."""

    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict | None = None,
    ) -> bytes:
        if not isinstance(data, Envelope):
            data = ok(data=data)
        return super().render(data, accepted_media_type, renderer_context)
