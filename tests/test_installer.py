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
    assert (bundle / "_internal" / "hunspell" / "sv_SE.trie").stat().st_size < 10 * 2**20  # built, and compact
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


def test_the_readmes_silent_install_is_what_the_installer_script_does(tmp_path: Path) -> None:
    """Inno Setup itself does not run here (docs/windows.md); its script is checked against
    each claim of the README's silent-install section."""
    readme = (Path(build_installer.ROOT) / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Silent installation")[1].split("\n## ")[0]
    script = build_installer.inno_setup_script(tmp_path / "bundle", {"ico": tmp_path / "finsam.ico"}, tmp_path).read_text("utf-8")
    setup = dict(line.split("=", 1) for line in script.split("[Setup]")[1].split("[")[0].splitlines() if "=" in line)
    assert "no admin rights" in section and setup["PrivilegesRequired"] == "lowest"
    assert "/ALLUSERS" in section and setup["PrivilegesRequiredOverridesAllowed"] == "commandline"
    assert "%LOCALAPPDATA%\\Programs\\Finsam Slutrapport" in section and "Program Files" in section
    assert setup["DefaultDirName"] == "{autopf}\\Finsam Slutrapport"  # LOCALAPPDATA\Programs per user, Program Files for all
    assert "Start-menu shortcut" in section and '"{group}\\Finsam Slutrapport"' in script
    assert "without taking over their default program" in section
    registry = [line for line in script.split("[Registry]")[1].split("[Run]")[0].splitlines() if line.startswith("Root:")]
    assert all(line.startswith("Root: HKA;") for line in registry)
    assert 'Subkey: "Software\\Classes\\.docx\\OpenWithProgids"' in script and "Classes\\.docx\"; ValueType" not in script
    assert "unins000.exe /VERYSILENT" in section and "Uninstallable=no" not in script
    assert "skipifsilent" in script  # a silent install does not start the app
    assert "Drafts stay" in section and "UninstallDelete" not in script and "Finsam Slutrapport\\utkast" not in script
