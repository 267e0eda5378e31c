# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The app's licence and those of the packages it ships with: listed in Om programmet,
and in the installed app with each package's own licence text (``licenses/``), as the
LGPL of Qt for Python and of the Swedish dictionary asks."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from finsam_desktop.resources import resource

APP = "finsam-slutrapport"
APP_LICENCE = "EUPL-1.2"
LISTING = "third-party.json"  # in the bundle's licenses/ folder
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice)[^/]*$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z0-9._-]+")
# Licence texts shipped for packages that carry none of their own (Qt for Python), by the
# licence their metadata names; the LGPL's text includes the GPL it builds on.
TEXTS_FOR = {"LGPL-3.0-only": "LGPL-3.0-only.txt"}


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str
    texts: tuple[str, ...] = ()  # the licence files: in the bundle, relative to licenses/


def _field(dist: metadata.Distribution, name: str) -> str:
    return (dist.metadata.get_all(name) or [""])[0]  # absent: no KeyError (Python 3.12 and later)


def _licence(dist: metadata.Distribution) -> str:
    """The package's licence as an SPDX expression where it says one, else its classifier."""
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    stated = _field(dist, "License").strip()
    if stated and "\n" not in stated and len(stated) < 80 and stated.upper() != "UNKNOWN":
        return stated
    stated_classifiers = dist.metadata.get_all("Classifier") or []
    classifiers = [each.split("::")[-1].strip() for each in stated_classifiers if each.startswith("License ::")]
    return ", ".join(classifiers) or "se licenstexten"


def _requirements(dist: metadata.Distribution) -> list[str]:
    """The names a package needs at run time (extras, for tests and builds, left out)."""
    return [match.group() for each in dist.requires or [] if "extra ==" not in each and (match := _NAME.match(each))]


def installed() -> list[tuple[Package, metadata.Distribution]]:
    """Every package the app needs at run time, as installed here, by name."""
    found: dict[str, tuple[Package, metadata.Distribution]] = {}
    waiting = _requirements(metadata.distribution(APP))
    while waiting:
        name = waiting.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # a platform's own (pywin32-ctypes on Windows only)
            continue
        texts = tuple(str(file) for file in dist.files or () if _LICENCE_FILE.search(str(file)))
        found[key] = (Package(dist.metadata["Name"], dist.version, _licence(dist), texts), dist)
        waiting += _requirements(dist)
    return [found[key] for key in sorted(found)]


def bundled_folder() -> Path | None:
    """The installed app's licences folder; None when run from source."""
    return Path(getattr(sys, "_MEIPASS", "")) / "licenses" if getattr(sys, "frozen", False) else None


def shipped() -> list[Package]:
    """What Om programmet lists: from the installed app's listing, or as installed here."""
    folder = bundled_folder()
    if folder is not None and (folder / LISTING).is_file():
        listing = json.loads((folder / LISTING).read_text("utf-8"))
        return [Package(**{**entry, "texts": tuple(entry["texts"])}) for entry in listing]
    return [package for package, _dist in installed()]


def write_bundle_licences(folder: Path, app_licence: Path) -> list[Package]:
    """Copy every shipped package's licence texts into ``folder``, with the listing and the
    app's own licence; returns what was written (the build calls this)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "LICENSE-finsam-slutrapport.txt").write_bytes(app_licence.read_bytes())
    written = []
    for package, dist in installed():
        copied = []
        for text in package.texts:
            source = Path(str(dist.locate_file(text)))
            if source.is_file():
                target = Path(package.name) / Path(text).name
                (folder / target).parent.mkdir(parents=True, exist_ok=True)
                (folder / target).write_bytes(source.read_bytes())
                copied.append(target.as_posix())
        for licence, text in TEXTS_FOR.items():
            if not copied and licence in package.licence:
                target = Path(package.name) / text
                (folder / target).parent.mkdir(parents=True, exist_ok=True)
                (folder / target).write_bytes(resource("licences", text).read_bytes())
                copied.append(target.as_posix())
        written.append(Package(package.name, package.version, package.licence, tuple(dict.fromkeys(copied))))
    (folder / LISTING).write_text(json.dumps([asdict(each) for each in written], ensure_ascii=False, indent=2), "utf-8")
    return written


def sbom(version: str) -> dict[str, object]:
    """A CycloneDX 1.5 bill of materials of what the app ships: each package with its
    version, licence and PyPI package URL."""
    import uuid

    def component(package: Package) -> dict[str, object]:
        licence = {"expression": package.licence} if " OR " in package.licence or " AND " in package.licence else {
            "license": {"name": package.licence}
        }
        return {
            "type": "library", "bom-ref": f"pkg:pypi/{package.name.lower()}@{package.version}", "name": package.name,
            "version": package.version, "purl": f"pkg:pypi/{package.name.lower()}@{package.version}", "licenses": [licence],
        }

    return {
        "bomFormat": "CycloneDX", "specVersion": "1.5", "serialNumber": f"urn:uuid:{uuid.uuid4()}", "version": 1,
        "metadata": {"component": {
            "type": "application", "bom-ref": f"pkg:pypi/{APP}@{version}", "name": "Finsam Slutrapport", "version": version,
            "licenses": [{"license": {"id": APP_LICENCE}}],
        }},
        "components": [component(package) for package, _dist in installed()],
    }
