"""The API's endpoint list, as the contract writes its paths (api-spec index)."""

from django.urls import path, re_path

from accounts.api import AccountUpdateView, AccountView
from api.views import WrongEndpoint

app_name = "api"

urlpatterns = [
    path("account", AccountView.as_view(), name="account"),
    path("account/update", AccountUpdateView.as_view(), name="account-update"),
    # Last: any other path under /api answers in the envelope, never in HTML.
    re_path(r"^.*$", WrongEndpoint.as_view(), name="wrong-endpoint"),
]
