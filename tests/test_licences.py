# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What municipal IT asks for: the app's licence (EUPL-1.2), every shipped package with its
licence and text, a CycloneDX bill of materials, and Om programmet saying all of it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from finsam_desktop.licences import APP_LICENCE, sbom, shipped, write_bundle_licences

ROOT = Path(__file__).resolve().parent.parent


def test_the_project_is_eupl_and_says_so_where_tools_look() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == APP_LICENCE == "EUPL-1.2"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2") and text == (ROOT / "LICENSES" / "EUPL-1.2.txt").read_text("utf-8")


def test_every_shipped_package_is_listed_with_its_licence() -> None:
    licences = {package.name.lower().replace("_", "-"): package.licence for package in shipped()}
    assert "LGPL-3.0-only" in licences["pyside6-essentials"] and "LGPL-3.0-only" in licences["shiboken6"]
    assert licences["hunspell-sv"] == "LGPL-3.0-only" and licences["typst"] == "Apache-2.0"
    assert {"pydantic", "python-docx", "lxml", "keyring", "xlsxwriter", "openpyxl", "spylls"} <= set(licences)
    assert not {"pytest", "hypothesis", "mypy", "ruff", "pyinstaller"} & set(licences)  # tools, not shipped


def test_the_bundle_gets_every_licence_text_qt_for_python_the_lgpl_it_lacks(tmp_path: Path) -> None:
    written = {package.name: package for package in write_bundle_licences(tmp_path / "licenses", ROOT / "LICENSE")}
    folder = tmp_path / "licenses"
    assert (folder / "LICENSE-finsam-slutrapport.txt").read_text("utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE")
    qt = next(package for name, package in written.items() if name.lower().startswith("pyside6"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (folder / qt.texts[0]).read_text("utf-8")
    assert all(package.texts for package in written.values()), [name for name, package in written.items() if not package.texts]
    listing = json.loads((folder / "third-party.json").read_text("utf-8"))
    assert {entry["name"] for entry in listing} == set(written)


def test_the_bill_of_materials_is_cyclonedx_with_package_urls_and_licences() -> None:
    bill = sbom("0.1.0")
    assert (bill["bomFormat"], bill["specVersion"]) == ("CycloneDX", "1.5")
    assert bill["metadata"]["component"]["licenses"] == [{"license": {"id": "EUPL-1.2"}}]  # type: ignore[index]
    components = {component["name"]: component for component in bill["components"]}  # type: ignore[attr-defined]
    typst = components["typst"]
    assert typst["purl"].startswith("pkg:pypi/typst@") and typst["licenses"] == [{"license": {"name": "Apache-2.0"}}]


def test_om_programmet_shows_the_licence_and_every_package(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.about import AboutDialog
    from ui.app import create_application

    create_application([])
    dialog = AboutDialog("Samordningsförbundet Gävleborg")
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text.toPlainText()
    assert "EUPL-1.2" in text and "Samordningsförbundet Gävleborg" in text
    assert all(package.name in text for package in shipped())
    assert "LGPL-3.0-only" in text
