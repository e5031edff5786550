"""Each provider's tag rule (§16.7), the order of §8.2, and hostile tags."""

import pytest

from core.errors import InvalidInput
from pixels.models import PixelType
from pixels.rules import RULES, clean_tag

VALID = {
    "gtmpixel": "GTM-ABCDE",
    "gapixel": "G-12345ABC",
    "fbpixel": "123456789012345",
    "adwordspixel": "AW-123456789",
    "linkedinpixel": "1234567",
    "twitterpixel": "o1abc",
    "adrollpixel": "ADVID123:PIXID456",
    "quorapixel": "0123456789abcdef0123456789abcdef",
    "pinterest": "2612345678901",
    "bing": "12345678",
    "snapchat": "abcd-ef12-3456",
    "reddit": "t2_abc123",
    "tiktok": "C4ABCDEFGH",
}
INVALID = {
    "gtmpixel": ("ABCDEFG", "GTM container ID is not correct. Please double check."),
    "gapixel": ("G-12", "Google Analytics ID is not correct. Please double check."),
    "fbpixel": ("12ab5", "Facebook pixel ID is not correct. Please double check."),
    "adwordspixel": (
        "A" * 41,
        "Google Ads pixel ID is not correct. Please double check.",
    ),
    "linkedinpixel": (
        "12345678901",
        "LinkedIn ID is not correct. Please double check.",
    ),
    "twitterpixel": ("x" * 16, "Twitter ID is not correct. Please double check."),
    "adrollpixel": ("a" * 51, "AdRoll ID is not correct. Please double check."),
    "quorapixel": ("abcdef", "Quora ID is not correct. Please double check."),
    "pinterest": ("1234", "Pinterest ID is not correct. Please double check."),
    "bing": ("1234", "Bing ID is not correct. Please double check."),
    "snapchat": ("abcd", "Snapchat ID is not correct. Please double check."),
    "reddit": ("t2_a", "Reddit ID is not correct. Please double check."),
    "tiktok": ("C4AB", "TikTok ID is not correct. Please double check."),
}
HOSTILE = [
    "<script>alert(1)</script>",
    'GTM-"onload="x',
    "GTM-'x'",
    "javascript:GTM1",
    "GTM-</script>",
    "GTM-A B",
    "GTM-&amp;",
]


def test_every_type_has_a_rule_and_examples():
    assert set(RULES) == set(PixelType.values) == set(VALID) == set(INVALID)


@pytest.mark.parametrize("kind", sorted(VALID))
def test_a_valid_tag_is_accepted(kind):
    assert clean_tag(kind, f"  {VALID[kind]} ") == VALID[kind]


@pytest.mark.parametrize("kind", sorted(INVALID))
def test_an_invalid_tag_gets_the_providers_message(kind):
    tag, message = INVALID[kind]
    with pytest.raises(InvalidInput) as error:
        clean_tag(kind, tag)
    assert error.value.message == message


@pytest.mark.parametrize("kind", sorted(VALID))
def test_a_tag_shorter_than_three_is_refused_first(kind):
    with pytest.raises(InvalidInput) as error:
        clean_tag(kind, "ab")
    assert error.value.message == "Please enter valid id."


@pytest.mark.parametrize("tag", HOSTILE)
@pytest.mark.parametrize("kind", ["gtmpixel", "gapixel", "adwordspixel"])
def test_hostile_tags_are_refused(kind, tag):
    with pytest.raises(InvalidInput) as error:
        clean_tag(kind, tag)
    assert error.value.message == RULES[kind].message
