"""Public campaign pages: the rotator and the list page (§16.4).

Included after bio.urls (whose `/u/<username>` is one segment, so it never takes
these two-segment paths) and before shortener.urls, which takes what is left.
"""

from django.urls import path, re_path

from campaigns.public import list_page
from campaigns.rotator import rotate

app_name = "campaigns_public"

urlpatterns = [
    path("r/<slug:slug>", rotate, name="rotator"),
    # D16: `<slug>-<id>`, or `list-<id>` without a slug; the slug may hold `-`.
    re_path(
        r"^u/(?P<username>[^/]+)/(?P<slug>[^/]*)-(?P<pk>[0-9]{1,18})$",
        list_page,
        name="list",
    ),
]
