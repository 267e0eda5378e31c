"""Test configuration: Qt offscreen, and never the real user's folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("FINSAM_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return folder


def need(condition: bool, why: str) -> None:
    """Skip a test whose tool is missing here, but never on CI, which must have it."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must provide {why}")
    pytest.skip(f"needs {why}")
