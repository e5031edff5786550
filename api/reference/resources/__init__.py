"""One module per resource family; parameters several families share."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Param

ID = Param("id", "path", "integer", _("The id of the object."), required=True)
LIMIT = Param(
    "limit", "query", "integer", _("Items per page (default 15, at most 1000).")
)
PAGE = Param("page", "query", "integer", _("Page number, from 1 (default 1)."))
