"""Dashboard pages for files at /user/files (D44).

Each page shows only the signed-in user's files: another user's id is a 404,
as in the API (D25).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import DomainError, PayloadTooLarge
from files import services
from files.forms import FileEditForm, UploadForm
from files.models import SharedFile

FILES_PER_PAGE = 25
# Room for the multipart boundaries and the other fields around the file.
MULTIPART_SLACK = 64 * 1024


def owned_file(request: HttpRequest, pk: int) -> SharedFile:
    return get_object_or_404(
        SharedFile.objects.select_related("link", "link__domain"),
        pk=pk,
        owner=request.user,
    )


def list_page(
    request: HttpRequest, form: UploadForm, *, status: int = 200
) -> HttpResponse:
    """The user's files, oldest first as in the API (D31), with the upload form."""
    files = SharedFile.objects.filter(owner=request.user).select_related(
        "link", "link__domain"
    )
    query = request.GET.get("q", "").strip()
    if query:
        files = files.search(query)
    page = Paginator(files.order_by("id"), FILES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "query": query,
        "has_files": bool(query) or page.paginator.count > 0,
        "max_bytes": settings.FILES_MAX_BYTES,
    }
    return render(request, "files/file_list.html", context, status=status)


@login_required
def file_list(request: HttpRequest) -> HttpResponse:
    """List the user's files with a search, and offer an upload."""
    return list_page(request, UploadForm(owner=request.user))


def wants_json(request: HttpRequest) -> bool:
    """files.js uploads in the background and asks for JSON."""
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
@csrf_exempt  # checked by `receive_upload`, once the upload handlers are set
def file_upload(request: HttpRequest) -> HttpResponse:
    """Upload a file; a body over the cap is refused before it is read."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > settings.FILES_MAX_BYTES + MULTIPART_SLACK:
        form = UploadForm({}, owner=request.user)  # the body is left unread
        form.full_clean()
        return refused(request, form, PayloadTooLarge(services.TOO_LARGE))
    # To disk as it arrives, whatever its size: never a whole file in memory.
    request.upload_handlers = [TemporaryFileUploadHandler(request)]
    return receive_upload(request)


@csrf_protect
def receive_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES, owner=request.user)
    if not form.is_valid():
        return refused(request, form, None)
    try:
        shared = form.save()
    except DomainError as error:
        return refused(request, form, error)
    messages.success(
        request,
        _("Your file is shared: %(url)s") % {"url": shared.link.short_url},
    )
    if wants_json(request):
        return JsonResponse({"redirect": reverse("files:list")})
    return redirect("files:list")


def refused(
    request: HttpRequest, form: UploadForm, error: DomainError | None
) -> HttpResponse:
    """The form again with its errors (or, for files.js, the errors as JSON)."""
    if error is not None:
        form.add_contract_error(error)
    status = error.status if error is not None else 400
    if wants_json(request):
        errors = [
            str(message) for messages_ in form.errors.values() for message in messages_
        ]
        return JsonResponse({"errors": errors}, status=status)
    return list_page(request, form, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def file_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a file's name, password, expiry and download limit."""
    shared = owned_file(request, pk)
    form = FileEditForm(request.POST or None, shared=shared)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request, _("The file %(name)s has been updated.") % {"name": shared}
            )
            return redirect("files:list")
    return render(request, "files/file_edit.html", {"form": form, "file": shared})


@login_required
@require_http_methods(["GET", "POST"])
def file_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the file, its link and its bytes."""
    shared = owned_file(request, pk)
    if request.method == "POST":
        name = shared.name
        services.delete_file(shared=shared)
        messages.success(
            request, _("The file %(name)s has been deleted.") % {"name": name}
        )
        return redirect("files:list")
    return render(request, "files/file_delete.html", {"file": shared})
