"""The account pages of the web dashboard (decision D44)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from accounts import services
from accounts.forms import AvatarForm, PasswordForm, ProfileForm, SignupForm
from accounts.models import User
from analytics.report import account_overview
from api.ratelimit import rate_for

MEMBERSHIP_LABELS = {"free": _("Free"), "pro": _("Pro")}


def home(request: HttpRequest) -> HttpResponse:
    """Show the landing page."""
    return render(request, "accounts/home.html")


class LoginView(auth_views.LoginView):
    """Log in with username and password; signed-in users go to the dashboard."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_safe
@never_cache
def sso_login(request: HttpRequest, token: str) -> HttpResponse:
    """Log in with a one-time link from GET /api/user/login/:id (D24, D44).

    The link logs its user in whoever is signed in: an administrator testing a
    user's link becomes that user (login() starts a fresh session).
    """
    user = services.consume_login_token(token)
    if user is None:
        messages.error(request, _("Token has expired, please login manually"))
        return redirect("accounts:login")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("accounts:dashboard")


class LogoutView(auth_views.LogoutView):
    """Log out (POST only) and say so on the login page."""

    def post(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have been logged out."))
        return response


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Create an account, log it in and open the dashboard."""
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user)
        messages.success(request, _("Welcome! Your account has been created."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/register.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link by e-mail."""

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        # Links are built on SITE_URL, never on the request's Host header, which an
        # attacker could set to their own domain (host-header poisoning).
        site = urlsplit(settings.SITE_URL)
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
            extra_email_context={"site_name": settings.SITE_NAME},
        )
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """Say that the reset link was sent."""

    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the e-mailed link."""

    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    """Say that the password was reset."""

    template_name = "registration/password_reset_complete.html"


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show the dashboard home: a welcome, the account and its clicks."""
    user: User = request.user
    context = {
        "membership": MEMBERSHIP_LABELS.get(user.membership, user.membership),
        "overview": account_overview(user),
    }
    return render(request, "accounts/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    """Show and handle the profile, password and avatar forms."""
    user: User = request.user
    profile_form = ProfileForm(instance=user)
    password_form = PasswordForm(user)
    avatar_form = AvatarForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "profile":
            profile_form = ProfileForm(request.POST, instance=user)
            if profile_form.is_valid():
                profile_form.save()
                # Say it in the language just chosen, as the next page will be.
                translation.activate(
                    user.language or translation.get_language_from_request(request)
                )
                messages.success(request, _("Your settings have been saved."))
                return redirect("accounts:settings")
        elif action == "password":
            password_form = PasswordForm(user, request.POST)
            if password_form.is_valid():
                password = password_form.cleaned_data["new_password1"]
                # The service saves only the password and e-mails the notice once
                # the change is committed.
                services.update_account(user=user, password=password)
                update_session_auth_hash(request, user)
                messages.success(request, _("Your password has been changed."))
                return redirect("accounts:settings")
        elif action == "avatar":
            avatar_form = AvatarForm(request.POST, request.FILES)
            if avatar_form.is_valid():
                avatar_form.save(user)
                messages.success(request, _("Your picture has been updated."))
                return redirect("accounts:settings")
        elif action == "remove_avatar":
            if user.avatar:
                user.avatar.delete(save=False)
                user.save(update_fields=["avatar"])
                messages.success(request, _("Your picture has been removed."))
            return redirect("accounts:settings")
        else:
            raise BadRequest("Unknown settings action")
    context = {
        "profile_form": profile_form,
        "password_form": password_form,
        "avatar_form": avatar_form,
    }
    return render(request, "accounts/settings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def api_key(request: HttpRequest) -> HttpResponse:
    """Show the API key with usage notes; a POST replaces the key."""
    user: User = request.user
    if request.method == "POST":
        user.regenerate_api_key()
        messages.success(
            request, _("A new API key was created. The previous key no longer works.")
        )
        return redirect("accounts:api_key")
    context = {
        "rate": rate_for(user),
        "api_url": f"{settings.SITE_URL}/api/account",
    }
    return render(request, "accounts/api_key.html", context)
