import json
from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from api.envelope import INVALID_BODY
from core.errors import PayloadTooLarge


class ContractJSONParser(BaseParser):
    """Parse a JSON object body, whatever Content-Type the client sent (D26).

    Clients of the original API send JSON with and without the header; anything
    that is not a JSON object is refused, as is a body over the size cap.
    """

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> dict[str, Any]:
        limit = settings.API_MAX_BODY_BYTES
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise PayloadTooLarge("The request body is too large.")
        if not raw.strip():
            return {}
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError):
            raise ParseError(INVALID_BODY) from None
        if not isinstance(data, dict):
            raise ParseError(INVALID_BODY)
        return data


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")
