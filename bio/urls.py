"""Bio pages: the dashboard (D44), the profile `/u/<username>` (§16.4) and the
tracked links of a page's blocks. Included before shortener.urls.
"""

from django.urls import path

from bio import public, views
from shortener import urls as shortener_urls  # noqa: F401  (registers `alias`)

app_name = "bio"

urlpatterns = [
    path("user/bio", views.page_list, name="list"),
    path("user/bio/new", views.page_create, name="create"),
    path("user/bio/<int:pk>/edit", views.page_edit, name="edit"),
    path("user/bio/<int:pk>/stats", views.page_stats, name="stats"),
    path("user/bio/<int:pk>/default", views.page_make_default, name="default"),
    path("user/bio/<int:pk>/delete", views.page_delete, name="delete"),
    path("u/<str:username>", public.profile, name="profile"),
    path("<alias:alias>/go/<int:block_id>", public.block_go, name="go"),
]
