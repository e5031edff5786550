"""Dashboard pages for pixels, at the product's paths (D44).

Each page shows only the signed-in user's pixels: another user's id is a 404,
as in the API (D25).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import DomainError
from pixels import services
from pixels.forms import PixelForm
from pixels.models import Pixel


@login_required
@require_http_methods(["GET", "POST"])
def pixel_list(request: HttpRequest) -> HttpResponse:
    """List the user's pixels and add one."""
    form = PixelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pixel = form.save(owner=request.user)
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request, _("The pixel %(name)s has been added.") % {"name": pixel.name}
            )
            return redirect("pixels:list")
    pixels = (
        Pixel.objects.filter(owner=request.user)
        .annotate(link_count=Count("links"))
        .oldest_first()
    )
    context = {"form": form, "pixels": pixels}
    return render(request, "pixels/pixel_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pixel_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a pixel's name and tag."""
    pixel = get_object_or_404(Pixel, pk=pk, owner=request.user)
    form = PixelForm(request.POST or None, pixel=pixel)
    if request.method == "POST" and form.is_valid():
        try:
            form.save(owner=request.user)
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The pixel %(name)s has been updated.") % {"name": pixel.name},
            )
            return redirect("pixels:list")
    return render(request, "pixels/pixel_edit.html", {"form": form, "pixel": pixel})


@login_required
@require_http_methods(["GET", "POST"])
def pixel_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the pixel; its links lose it (D17)."""
    pixel = get_object_or_404(Pixel, pk=pk, owner=request.user)
    if request.method == "POST":
        name = pixel.name
        services.delete_pixel(pixel=pixel)
        messages.success(
            request, _("The pixel %(name)s has been deleted.") % {"name": name}
        )
        return redirect("pixels:list")
    context = {"pixel": pixel, "link_count": pixel.links.count()}
    return render(request, "pixels/pixel_delete.html", context)
