# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The recovery journal: unsaved work kept moments after each change, wherever the draft is.

Journals live in one folder of the app's data folder (never beside the user's own files),
one per draft and window, named by a hash of the draft's path and the window's own key: two
windows or processes on one draft each keep their own, and neither removes the other's.
Each holds a header line, with the draft's path and the revision of the draft file it was
typed onto, then the draft's bytes. Written private (names and phone numbers) and without
fsync, since it is written often; the window's own save removes it, and the next start
offers any journal still lying there whose window is gone (a live one holds its lock).
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from finsam_desktop.drafts import DraftFile, DraftUnreadable, Revision, decode, is_revision_of, read_draft, revision_of
from finsam_desktop.paths import journals_dir

if TYPE_CHECKING:
    from filelock import FileLock

SUFFIX = ".journal"
FORMAT = "finsam-slutrapport-journal"


def _key(draft_path: Path) -> str:
    return hashlib.sha256(os.path.abspath(draft_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def journal_path(draft_path: Path, owner: str) -> Path:
    """The journal of ``owner`` (a window) for the draft at ``draft_path``, whatever its folder."""
    return journals_dir() / f"{_key(draft_path)}-{owner}{SUFFIX}"


def journals_of(draft_path: Path) -> list[Path]:
    """Every journal of one draft, whichever window wrote it."""
    return sorted(journals_dir().glob(f"{_key(draft_path)}*{SUFFIX}"))


def owner_lock(journal: Path) -> FileLock:
    """Held by the window that writes ``journal`` for as long as it lives."""
    from filelock import FileLock  # loads at the first journal, not before the window shows

    return FileLock(journal.with_name(journal.name + ".lock"), timeout=0)


def write_journal(draft_path: Path, revision: Revision, data: bytes, owner: str) -> None:
    """Keep ``data`` (an encoded draft) as ``owner``'s unsaved work on ``draft_path``."""
    header = json.dumps({"format": FORMAT, "draft": os.path.abspath(draft_path), "revision": revision.digest})
    journal = journal_path(draft_path, owner)
    temp = journal.with_name(f".{journal.name}.{uuid.uuid4().hex}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(header.encode("utf-8") + b"\n" + data)
        os.replace(temp, journal)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def discard_journal(draft_path: Path, owner: str) -> None:
    journal_path(draft_path, owner).unlink(missing_ok=True)


class Restore(enum.Enum):
    """Where recovered work can go without overwriting anything newer."""

    ONTO_DRAFT = "onto"  # the draft is as it was when the work was typed (or gone)
    AS_COPY_NEWER = "newer"  # the draft was saved since, by another window or program
    AS_COPY_DAMAGED = "damaged"  # the draft file cannot be read


@dataclass(frozen=True)
class Recovery:
    """Unsaved work found from an earlier run."""

    draft_path: Path
    journal: Path
    stored: DraftFile
    written: datetime
    restore: Restore

    @property
    def explanation(self) -> str:
        """What will happen to the recovered text, in Swedish, when it is not simply restored."""
        if self.restore is Restore.AS_COPY_NEWER:
            return (
                f"”{self.draft_path.name}” har sparats av ett annat fönster eller program sedan dess, "
                "så texten återställs som en kopia och den sparade filen lämnas orörd."
            )
        if self.restore is Restore.AS_COPY_DAMAGED:
            return f"Filen ”{self.draft_path.name}” är skadad och kan inte läsas, så texten återställs som en ny rapport."
        return ""


def move_journal(old: Path, new: Path) -> None:
    """A draft moved (trash, restore): its journals follow it."""
    for number, journal in enumerate(journals_of(old)):
        try:
            header, data = _split(journal.read_bytes())
        except (OSError, ValueError):
            continue
        write_journal(new, Revision(str(header.get("revision", ""))), data, f"flyttad{number}")
        journal.unlink(missing_ok=True)


def _split(raw: bytes) -> tuple[dict[str, object], bytes]:
    first, _, data = raw.partition(b"\n")
    header = json.loads(first.decode("utf-8"))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("not a journal")
    return header, data


def _recovery(journal: Path) -> Recovery | None:
    """The work in ``journal``, or None when the draft already has it (then it is removed)."""
    try:
        header, data = _split(journal.read_bytes())
        draft_path = Path(str(header["draft"]))
        stored, _ = decode(draft_path, data)
        written = datetime.fromtimestamp(journal.stat().st_mtime)
    except (OSError, ValueError, KeyError, DraftUnreadable, RecursionError):
        return None
    try:
        current = read_draft(draft_path)
    except DraftUnreadable:
        gone = not draft_path.exists()
        return Recovery(draft_path, journal, stored, written, Restore.ONTO_DRAFT if gone else Restore.AS_COPY_DAMAGED)
    caught_up = (current.name, current.draft, current.handoffs, current.imported)
    if caught_up == (stored.name, stored.draft, tuple(stored.handoffs), stored.imported):
        journal.unlink(missing_ok=True)  # the save got there after all
        return None
    try:
        same = is_revision_of(Revision(str(header.get("revision", ""))), draft_path.read_bytes())
    except OSError:
        same = False
    return Recovery(draft_path, journal, stored, written, Restore.ONTO_DRAFT if same else Restore.AS_COPY_NEWER)


def adopt_legacy_journals(drafts_folder: Path) -> None:
    """Journals of earlier versions lay hidden beside the drafts; move them into the journal folder."""
    for legacy in drafts_folder.glob(".*.json.recovery"):
        draft_path = legacy.with_name(legacy.name[1 : -len(".recovery")])
        try:
            revision = revision_of(draft_path.read_bytes()) if draft_path.exists() else Revision()
            write_journal(draft_path, revision, legacy.read_bytes(), "tidigare")
            legacy.unlink()
        except OSError:
            continue


def _abandoned(journal: Path) -> bool:
    """No live window writes it: its owner's lock is free (an ended process lets go of it)."""
    from filelock import Timeout

    lock = owner_lock(journal)
    try:
        lock.acquire()
    except Timeout:
        return False
    lock.release()
    Path(lock.lock_file).unlink(missing_ok=True)  # its owner is gone for good
    return True


def find_recoveries() -> list[Recovery]:
    """Journals left by windows that ended before they could save, newest first; another
    window's work in progress, in this process or another, is never offered."""
    found = [
        recovery
        for journal in journals_dir().glob(f"*{SUFFIX}")
        if _abandoned(journal) and (recovery := _recovery(journal))
    ]
    return sorted(found, key=lambda recovery: recovery.written, reverse=True)
