# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The app in a child process: opens a draft, types into a field, then keeps running.

``python -m tests.gui_child DRAFT TEXT`` prints ``typed`` once the text is in the field,
so a test can kill the process at that moment. With ``--steady MS`` it types TEXT one
key every MS milliseconds instead, printing how many characters are in after each key,
so a test can kill it in the middle of continuous typing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from finsam_desktop.session import DraftSession
from tests.drafting import P
from tests.typing import type_text
from ui.app import create_application
from ui.main_window import MainWindow


def main() -> None:
    app = create_application([])
    window = MainWindow(DraftSession.open(Path(sys.argv[1])))
    window.show()
    field = window.pages[5].all_editors()[P("analys.erfarenheter")]
    target = field.input.focusProxy() or field.input
    target.setFocus()
    text = sys.argv[2]
    if "--steady" not in sys.argv:
        type_text(target, text)
        print("typed", flush=True)
        app.exec()
        return
    position = [0]

    def next_key() -> None:
        type_text(target, text[position[0]])
        position[0] += 1
        print(position[0], flush=True)
        if position[0] == len(text):
            timer.stop()

    timer = QTimer()
    timer.timeout.connect(next_key)
    timer.start(int(sys.argv[sys.argv.index("--steady") + 1]))
    app.exec()


if __name__ == "__main__":
    main()
