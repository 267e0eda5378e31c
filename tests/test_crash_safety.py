# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Kill a process in the middle of saving, again and again: the draft is always whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from finsam_desktop.drafts import NEW_FILE, backup_path, read_draft, write_draft
from tests.crash_saver import number_of, version

ROOT = Path(__file__).resolve().parent.parent
KILLS = 120


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_draft_survives_being_killed_while_saving(tmp_path: Path) -> None:
    path = tmp_path / "krasch.json"
    write_draft(path, "Krasch", version(0), NEW_FILE)
    chance = random.Random(20261122)
    numbers_seen = set()
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_saver", str(path)], cwd=ROOT, stdout=subprocess.PIPE
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(chance.uniform(0.0, 0.04))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        loaded = read_draft(path)  # never corrupt, never half-written
        number = number_of(loaded.draft)
        assert loaded.draft == version(number)
        if backup_path(path).exists():
            backup = read_draft(backup_path(path)).draft
            assert backup == version(number_of(backup))
        numbers_seen.add(number)
    # the kills landed while saving was going on, not before it started
    assert len(numbers_seen) > KILLS // 2
