"""Telling a file's type from its first bytes (D22)."""

import pytest

from files.services import clean_filename
from files.sniff import content_type, is_executable


@pytest.mark.parametrize(
    ("head", "filename", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n....", "a.bin", "image/png"),
        (b"\xff\xd8\xff\xe0..JFIF", "a.png", "image/jpeg"),
        (b"GIF89a....", "a", "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a", "image/webp"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "a", "audio/wav"),
        (b"%PDF-1.7\n", "a.txt", "application/pdf"),
        (b"PK\x03\x04....", "a.zip", "application/zip"),
        (
            b"PK\x03\x04....",
            "report.docx",
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ),
        (b"PK\x03\x04....", "a.jar.txt", "application/zip"),
        (b"\x1f\x8b\x08\x00", "a.tar.gz", "application/gzip"),
        (b"ID3\x04\x00", "song", "audio/mpeg"),
        (b"\x00\x00\x00\x18ftypmp42", "clip", "video/mp4"),
        (b"plain words\n", "a.txt", "text/plain"),
        ("déjà vu".encode(), "notes", "text/plain"),
        (b"a,b\n1,2\n", "data.csv", "text/csv"),
        (b'{"a": 1}', "data.json", "application/json"),
        (b"<svg onload=alert(1)>", "x.svg", "text/plain"),
        (b"<html></html>", "x.html", "text/plain"),
        (b"plain words\n", "fake.png", "text/plain"),  # text is text
        (b"\x00\x01\x02\x03", "a.bin", "application/octet-stream"),
        (b"\x00\x01\x02\x03", "song.mp3", "audio/mpeg"),  # by name, harmless
        (b"\x00\x01\x02\x03", "x.svg", "application/octet-stream"),  # never active
        (b"", "empty", "application/octet-stream"),
    ],
)
def test_content_type(head, filename, expected):
    assert content_type(head, filename) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"MZ\x90\x00\x03\x00", True),
        (b"\x7fELF\x02\x01", True),
        (b"\xca\xfe\xba\xbe\x00", True),
        (b"#!/usr/bin/env python\n", True),
        (b"MZ is text\n", False),
        (b"\x89PNG\r\n\x1a\n", False),
    ],
)
def test_is_executable(head, expected):
    assert is_executable(head) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("photo.png", "photo.png"),
        ("C:\\Users\\me\\photo.png", "photo.png"),
        ("../../etc/passwd", "passwd"),
        ("bad\x00\x07name.txt", "badname.txt"),
        ("...", "file"),
        ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),  # 255 in all
    ],
)
def test_clean_filename(raw, expected):
    assert clean_filename(raw) == expected
