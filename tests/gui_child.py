"""The app in a child process: opens a draft, types into a field, then keeps running.

``python -m tests.gui_child DRAFT TEXT`` prints ``typed`` once the text is in the field,
so a test can kill the process at that moment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from finsam_desktop.session import DraftSession  # noqa: E402
from tests.typing import type_text  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    app = create_application([])
    window = MainWindow(DraftSession.open(Path(sys.argv[1])))
    window.show()
    field = window.pages[5].all_editors()["analys.erfarenheter"]
    target = field.input.focusProxy() or field.input
    target.setFocus()
    type_text(target, sys.argv[2])
    print("typed", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
