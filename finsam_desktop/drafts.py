# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Draft files that never lose a word.

A draft is one JSON file with a format name and a schema version. Writing is atomic
(a temporary file in the same folder, flushed and fsynced, then ``os.replace``), and the
version it replaces stays beside it as ``<file>.bak``. A file that cannot be read is
reported by name and never written over. A file that changed on disk since it was read
(another program, a second window) is not overwritten silently: the caller passes the
:class:`Revision` it read and gets :class:`DraftConflict` when the file is no longer that.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import stat
import tempfile
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import xxhash
from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny, ValidationError

from finsam_desktop.forms.carry import carry
from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.registry import installed_forms
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Report, report_model
from finsam_desktop.paths import drafts_dir, drafts_folder, locks_dir
from finsam_desktop.roles import form_of, role_text
from finsam_desktop.validation import report_completeness

if TYPE_CHECKING:
    from filelock import FileLock

log = logging.getLogger("finsam.drafts")

FORMAT = "finsam-slutrapport-utkast"
SCHEMA_VERSION = 4
SUFFIX = ".json"
BACKUP_SUFFIX = ".bak"
STALE_TEMP_SECONDS = 600
# A maximal report (every answer 20 000 characters) is about 1 MB. Twice that still opens,
# saves and exports in seconds, and its PDF takes under a gigabyte (Typst: 740 MiB for 2 MB
# of text here, 2.4 GiB for 7 MB); more is refused with the limit said.
MAX_DRAFT_BYTES = 2 * 2**20
MAX_LIST_ROWS = 500  # a window of that many rows still opens in seconds; a report has a few dozen
LOCK_TIMEOUT_SECONDS = 15


