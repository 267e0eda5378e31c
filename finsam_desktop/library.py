# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The drafts folder as a library: rename, duplicate, delete to a trash and restore.

Deleting never destroys: the draft and its backup move to the folder's ``papperskorg``
(its recovery journal follows), from where they come back unchanged.
"""

from __future__ import annotations

import os
from pathlib import Path

from finsam_desktop.drafts import BACKUP_SUFFIX, SUFFIX, DraftError, encode, new_draft_path, read_draft, write_encoded
from finsam_desktop.journal import move_journal
from finsam_desktop.roles import role_text
from finsam_desktop.session import DraftSession

TRASH = "papperskorg"


def rename_draft(path: Path, name: str) -> None:
    """Give a draft a new name in lists (the file keeps its name, so links stay valid)."""
    loaded = read_draft(path)
    write_encoded(path, encode(name.strip(), loaded.draft, loaded.handoffs, loaded.imported), loaded.revision)


def duplicate_draft(path: Path) -> Path:
    """A copy of the draft beside it, called ``<name> (kopia)``."""
    loaded = read_draft(path)
    name = loaded.name or role_text(loaded.draft, "name") or path.stem
    return DraftSession.create(path.parent, f"{name} (kopia)", loaded.draft).path


def _companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + BACKUP_SUFFIX)]


def _move(path: Path, folder: Path) -> Path:
    """Move a draft, its backup and its journal into ``folder`` under a free name."""
    folder.mkdir(exist_ok=True)
    target = new_draft_path(folder, path.stem)
    for source, destination in zip(_companions(path), _companions(target), strict=True):
        if source.exists():
            os.replace(source, destination)
    move_journal(path, target)
    return target


def trash_draft(path: Path) -> Path:
    """Move a draft to the trash; returns where it went, for :func:`restore_draft`."""
    return _move(path, path.parent / TRASH)


def restore_draft(trashed: Path) -> Path:
    """Bring a trashed draft back to the drafts folder; returns its path there."""
    return _move(trashed, trashed.parent.parent)


def imported_from(folder: Path, source: str) -> tuple[Path, str] | None:
    """A draft in ``folder`` made from the document whose SHA-256 is ``source``, and its name."""
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            loaded = read_draft(path)
        except DraftError:
            continue
        if loaded.imported.source == source:
            return path, loaded.name or role_text(loaded.draft, "name") or path.stem
    return None


def trashed_drafts(folder: Path) -> list[Path]:
    return sorted((folder / TRASH).glob(f"*{SUFFIX}"))
