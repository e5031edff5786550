"""The read-mostly admin of shared files."""

from tests.files.conftest import make_file


def test_the_admin_lists_and_shows_files(admin_client, owner):
    shared = make_file(owner, name="Brand kit")
    listing = admin_client.get("/admin/files/sharedfile/", {"q": "brand"})
    assert listing.status_code == 200
    assert "Brand kit" in listing.content.decode()
    assert (
        admin_client.get(f"/admin/files/sharedfile/{shared.pk}/change/").status_code
        == 200
    )
