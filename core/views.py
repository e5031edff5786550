"""Site-wide error pages: HTML for people, the envelope under /api."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from api.envelope import GENERIC_ERROR, WRONG_ENDPOINT, fail


def _is_api(request: HttpRequest) -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def bad_request(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(
            fail("Invalid request or incorrect data format."), status=400
        )
    return render(request, "400.html", status=400)


def page_not_found(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(fail(WRONG_ENDPOINT), status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(fail(GENERIC_ERROR), status=500)
    # Rendered without a request context: the failure may lie in a context processor.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
