"""Files: the dashboard pages (D44) and the bytes behind a file's short URL (D45).

Included before shortener.urls, whose `/<alias>` takes what is left.
"""

from django.urls import path

from files import download, views
from shortener import urls as shortener_urls  # noqa: F401  (registers `alias`)

app_name = "files"

urlpatterns = [
    path("user/files", views.file_list, name="list"),
    path("user/files/upload", views.file_upload, name="upload"),
    path("user/files/<int:pk>/edit", views.file_edit, name="edit"),
    path("user/files/<int:pk>/delete", views.file_delete, name="delete"),
    path("<alias:alias>/download", download.download, name="download"),
]
