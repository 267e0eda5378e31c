# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The folders the app keeps its files in, decided in one place.

``FINSAM_DATA_DIR`` overrides the per-user data folder, for tests and for a
portable install on a USB stick; ``FINSAM_CACHE_DIR`` the cache, which holds only what
can be made again (the spelling dictionary built from source).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_NAME = "Finsam Slutrapport"


def _data_root() -> Path:
    override = os.environ.get("FINSAM_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def _private(folder: Path) -> Path:
    """Made when missing (again, if it was deleted while the app runs), and open to its
    owner only: drafts, journals and locks hold names, phone numbers and e-mail addresses."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    return folder


def data_dir() -> Path:
    """The per-user data folder (created on first use)."""
    return _private(_data_root())


def _folder(name: str) -> Path:
    return _private(data_dir() / name)


def drafts_folder() -> Path:
    """Where drafts live, one file each (not made by asking)."""
    return _data_root() / "utkast"


def drafts_dir() -> Path:
    """Where drafts live, one file each (made when missing)."""
    return _folder("utkast")


def journals_dir() -> Path:
    """Where the recovery journals of unsaved work live (one per open draft)."""
    return _folder("journaler")


def locks_dir() -> Path:
    """Where the locks that make saving a draft one step across processes live."""
    return _folder("lås")


def forms_dir() -> Path:
    """Where a förbund's own form files (``*.toml``) are picked up at start; looking does
    not create it (the README says where to make it)."""
    return _data_root() / "formulär"


def cache_dir() -> Path:
    """Where what can be made again is kept (not made by asking)."""
    override = os.environ.get("FINSAM_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir(APP_NAME, appauthor=False))
