# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A wheel built from the project installs into a fresh virtual environment and works there.

Run from a folder outside the checkout, so nothing is imported from the source tree: a
subpackage or data file missing from the wheel fails the self-test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_installs_into_a_fresh_venv_and_passes_its_self_test(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("finsam_slutrapport-*.whl")
    venv.EnvBuilder(with_pip=True).create(tmp_path / "venv")
    bin_dir = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    env = {**os.environ, "FINSAM_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": ""}
    result = subprocess.run([str(bin_dir / "finsam-desktop"), "--self-test"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Självtestet lyckades." in result.stdout
