# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""One open draft: its file, what it was when last read or written, and unsaved work.

The window edits ``session.draft`` directly and calls :meth:`DraftSession.changed`;
saving and the recovery journal (:mod:`finsam_desktop.journal`) are here, free of Qt,
so they are tested headless.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from finsam_desktop import journal
from finsam_desktop.drafts import (
    NEW_FILE,
    HandOff,
    ImportRecord,
    LoadedDraft,
    Revision,
    atomic_write,
    encode,
    new_draft_path,
    read_draft,
    write_encoded,
)
from finsam_desktop.forms.carry import carry
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Report

if TYPE_CHECKING:
    from filelock import FileLock


def edition_copy(path: Path, edition: str) -> Path:
    """Where a draft file is kept as it was before it was carried out of ``edition``."""
    return path.with_name(f"{path.name}.utgåva-{re.sub(r'[^0-9A-Za-z]+', '-', edition).strip('-')}.bak")


class DraftSession:
    """The draft being edited, and whether the file on disk has all of it."""

    def __init__(
        self,
        path: Path,
        name: str,
        draft: Report,
        revision: Revision = NEW_FILE,
        handoffs: tuple[HandOff, ...] = (),
        imported: ImportRecord | None = None,
        written_in: str = "",
    ) -> None:
        self.path = path
        self.name = name
        self.draft = draft
        self.handoffs = list(handoffs)
        self.imported = imported or ImportRecord()
        self.revision = revision
        self.dirty = revision == NEW_FILE
        self.saved_at: datetime | None = None
        self.written_in = written_in  # the edition of a file shown in another edition (read-only)
        self.owner = uuid.uuid4().hex[:12]  # this window's own recovery journal
        self._journal_lock: FileLock | None = None

    @classmethod
    def open(cls, path: Path) -> DraftSession:
        loaded: LoadedDraft = read_draft(path)
        return cls(path, loaded.name, loaded.draft, loaded.revision, loaded.handoffs, loaded.imported, loaded.foreign_edition)

    @classmethod
    def create(cls, folder: Path, name: str, draft: Report, imported: ImportRecord | None = None) -> DraftSession:
        """A new draft in ``folder``, saved at once so it is in the list from the start."""
        session = cls(new_draft_path(folder, name or "rapport"), name, draft, imported=imported)
        snapshot = session.snapshot()
        session.save(snapshot)
        session.mark_saved(snapshot)
        return session

    @property
    def read_only(self) -> bool:
        """A draft of an edition that is not installed is shown, never written back."""
        return bool(self.written_in)

    def changed(self) -> None:
        if not self.read_only:
            self.dirty = True

    def carried_to(self, form: FormSpec) -> DraftSession:
        """This draft in another edition of its form, for the same file: what has no place
        there is added to the draft's note. The file as it was is kept beside it first
        (:func:`edition_copy`), so saving the carried draft loses nothing."""
        edition = self.written_in or type(self.draft).edition
        if self.path.is_file():
            atomic_write(edition_copy(self.path, edition), self.path.read_bytes(), private=True)
        carried = carry(self.draft.model_dump(mode="json"), edition, form)
        note = "\n".join(filter(None, [self.imported.note, carried.note(edition)]))
        imported = self.imported.model_copy(update={"note": note})
        session = DraftSession(self.path, self.name, carried.draft, self.revision, tuple(self.handoffs), imported)
        session.dirty = True
        return session

    def record_handoff(self, how: str, to: str) -> None:
        """Note that the report was handed over (shown in the drafts list)."""
        self.handoffs.append(HandOff(when=datetime.now().replace(microsecond=0), how=how, to=to))  # type: ignore[arg-type]
        self.changed()

    def snapshot(self) -> bytes:
        """The draft as it is now, encoded; taken on the thread that edits the draft."""
        return encode(self.name, self.draft, self.handoffs, self.imported)

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

    def move_to(self, path: Path) -> None:
        """Continue as a new file at ``path`` (Spara som kopia); the old file's journal goes."""
        self.discard_journal()
        self.close()
        self.path = path
        self.revision = NEW_FILE
        self.dirty = True

    def write_journal(self, data: bytes) -> None:
        """Keep unsaved work, noting the revision of the file it was typed onto; fast,
        since it is written very often (on the thread that saves, so the revision is current).
        The journal is this window's own, locked while the window lives."""
        if self._journal_lock is None:
            lock = journal.owner_lock(journal.journal_path(self.path, self.owner))
            lock.acquire()
            self._journal_lock = lock
        journal.write_journal(self.path, self.revision, data, self.owner)

    def journal_holds(self, data: bytes) -> bool:
        """Whether this window's journal has ``data``, as a promise to the user needs."""
        try:
            return journal.journal_path(self.path, self.owner).read_bytes().partition(b"\n")[2] == data
        except OSError:
            return False

    def discard_journal(self) -> None:
        journal.discard_journal(self.path, self.owner)

    def close(self) -> None:
        """The window is gone: its journal, if any is left, may be offered at the next start."""
        if self._journal_lock is not None:
            self._journal_lock.release()
            Path(self._journal_lock.lock_file).unlink(missing_ok=True)  # this window's own: no one else takes it
            self._journal_lock = None
