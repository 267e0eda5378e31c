# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The app opens a real X11 window (the xcb platform, as on a desktop), not only offscreen.

Offscreen Qt needs none of the xcb libraries; a missing one means that on a real desktop
the window never opens. This starts the app as ``dev.py start`` does, on a virtual X server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

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
