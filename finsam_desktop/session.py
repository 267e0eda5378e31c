"""One open draft: its file, what it was when last read or written, and unsaved work.

The window edits ``session.draft`` directly and calls :meth:`DraftSession.changed`;
saving and the recovery journal are here, free of Qt, so they are tested headless.
The journal (``.<file>.recovery``) is written within moments of each change, without
fsync, so work typed since the last save survives a killed or crashed app; a normal
save removes it, and the next start offers any journal still lying there.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from finsam_desktop.drafts import (
    NEW_FILE,
    SUFFIX,
    DraftUnreadable,
    HandOff,
    LoadedDraft,
    Revision,
    decode,
    encode,
    new_draft_path,
    read_draft,
    write_encoded,
)
from finsam_desktop.model import Draft

RECOVERY_SUFFIX = ".recovery"


def recovery_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{RECOVERY_SUFFIX}")


@dataclass(frozen=True)
class Recovery:
    """Unsaved work found from an earlier run."""

    draft_path: Path
    journal: Path
    name: str
    draft: Draft
    written: datetime


class DraftSession:
    """The draft being edited, and whether the file on disk has all of it."""

    def __init__(
        self, path: Path, name: str, draft: Draft, revision: Revision = NEW_FILE, handoffs: tuple[HandOff, ...] = ()
    ) -> None:
        self.path = path
        self.name = name
        self.draft = draft
        self.handoffs = list(handoffs)
        self.revision = revision
        self.dirty = revision == NEW_FILE
        self.saved_at: datetime | None = None

    @classmethod
    def open(cls, path: Path) -> DraftSession:
        loaded: LoadedDraft = read_draft(path)
        return cls(path, loaded.name, loaded.draft, loaded.revision, loaded.handoffs)

    @classmethod
    def create(cls, folder: Path, name: str, draft: Draft) -> DraftSession:
        """A new draft in ``folder``, saved at once so it is in the list from the start."""
        session = cls(new_draft_path(folder, name or "rapport"), name, draft)
        snapshot = session.snapshot()
        session.save(snapshot)
        session.mark_saved(snapshot)
        return session

    def changed(self) -> None:
        self.dirty = True

    def record_handoff(self, how: str, to: str) -> None:
        """Note that the report was sent (shown as ”Skickad åååå-mm-dd” in the list)."""
        self.handoffs.append(HandOff(when=datetime.now().replace(microsecond=0), how=how, to=to))  # type: ignore[arg-type]
        self.changed()

    def snapshot(self) -> bytes:
        """The draft as it is now, encoded; taken on the thread that edits the draft."""
        return encode(self.name, self.draft, self.handoffs)

    def save(self, data: bytes) -> Revision:
        """Write a snapshot; raises the draft errors of :mod:`finsam_desktop.drafts`."""
        self.revision = write_encoded(self.path, data, self.revision)
        self.saved_at = datetime.now()
        return self.revision

    def mark_saved(self, snapshot: bytes) -> None:
        """A save of ``snapshot`` finished: clean unless the draft changed meanwhile."""
        if snapshot == self.snapshot():
            self.dirty = False
            self.discard_journal()

    def write_journal(self, data: bytes) -> None:
        """Keep unsaved work beside the draft; fast, since it is written very often."""
        journal = recovery_path(self.path)
        temp = journal.with_name(journal.name + ".tmp")
        temp.write_bytes(data)
        os.replace(temp, journal)

    def discard_journal(self) -> None:
        recovery_path(self.path).unlink(missing_ok=True)


def find_recoveries(folder: Path) -> list[Recovery]:
    """Journals left by a run that ended before it could save, newest first."""
    found = []
    for journal in folder.glob(f".*{SUFFIX}{RECOVERY_SUFFIX}"):
        draft_path = journal.with_name(journal.name[1 : -len(RECOVERY_SUFFIX)])
        try:
            stored, _ = decode(journal, journal.read_bytes())
            written = datetime.fromtimestamp(journal.stat().st_mtime)
        except (OSError, DraftUnreadable, json.JSONDecodeError):
            continue
        try:
            if read_draft(draft_path).draft == stored.draft:
                journal.unlink(missing_ok=True)  # the save got there after all
                continue
        except DraftUnreadable:
            pass  # the draft file itself is gone or damaged: the journal is all there is
        found.append(Recovery(draft_path, journal, stored.name, stored.draft, written))
    return sorted(found, key=lambda recovery: recovery.written, reverse=True)
