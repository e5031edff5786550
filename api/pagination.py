"""The list envelope and its page arithmetic (api-spec §1.6, D5)."""

import math
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from api.envelope import ok

DEFAULT_LIMIT = 15
MAX_LIMIT = 1000


def positive_int(value: str | None, default: int) -> int:
    """`value` as an integer ≥ 1, or `default` when it is absent or not one."""
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if number >= 1 else default


class ContractPagination(BasePagination):
    """`limit` (default 15, at most 1000) and 1-based `page`; past the end: empty.

    The page fields go under `data`, or beside `error` when the view sets
    `wrap_in_data = False`.
    """

    def paginate_queryset(
        self, queryset: QuerySet | Sequence, request: Request, view: Any = None
    ) -> list:
        self.view = view
        self.limit = min(
            positive_int(request.query_params.get("limit"), DEFAULT_LIMIT), MAX_LIMIT
        )
        self.page = positive_int(request.query_params.get("page"), 1)
        self.count = (
            queryset.count() if isinstance(queryset, QuerySet) else len(queryset)
        )
        start = (self.page - 1) * self.limit
        if start >= self.count:
            return []
        return list(queryset[start : start + self.limit])

    def get_paginated_response(self, data: list) -> Response:
        maxpage = math.ceil(self.count / self.limit)
        body = {
            "result": self.count,
            "perpage": self.limit,
            "currentpage": self.page,
            "nextpage": self.page + 1 if self.page < maxpage else None,
            "maxpage": maxpage,
            getattr(self.view, "list_key", "items"): data,
        }
        if not getattr(self.view, "wrap_in_data", True):
            return Response(ok(**body))  # e.g. the Files list (§11.1)
        return Response(ok(data=body))
