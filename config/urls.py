from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from api import docs
from shortener import legacy

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    re_path(r"^api/?$", legacy.v1, name="api-v1"),
    path("api/", include("api.urls")),
    path("", include("accounts.urls")),
    path("", include("shortener.dashboard_urls")),
    path("", include("analytics.dashboard_urls")),
    path("", include("qrcodes.dashboard_urls")),
    path("", include("pixels.dashboard_urls")),
    path("", include("files.urls")),
    path("", include("overlays.urls")),
    path("", include("splash.urls")),
    path("", include("qrcodes.urls")),
    path("", include("payments.urls")),
    path("", include("bio.urls")),
    path("", include("campaigns.urls")),
    path("", include("campaigns.dashboard_urls")),
    path("", include("channels.dashboard_urls")),
    path("developers", docs.developers, name="developers"),
    path("developers/explorer", docs.explorer, name="developers-explorer"),
    path("", include("shortener.urls")),  # last: `/<alias>` takes what is left
]

if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    # Uploads on local disk (the embedded default) are served by the app itself;
    # in production they live in object storage and are served from there.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
