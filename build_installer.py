# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Build the standalone app for this platform: ``.venv/bin/python build_installer.py``.

PyInstaller makes a one-folder bundle (fast start-up; no one-file), windowed, with our
icon, the ``resources/`` data, Qt's Swedish translation and only the Qt modules the app
uses, without UPX. On Windows it also writes an Inno Setup script (per-user install, no
admin rights) and compiles it when Inno Setup is installed; elsewhere it packs the bundle
as an archive. ``--naive`` builds with PyInstaller's defaults only, for the size benchmark.
Needs the ``build`` extra (PyInstaller, Pillow).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NAME = "Finsam Slutrapport"
ENTRY = ROOT / "finsam_desktop" / "__main__.py"
RELEASE_PYTHON = (3, 12)
QT_MODULES_USED = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
QT_MODULES_ALL = {
    "QtConcurrent", "QtDBus", "QtDesigner", "QtHelp", "QtLabsStyleKit", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets",
    "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtSql", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtUiTools", "QtXml",
}
# Installed beside the app for tests and the build, never used by it.
UNUSED_PYTHON = [
    "tkinter", "unittest", "pydoc", "test", "PIL", "hypothesis", "pytest", "_pytest", "pytestqt", "aiosmtpd",
    "trustme", "importlinter", "grimp", "PyInstaller",
]


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from finsam_desktop import __version__

    return __version__


def dictionary_base() -> Path | None:
    """The Swedish dictionary's files (sv_SE.dic/.aff without suffix), as the app finds them."""
    sys.path.insert(0, str(ROOT))
    from finsam_desktop.spelling.lexicon import dictionary_base as found

    return found()


def make_icons(folder: Path) -> dict[str, Path]:
    """.ico and .icns from the SVG mark, rendered by Qt and written by Pillow."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - rendering needs it
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "finsam.svg"))
    image = QImage(1024, 1024, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # QIODevice overload missing from the stubs
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "finsam.png"
    png.write_bytes(data.data())
    big = Image.open(png)
    icons = {"ico": folder / "finsam.ico", "icns": folder / "finsam.icns", "png": png}
    big.save(icons["ico"], sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(icons["icns"])
    return icons


def version_file(folder: Path) -> Path:
    """Windows version information (file properties in Explorer)."""
    numbers = (*(int(part) for part in version().split(".")), 0)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('041D04B0', [
    StringStruct('CompanyName', 'Finsam'),
    StringStruct('FileDescription', '{NAME}'),
    StringStruct('FileVersion', '{version()}'),
    StringStruct('ProductName', '{NAME}'),
    StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [0x041D, 1200])])]
)
"""
    path = folder / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path


def docx_package() -> str:
    import docx

    return str(Path(docx.__file__).parent)


def pyinstaller_arguments(work: Path, icons: dict[str, Path], naive: bool) -> list[str]:
    separator = ";" if sys.platform == "win32" else ":"
    arguments = [
        str(ENTRY), "--name", NAME, "--onedir", "--noconfirm", "--clean",
        "--distpath", str(work / "dist"), "--workpath", str(work / "build"), "--specpath", str(work),
        "--paths", str(ROOT),
        "--add-data", f"{ROOT / 'resources'}{separator}resources",
        "--hidden-import", "resources",
        "--collect-submodules", "finsam_desktop", "--collect-submodules", "ui",
        "--collect-data", "docx",  # python-docx's templates: the default document, header, footer
        # python-docx finds the header/footer templates as docx/parts/../templates: that folder must exist
        "--add-data", f"{Path(docx_package()) / 'parts'}{separator}docx/parts",
        "--collect-submodules", "spylls",  # the Swedish dictionary's reader, imported when spelling starts
    ]
    dictionary = dictionary_base()
    if dictionary is not None:  # the app finds them in <bundle>/hunspell, the trie built from them beside
        from finsam_desktop.spelling.lexicon import BUILT_NAME, build_lexicon

        build_lexicon(dictionary, work / "hunspell" / BUILT_NAME)
        for source in (dictionary.with_suffix(".dic"), dictionary.with_suffix(".aff"), work / "hunspell" / BUILT_NAME):
            arguments += ["--add-data", f"{source}{separator}hunspell"]
    if naive:
        return arguments
    from PySide6.QtCore import QLibraryInfo

    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    arguments += [
        "--windowed", "--noupx",
        "--icon", str(icons["ico" if sys.platform == "win32" else "icns" if sys.platform == "darwin" else "png"]),
        "--add-data", f"{translations / 'qtbase_sv.qm'}{separator}PySide6/Qt/translations",
    ]
    if sys.platform == "win32":
        arguments += ["--version-file", str(version_file(work))]
    else:
        arguments += ["--strip"]  # debug symbols: half of libpython and Qt's libraries
    for module in sorted(QT_MODULES_ALL - QT_MODULES_USED):
        arguments += ["--exclude-module", f"PySide6.{module}"]
    for module in UNUSED_PYTHON:
        arguments += ["--exclude-module", module]
    return arguments


