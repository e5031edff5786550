"""Sharing, changing and deleting files (api-spec §11, D22)."""

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import PureWindowsPath

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction

from accounts.models import User
from billing import entitlements
from core.errors import Conflict, InvalidInput, PayloadTooLarge, PermissionDenied
from files import sniff
from files.models import SharedFile
from shortener.models import Domain, Link, LinkKind
from shortener.safety import EXECUTABLE_EXTENSIONS
from shortener.services import ALIAS_TAKEN, alias_taken, draw_alias_until_saved

TOO_LARGE = "The file is too large."
NO_DATA = "No data sent."
EXECUTABLE = "Linking to executable files is not allowed."


@dataclass
class FileOptions:
    """The options of a shared file, already validated (see files.parsing)."""

    name: str = ""
    alias: str = ""  # a cleaned custom alias, or "" for a random one
    domain: Domain | None = None
    password: str = ""
    expires_at: datetime | None = None
    max_downloads: int | None = None  # None: unlimited


def clean_filename(raw: str) -> str:
    """The last part of a client's file name, printable, at most 255 characters."""
    name = PureWindowsPath(raw.replace("\x00", "")).name  # either kind of slash
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > 255:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem[: 254 - len(extension)]}.{extension}" if dot else name[:255]
    return name.strip(". ") or "file"


def refuse_executable_name(filename: str) -> None:
    if sniff.extension_of(filename) in EXECUTABLE_EXTENSIONS:
        raise InvalidInput(EXECUTABLE)


def share_file(
    *, owner: User, filename: str, content: File, options: FileOptions
) -> SharedFile:
    """Store an upload and publish it behind a new short link.

    `content` is read in chunks, never whole. A refused upload leaves nothing
    behind: the checks come first, and the stored object is removed again if the
    rows cannot be written. The plan must include files, and their quota
    must have room once the upload is valid (D42).
    """
    entitlements.require(owner, "files")
    filename = clean_filename(filename)
    refuse_executable_name(filename)
    size = content.size or 0
    if size == 0:
        raise InvalidInput(NO_DATA)
    if size > settings.FILES_MAX_BYTES:
        raise PayloadTooLarge(TOO_LARGE)
    content.seek(0)
    head = content.read(sniff.HEAD_BYTES)
    content.seek(0)
    if sniff.is_executable(head):
        raise InvalidInput(EXECUTABLE)
    if options.alias and alias_taken(options.alias, options.domain):
        raise Conflict(ALIAS_TAKEN)
    shared = SharedFile(
        owner=owner,
        name=(options.name or filename)[:255],
        filename=filename,
        size=size,
        content_type=sniff.content_type(head, filename),
        max_downloads=options.max_downloads,
    )
    # A full quota is refused before the bytes go to storage; the slot below
    # settles a race for the last place.
    cap = entitlements.limit(owner, "files")
    if cap is not None and owner.files.count() >= cap:
        raise PermissionDenied(entitlements.LIMIT_REACHED)
    shared.stored.save(filename, content, save=False)
    try:
        with entitlements.quota_slot(owner, "files", owner.files.count):
            link = Link(
                owner=owner,
                kind=LinkKind.FILE,
                domain=options.domain,
                expires_at=options.expires_at,
            )
            link.set_password(options.password)
            save_file_link(link, options.alias)
            shared.link = link
            shared.save()
    except BaseException:
        shared.stored.delete(save=False)
        raise
    return shared


def save_file_link(link: Link, custom: str) -> None:
    """Insert the file's link under `custom` or a random code.

    Its destination is the file's own download address, so it stays a valid
    URL like every other link's.
    """

    def save() -> None:
        link.long_url = download_url(link)
        link.save()

    if not custom:
        draw_alias_until_saved(link, save)
        return
    link.alias, link.is_custom = custom, True
    try:
        with transaction.atomic():
            save()
    except IntegrityError:
        raise Conflict(ALIAS_TAKEN) from None


def download_url(link: Link) -> str:
    return f"{link.short_url}/download"


@transaction.atomic
def update_file(
    *, shared: SharedFile, options: FileOptions, present: set[str]
) -> SharedFile:
    """Change the options named in `present`; the others keep their values."""
    entitlements.require(shared.owner, "files")
    link = shared.link
    if "name" in present and options.name:
        shared.name = options.name[:255]
    if "max_downloads" in present:
        shared.max_downloads = options.max_downloads
    if "password" in present:
        link.set_password(options.password)
    if "expires_at" in present:
        link.expires_at = options.expires_at
    link.save(update_fields=["password", "expires_at", "updated"])
    shared.save(update_fields=["name", "max_downloads"])
    return shared


def delete_file(*, shared: SharedFile) -> None:
    """Delete the file's link and row; the stored object goes once committed.

    (files.signals removes the object of every deleted row, also of rows that
    go with a deleted account.)
    """
    shared.link.delete()
