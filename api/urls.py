"""The API's endpoint list, as the contract writes its paths (api-spec index)."""

from django.urls import path, re_path

from accounts.admin_api import UserViewSet
from accounts.api import AccountUpdateView, AccountView
from api.docs import schema
from api.routing import resource
from api.views import WrongEndpoint
from billing.api import PlanListView, SubscribeView
from files.api import FileUploadView, FileViewSet
from overlays.api import OverlayViewSet
from pixels.api import PixelViewSet
from qrcodes.api import QRViewSet
from shortener.api import DomainViewSet, LinkViewSet
from splash.api import SplashViewSet

app_name = "api"

urlpatterns = [
    path("account", AccountView.as_view(), name="account"),
    path("account/update", AccountUpdateView.as_view(), name="account-update"),
    *resource("url", "urls", LinkViewSet),
    *resource(
        "domain", "domains", DomainViewSet, only={"list", "add", "update", "delete"}
    ),
    *resource("qr", "qr", QRViewSet),
    *resource(
        "pixel", "pixels", PixelViewSet, only={"list", "add", "update", "delete"}
    ),
    *resource("file", "files", FileViewSet, only={"list"}),
    path("files/upload/<str:filename>", FileUploadView.as_view(), name="file-upload"),
    *resource("splash", "splash", SplashViewSet, only={"list"}),
    *resource("overlay", "overlay", OverlayViewSet, only={"list"}),
    # Admin only (§12-§13).
    path("plans", PlanListView.as_view(), name="plan-list"),
    path(
        "plan/<int:planid>/user/<int:userid>",
        SubscribeView.as_view(),
        name="plan-subscribe",
    ),
    *resource("user", "users", UserViewSet, only={"list", "retrieve", "add", "delete"}),
    path(
        "user/login/<int:pk>",
        UserViewSet.as_view({"get": "login"}),
        name="user-login",
    ),
    path("schema", schema, name="schema"),  # the OpenAPI document (D43: no key)
    # Last: any other path under /api answers in the envelope, never in HTML.
    re_path(r"^.*$", WrongEndpoint.as_view(), name="wrong-endpoint"),
]
