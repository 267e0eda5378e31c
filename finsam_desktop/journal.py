"""The recovery journal: unsaved work kept moments after each change, wherever the draft is.

Journals live in one folder of the app's data folder (never beside the user's own files),
one per draft, named by a hash of the draft's path. Each holds a header line, with the
draft's path and the revision of the draft file it was typed onto, then the draft's bytes.
Written private (names and phone numbers) and without fsync, since it is written often;
a normal save removes it, and the next start offers any journal still lying there.
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

from finsam_desktop.drafts import DraftFile, DraftUnreadable, Revision, decode, read_draft, revision_of
from finsam_desktop.paths import journals_dir

SUFFIX = ".journal"
FORMAT = "finsam-slutrapport-journal"


def journal_path(draft_path: Path) -> Path:
    """The journal of the draft at ``draft_path`` (one per draft, whatever its folder)."""
    key = hashlib.sha256(os.path.abspath(draft_path).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return journals_dir() / f"{key}{SUFFIX}"


def write_journal(draft_path: Path, revision: Revision, data: bytes) -> None:
    """Keep ``data`` (an encoded draft) as the unsaved work of ``draft_path``."""
    header = json.dumps({"format": FORMAT, "draft": os.path.abspath(draft_path), "revision": revision.digest})
    journal = journal_path(draft_path)
    temp = journal.with_name(f".{journal.name}.{uuid.uuid4().hex}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(header.encode("utf-8") + b"\n" + data)
        os.replace(temp, journal)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def discard_journal(draft_path: Path) -> None:
    journal_path(draft_path).unlink(missing_ok=True)


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
    """A draft moved (trash, restore): its journal follows it."""
    journal = journal_path(old)
    try:
        header, data = _split(journal.read_bytes())
    except (OSError, ValueError):
        return
    write_journal(new, Revision(str(header.get("revision", ""))), data)
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
    same = current.revision == Revision(str(header.get("revision", "")))
    return Recovery(draft_path, journal, stored, written, Restore.ONTO_DRAFT if same else Restore.AS_COPY_NEWER)


def adopt_legacy_journals(drafts_folder: Path) -> None:
    """Journals of earlier versions lay hidden beside the drafts; move them into the journal folder."""
    for legacy in drafts_folder.glob(".*.json.recovery"):
        draft_path = legacy.with_name(legacy.name[1 : -len(".recovery")])
        try:
            revision = revision_of(draft_path.read_bytes()) if draft_path.exists() else Revision()
            write_journal(draft_path, revision, legacy.read_bytes())
            legacy.unlink()
        except OSError:
            continue


def find_recoveries() -> list[Recovery]:
    """Journals left by a run that ended before it could save, newest first."""
    found = [recovery for journal in journals_dir().glob(f"*{SUFFIX}") if (recovery := _recovery(journal))]
    return sorted(found, key=lambda recovery: recovery.written, reverse=True)
