"""Account pages, at the product's own paths (decision D44)."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("user", views.dashboard, name="dashboard"),
    path("user/login", views.LoginView.as_view(), name="login"),
    path("user/login/sso/<str:token>", views.sso_login, name="sso_login"),
    path("user/register", views.register, name="register"),
    path("user/logout", views.LogoutView.as_view(), name="logout"),
    path("user/forgot", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "user/forgot/sent",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "user/forgot/done",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "user/forgot/<uidb64>/<token>",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("user/settings", views.account_settings, name="settings"),
    path("user/settings/api", views.api_key, name="api_key"),
]
