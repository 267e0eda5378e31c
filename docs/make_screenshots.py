# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Render the app's windows to PNG files, offscreen: ``python docs/make_screenshots.py``.

Renders the start screen, every section page of the example report, a page showing
problems, and the review page. ``--scale 2`` renders at 200 %, ``--dark`` with a dark
palette; ``--out`` chooses the folder (default: docs/screenshots). ``--screen 1024x700``
renders instead the wizard as it opens on a screen of that size (less a taskbar) at the
``--scale`` given: ``skarm-1024x700-*.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def dark_palette():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="1")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--screen", help="WxH: the physical screen, e.g. 1366x768")
    args = parser.parse_args()
    # a screen of the size asked for (offscreen Qt's own is 800×600), less a taskbar
    width, height = (int(number) for number in (args.screen or "1920x1080").split("x"))
    screens = {"screens": [{"name": "Skärm", "x": 0, "y": 0, "width": width, "height": height - TASKBAR,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    config = Path(tempfile.mkdtemp(prefix="finsam-screen-")) / "screen.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ["FINSAM_DATA_DIR"] = tempfile.mkdtemp(prefix="finsam-screens-")

    from PySide6.QtWidgets import QApplication

    from finsam_desktop.forms.paths import path
    from finsam_desktop.paths import drafts_dir
    from finsam_desktop.sample import sample_report
    from finsam_desktop.session import DraftSession
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.start_window import StartWindow

    app = create_application([])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    args.out.mkdir(parents=True, exist_ok=True)
    name, draft = sample_report()
    DraftSession.create(drafts_dir(), name, draft)
    if args.screen:
        on_a_screen(args.screen, float(args.scale), args.out)
        return
    start = StartWindow()
    start.resize(900, 560)
    start.show()
    while not start.listed:  # the drafts are listed once the window is painted
        app.processEvents()
    start.grab().save(str(args.out / "00-start.png"))
    window = MainWindow(DraftSession.create(drafts_dir(), name, draft))
    window.resize(1180, 820)
    window.show()
    for row in range(window.stack.count()):
        window.sidebar.setCurrentRow(row)
        settle()
        window.grab().save(str(args.out / f"{row + 1:02d}-{'granska' if row == len(window.pages) else 'avsnitt'}.png"))
    broken = draft.model_copy(deep=True)
    broken.ansvarig.epost.raw = "lena.sjoberg.ockelbo.se"
    broken.ansvarig.mobiltelefon.raw = "0297-123 45"
    broken.ansvarig.postnummer.raw = "816 30 Ockelbo"
    problems = MainWindow(DraftSession.create(drafts_dir(), "Med fel", broken))
    problems.resize(1180, 820)
    problems.show()
    problems.left_paths.update(path(each) for each in ("ansvarig.epost", "ansvarig.mobiltelefon", "ansvarig.postnummer"))
    problems.sidebar.setCurrentRow(1)
    problems.revalidate()
    app.processEvents()
    problems.grab().save(str(args.out / "20-problem.png"))
    problems.sidebar.setCurrentRow(len(problems.pages))
    app.processEvents()
    problems.grab().save(str(args.out / "21-granska-med-fel.png"))
    for each in (window, problems):
        each.close()
    QApplication.processEvents()


TASKBAR = 40  # physical pixels a Windows taskbar takes


def settle() -> None:
    """Let the layout finish: answers fit their height to their width a pass later."""
    from PySide6.QtWidgets import QApplication

    for _ in range(10):
        QApplication.processEvents()


def on_a_screen(screen: str, scale: float, out: Path) -> None:
    """The wizard in the room a screen of ``screen`` physical pixels leaves at ``scale``."""

    from finsam_desktop.paths import drafts_dir
    from finsam_desktop.sample import sample_report
    from finsam_desktop.session import DraftSession
    from ui.main_window import MainWindow

    width, height = (int(number) for number in screen.split("x"))
    name, draft = sample_report()
    window = MainWindow(DraftSession.create(drafts_dir(), name, draft))
    window.resize(int(width / scale), int((height - TASKBAR) / scale))
    window.show()
    for row, what in ((0, "avsnitt-1"), (4, "avsnitt-5"), (len(window.pages), "granska")):
        window.sidebar.setCurrentRow(row)
        settle()
        window.grab().save(str(out / f"skarm-{screen}-{round(scale * 100)}-{what}.png"))
    window.close()


if __name__ == "__main__":
    main()
