"""The bio pages of the dashboard at /user/bio (D44).

Only the signed-in user's pages are shown: another user's id is a 404 (D25).
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from analytics.stats import link_stats
from bio import services, theme
from bio.content import NETWORKS
from bio.forms import BioPageForm, BlockFormSet, allowed_block_kinds
from bio.models import BioPage, BlockKind
from core.errors import DomainError
from core.wording import DASHBOARD_WORDING, dashboard_text


def owned_page(request: HttpRequest, pk: int) -> BioPage:
    return get_object_or_404(
        BioPage.objects.select_related("link__domain", "root_of"),
        pk=pk,
        owner=request.user,
    )


@login_required
def page_list(request: HttpRequest) -> HttpResponse:
    """The user's bio pages, oldest first, with their visits and channels."""
    from channels.lists import ChannelFiling  # bio knows channels, not back

    pages = BioPage.objects.filter(owner=request.user).select_related("link__domain")
    filing = ChannelFiling(request, pages)
    context = {
        "pages": filing.label(filing.objects.order_by("id")),
        "filing": filing,
        "channel": filing.current,
    }
    return render(request, "bio/page_list.html", context)


def stored_pictures(page: BioPage) -> set[str]:
    if not page.pk:
        return set()
    names = {b.image.name for b in page.blocks.all() if b.image}
    return names | ({page.avatar.name} if page.avatar else set())


def edit_page(request: HttpRequest, page: BioPage) -> HttpResponse:
    """The builder of a new or existing page, with its live preview."""
    posted = request.method == "POST"
    data, files = (request.POST, request.FILES) if posted else (None, None)
    before = stored_pictures(page)  # validation puts new uploads on the instances
    form = BioPageForm(data, files, instance=page, owner=request.user)
    blocks = BlockFormSet(
        data,
        files,
        instance=page,
        prefix="blocks",
        form_kwargs={"allowed_kinds": allowed_block_kinds(request.user)},
    )
    if posted and form.is_valid() and blocks.is_valid():
        try:
            with transaction.atomic():
                page = services.save_bio_page(
                    page=form.save(commit=False),
                    alias=form.cleaned_data["alias"],
                    domain=form.cleaned_data["domain"],
                )
                save_blocks(blocks, page)
        except DomainError as error:
            # The plan's refusals concern the page; the others, its address.
            field = None if error.message in DASHBOARD_WORDING else "alias"
            form.add_error(field, dashboard_text(error.message))
        else:
            for name in before - stored_pictures(page):  # replaced or removed
                transaction.on_commit(partial(page.avatar.storage.delete, name))
            messages.success(request, _("The bio page has been saved."))
            return redirect("bio:edit", page.pk)
    status = 400 if posted else 200
    context = {
        "form": form,
        "blocks": blocks,
        "page": page,
        "networks": NETWORKS,  # for the preview of social blocks
        **theme.context_for(page),
    }
    return render(request, "bio/page_form.html", context, status=status)


def save_blocks(blocks: BlockFormSet, page: BioPage) -> None:
    """Save the kept blocks in the order given (ORDER), delete the others."""
    blocks.instance = page
    for form in blocks.deleted_forms:
        if form.instance.pk:
            form.instance.delete()
    for position, form in enumerate(blocks.ordered_forms):
        block = form.save(commit=False)
        block.page = page
        block.position = position
        block.save()


@login_required
@require_http_methods(["GET", "POST"])
def page_create(request: HttpRequest) -> HttpResponse:
    return edit_page(request, BioPage(owner=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return edit_page(request, owned_page(request, pk))


@login_required
@require_POST
def page_make_default(request: HttpRequest, pk: int) -> HttpResponse:
    page = owned_page(request, pk)
    try:
        services.make_default(page=page)
    except DomainError as error:  # the plan no longer includes bio pages
        messages.error(request, dashboard_text(error.message))
        return redirect("bio:list")
    messages.success(
        request,
        _("%(name)s is now shown at /u/%(username)s.")
        % {"name": page.name, "username": request.user.get_username()},
    )
    return redirect("bio:list")


@login_required
def page_stats(request: HttpRequest, pk: int) -> HttpResponse:
    """The page's visits (its link's statistics) and the clicks of its link blocks."""
    page = owned_page(request, pk)
    stats = link_stats(page.link)
    context = {
        "page": page,
        "stats": stats,
        "tops": [
            (_("Countries"), stats["topCountries"]),
            (_("Referrers"), stats["topReferrers"]),
            (_("Browsers"), stats["topBrowsers"]),
            (_("Operating systems"), stats["topOs"]),
        ],
        "link_blocks": page.blocks.filter(kind=BlockKind.LINK),
    }
    return render(request, "bio/page_stats.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def page_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then delete the page with its link and statistics."""
    page = owned_page(request, pk)
    if request.method == "POST":
        services.delete_bio_page(page=page)
        messages.success(request, _("The bio page has been deleted."))
        return redirect("bio:list")
    return render(request, "bio/page_delete.html", {"page": page})
