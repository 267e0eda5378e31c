# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Bootstrap and run the project: ``python3 dev.py start`` or ``python3 dev.py test``.

Each command makes what it needs by itself on a fresh machine: a local virtual
environment in ``.venv``, the Python packages from ``pyproject.toml`` (reinstalled
when that file changes), and on Debian the system packages Qt and the tests use.
Only the standard library is used here, since nothing else exists yet.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".finsam-installed"

# Debian packages: the libraries Qt loads even offscreen, those its X11 (xcb) platform
# plugin needs to open a real window, and for the tests a real word processor and PDF
# tools to check exported documents (with Arial's metric twin) and a virtual X server.
QT_RUNTIME = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]
QT_XCB = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xinerama0", "libxcb-xkb1",
    "libxkbcommon-x11-0", "libx11-xcb1",
]
DOCUMENT_TOOLS = ["libreoffice-writer-nogui", "libreoffice-calc-nogui", "poppler-utils", "fonts-liberation2"]
REAL_WINDOW_TOOLS = ["xvfb", "x11-utils", "openbox"]  # openbox: a window manager frames the windows
# The accessibility bus a screen reader listens on, and Debian's Python bindings to read it.
SCREEN_READER_TOOLS = ["dbus-daemon", "libglib2.0-bin", "at-spi2-core", "python3-gi", "gir1.2-atspi-2.0", "xdotool"]
DEBIAN_PACKAGES = {
    "start": QT_RUNTIME + QT_XCB,
    "test": QT_RUNTIME + QT_XCB + DOCUMENT_TOOLS + REAL_WINDOW_TOOLS + SCREEN_READER_TOOLS,
}


def venv_python() -> Path:
    """The interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project with ``extras`` unless already current.

    The stamp holds pyproject.toml's hash and the extras installed, so ``start`` after
    ``test`` (whose extras include everything) installs nothing."""
    if not venv_python().exists():
        print("Skapar virtuell miljö i .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    project = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    wanted = {extra for extra in extras.split(",") if extra}
    if STAMP.exists():
        stamped_project, _, stamped_extras = STAMP.read_text().partition("\n")
        if stamped_project == project and wanted <= set(filter(None, stamped_extras.split(","))):
            return
    print("Installerar Python-paket …", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(f"{project}\n{','.join(sorted(wanted))}")


def missing_debian_packages(names: list[str]) -> list[str]:
    """The packages of ``names`` that dpkg does not report as installed."""
    missing = []
    for name in names:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_debian_packages(command: str) -> None:
    """Install the Debian packages ``command`` needs, when this is Debian and we may."""
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return
    missing = missing_debian_packages(DEBIAN_PACKAGES[command])
    if not missing:
        return
    sudo: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            print(f"Saknade systempaket (installera dem själv): {' '.join(missing)}", file=sys.stderr)
            return
        sudo = ["sudo"]
    print(f"Installerar systempaket: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env
    )


def start(args: list[str]) -> int:
    ensure_debian_packages("start")
    ensure_venv("")
    return subprocess.call([str(venv_python()), "-m", "finsam_desktop", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    """The whole suite on every core (a test file's tests on one worker: a file's real X
    display and module fixtures are its own); on Debian the core's tests under Windows Python
    (the Windows lane, with Wine) run beside it, in its idle time. With arguments, only pytest
    with them."""
    ensure_debian_packages("test")
    ensure_venv("test,build")  # the tests build the installer bundle too
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    pytest = [str(venv_python()), "-m", "pytest"]
    if args:
        return subprocess.call([*pytest, *args], cwd=ROOT, env=env)
    lane = None
    if sys.platform.startswith("linux") and shutil.which("apt-get"):
        from tests import windows_lane

        lane = windows_lane.start(pip_command(), [], held=True)
    # One worker more than cores: many tests wait (on real windows, timers, LibreOffice), and
    # the spare worker fills those waits. A crashed worker fails the run, never hangs it.
    workers = ["-n", str((os.cpu_count() or 1) + 1), "--dist", "loadfile", "--max-worker-restart", "0"]
    try:
        code = subprocess.call([*pytest, *workers], cwd=ROOT, env=env)
    except BaseException:  # Ctrl+C: the lane goes too
        if lane is not None:
            lane.process.kill()
        raise
    return max(code, lane.finish() if lane is not None else 0)


def pip_command() -> list[str]:
    return [str(venv_python()), "-m", "pip"]


def wintest(args: list[str]) -> int:
    """The core's tests under Windows Python, with Wine (``tests/windows_lane.py``)."""
    from tests import windows_lane

    ensure_venv("")
    return windows_lane.run(pip_command(), args)


def main() -> int:
    commands = {"start": start, "test": test, "wintest": wintest}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("Användning: python3 dev.py start | test | wintest [argument …]", file=sys.stderr)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
