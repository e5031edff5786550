"""What a file is, from its first bytes rather than from what the client says."""

import mimetypes

HEAD_BYTES = 512  # enough for every signature below and for a text check
OCTET_STREAM = "application/octet-stream"

# (offset, signature, content type), first match wins.
SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"BM", "image/bmp"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"\x1f\x8b", "application/gzip"),
    (0, b"BZh", "application/x-bzip2"),
    (0, b"\xfd7zXZ\x00", "application/x-xz"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"\xff\xfb", "audio/mpeg"),
    (0, b"\xff\xf3", "audio/mpeg"),
    (0, b"\xff\xf2", "audio/mpeg"),
    (0, b"OggS", "audio/ogg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"\x1aE\xdf\xa3", "video/webm"),
    (4, b"ftypqt", "video/quicktime"),
    (4, b"ftypM4A", "audio/mp4"),
    (4, b"ftyp", "video/mp4"),
    (0, b"wOFF", "font/woff"),
    (0, b"wOF2", "font/woff2"),
    (0, b"{\\rtf", "application/rtf"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
)
# RIFF containers name their format at offset 8.
RIFF_FORMATS = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
# Office Open XML, OpenDocument, EPUB: ZIP archives whose extension says which.
ZIP_FAMILIES = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "zip"})
# Types a browser would render or run: never given to a file by its name alone.
ACTIVE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "image/svg+xml", "text/javascript",
     "application/javascript", "application/xml", "text/xml", "application/x-sh"}
)  # fmt: skip
# Programs a system would run: Windows PE (MZ, when the rest is not text), ELF,
# Mach-O (32/64-bit and universal), and scripts that name their interpreter (#!).
EXECUTABLE_SIGNATURES = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)


def is_executable(head: bytes) -> bool:
    """Whether the bytes start like a program or a script."""
    if head.startswith(b"MZ") and not is_text(head):
        return True
    return head.startswith(EXECUTABLE_SIGNATURES)


def extension_of(filename: str) -> str:
    return filename.rpartition(".")[2].lower() if "." in filename else ""


def content_type(head: bytes, filename: str) -> str:
    """The type the first bytes show, else the extension's, else binary.

    The extension is believed only for types no browser renders or runs.
    """
    if head[:4] == b"RIFF" and head[8:12] in RIFF_FORMATS:
        return RIFF_FORMATS[head[8:12]]
    for offset, signature, kind in SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return kind
    if head.startswith(ZIP_SIGNATURES):
        if extension_of(filename) in ZIP_FAMILIES:
            return guess_by_name(filename) or "application/zip"
        return "application/zip"
    guessed = guess_by_name(filename)
    if guessed in ACTIVE_TYPES:
        guessed = ""
    if is_text(head):
        # A text file may say it is CSV or JSON, not an image or a PDF.
        if guessed.startswith("text/") or guessed == "application/json":
            return guessed
        return "text/plain"
    if guessed and not guessed.startswith("text/"):
        return guessed
    return OCTET_STREAM


def guess_by_name(filename: str) -> str:
    return mimetypes.guess_type(filename, strict=False)[0] or ""


def is_text(head: bytes) -> bool:
    """UTF-8 without control characters (a character cut at the end is fine)."""
    if not head or b"\x00" in head:
        return False
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
    return False