def _add_handoffs(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 records when, how and to whom the report was sent."""
    return {**data, "handoffs": []}


def _add_imported(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 keeps what an imported document held beyond the form's fields."""
    return {**data, "imported": {"note": "", "office": {}}}


FIRST_EDITION = "2021–2022"  # of Gävleborg's form, the only one before version 4


def _add_edition(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 says which edition of which form the draft follows."""
    return {**data, "form": data.get("form", DEFAULT_FORM), "edition": FIRST_EDITION}


# Upgrades of older files, each from version N to N + 1, applied in turn on reading.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _add_handoffs, 2: _add_imported, 3: _add_edition}


DELIVERED = frozenset({"smtp", "e-postprogram", "markerad"})


class HandOff(BaseModel):
    """One time the report was handed to the förbund."""

    model_config = ConfigDict(extra="forbid")

    when: datetime
    how: Literal["e-postprogram", "e-postfil", "smtp", "mailto", "compose", "markerad"]
    to: str

    @property
    def delivered(self) -> bool:
        """Known to be sent: SMTP delivered it, the MAPI client said it was sent, or the user
        marked it; a compose window, .eml draft or mailto link was only opened."""
        return self.how in DELIVERED


class ImportRecord(BaseModel):
    """What a document imported into this draft held beyond the form's fields: text the
    reader could not place (``note``), and the office box the förbund already filled in
    (label → value), which the export writes back so a registered report keeps its number."""

    model_config = ConfigDict(extra="forbid")

    note: str = ""
    office: dict[str, str] = Field(default_factory=dict)
    source: str = ""  # SHA-256 of the document's bytes, to know it when it is opened again


class DraftFile(BaseModel):
    """A draft file as stored: what the format is, which form, and the report itself."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["finsam-slutrapport-utkast"] = "finsam-slutrapport-utkast"
    schema_version: Literal[4] = 4
    form: str = DEFAULT_FORM
    edition: str = ""
    name: str = ""
    draft: SerializeAsAny[Report]
    handoffs: list[HandOff] = Field(default_factory=list)
    imported: ImportRecord = Field(default_factory=ImportRecord)


class DraftError(Exception):
    """A draft file could not be read or written; ``str()`` is the message for the user."""

    def __init__(self, path: Path, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.detail = detail


class DraftUnreadable(DraftError):
    """The file is missing, empty, damaged, foreign or from a newer version."""


class DraftOfUnknownForm(DraftUnreadable):
    """Written for a form this installation does not have."""

    def __init__(self, path: Path, message: str, form_id: str) -> None:
        super().__init__(path, message)
        self.form_id = form_id


class DraftFromNewerVersion(DraftUnreadable):
    """Written by a newer version of the app, with a format this one does not know."""


class DraftConflict(DraftError):
    """The file changed on disk since it was read; saving would overwrite someone's work."""


class DraftWriteError(DraftError):
    """Saving failed (disk full, no permission, file locked); the old file is intact."""


@dataclass(frozen=True)
class Revision:
    """The content a file had when it was read or written (empty: no file)."""

    digest: str = ""


NEW_FILE = Revision()


@dataclass(frozen=True)
class LoadedDraft:
    path: Path
    name: str
    draft: Report
    revision: Revision
    migrated_from: int | None = None
    handoffs: tuple[HandOff, ...] = ()
    imported: ImportRecord = field(default_factory=ImportRecord)
    foreign_edition: str = ""  # the edition it was written in, when that one is not installed

    @property
    def read_only(self) -> bool:
        """A draft shown in another edition than its own is never written back."""
        return bool(self.foreign_edition)


@dataclass(frozen=True)
class DraftInfo:
    """One line of the drafts list; ``error`` is set when the file cannot be read."""

    path: Path
    name: str
    insats: str
    modified: datetime
    completeness: float | None
    error: str = ""
    sent: date | None = None
    opened: date | None = None  # in a mail program, not known to be sent
    forbund: str = ""  # whose form the report follows
    edition: str = ""  # of the form


REVISION_PREFIX = "xxh3-"  # SHA-256's hex digest alone was what earlier versions wrote


def revision_of(data: bytes | None) -> Revision:
    """XXH3's 128 bits tell an accidental change apart as surely as SHA-256 and take a
    twentieth of its time (1.1 MB: 0.03 ms against 0.6), on every load and every save."""
    return NEW_FILE if data is None else Revision(REVISION_PREFIX + xxhash.xxh3_128_hexdigest(data))


def is_revision_of(revision: Revision, data: bytes) -> bool:
    """Whether ``data`` is the content ``revision`` was taken of, an earlier version's too."""
    if revision.digest.startswith(REVISION_PREFIX):
        return revision == revision_of(data)
    return bool(revision.digest) and revision.digest == hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, None when there is none; a FIFO or device is refused, never read
    (reading would block or never end), and so is a file far larger than any report."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise DraftUnreadable(path, f"”{path.name}” är ingen vanlig fil och kan inte vara ett utkast.")
    if info.st_size > MAX_DRAFT_BYTES:
        raise DraftUnreadable(
            path,
            f"Filen ”{path.name}” är för stor ({info.st_size / 2**20:.0f} MB) för att vara ett utkast: programmet "
            f"öppnar utkast på högst {MAX_DRAFT_BYTES // 2**20} MB.",
        )
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


# --- reading --------------------------------------------------------------------------


def encode(
    name: str,
    draft: Report,
    handoffs: tuple[HandOff, ...] | list[HandOff] = (),
    imported: ImportRecord | None = None,
) -> bytes:
    """The file's bytes: readable UTF-8, or escaped where the text cannot be UTF-8."""
    form = form_of(draft)
    content = DraftFile(
        form=form.id,
        edition=form.edition,
        name=name,
        draft=draft,
        handoffs=list(handoffs),
        imported=imported or ImportRecord(),
    ).model_dump(mode="json")
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates pasted from somewhere: keep them, escaped
        return (json.dumps(content, ensure_ascii=True, indent=2) + "\n").encode("ascii")


def migrate(
    data: dict[str, Any],
    path: Path,
    current: int = SCHEMA_VERSION,
    steps: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = MIGRATIONS,
) -> tuple[dict[str, Any], int | None]:
    """Bring a file's content up to version ``current``; returns it and its old version."""
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DraftUnreadable(path, f"Filen ”{path.name}” är inte ett utkast från Finsam Slutrapport.")
    if version > current:
        raise DraftFromNewerVersion(
            path,
            f"Filen ”{path.name}” är sparad med en nyare version av programmet. Uppdatera programmet för att öppna den.",
        )
    original = version
    while version < current:
        data = steps[version](data)
        version += 1
        data["schema_version"] = version
    return data, (original if original != current else None)


class _DuplicateKey(ValueError):
    pass


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON with a key twice would silently keep only the last value: refuse it instead."""
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [key for key, _value in pairs]
        raise _DuplicateKey(next(key for key in keys if keys.count(key) > 1))
    return found


def _most_rows(node: Any) -> int:
    """The longest list anywhere in stored draft data (no recursion: a file may nest deep)."""
    most, pending = 0, [node]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            most = max(most, len(item))
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
    return most


def _text_of(raw: bytes) -> str:
    """A draft file's text: UTF-8, with or without the byte-order mark Notepad adds, or the
    UTF-16 Notepad saves as "Unicode"."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")


def decode(path: Path, raw: bytes) -> tuple[DraftFile, int | None]:
    """Parse a draft file's bytes, with a clear error naming the file for every failure.

    Hostile content (nesting thousands deep, numbers of thousands of digits, a key twice)
    is refused with a message like any other damage; a byte-order mark (Notepad) is fine.
    A draft of an edition that is not installed is carried into the newest installed one,
    with whatever has no place there in its note; its ``edition`` stays the file's own."""
    if not raw or raw.isspace():
        raise DraftUnreadable(path, f"Filen ”{path.name}” är tom. Den kan ha skadats vid ett avbrott.")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DraftUnreadable(
            path,
            f"”{path.name}” är ett Word-dokument eller en packad fil, inte ett utkast, fast namnet slutar på .json. "
            "Är det en slutrapport i Word: byt ändelsen till .docx och öppna den med Öppna fil…",
        )
    try:
        data = json.loads(_text_of(raw), object_pairs_hook=_refuse_duplicates)
    except _DuplicateKey as error:
        raise DraftUnreadable(
            path, f"Filen ”{path.name}” har uppgiften ”{error}” två gånger och kan inte öppnas säkert.", detail=str(error)
        ) from error
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # ValueError: JSON, and ints too long
        raise DraftUnreadable(
            path, f"Filen ”{path.name}” är skadad eller ofullständig och kan inte läsas.", detail=str(error)
        ) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DraftUnreadable(path, f"Filen ”{path.name}” är inte ett utkast från Finsam Slutrapport.")
    data, migrated_from = migrate(data, path)
    rows = _most_rows(data.get("draft"))
    if rows > MAX_LIST_ROWS:
        raise DraftUnreadable(
            path,
            f"”{path.name}” har en lista med {rows:,} rader; programmet öppnar högst {MAX_LIST_ROWS} rader i en lista. "
            "Filen är orörd.".replace(",", " "),
        )
    form = _form_named(path, data.get("form"), data.get("edition"))
    try:
        if form.edition == data.get("edition"):
            report = report_model(form).model_validate(data.get("draft", {}))
            return DraftFile.model_validate({**data, "draft": report}), migrated_from
        stored = data.get("draft", {})
        carried = carry(stored if isinstance(stored, dict) else {}, str(data.get("edition")), form)
        imported = dict(data.get("imported") or {})
        imported["note"] = "\n".join(filter(None, [str(imported.get("note", "")), carried.note(str(data.get("edition")))]))
        return DraftFile.model_validate({**data, "draft": carried.draft, "imported": imported}), migrated_from
    except ValidationError as error:
        raise DraftUnreadable(
            path,
            f"Filen ”{path.name}” innehåller uppgifter som inte passar formuläret och kan inte öppnas.",
            detail=str(error),
        ) from error


def _form_named(path: Path, form_id: object, edition: object) -> FormSpec:
    """The installed form a file follows, in its edition or else the newest installed one;
    a form this installation lacks is said by name."""
    installed = installed_forms()
    try:
        return installed.get(str(form_id), str(edition) if installed.has(str(form_id), str(edition)) else "")
    except KeyError:
        raise DraftOfUnknownForm(
            path,
            f"Filen ”{path.name}” gäller formuläret ”{str(form_id)[:100]}”, som inte finns i det här programmet. "
            "Be samordningsförbundet om formulärfilen och lägg den i mappen för formulär.",
            str(form_id)[:100],
        ) from None


def read_draft(path: Path) -> LoadedDraft:
    """Read a draft; raises :class:`DraftUnreadable` with a message naming the file."""
    try:
        raw = _read_bytes(path)
    except OSError as error:
        raise DraftUnreadable(path, f"Filen ”{path.name}” kan inte läsas.", detail=str(error)) from error
    if raw is None:
        raise DraftUnreadable(path, f"Filen ”{path.name}” finns inte.")
    stored, migrated_from = decode(path, raw)
    foreign = stored.edition if stored.edition != type(stored.draft).edition else ""
    return LoadedDraft(
        path, stored.name, stored.draft, revision_of(raw), migrated_from, tuple(stored.handoffs), stored.imported, foreign
    )


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


# --- writing --------------------------------------------------------------------------


def _write_message(path: Path, error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"Disken är full, så ”{path.name}” kunde inte sparas. Frigör utrymme; texten finns kvar i fönstret."
    if error.errno == errno.EROFS:
        return (
            f"”{path.name}” kunde inte sparas: disken eller mappen är skrivskyddad. Spara på ett annat ställe; "
            "texten finns kvar i fönstret."
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"”{path.name}” kunde inte sparas: filen är låst av ett annat program eller så saknar du "
            "behörighet till mappen. Stäng programmet som har filen öppen eller spara på ett annat ställe."
        )
    if isinstance(error, FileNotFoundError):
        return f"Mappen för ”{path.name}” finns inte längre. Välj en annan plats att spara på."
    return f"”{path.name}” kunde inte sparas. Texten finns kvar i fönstret; försök igen."


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _keep_backup(path: Path) -> None:
    """Keep the version about to be replaced as ``<file>.bak``, atomically too.

    A hard link costs no copying. Renaming a link onto a name for the same file is a
    no-op in POSIX, which is why the link's name is unique and removed afterwards, and
    why a backup that already is the current file is left as it is.
    """
    backup = backup_path(path)
    if os.name == "nt":  # a link to a file another program holds open can be neither renamed nor removed
        atomic_write(backup, path.read_bytes(), private=True)
        return
    if backup.exists() and os.path.samefile(path, backup):
        return
    link = path.with_name(f".{backup.name}.{uuid.uuid4().hex}.tmp")
    try:
        os.link(path, link)
    except OSError:  # file systems without hard links: copy instead
        atomic_write(backup, path.read_bytes(), private=True)
        return
    try:
        os.replace(link, backup)
    finally:
        link.unlink(missing_ok=True)


def remove_leftover_temps(folder: Path, pattern: str = ".*.tmp", older_than: float = STALE_TEMP_SECONDS) -> None:
    """Temporary files left by a save that was cut off (power cut, killed process).

    Only old ones: a younger one may belong to a save under way in another window."""
    cutoff = time.time() - older_than
    for leftover in folder.glob(pattern):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


REPLACE_TRIES = 10
REPLACE_PAUSE = 0.1  # seconds: a virus scanner or the search indexer holds a file that briefly


def _replace(temp_name: str, path: Path) -> None:
    """Windows refuses to replace a file another program has open; that is often a moment
    (a scanner, the indexer), so it is tried again for a second before it is said."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(temp_name, path)
            return
        except PermissionError:
            if os.name != "nt" or attempt == REPLACE_TRIES - 1:  # elsewhere it is the folder's rights: no waiting helps
                raise
            time.sleep(REPLACE_PAUSE)


def atomic_write(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, never a mix.

    ``private`` files (drafts) are readable by their owner only; others by everyone.
    """
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp_name, 0o600 if private else 0o644)
        with os.fdopen(descriptor, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        _replace(temp_name, path)
        _fsync_folder(path.parent)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_draft(path: Path, name: str, draft: Report, expected: Revision) -> Revision:
    """Save ``draft`` at ``path`` if the file is still as ``expected``; returns the new revision.

    ``expected`` is the revision the caller read, or :data:`NEW_FILE` for a file that must
    not exist yet.
    """
    return write_encoded(path, encode(name, draft), expected)


def write_encoded(path: Path, data: bytes, expected: Revision) -> Revision:
    """:func:`write_draft` for a draft already encoded (the app encodes on its UI thread
    and writes on another, so typing never waits for the disk). A file that was deleted
    meanwhile is written again; one whose content changed is never overwritten.

    The check and the replace happen under a lock beside the file itself, so every writer
    shares it: other windows, other processes with other data folders, the same folder
    reached through a link or over the network. Where locks do not reach (some network
    file systems), the file is read back after writing: a save is reported only when the
    file holds exactly what was written."""
    from filelock import Timeout  # loads at the first save, not before the window shows

    if len(data) > MAX_DRAFT_BYTES:  # it would save, and never open again
        raise DraftWriteError(
            path,
            f"Rapporten är nu {len(data) / 2**20:.0f} MB, mer än de {MAX_DRAFT_BYTES // 2**20} MB programmet kan öppna "
            "igen, så den sparades inte. Korta den längsta texten; allt finns kvar i fönstret.",
        )
    try:
        if not path.parent.is_dir():
            if path.parent != drafts_folder():  # a folder of the user's, or a network drive, gone: say so
                raise FileNotFoundError(errno.ENOENT, "folder gone", str(path.parent))
            drafts_dir()  # the app's own drafts folder was deleted while it ran: make it again
        with draft_lock(path):
            current = revision_of(_read_bytes(path))
            if current != expected and current != NEW_FILE:  # a deleted file is simply written again
                raise DraftConflict(path, _changed_message(path))
            if current != NEW_FILE:
                _keep_backup(path)
            atomic_write(path, data, private=True)
            if _read_bytes(path) != data:  # another writer got in between, unseen by the lock
                raise DraftConflict(path, _changed_message(path))
    except Timeout as error:
        raise DraftWriteError(
            path, f"”{path.name}” sparas just nu av ett annat fönster. Texten finns kvar; försök igen om en stund."
        ) from error
    except OSError as error:
        raise DraftWriteError(path, _write_message(path, error), detail=str(error)) from error
    remove_leftover_temps(path.parent, f".{path.name}.*.tmp")
    return revision_of(data)


def _changed_message(path: Path) -> str:
    return (
        f"”{path.name}” har ändrats av ett annat fönster eller program sedan du öppnade det. "
        "Din text finns kvar; spara den som en kopia eller öppna filen på nytt."
    )


class _DraftLock:
    """The lock for saving one draft file: ``.<name>.lock`` beside the real file (links
    followed, so every way to the file meets the same lock), or in the app's data folder
    where the draft's folder takes no new files. An operating-system lock: a process that
    dies lets go of it, so no lock goes stale."""

    def __init__(self, path: Path) -> None:
        from filelock import FileLock

        real = Path(os.path.realpath(path))
        self.beside = FileLock(real.with_name(f".{real.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS)
        key = hashlib.sha256(os.path.normcase(str(real)).encode("utf-8", "surrogatepass")).hexdigest()[:24]
        self.fallback = FileLock(locks_dir() / f"{key}.lock", timeout=LOCK_TIMEOUT_SECONDS)
        self.held: FileLock | None = None

    def __enter__(self) -> _DraftLock:
        from filelock import Timeout

        try:
            self.beside.acquire()
            self.held = self.beside
            _hide(Path(self.beside.lock_file))
        except Timeout:
            raise
        except OSError:  # the folder takes no lock file (read-only share): one per data folder, then
            self.fallback.acquire()
            self.held = self.fallback
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.held is not None:
            self.held.release()
            self.held = None


def _hide(path: Path) -> None:
    """Windows shows dot files: mark the lock hidden there (best effort)."""
    if os.name == "nt":
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # type: ignore[attr-defined]


def draft_lock(path: Path) -> _DraftLock:
    return _DraftLock(path)


# --- the drafts folder ----------------------------------------------------------------


def _slug(name: str) -> str:
    """A file name from a report's name: ``Trisam 2.0`` → ``trisam-2-0``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "rapport"


def new_draft_path(folder: Path, name: str) -> Path:
    """A free file name in ``folder`` for a new draft called ``name``."""
    base = _slug(name)
    candidate = folder / f"{base}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{SUFFIX}"
        number += 1
    return candidate


def list_drafts(folder: Path, today: date | None = None) -> list[DraftInfo]:
    """Every draft in ``folder``, newest first; a broken file is listed with its error."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            modified = datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue
        try:
            loaded = read_draft(path)
            insats = role_text(loaded.draft, "name")
            completeness = report_completeness(loaded.draft, today)
        except DraftUnreadable as error:
            found.append(DraftInfo(path, path.stem, "", modified, None, str(error)))
            continue
        except Exception as error:  # one odd file never hides the others
            log.exception("listing %s", path.name)
            found.append(
                DraftInfo(path, path.stem, "", modified, None, f"”{path.name}” kunde inte läsas ({error.__class__.__name__}).")
            )
            continue
        sent = max((h.when.date() for h in loaded.handoffs if h.delivered), default=None)
        opened = max((h.when.date() for h in loaded.handoffs if not h.delivered), default=None)
        name = loaded.name or insats or path.stem
        forbund = form_of(loaded.draft).forbund.name
        edition = loaded.foreign_edition or type(loaded.draft).edition
        found.append(DraftInfo(path, name, insats, modified, completeness, "", sent, opened, forbund, edition))
    return sorted(found, key=lambda info: info.modified, reverse=True)
