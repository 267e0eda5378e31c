"""The folders the app keeps its files in, decided in one place.

``FINSAM_DATA_DIR`` overrides the per-user data folder, for tests and for a
portable install on a USB stick.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Finsam Slutrapport"


def _data_root() -> Path:
    override = os.environ.get("FINSAM_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The per-user data folder (created on first use)."""
    folder = _data_root()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _folder(name: str) -> Path:
    folder = data_dir() / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def drafts_dir() -> Path:
    """Where drafts live, one file each."""
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
