"""The production path: uploads in S3 storage, downloads from signed URLs.

A local S3-compatible server (moto's) stands in for the object store.
"""

import socket
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from moto.server import ThreadedMotoServer

from files.models import SharedFile
from tests.files.conftest import PNG, upload

BUCKET = "shared-files"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "access_key": "test",
                "secret_key": "test",
                "region_name": "us-east-1",
                "addressing_style": "path",
                "signature_version": "s3v4",
                "file_overwrite": False,
                "querystring_auth": True,
            },
        },
    }
    yield client
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for entry in objects:
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_an_upload_lands_in_the_bucket(owner_api, bucket):
    body = PNG * 200  # a few hundred KB
    assert upload(owner_api, "photo.png", body).status_code == 200
    shared = SharedFile.objects.get()
    stored = bucket.get_object(Bucket=BUCKET, Key=shared.stored.name)
    assert stored["Body"].read() == body


def test_a_download_is_a_redirect_to_a_short_lived_signed_url(
    owner_api, client, bucket
):
    body = PNG * 200
    upload(owner_api, "photo.png", body)
    shared = SharedFile.objects.select_related("link").get()
    response = client.get(f"/{shared.link.alias}/download")
    assert response.status_code == 302
    location = response["Location"]
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert query["response-content-disposition"] == ['attachment; filename="photo.png"']
    assert query["response-content-type"] == ["image/png"]
    shared.refresh_from_db()
    assert shared.downloads == 1
    with urllib.request.urlopen(location, timeout=10) as signed:
        assert signed.read() == body
        assert signed.headers["Content-Disposition"] == (
            'attachment; filename="photo.png"'
        )


def test_deleting_a_file_removes_its_object(
    owner_client, owner_api, bucket, django_capture_on_commit_callbacks
):
    upload(owner_api, "photo.png", PNG)
    shared = SharedFile.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(f"/user/files/{shared.pk}/delete")
    assert bucket.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0