def inno_setup_script(bundle: Path, icons: dict[str, Path], out: Path) -> Path:
    """Per-user install without admin rights (``{autopf}`` is %LOCALAPPDATA%\\Programs then, Program
    Files with /ALLUSERS; ``HKA`` the user's registry then, the machine's with /ALLUSERS),
    Start-menu shortcut, "Öppna med" for drafts and .docx; the user's drafts are never touched."""
    script = out / "finsam-slutrapport.iss"
    script.write_text(
        f"""; Generated by build_installer.py
[Setup]
AppId={{{{7C1C3E2A-5B7E-4B7B-9C55-3F1D2E0A9B11}}
AppName={NAME}
AppVersion={version()}
AppPublisher=Finsam
DefaultDirName={{autopf}}\\{NAME}
DefaultGroupName={NAME}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
OutputDir={out}
OutputBaseFilename=FinsamSlutrapport-{version()}-installation
SetupIconFile={icons['ico']}
UninstallDisplayIcon={{app}}\\{NAME}.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\\Swedish.isl"

[Files]
Source: "{bundle}\\*"; DestDir: "{{app}}"; Flags: recursesubdirs ignoreversion
Source: "{ROOT / 'LICENSE'}"; DestDir: "{{app}}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{{group}}\\{NAME}"; Filename: "{{app}}\\{NAME}.exe"
Name: "{{userdesktop}}\\{NAME}"; Filename: "{{app}}\\{NAME}.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Skapa en genväg på skrivbordet"; Flags: unchecked

[Registry]
; "Öppna med" for drafts (.json) and Word documents; never taking over the default program.
Root: HKA; Subkey: "Software\\Classes\\FinsamSlutrapport.Rapport"; ValueType: string; ValueData: "Slutrapport"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\\Classes\\FinsamSlutrapport.Rapport\\DefaultIcon"; ValueType: string; ValueData: "{{app}}\\{NAME}.exe,0"
Root: HKA; Subkey: "Software\\Classes\\FinsamSlutrapport.Rapport\\shell\\open\\command"; ValueType: string; ValueData: \"\"\"{{app}}\\{NAME}.exe\"\" \"\"%1\"\"\"
Root: HKA; Subkey: "Software\\Classes\\.json\\OpenWithProgids"; ValueType: string; ValueName: "FinsamSlutrapport.Rapport"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\\Classes\\.docx\\OpenWithProgids"; ValueType: string; ValueName: "FinsamSlutrapport.Rapport"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{{app}}\\{NAME}.exe"; Description: "Starta {NAME}"; Flags: nowait postinstall skipifsilent
""",
        encoding="utf-8",
    )
    return script


def prune_translations(bundle: Path) -> None:
    """Qt's translations into every language are collected; the app speaks Swedish."""
    for translation in bundle.rglob("translations/*.qm"):
        if not translation.name.endswith("_sv.qm"):
            translation.unlink()


def folder_size(folder: Path) -> int:
    """Bytes on disk; PyInstaller links some libraries to a second name, counted once."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(out: Path, naive: bool = False) -> dict[str, object]:
    """Build into ``out``; returns what was made and measured: the bundle with every
    shipped package's licence, the archive or installer, its SBOM and its checksum."""
    sys.path.insert(0, str(ROOT))
    from finsam_desktop.licences import sbom, write_bundle_licences

    work = out / ("naive" if naive else "app")
    shutil.rmtree(work, ignore_errors=True)
    icons = make_icons(work / "icons")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", *pyinstaller_arguments(work, icons, naive)], check=True)
    bundle = work / "dist" / NAME
    if not naive:
        prune_translations(bundle)
        contents = next(path.parent for path in bundle.rglob("base_library.zip"))  # sys._MEIPASS when frozen
        write_bundle_licences(contents / "licenses", ROOT / "LICENSE")
    result: dict[str, object] = {"bundle": bundle, "seconds": time.perf_counter() - started, "bytes": folder_size(bundle)}
    if naive:
        return result
    if sys.platform == "win32":
        script = inno_setup_script(bundle, icons, out)
        result["inno_setup_script"] = script
        compiler = shutil.which("ISCC") or shutil.which("iscc")
        if compiler:
            subprocess.run([compiler, str(script)], check=True)
    else:
        archive = shutil.make_archive(str(out / f"FinsamSlutrapport-{version()}-{sys.platform}"), "gztar", bundle.parent, NAME)
        result["archive"] = Path(archive)
        result["archive_bytes"] = Path(archive).stat().st_size
    handed_out = [path for path in out.glob("FinsamSlutrapport-*") if path.suffix in {".exe", ".gz"}]
    bill, checksums = out / f"FinsamSlutrapport-{version()}.cdx.json", out / f"FinsamSlutrapport-{version()}.sha256"
    bill.write_text(json.dumps(sbom(version()), ensure_ascii=False, indent=2), encoding="utf-8")
    checksums.write_text("".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n" for path in sorted(handed_out)))
    result["sbom"], result["checksums"] = bill, checksums
    return result


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--naive", action="store_true", help="PyInstaller's defaults only (for comparison)")
    args = parser.parse_args()
    if sys.version_info < RELEASE_PYTHON:
        print(
            f"Obs: releases are built with Python {'.'.join(map(str, RELEASE_PYTHON))} or newer, where None and the "
            "bools are immortal, so a reference-count bug in a binding cannot abort the app. This is "
            f"Python {sys.version.split()[0]}: fine for testing the build, not for handing out.",
            file=sys.stderr,
        )
    result = build(args.out.resolve(), naive=args.naive)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
