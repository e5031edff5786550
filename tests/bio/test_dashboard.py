"""The builder at /user/bio: create, edit, reorder, delete; only one's own pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from bio.models import BioPage, Block, BlockKind
from shortener.models import Link, LinkKind
from tests.bio.factories import BioPageFactory, BlockFactory
from tests.factories import DomainFactory, LinkFactory


def picture(fmt: str = "PNG", size=(40, 30), name: str = "p.png") -> SimpleUploadedFile:
    output = io.BytesIO()
    Image.new("RGB", size, "#336699").save(output, format=fmt)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")


def page_data(**fields) -> dict:
    data = {
        "name": "Ada",
        "description": "Hello",
        "alias": "",
        "domain": "",
        "root_domain": "",
        "background": "#f4f6fb",
        "background_end": "#c9d6ff",
        "text_colour": "#1f2430",
        "button_colour": "#3557d4",
        "button_text_colour": "#ffffff",
        "button_style": "rounded",
        "custom_css": "",
    }
    data.update(fields)
    return data


def blocks_data(blocks: list[dict], initial: int = 0) -> dict:
    data = {
        "blocks-TOTAL_FORMS": str(len(blocks)),
        "blocks-INITIAL_FORMS": str(initial),
        "blocks-MIN_NUM_FORMS": "0",
        "blocks-MAX_NUM_FORMS": "1000",
    }
    for index, block in enumerate(blocks):
        for name, value in block.items():
            data[f"blocks-{index}-{name}"] = value
    return data


def post_new(client, blocks=(), **fields):
    return client.post("/user/bio/new", {**page_data(**fields), **blocks_data(blocks)})


def test_the_list_shows_only_my_pages_with_visits_and_default(owner_client, owner):
    mine = BioPageFactory(owner=owner, name="Mine", link__alias="mine", link__clicks=12)
    BioPageFactory(owner=owner, name="Main", is_default=True)
    BioPageFactory(name="Theirs")

    response = owner_client.get("/user/bio")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mine" in html
    assert "Main" in html
    assert "Theirs" not in html
    assert f'href="/user/bio/{mine.pk}/stats">12</a>' in html
    assert "/u/owner" in html
    assert 'href="/user/bio" aria-current="page">Bio pages' in html


def test_the_dashboard_needs_a_login(client):
    response = client.get("/user/bio")

    assert response.status_code == 302
    assert response["Location"].startswith("/user/login")


def test_the_builder_renders_with_its_preview(owner_client, owner):
    page = BioPageFactory(owner=owner)
    BlockFactory(page=page, title="Shop")

    html = owner_client.get(f"/user/bio/{page.pk}/edit").content.decode()

    assert "data-preview-root" in html
    assert "bio/builder.js" in html
    assert 'name="blocks-0-title"' in html
    assert 'value="Shop"' in html
    assert 'name="blocks-1-kind"' in html  # one empty block to add one without JS
    assert 'name="blocks-0-ORDER"' in html
    assert 'name="blocks-0-DELETE"' in html
    assert owner_client.get("/user/bio/new").status_code == 200


def test_creating_a_page_with_blocks(owner_client, owner):
    response = post_new(
        owner_client,
        alias="ada-page",
        is_default="on",
        blocks=[
            {
                "kind": "link",
                "title": "Shop",
                "url": "https://shop.example",
                "ORDER": "2",
            },
            {"kind": "heading", "title": "Welcome", "ORDER": "1"},
            {"kind": "text", "text": "<b>hi</b><script>x()</script>", "ORDER": "3"},
            {
                "kind": "social",
                "social_urls": "https://github.com/ada\nhttps://x.com/ada",
                "ORDER": "4",
            },
            {
                "kind": "youtube",
                "video": "https://youtu.be/dQw4w9WgXcQ",
                "ORDER": "5",
            },
            {
                "kind": "email",
                "email": "ada@example.org",
                "title": "Mail",
                "ORDER": "6",
            },
            {"kind": "link", "title": "", "url": ""},  # the empty one: skipped
        ],
    )

    page = BioPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/user/bio/{page.pk}/edit"
    assert (page.owner, page.name, page.is_default) == (owner, "Ada", True)
    assert (page.link.kind, page.link.alias) == (LinkKind.BIO, "ada-page")
    blocks = list(page.blocks.all())
    assert [(b.kind, b.position) for b in blocks] == [
        ("heading", 0),
        ("link", 1),
        ("text", 2),
        ("social", 3),
        ("youtube", 4),
        ("email", 5),
    ]
    assert blocks[1].url == "https://shop.example"
    assert blocks[2].text == "<b>hi</b>"
    assert blocks[3].socials == {
        "github": "https://github.com/ada",
        "x": "https://x.com/ada",
    }
    assert blocks[4].value == "dQw4w9WgXcQ"
    assert (blocks[5].value, blocks[5].title) == ("ada@example.org", "Mail")


def test_fields_a_kind_does_not_use_are_not_kept(owner_client):
    post_new(
        owner_client,
        blocks=[
            {
                "kind": "heading",
                "title": "Hi",
                "url": "https://shop.example",
                "text": "<p>x</p>",
                "email": "a@example.org",
            }
        ],
    )

    block = Block.objects.get()
    assert (block.title, block.url, block.text, block.value) == ("Hi", "", "", "")


INVALID_BLOCKS = [
    (
        {"kind": "link", "title": "x", "url": "javascript:alert(1)"},
        "url",
        "Please enter a valid URL.",
    ),
    (
        {"kind": "link", "title": "x", "url": "data:text/html,x"},
        "url",
        "Please enter a valid URL.",
    ),
    (
        {"kind": "link", "title": "", "url": "https://ok.example"},
        "title",
        "This field is required.",
    ),
    (
        {"kind": "youtube", "video": "https://vimeo.com/1"},
        "video",
        "Enter the address of a YouTube video.",
    ),
    ({"kind": "email", "email": "nope"}, "email", "Enter a valid e-mail address."),
    (
        {"kind": "social", "social_urls": "https://evil.example/me"},
        "social_urls",
        "is not the address of a supported network",
    ),
    (
        {"kind": "text", "text": "<script>alert(1)</script>"},
        "text",
        "This field is required.",
    ),
    ({"kind": "image"}, "image", "This field is required."),
]


@pytest.mark.parametrize(("block", "field", "message"), INVALID_BLOCKS)
def test_an_invalid_block_saves_nothing(owner_client, block, field, message):
    response = post_new(owner_client, blocks=[block])

    assert response.status_code == 400
    errors = response.context["blocks"].forms[0].errors
    assert message in " ".join(errors[field])
    assert not BioPage.objects.exists()
    assert not Link.objects.exists()


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("ab", "Custom alias must be at least 3 characters."),
        ("admin", "That alias is reserved. Please choose another one."),
        ("u", "Custom alias must be at least 3 characters."),
        ("fuck-you", "Inappropriate aliases are not allowed."),
        ("taken", "That alias is taken. Please choose another one."),
    ],
)
def test_alias_rules_are_the_links(owner_client, stranger, alias, message):
    LinkFactory(owner=stranger, alias="taken")

    response = post_new(owner_client, alias=alias)

    assert response.status_code == 400
    assert response.context["form"].errors["alias"] == [message]
    assert not BioPage.objects.exists()


def test_the_domain_must_be_ones_own(owner_client, owner, stranger):
    theirs = DomainFactory(owner=stranger)
    mine = DomainFactory(owner=owner)

    response = post_new(owner_client, alias="here", domain=theirs.url)
    assert response.status_code == 400
    assert "domain" in response.context["form"].errors

    post_new(owner_client, alias="here", domain=mine.url, root_domain=mine.url)
    page = BioPage.objects.get()
    assert (page.link.domain, page.root_of) == (mine, mine)
    mine.refresh_from_db()
    assert mine.shows_bio_page is True


def test_invalid_colours_are_refused(owner_client):
    response = post_new(owner_client, background="#12345z")

    assert response.status_code == 400
    assert response.context["form"].errors["background"] == [
        "Choose a colour such as #3557d4."
    ]
    assert not BioPage.objects.exists()


def test_the_gradient_is_kept_only_when_chosen(owner_client):
    post_new(owner_client, alias="flat", background_end="#000000")
    post_new(owner_client, alias="grad", background_end="#000000", use_gradient="on")

    ends = dict(BioPage.objects.values_list("link__alias", "background_end"))
    assert ends == {"flat": "", "grad": "#000000"}


def test_custom_css_is_cleaned_when_saved(owner_client):
    post_new(
        owner_client,
        custom_css="@import 'x.css';.bio-name{color:red}</style><script>x</script>",
    )

    css = BioPage.objects.get().custom_css
    assert css == ".bio-name{color:red}/style>script>x/script>"


def test_the_avatar_and_images_are_re_encoded(owner_client):
    response = owner_client.post(
        "/user/bio/new",
        {
            **page_data(avatar=picture("JPEG", (600, 400), "me.jpg")),
            **blocks_data(
                [
                    {
                        "kind": "image",
                        "title": "A view",
                        "image": picture(size=(3000, 100)),
                    }
                ]
            ),
        },
    )

    assert response.status_code == 302
    page = BioPage.objects.get()
    with Image.open(page.avatar.open()) as avatar:
        assert (avatar.format, avatar.size) == ("PNG", (256, 256))
    block = page.blocks.get()
    with Image.open(block.image.open()) as image:
        assert (image.format, image.size) == ("PNG", (1200, 40))
    assert block.title == "A view"


def test_a_file_that_is_not_a_picture_is_refused(owner_client):
    fake = SimpleUploadedFile("x.png", b"<script>alert(1)</script>")

    response = owner_client.post(
        "/user/bio/new",
        {
            **page_data(avatar=fake),
            **blocks_data([]),
        },
    )

    assert response.status_code == 400
    assert "avatar" in response.context["form"].errors
    assert not BioPage.objects.exists()


def test_a_too_large_image_block_is_refused(owner_client, monkeypatch):
    monkeypatch.setattr("bio.images.IMAGE_MAX_BYTES", 10)

    response = post_new(owner_client, blocks=[{"kind": "image", "image": picture()}])

    assert response.status_code == 400
    assert "too large" in response.context["blocks"].forms[0].errors["image"][0]


def existing(page) -> list[dict]:
    return [
        {
            "id": str(block.pk),
            "page": str(page.pk),
            "kind": block.kind,
            "title": block.title,
            "url": block.url,
            "ORDER": str(index + 1),
        }
        for index, block in enumerate(page.blocks.all())
    ]


def test_editing_reorders_changes_and_deletes_blocks(owner_client, owner):
    page = BioPageFactory(owner=owner, link__alias="ada")
    first = BlockFactory(page=page, title="First", position=0)
    second = BlockFactory(page=page, title="Second", position=1)
    third = BlockFactory(page=page, title="Third", position=2)
    blocks = existing(page)
    blocks[0]["ORDER"], blocks[2]["ORDER"] = "3", "1"  # swap first and third
    blocks[1]["DELETE"] = "on"
    blocks[2]["title"] = "Third, renamed"
    blocks.append({"kind": "heading", "title": "New", "ORDER": "2"})

    response = owner_client.post(
        f"/user/bio/{page.pk}/edit",
        {**page_data(name="Ada L.", alias="ada"), **blocks_data(blocks, initial=3)},
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.name == "Ada L."
    assert page.link.alias == "ada"
    titles = [(b.pk, b.title) for b in page.blocks.all()]
    assert titles[0] == (third.pk, "Third, renamed")
    assert titles[1][1] == "New"
    assert titles[2] == (first.pk, "First")
    assert not Block.objects.filter(pk=second.pk).exists()


def test_editing_changes_the_alias(owner_client, owner):
    page = BioPageFactory(owner=owner, link__alias="ada")

    owner_client.post(
        f"/user/bio/{page.pk}/edit",
        {**page_data(alias="lovelace"), **blocks_data([])},
    )

    page.link.refresh_from_db()
    assert page.link.alias == "lovelace"


def test_making_a_page_the_default(owner_client, owner):
    old = BioPageFactory(owner=owner, is_default=True)
    page = BioPageFactory(owner=owner)

    response = owner_client.post(f"/user/bio/{page.pk}/default")

    assert response.status_code == 302
    page.refresh_from_db()
    old.refresh_from_db()
    assert (page.is_default, old.is_default) == (True, False)
    assert owner_client.get(f"/user/bio/{page.pk}/default").status_code == 405


def test_deleting_a_page(owner_client, owner):
    page = BioPageFactory(owner=owner)
    BlockFactory(page=page)

    assert owner_client.get(f"/user/bio/{page.pk}/delete").status_code == 200
    response = owner_client.post(f"/user/bio/{page.pk}/delete")

    assert response.status_code == 302
    assert not BioPage.objects.exists()
    assert not Link.objects.exists()
    assert not Block.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/user/bio/{pk}/edit"),
        ("post", "/user/bio/{pk}/edit"),
        ("post", "/user/bio/{pk}/default"),
        ("get", "/user/bio/{pk}/delete"),
        ("post", "/user/bio/{pk}/delete"),
    ],
)
def test_another_users_page_is_404(stranger_client, owner, method, path):
    page = BioPageFactory(owner=owner, name="Owner's", is_default=False)
    BlockFactory(page=page)

    response = getattr(stranger_client, method)(path.format(pk=page.pk))

    assert response.status_code == 404
    page.refresh_from_db()
    assert (page.name, page.is_default, page.blocks.count()) == ("Owner's", False, 1)


def test_another_users_block_cannot_be_taken_over(owner_client, owner, stranger):
    mine = BioPageFactory(owner=owner)
    theirs = BlockFactory(page=BioPageFactory(owner=stranger), title="Theirs")

    owner_client.post(
        f"/user/bio/{mine.pk}/edit",
        {
            **page_data(),
            **blocks_data(
                [{"id": str(theirs.pk), "page": str(mine.pk), "kind": "heading",
                  "title": "Mine now", "ORDER": "1"}],
                initial=1,
            ),
        },
    )  # fmt: skip

    theirs.refresh_from_db()
    assert (theirs.page.owner, theirs.title) == (stranger, "Theirs")


def test_the_image_kind_keeps_the_stored_image_on_edit(owner_client, owner):
    post_new(owner_client, blocks=[{"kind": "image", "image": picture()}])
    page = BioPage.objects.get()
    stored = page.blocks.get().image.name

    blocks = existing(page)
    blocks[0]["title"] = "Described"
    response = owner_client.post(
        f"/user/bio/{page.pk}/edit", {**page_data(), **blocks_data(blocks, initial=1)}
    )

    assert response.status_code == 302
    block = page.blocks.get()
    assert (block.image.name, block.title) == (stored, "Described")
    assert block.kind == BlockKind.IMAGE


def test_the_statistics_show_visits_and_block_clicks(owner_client, owner, client):
    from tests.analytics.visits import CHROME_WINDOWS

    page = BioPageFactory(owner=owner, link__alias="ada")
    shop = BlockFactory(page=page, title="Shop", url="https://shop.example/")
    BlockFactory(page=page, kind=BlockKind.HEADING, title="Not a link")
    visitor = type(client)()
    visitor.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)
    visitor.get(f"/ada/go/{shop.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    response = owner_client.get(f"/user/bio/{page.pk}/stats")

    assert response.status_code == 200
    assert response.context["stats"]["clicks"] == 1
    assert response.context["stats"]["uniqueClicks"] == 1
    assert list(response.context["link_blocks"]) == [shop]
    html = response.content.decode()
    assert '<td class="numeric">1</td>' in html
    assert "Not a link" not in html


def test_another_users_statistics_are_404(stranger_client, owner):
    page = BioPageFactory(owner=owner)

    assert stranger_client.get(f"/user/bio/{page.pk}/stats").status_code == 404


def test_a_replaced_avatar_is_deleted_from_storage(
    owner_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_new(owner_client, avatar=picture())
    page = BioPage.objects.get()
    old = page.avatar.name
    storage = page.avatar.storage
    assert storage.exists(old)

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            f"/user/bio/{page.pk}/edit",
            {**page_data(avatar=picture("JPEG", name="new.jpg")), **blocks_data([])},
        )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.avatar.name != old
    assert storage.exists(page.avatar.name)
    assert not storage.exists(old)


def test_a_deleted_image_block_leaves_no_file(
    owner_client, django_capture_on_commit_callbacks
):
    post_new(owner_client, blocks=[{"kind": "image", "image": picture()}])
    page = BioPage.objects.get()
    block = page.blocks.get()
    name, storage = block.image.name, block.image.storage

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(f"/user/bio/{page.pk}/delete")

    assert response.status_code == 302
    assert not storage.exists(name)
