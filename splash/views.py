"""The splash pages of the dashboard at /user/splash (D44).

Only the signed-in user's pages are shown: another user's id is a 404 (D25).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import DomainError
from core.wording import dashboard_text
from splash import services
from splash.forms import SplashPageForm
from splash.models import SplashPage


def owned_page(request: HttpRequest, pk: int) -> SplashPage:
    return get_object_or_404(SplashPage, pk=pk, owner=request.user)


@login_required
def page_list(request: HttpRequest) -> HttpResponse:
    """The user's splash pages, oldest first as in the API (D31)."""
    pages = SplashPage.objects.filter(owner=request.user).order_by("id")
    return render(request, "splash/page_list.html", {"pages": pages})


def edit_page(request: HttpRequest, page: SplashPage) -> HttpResponse:
    """The editor of a new or existing page, with its live preview."""
    old_banner = page.banner.name if page.pk else ""
    form = SplashPageForm(request.POST or None, request.FILES or None, instance=page)
    if request.method == "POST" and form.is_valid():
        try:
            page = services.save_splash_page(
                page=form.save(commit=False), owner=request.user
            )
        except DomainError as error:  # the plan refuses it
            form.add_error(None, dashboard_text(error.message))
        else:
            if old_banner and old_banner != page.banner.name:
                page.banner.storage.delete(old_banner)  # replaced or cleared
            messages.success(request, _("The splash page has been saved."))
            return redirect("splash:list")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "page": page}
    return render(request, "splash/page_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def page_create(request: HttpRequest) -> HttpResponse:
    return edit_page(request, SplashPage(owner=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return edit_page(request, owned_page(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def page_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then delete; links that showed the page go back to the default."""
    page = owned_page(request, pk)
    if request.method == "POST":
        services.delete_splash_page(page=page)
        messages.success(request, _("The splash page has been deleted."))
        return redirect("splash:list")
    return render(request, "splash/page_delete.html", {"page": page})
