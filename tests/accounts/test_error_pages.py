"""Error pages render under any URLconf, even one without the account pages."""

import pytest

urlpatterns: list = []

pytestmark = pytest.mark.urls("tests.accounts.test_error_pages")


@pytest.mark.django_db
def test_the_404_page_renders_without_the_account_urls(client):
    response = client.get("/anything")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert '<a href="/">Go to the home page</a>' in html
