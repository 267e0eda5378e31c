# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The core runs without Qt; the UI depends on the core and never the other way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from finsam_desktop.drafts import encode
from finsam_desktop.sample import sample_report
from tests.conftest import need

ROOT = Path(__file__).resolve().parent.parent

WITHOUT_QT = "import sys; sys.modules['PySide6'] = None\n"


def python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)


def test_every_core_module_imports_with_qt_unimportable() -> None:
    result = python(
        WITHOUT_QT
        + "import importlib, pkgutil, finsam_desktop\n"
        + "names = [m.name for m in pkgutil.walk_packages(finsam_desktop.__path__, 'finsam_desktop.')]\n"
        + "[importlib.import_module(n) for n in names if not n.endswith('__main__')]\n"
        + "print(len(names))\n"
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 8


def test_the_cli_validates_with_qt_unimportable(tmp_path: Path) -> None:
    path = tmp_path / "exempel.json"
    path.write_bytes(encode(*sample_report()))
    result = python(WITHOUT_QT + "from finsam_desktop.cli import main; sys.exit(main(['validate', sys.argv[1]]))", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    need(lint.exists(), "import-linter (python3 dev.py test installs it)")
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout
