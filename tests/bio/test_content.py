"""What blocks may hold: URLs (D27), text and CSS cleaned of hostile input."""

import pytest

from bio import content
from core.errors import InvalidInput


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
        "/relative",
        "https://",
        "http://exa mple.com",
        "",
        None,
    ],
)
def test_unsafe_link_urls_are_refused(url):
    with pytest.raises(InvalidInput) as error:
        content.clean_link_url(url)
    assert error.value.message == "Please enter a valid URL."
    assert content.is_safe_link_url(url or "") is False


def test_http_and_https_urls_are_kept_trimmed():
    assert content.clean_link_url("  https://shop.example/a?b=1 ") == (
        "https://shop.example/a?b=1"
    )
    assert content.clean_link_url("http://shop.example") == "http://shop.example"


def test_blacklisted_domains_are_refused(settings):
    settings.BLACKLISTED_DOMAINS = ["bad.example"]
    with pytest.raises(InvalidInput) as error:
        content.clean_link_url("https://www.bad.example/x")
    assert error.value.message == "This domain name or link has been blacklisted."


@pytest.mark.parametrize(
    ("hostile", "kept"),
    [
        ("<script>alert(1)</script>Hi", "Hi"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="nofollow noopener">x</a>'),
        ('<img src=x onerror="alert(1)">ok', "ok"),
        ("<b onclick=alert(1)>bold</b>", "<b>bold</b>"),
        ("<style>body{}</style><p>p</p>", "<p>p</p>"),
        ('<iframe src="https://evil.example"></iframe>t', "t"),
    ],
)
def test_text_keeps_formatting_and_drops_code(hostile, kept):
    assert content.clean_text(hostile) == kept


def test_text_keeps_https_links_with_nofollow():
    cleaned = content.clean_text('<a href="https://ok.example/">ok</a>')
    assert cleaned == '<a href="https://ok.example/" rel="nofollow noopener">ok</a>'


@pytest.mark.parametrize(
    "hostile",
    [
        "@import url(https://evil.example/x.css); body{color:red}",
        "@import 'https://evil.example/x.css'; body{color:red}",
        "@IMPORT 'x.css';body{color:red}",
        "@im@importport 'x.css';body{color:red}",
        "body{background:url(https://evil.example/track.png)}",
        "body{background:URL( 'https://evil.example/t.png' )}",
        "body{background:url(//evil.example/t.png)}",
        "body{background:u\\72l(https://evil.example/t.png)}",
        "body{background:ur/**/l(https://evil.example/t.png)}",
        "body{width:expression(alert(1))}",
        "body{width:expr/* */ession(alert(1))}",
        "body{background:url(javascript:alert(1))}",
        "a{behavior:url(x.htc)}",
        "a{-moz-binding:url(x.xml#x)}",
        "body{background-image:image-set('https://evil.example/a.png' 1x)}",
        "body{background-image:-webkit-image-set('https://evil.example/a.png' 1x)}",
        "</style><script>alert(1)</script>",
        "</STYLE ><script>alert(1)</script>",
        "body{background:url(data:image/svg+xml;base64,PHN2Zz4=)}",
        "@font-face{font-family:x;src:url(https://evil.example/f.woff)}",
    ],
)
def test_custom_css_loses_everything_that_loads_or_runs(hostile):
    cleaned = content.clean_css(hostile).lower()
    for needle in (
        "@import",
        "expression(",
        "javascript:",
        "behavior",
        "-moz-binding",
        "<",
        "image-set(",
        "url(https",
        "url(//",
        "url(javascript",
        "url(data:image/svg",
    ):
        assert needle not in cleaned
    assert "url(" not in cleaned.replace(" ", "")


def test_a_removed_url_goes_whole():
    cleaned = content.clean_css(
        "body{color:red;background:url( 'https://evil.example/t.png' )}"
    )
    assert cleaned == "body{color:red;background:}"


def test_custom_css_keeps_ordinary_rules_and_data_images():
    css = (
        ".bio-button{letter-spacing:.05em;box-shadow:0 2px 4px #0003}\n"
        "body{background:url(data:image/png;base64,iVBORw0KGgo=)}"
    )
    assert content.clean_css(css) == css


def test_custom_css_is_limited_in_length():
    assert len(content.clean_css("a{color:red}" * 2000)) <= content.CSS_MAX_LENGTH


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?t=42",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "dQw4w9WgXcQ",
    ],
)
def test_the_video_id_is_read_from_youtube_addresses(url):
    assert content.youtube_id(url) == "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=dQw4w9WgXc"',
        'https://www.youtube.com/embed/dQw4w9WgXcQ"><script>',
        "javascript:alert('dQw4w9WgXcQ')",
        "",
    ],
)
def test_anything_but_a_youtube_video_is_refused(url):
    with pytest.raises(InvalidInput) as error:
        content.youtube_id(url)
    assert error.value.message == "Enter the address of a YouTube video."


def test_socials_are_recognised_by_their_host_in_the_given_order():
    text = (
        "https://github.com/ada\n\n https://www.instagram.com/ada \nhttps://x.com/ada"
    )
    assert content.clean_socials(text) == {
        "github": "https://github.com/ada",
        "instagram": "https://www.instagram.com/ada",
        "x": "https://x.com/ada",
    }


@pytest.mark.parametrize(
    "line", ["https://evil.example/ada", "https://github.com.evil.example/", "x.com"]
)
def test_socials_of_unknown_networks_or_invalid_urls_are_refused(line):
    with pytest.raises(InvalidInput):
        content.clean_socials(line)


def test_socials_refuse_javascript_urls():
    with pytest.raises(InvalidInput) as error:
        content.clean_socials("javascript://github.com/%0aalert(1)")
    assert error.value.message == "Please enter a valid URL."


def test_emails_are_validated():
    assert content.clean_email(" ada@example.org ") == "ada@example.org"
    with pytest.raises(InvalidInput):
        content.clean_email("ada@example.org?subject=x")
    with pytest.raises(InvalidInput):
        content.clean_email("not an email")
