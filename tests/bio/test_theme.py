"""The theme as other pages reuse it: a context, a partial, a policy."""

import base64
import hashlib

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from bio import theme
from bio.models import BlockKind
from tests.analytics.visits import CHROME_WINDOWS
from tests.bio.factories import BioPageFactory, BlockFactory


def test_the_partial_renders_the_style_its_policy_allows(owner):
    page = BioPageFactory(owner=owner, button_style="square", custom_css="a{color:red}")

    context = theme.context_for(page)
    html = render_to_string("bio/_theme.html", context).strip()
    policy = theme.content_security_policy(context["bio_style"])

    assert context["bio_classes"] == "bio-root bio-buttons-square"
    assert html == f"<style>{context['bio_style']}</style>"
    digest = hashlib.sha256(context["bio_style"].encode()).digest()
    assert f"'sha256-{base64.b64encode(digest).decode()}'" in policy
    assert "frame-src 'none'" in policy


@pytest.mark.click_buffer  # buffered clicks are left in Redis
def test_a_visit_costs_a_fixed_number_of_queries(
    client, owner, django_assert_num_queries
):
    page = BioPageFactory(owner=owner, link__alias="ada")
    for kind in (BlockKind.LINK, BlockKind.HEADING, BlockKind.LINK):
        BlockFactory(page=page, kind=kind)

    # The link, the page, its blocks; with a click buffer that is all. Without
    # one, the click row, its rollup rows and the counters in their transaction
    # (a savepoint pair inside the test's own), whatever the blocks.
    with django_assert_num_queries(3 if settings.CLICKS_BUFFER_URL else 8):
        response = client.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 200
