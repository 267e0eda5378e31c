# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The app opens a real X11 window (the xcb platform, as on a desktop), not only offscreen.

Offscreen Qt needs none of the xcb libraries; a missing one means that on a real desktop
the window never opens. This starts the app as ``dev.py start`` does, on a virtual X server.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from finsam_desktop.drafts import NEW_FILE, write_draft
from finsam_desktop.sample import sample_report
from tests.conftest import need

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":93"


def window_titles() -> str:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env={**os.environ, "DISPLAY": DISPLAY},
                          capture_output=True, text=True, check=False)
    return tree.stdout


def test_the_app_opens_a_real_window_under_x11(tmp_path: Path) -> None:
    need(sys.platform.startswith("linux"), "Linux (X11)")
    need(shutil.which("Xvfb") is not None and shutil.which("xwininfo") is not None, "Xvfb and xwininfo")
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb", FINSAM_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    app = None
    try:
        time.sleep(1)
        app = subprocess.Popen([sys.executable, "-m", "finsam_desktop"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "Finsam Slutrapport" not in window_titles() and app.poll() is None:
            time.sleep(0.3)
        titles = window_titles()
        running = app.poll() is None
    finally:
        if app is not None:
            app.kill()
            output = app.communicate()[0]
        server.kill()
        server.wait()
    assert running, f"the app exited: {output}"
    assert "Finsam Slutrapport" in titles, f"no window appeared: {output}"


SMALL_DISPLAY = ":92"


def _x(env: dict[str, str], *command: str) -> str:
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False).stdout


@contextmanager
def small_screen_with_a_window_manager(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A 1024×700 X screen with openbox, which frames windows as a desktop does."""
    need(sys.platform.startswith("linux"), "Linux (X11)")
    need(all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xwininfo", "xprop")), "Xvfb, openbox, xwininfo and xprop")
    server = subprocess.Popen(["Xvfb", SMALL_DISPLAY, "-screen", "0", "1024x700x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=SMALL_DISPLAY, QT_QPA_PLATFORM="xcb", FINSAM_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    time.sleep(1)
    manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        yield env
    finally:
        manager.kill()
        manager.wait()
        server.kill()
        server.wait()


def framed_geometry(env: dict[str, str], title: str) -> tuple[int, int, int, int] | None:
    """Left, top, right and bottom of the window titled ``title``, its frame included."""
    found = re.search(r"(0x[0-9a-f]+) \"" + re.escape(title), _x(env, "xwininfo", "-root", "-tree"))
    if found is None:
        return None
    info = _x(env, "xwininfo", "-id", found.group(1))
    extents = re.search(r"= (\d+), (\d+), (\d+), (\d+)", _x(env, "xprop", "-id", found.group(1), "_NET_FRAME_EXTENTS"))
    if extents is None:
        return None  # not framed yet
    left, right, top, bottom = map(int, extents.groups())
    x, y, width, height = (int(re.search(rf"{label}:\s+(-?\d+)", info).group(1))  # type: ignore[union-attr]
                           for label in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height"))
    return x - left, y - top, x + width + right, y + height + bottom


@pytest.mark.slow
@pytest.mark.parametrize("opened", ["start window", "report"])
def test_every_window_opens_inside_a_small_screen_frame_included(tmp_path: Path, opened: str) -> None:
    """1024×700 with a window manager's frame: the status bar (where "✔ Sparat" shows) and the
    row of draft buttons end above the screen's edge; nothing starts outside it."""
    with small_screen_with_a_window_manager(tmp_path) as env:
        command = [sys.executable, "-m", "finsam_desktop"]
        title = "Slutrapport"
        if opened == "report":
            draft = tmp_path / "utkast.json"
            write_draft(draft, "Liten skärm", sample_report()[1], NEW_FILE)
            command.append(str(draft))
            title = "Liten skärm"
        app = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline, frame = time.monotonic() + 30, None
            while time.monotonic() < deadline and app.poll() is None:
                frame = framed_geometry(env, title)
                if frame is not None:
                    time.sleep(1)  # the app's second look, once the frame is on
                    frame = framed_geometry(env, title)
                    break
                time.sleep(0.3)
        finally:
            app.kill()
            output = app.communicate()[0]
    assert frame is not None, f"no framed window appeared: {output}"
    left, top, right, bottom = frame
    assert left >= 0 and top >= 0 and right <= 1024 and bottom <= 700, frame
