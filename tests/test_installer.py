# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The standalone app: built with PyInstaller here, then its own self-test run frozen."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import build_installer
from tests.conftest import need


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    need(importlib.util.find_spec("PyInstaller") is not None, "PyInstaller (the build extra; python3 dev.py test installs it)")
    return build_installer.build(tmp_path_factory.mktemp("installer"))


@pytest.mark.slow
def test_the_frozen_app_passes_its_self_test(built: dict[str, object]) -> None:
    program = build_installer.executable(built["bundle"])  # type: ignore[arg-type]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(program), "--self-test"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Självtestet lyckades." in result.stdout
    assert "OK   keyring backends" in result.stdout  # PyInstaller's keyring hook found the backends


@pytest.mark.slow
def test_the_bundle_holds_what_the_app_uses_and_no_more(built: dict[str, object]) -> None:
    bundle: Path = built["bundle"]  # type: ignore[assignment]
    translations = sorted(path.name for path in bundle.rglob("translations/*.qm"))
    assert translations and all(name.endswith("_sv.qm") for name in translations)
    assert "qtbase_sv.qm" in translations
    names = {path.name for path in bundle.rglob("*")}
    assert not {"QtNetwork.abi3.so", "QtQml.abi3.so", "QtNetwork.pyd", "hypothesis", "pytest", "PIL"} & names
    assert (bundle / "_internal" / "resources" / "forms" / "gavleborg-slutrapport.toml").exists()
    if sys.platform != "win32":
        archive: Path = built["archive"]  # type: ignore[assignment]
        assert archive.exists() and built["archive_bytes"] < built["bytes"]  # type: ignore[operator]


@pytest.mark.slow
def test_the_bundle_ships_every_licence_and_its_sbom_and_checksum_lie_beside_it(built: dict[str, object]) -> None:
    import hashlib
    import json

    bundle: Path = built["bundle"]  # type: ignore[assignment]
    licences = bundle / "_internal" / "licenses"
    listing = json.loads((licences / "third-party.json").read_text("utf-8"))
    assert all((licences / text).is_file() for entry in listing for text in entry["texts"])
    assert any(entry["name"].lower().startswith("pyside6") and entry["texts"] for entry in listing)
    assert (licences / "LICENSE-finsam-slutrapport.txt").is_file()
    bill = json.loads(Path(built["sbom"]).read_text("utf-8"))  # type: ignore[arg-type]
    assert bill["bomFormat"] == "CycloneDX" and len(bill["components"]) == len(listing)
    lines = Path(built["checksums"]).read_text().splitlines()  # type: ignore[arg-type]
    if sys.platform != "win32":  # on Windows the installer, when Inno Setup made one
        archive = Path(built["archive"])  # type: ignore[arg-type]
        assert lines == [f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}"]
