# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Test configuration: Qt offscreen, and never the real user's folders."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from tests.forms import TEST_FORMS

# Offscreen Qt's screen is 800×600; the tests' is the smallest the app is made for, 1024×700
# (Qt separates a platform's options by colons: a path with a drive letter cannot be one)
SCREEN = Path(__file__).resolve().parent / "offscreen-screen.json"
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen" and ":" not in str(SCREEN):
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
# the spelling dictionary's trie is built once and kept (the tests' data folders are not)
os.environ.setdefault("FINSAM_CACHE_DIR", str(Path(__file__).resolve().parent.parent / ".cache"))


def pytest_sessionstart(session: pytest.Session) -> None:
    """The dictionary's trie built before any test runs, once for all workers: never on a
    window's background thread in the middle of a test."""
    from filelock import FileLock

    from finsam_desktop.spelling.lexicon import NoDictionary, load_lexicon

    cache = Path(os.environ["FINSAM_CACHE_DIR"])
    cache.mkdir(parents=True, exist_ok=True)
    with FileLock(cache / "bygger.lock"), contextlib.suppress(NoDictionary):
        load_lexicon()


collect_ignore = [] if os.name == "nt" else ["test_windows.py"]  # Windows cases: the Windows lane runs them


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data folder and settings, never the user's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv("FINSAM_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))  # Windows: where the data folder would be
    if importlib.util.find_spec("PySide6") is not None:  # the Windows lane runs the core alone, without Qt
        from PySide6.QtCore import QSettings

        for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    _install_test_forms(folder)
    return folder


def _install_test_forms(folder: Path) -> None:
    """The test forms go in the user's forms folder, as a förbund hands out its mall."""
    from finsam_desktop.forms.registry import installed_forms
    from finsam_desktop.paths import forms_dir

    forms_dir().mkdir(parents=True)
    for form in TEST_FORMS.glob("*.toml"):
        shutil.copy(form, forms_dir() / form.name)
    installed_forms.cache_clear()


def need(condition: bool, why: str) -> None:
    """Skip a test whose tool is missing here, but never on CI, which must have it."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must provide {why}")
    pytest.skip(f"needs {why}")
